"""Images from content: bad files are errors with their path; good ones lose metadata."""
import io

import pytest

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


TRACKER = "https://tracker.example.com/p.png"
OUTSIDE = (f"bilden '{TRACKER}' ligger inte i content/: lägg bildfilen i löftets mapp och länka till filnamnet "
           "(inga bilder från andra webbplatser)")


@pytest.mark.parametrize("markdown, line", [
    (f"![Karta][r]\n\n[r]: {TRACKER}", 34),  # reference-style: the URL is on the definition's line
    (f"![Karta [med] \\] hakar]({TRACKER})", 32),  # nested and escaped brackets in the alt text
    (f"<IMG SRC={TRACKER} ALT=karta>", 32),  # upper-case raw HTML
    (f"<p><img alt=x src='{TRACKER}'></p>", 32),
    (f"![Karta](<{TRACKER}>)", 32),
])
def test_images_from_other_sites_are_found_on_the_sanitised_html(small_content, markdown, line):
    add_image_to_body(small_content, markdown)
    assert f"content/{FOLDER}/index.md:{line}: text: {OUTSIDE}" in content_errors(small_content)


def test_upper_case_img_without_alt_is_caught(small_content):
    (small_content / FOLDER / "park.jpg").write_bytes(jpeg_with_gps())
    add_image_to_body(small_content, "<IMG SRC=park.jpg>")
    assert (f"content/{FOLDER}/index.md:32: text: bilden 'park.jpg' saknar alternativtext: beskriv bilden inom "
            "hakparenteserna, t.ex. ![Polis och invånare på torget](park.jpg)") in content_errors(small_content)


def test_markdown_in_yaml_fields_cannot_carry_images_or_other_hosts(small_content):
    lofte = small_content / "storby/2025/lofte.yaml"
    lofte.write_text(lofte.read_text().replace("purpose: Öka tryggheten i centrum.",
                                               f"purpose: \"Öka tryggheten. ![x]({TRACKER}) [läs](//evil.example/)\""))
    errors = content_errors(small_content)
    assert f"content/storby/2025/lofte.yaml:13: purpose: {OUTSIDE}" in errors
    assert ("content/storby/2025/lofte.yaml:13: purpose: länken '//evil.example/' leder till en annan webbplats "
            "utan https:; skriv hela adressen (https://…) eller en sida på den här webbplatsen (/…)") in errors


def test_no_text_can_make_an_output_load_from_elsewhere():
    from lofte.content import markup
    for source in (f"![a]({TRACKER})", f"<img src='{TRACKER}'>", "<img src=' //evil.example/x'>",
                   "[x](//evil.example)", '<a href="/\t/evil.example">x</a>', "![x](data:image/png;base64,AA)"):
        html = markup.render(source).html
        assert "evil" not in html and "tracker" not in html and "data:" not in html, html


def test_images_and_pdfs_over_1_mb_are_refused(small_content):
    import random
    noise = random.Random(1).randbytes(1100 * 1100 * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (1100, 1100), noise).save(out, "PNG")
    (small_content / FOLDER / "stor.png").write_bytes(out.getvalue())
    (small_content / FOLDER / "stor.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 1_100_000)
    errors = content_errors(small_content)
    size = f"{len(out.getvalue()) / 1_000_000:.1f}".replace(".", ",")
    assert (f"content/{FOLDER}/stor.png: filen är för stor ({size} MB; högst 1 MB); förminska bilden till högst 2000 "
            "bildpunkter på bredden, eller spara den som JPEG med lägre kvalitet") in errors
    assert (f"content/{FOLDER}/stor.pdf: filen är för stor (1,1 MB; högst 1 MB); spara en mindre PDF (t.ex. med "
            "”Minska filstorlek”), eller länka till dokumentet där det redan finns, med url under source") in errors


def make_pdf(**kw) -> bytes:
    import pikepdf
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = "Anna Hemligsson"
    with pdf.open_metadata() as meta:
        meta["dc:creator"] = ["Anna Hemligsson"]
    if kw.get("javascript"):
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    if kw.get("attachment"):
        pdf.attachments["lista.txt"] = pikepdf.AttachedFileSpec(pdf, b"personnummer")
    if kw.get("launch"):
        pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc")))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind, what", [("javascript", "en åtgärd som körs när filen öppnas"),
                                        ("attachment", "inbäddade filer"), ("launch", "åtgärder som körs automatiskt")])
