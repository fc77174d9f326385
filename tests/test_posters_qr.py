"""The QR code: decodable by a real decoder, level Q, quiet zone, size asked for."""
import zxingcpp
from PIL import ImageOps

from lofte.outputs.posters import qr

URL = "https://lofte.example.se/trygghet/koping/2024/"


def test_a_real_decoder_reads_the_url_at_error_correction_q():
    code = qr.render(URL, 400)
    results = zxingcpp.read_barcodes(ImageOps.invert(code.mask))
    assert [r.text for r in results] == [URL]
    assert results[0].ec_level == "Q"


def test_the_symbol_is_at_least_as_wide_as_asked_in_whole_pixels_per_module():
    code = qr.render(URL, 472)
    assert code.symbol >= 472
    assert code.symbol % code.module == 0


def test_four_light_modules_surround_the_symbol():
    code = qr.render(URL, 300)
    q = code.quiet
    assert q == 4 * code.module
    w = code.mask.width
    for box in ((0, 0, w, q), (0, w - q, w, w), (0, 0, q, w), (w - q, 0, w, w)):
        assert code.mask.crop(box).getextrema() == (0, 0)
    assert code.mask.crop((q, q, w - q, w - q)).getextrema() == (0, 255)
