"""Bytes out: a deterministic PNG, and a print PDF built around the same pixels.

The PNG is a palette image (see palette.py) with its resolution recorded, and
nothing else that could vary between builds (no time, no text chunks).

The PDF is written here rather than by Pillow, for three reasons: Pillow stamps
a creation date into every PDF, it re-encodes palette images, and it cannot set
a TrimBox. A poster of several pages is one PDF with a page per PNG. A PNG's
IDAT stream is exactly what PDF's FlateDecode filter with the PNG predictor
reads, so the PDF embeds the PNG's compressed pixels unchanged: lossless, no
second compression pass, and byte-identical for identical input. The page is
exactly the paper size (plus bleed) in points.
"""
from __future__ import annotations

import io
import struct

from PIL import Image, ImageChops

from . import palette
from .paper import DPI, Sheet

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
COMPRESS_LEVEL = 6  # zlib level: level 9 is ten times slower for a few per cent
THUMBNAIL_COLOURS = 64  # greys and the accent of a small poster: about 25 kB instead of 75 kB


def png(image: Image.Image, dpi: int = DPI) -> bytes:
    """The greyscale drawing as a palette PNG (spot colours from palette.py).

    The image itself becomes the palette image (its pixels are the palette's
    indices already): a copy would hold another 17 MB per A3 poster in each worker.
    """
    if image.mode == "L":
        image.putpalette(palette.palette())
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=COMPRESS_LEVEL, dpi=(dpi, dpi))
    return buf.getvalue()


def thumbnail(image: Image.Image, width: int) -> bytes:
    """A small RGB PNG of a greyscale drawing (before `png` makes it a palette image).

    Indices are not colours: shrunk as they are, a blue bar would blur into greys.
    Every index but the accent's is its own grey, and shrinking is linear, so the
    drawing is shrunk once as it is and once as a mask of the accent, and each RGB
    channel is the grey plus the mask times how far the accent's channel is from
    its index: a third of the work of shrinking three full-size channels. Cut to
    `THUMBNAIL_COLOURS` colours (no dithering): a third of the bytes, no visible change.
    """
    size = (width, round(image.height * width / image.width))
    grey = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    accent = image.point([255 if i == palette.ACCENT else 0 for i in range(256)])
    accent = accent.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    channels = [ImageChops.add(grey, accent.point([round(v * (c - palette.ACCENT) / 255) for v in range(256)]))
                for c in palette.SPOT_COLOURS[palette.ACCENT]]
    small = Image.merge("RGB", channels).quantize(THUMBNAIL_COLOURS, Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    small.save(buf, "PNG", compress_level=COMPRESS_LEVEL)  # optimize=True: 1 % smaller, 7 times slower
    return buf.getvalue()


def _chunks(data: bytes):
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def _num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def _text(value: str) -> bytes:
    """A PDF text string, UTF-16 with byte order mark, as hex (no escaping needed)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _image(png_data: bytes) -> bytes:
    """A PNG's pixels as a PDF image XObject's dictionary and stream, compressed bytes unchanged."""
    chunks = list(_chunks(png_data))
    ihdr = next(d for k, d in chunks if k == b"IHDR")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    if depth != 8 or interlace or colour not in (0, 2, 3):
        raise ValueError("only 8-bit, non-interlaced grey, RGB or palette PNGs can be embedded")
    idat = b"".join(d for k, d in chunks if k == b"IDAT")
    colours = {0: 1, 2: 3, 3: 1}[colour]
    if colour == 3:
        plte = next(d for k, d in chunks if k == b"PLTE")
        space = b"[/Indexed /DeviceRGB %d <%s>]" % (len(plte) // 3 - 1, plte.hex().upper().encode())
    else:
        space = b"/DeviceGray" if colour == 0 else b"/DeviceRGB"
    return (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace " % (width, height) + space
            + b" /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d"
              b" /BitsPerComponent 8 /Columns %d >> /Length %d >>\nstream\n" % (colours, width, len(idat))
            + idat + b"\nendstream")


def pdf(pngs: bytes | list[bytes], sheet: Sheet, title: str) -> bytes:
    """A PDF with one page per PNG, each showing it at the sheet's exact page size."""
    pngs = [pngs] if isinstance(pngs, bytes) else pngs
    page_w, page_h = sheet.page_points()
    trim = " ".join(_num(v) for v in sheet.trim_points()).encode()
    media = f"0 0 {_num(page_w)} {_num(page_h)}".encode()
    content = f"q {_num(page_w)} 0 0 {_num(page_h)} 0 0 cm /Im0 Do Q\n".encode()
    # Objects: 1 catalogue, 2 page tree, 3 info, then per page: page, contents, image.
    kids = b" ".join(b"%d 0 R" % (4 + 3 * i) for i in range(len(pngs)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pngs),
        b"<< /Title " + _text(title) + b" /Creator (lofte) >>",
    ]
    for i, data in enumerate(pngs):
        page = 4 + 3 * i
        objects += [
            b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media + b"] /BleedBox [" + media + b"] /TrimBox ["
            + trim + b"] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (page + 2, page + 1),
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            _image(data),
        ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