def test_pdfs_that_can_act_are_refused(small_content, kind, what):
    (small_content / FOLDER / "dok.pdf").write_bytes(make_pdf(**{kind: True}))
    assert (f"content/{FOLDER}/dok.pdf: PDF-filen innehåller {what}; en publicerad PDF får inte kunna köra något "
            "hos läsaren: spara en vanlig PDF (t.ex. Skriv ut → Spara som PDF) och lägg den här"
            ) in content_errors(small_content)


def test_published_pdfs_lose_their_metadata(small_content, tmp_path):
    import pikepdf
    (small_content / FOLDER / "dok.pdf").write_bytes(make_pdf())
    out = tmp_path / "site"
    build(options(small_content, out))
    published = (out / FOLDER / "dok.pdf").read_bytes()
    assert b"Hemligsson" not in published
    with pikepdf.open(io.BytesIO(published)) as pdf:
        assert len(pdf.pages) == 1 and "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root


# -- images.py and pdfs.py called directly --------------------------------------------------------

def asset_errors(check, path, display):
    from lofte.content.errors import ErrorList
    errors = ErrorList()
    ok = check(path, display, errors)
    return ok, [str(e) for e in errors.items]


def test_clean_turns_a_phone_photo_upright_and_drops_its_exif(tmp_path):
    from lofte.content import images
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held on its side
    exif[0x010F] = "Telefonmodell"
    Image.new("RGB", (40, 20), "red").save(tmp_path / "foto.jpg", exif=exif.tobytes())
    with Image.open(io.BytesIO(images.clean(tmp_path / "foto.jpg"))) as out:
        assert out.size == (20, 40) and out.format == "JPEG"
        assert dict(out.getexif()) == {}


def test_check_asset_refuses_a_png_named_jpg_and_rebase_moves_only_relative_sources(tmp_path):
    from lofte.content.images import check_asset, rebase
    Image.new("RGB", (2, 2)).save(tmp_path / "bild.jpg", "PNG")
    assert asset_errors(check_asset, tmp_path / "bild.jpg", "content/a/bild.jpg") == (False, [
        "content/a/bild.jpg: filen heter .jpg men är en PNG-bild; byt filändelse eller spara om bilden"])
    html = ('<img src="karta.png" alt="k"><img alt="x" src="https://a.se/b.png"><img src="/c.png">'
            '<img src="data:image/png;base64,AA">')
    assert rebase(html, "updates/u/") == html.replace('"karta.png"', '"updates/u/karta.png"')


def test_pdfs_check_refuses_fakes_passwords_and_forms_that_send(tmp_path):
    import pikepdf

    from lofte.content import pdfs
    (tmp_path / "fake.pdf").write_bytes(b"<html>hej</html>")
    assert asset_errors(pdfs.check, tmp_path / "fake.pdf", "content/a/fake.pdf") == (False, [
        "content/a/fake.pdf: filen heter .pdf men är ingen PDF"])
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "las.pdf", encryption=pikepdf.Encryption(user="hemligt", owner="hemligt"))
    assert asset_errors(pdfs.check, tmp_path / "las.pdf", "content/a/las.pdf") == (False, [
        "content/a/las.pdf: PDF-filen är lösenordsskyddad; spara en kopia utan lösenord"])
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Annots = pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, A=pikepdf.Dictionary(S=pikepdf.Name.SubmitForm))])
    pdf.save(tmp_path / "form.pdf")
    ok, errors = asset_errors(pdfs.check, tmp_path / "form.pdf", "content/a/form.pdf")
    assert not ok and errors[0].startswith("content/a/form.pdf: PDF-filen innehåller ett formulär som skickar "
                                           "uppgifter; ")


def test_pdfs_clean_drops_the_author_and_gives_the_same_bytes_each_time(tmp_path):
    import pikepdf

    from lofte.content.pdfs import check, clean
    (tmp_path / "dok.pdf").write_bytes(make_pdf())
    assert asset_errors(check, tmp_path / "dok.pdf", "content/a/dok.pdf") == (True, [])
    first, second = clean(tmp_path / "dok.pdf"), clean(tmp_path / "dok.pdf")
    assert first == second and b"Hemligsson" not in first
    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root and len(pdf.pages) == 1
