"""PNG and PDF bytes: exact page sizes, 300 dpi, lossless, byte-identical."""
import io
import re
import zlib

import pytest
from PIL import Image

from lofte.outputs.posters import encode, palette
from lofte.outputs.posters.paper import A3, A4, Sheet


def drawing(size=(240, 300)):
    img = Image.new("L", size, palette.WHITE)
    img.paste(palette.INK, (10, 10, 120, 60))
    img.paste(palette.ACCENT, (10, 100, 200, 120))
    return img


def boxes(pdf: bytes) -> dict[str, list[float]]:
    return {name.decode(): [float(v) for v in values.split()]
            for name, values in re.findall(rb"/(MediaBox|TrimBox|BleedBox) \[([^\]]+)\]", pdf)}


def image_stream(pdf: bytes) -> bytes:
    return re.search(rb"/Subtype /Image.*?stream\n(.*)\nendstream", pdf, re.S).group(1)


def test_png_is_a_palette_image_at_300_dpi_with_the_spot_colour():
    data = encode.png(drawing())
    img = Image.open(io.BytesIO(data))
    assert img.mode == "P" and img.size == (240, 300)
    assert tuple(round(v) for v in img.info["dpi"]) == (300, 300)
    assert img.convert("RGB").getpixel((50, 110)) == palette.SPOT_COLOURS[palette.ACCENT]
    assert b"tIME" not in data and b"tEXt" not in data


def test_png_is_byte_identical_for_the_same_drawing():
    assert encode.png(drawing()) == encode.png(drawing())


@pytest.mark.parametrize("paper, bleed, size_mm", [
    (A3, False, (297, 420)), (A4, False, (210, 297)), (A3, True, (303, 426)), (A4, True, (216, 303))])
def test_pdf_page_is_exactly_the_paper_plus_bleed_in_points(paper, bleed, size_mm):
    sheet = Sheet(paper, bleed)
    pdf = encode.pdf(encode.png(drawing()), sheet, "Affisch")
    media = boxes(pdf)["MediaBox"]
    assert media[:2] == [0, 0]
    assert media[2:] == pytest.approx([v / 25.4 * 72 for v in size_mm], abs=0.01)
    trim = boxes(pdf)["TrimBox"]
    inset = 3 / 25.4 * 72 if bleed else 0
    assert trim == pytest.approx([inset, inset, media[2] - inset, media[3] - inset], abs=0.01)


def test_poster_pixels_fill_the_page_at_300_dpi():
    sheet = Sheet(A3, True)
    pdf = encode.pdf(encode.png(drawing(sheet.size)), sheet, "Affisch")
    width, height = (int(v) for v in re.search(rb"/Width (\d+) /Height (\d+)", pdf).groups())
    page = boxes(pdf)["MediaBox"]
    assert (width, height) == (3508 + 70, 4961 + 70)
    assert width / (page[2] / 72) == pytest.approx(300, abs=0.1)


def test_pdf_embeds_the_png_pixels_losslessly():
    img = drawing()
    pdf = encode.pdf(encode.png(img), Sheet(A4, False), "Affisch")
    raw = zlib.decompress(image_stream(pdf))
    rows = [raw[i * 241 + 1:(i + 1) * 241] for i in range(300)]  # a filter byte starts each row
    assert b"".join(rows) == img.tobytes()
    assert b"/Indexed /DeviceRGB 255" in pdf


def test_pdf_has_no_date_and_is_byte_identical():
    make = lambda: encode.pdf(encode.png(drawing()), Sheet(A3, False), "Medborgarlöfte – Köping")
    first = make()
    assert first == make()
    assert b"CreationDate" not in first and b"ModDate" not in first
    assert first.startswith(b"%PDF-1.4") and first.rstrip().endswith(b"%%EOF")


def test_pdf_cross_reference_offsets_point_at_their_objects():
    pdf = encode.pdf(encode.png(drawing()), Sheet(A3, False), "Affisch")
    xref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf[xref:])]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)


def test_a_poster_of_several_pages_is_one_pdf_with_a_page_per_png():
    sheet = Sheet(A4, False)
    first, second = encode.png(drawing()), encode.png(drawing((200, 100)))
    pdf = encode.pdf([first, second], sheet, "Affisch")
    assert re.search(rb"/Type /Pages /Kids \[4 0 R 7 0 R\] /Count 2", pdf)
    assert len(re.findall(rb"/Type /Page /Parent", pdf)) == 2 and len(boxes_all(pdf, "TrimBox")) == 2
    assert [int(w) for w in re.findall(rb"/Width (\d+)", pdf)] == [240, 200]
    xref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    for number, offset in enumerate((int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf[xref:])), start=1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)
    assert encode.pdf(first, sheet, "Affisch") == encode.pdf([first], sheet, "Affisch")


def boxes_all(pdf: bytes, name: str) -> list[bytes]:
    return re.findall(rb"/" + name.encode() + rb" \[([^\]]+)\]", pdf)
