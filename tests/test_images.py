"""Images from content: bad files are errors with their path; good ones lose metadata."""
import io

from conftest import content_errors, options
from PIL import Image

from lofte.build.pipeline import build

FOLDER = "storby/2025/trygg-park"


def jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {2: (59.0, 20.0, 0.0), 4: (17.0, 1.0, 0.0)}  # GPSInfo: latitude/longitude
    exif[0x010F] = "Telefonmodell"
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def add_image_to_body(content, markdown):
    page = content / FOLDER / "index.md"
    page.write_text(page.read_text() + f"\n{markdown}\n")


def test_published_image_is_re_encoded_without_exif(small_content, tmp_path):
    (small_content / FOLDER / "park.jpg").write_bytes(jpeg_with_gps())
    add_image_to_body(small_content, "![Parken en kväll](park.jpg)")
    out = tmp_path / "site"
    build(options(small_content, out))
    published = out / FOLDER / "park.jpg"
    with Image.open(published) as img:
        assert img.size == (40, 30)
        assert dict(img.getexif()) == {}
    assert b"Telefonmodell" not in published.read_bytes()
    assert '<img src="park.jpg" alt="Parken en kväll">' in (out / FOLDER / "index.html").read_text()


def test_image_without_alt_text_is_an_error(small_content):
    (small_content / FOLDER / "park.jpg").write_bytes(jpeg_with_gps())
    add_image_to_body(small_content, "![](park.jpg)")
    assert ("content/storby/2025/trygg-park/index.md:32: text: bilden 'park.jpg' saknar alternativtext: "
            "beskriv bilden inom hakparenteserna, t.ex. ![Polis och invånare på torget](park.jpg)"
            ) in content_errors(small_content)


def test_images_from_other_sites_and_missing_files_are_errors(small_content):
    add_image_to_body(small_content, "![Karta](https://tracker.example.com/karta.png)\n\n![Foto](saknas.png)")
    errors = content_errors(small_content)
    assert ("content/storby/2025/trygg-park/index.md:32: text: bilden 'https://tracker.example.com/karta.png' "
            "ligger inte i content/: lägg bildfilen i löftets mapp och länka till filnamnet "
            "(inga bilder från andra webbplatser)") in errors
    assert ("content/storby/2025/trygg-park/index.md:34: text: bilden 'saknas.png' finns inte i "
            "storby/2025/trygg-park/ (eller är ingen godkänd bild)") in errors


def test_broken_images_are_refused(small_content):
    good = jpeg_with_gps()
    (small_content / FOLDER / "halv.jpg").write_bytes(good[: len(good) // 2])
    (small_content / FOLDER / "fel.png").write_bytes(good)
    (small_content / FOLDER / "text.jpg").write_text("inte en bild")
    (small_content / FOLDER / "dok.pdf").write_text("inte en pdf")
    errors = content_errors(small_content)
    assert any(e.startswith("content/storby/2025/trygg-park/halv.jpg: bilden går inte att läsa") for e in errors)
    assert ("content/storby/2025/trygg-park/fel.png: filen heter .png men är en JPEG-bild; "
            "byt filändelse eller spara om bilden") in errors
    assert any(e.startswith("content/storby/2025/trygg-park/text.jpg: bilden går inte att läsa") for e in errors)
    assert "content/storby/2025/trygg-park/dok.pdf: filen heter .pdf men är ingen PDF" in errors


def test_decompression_bomb_is_refused(small_content):
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # 400 megapixels in a few kB
    (small_content / FOLDER / "bomb.png").write_bytes(out.getvalue())
    errors = content_errors(small_content)
    assert any(e.startswith("content/storby/2025/trygg-park/bomb.png: bilden ") for e in errors), errors
