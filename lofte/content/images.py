"""Images and documents from content: checked at validation, cleaned at output.

Images come from people's phones and e-mail: they can be truncated, carry the
wrong extension, be decompression bombs, or hold EXIF GPS positions of
someone's home. Each is opened and fully decoded while validating (so a bad
file is a content error with its path, before anything is written), and
re-encoded from pixels when published, which drops every metadata block.
"""
from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

from PIL import Image, ImageOps

from . import pdfs
from .errors import ErrorList

MAX_BYTES = 1_000_000  # 1 MB: a photo for the web needs far less, and residents pay for the data
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is plenty; bombs are far larger
FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


def check_asset(path: Path, display: str, errors: ErrorList) -> bool:
    """Is this image or PDF safe to publish? Reports why not."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_BYTES:
        fix = ("spara en mindre PDF (t.ex. med ”Minska filstorlek”), eller länka till dokumentet där det "
               "redan finns, med url under source" if suffix == ".pdf" else
               "förminska bilden till högst 2000 bildpunkter på bredden, eller spara den som JPEG med lägre kvalitet")
        megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
        errors.add(display, 0, "", f"filen är för stor ({megabytes} MB; högst 1 MB); {fix}")
        return False
    if suffix == ".pdf":
        return pdfs.check(path, display, errors)
    expected = FORMATS.get(suffix)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if img.width * img.height > MAX_PIXELS:
                    errors.add(display, 0, "", f"bilden är för stor ({img.width}×{img.height} bildpunkter; "
                               f"högst {MAX_PIXELS // 1_000_000} miljoner)")
                    return False
                if img.format != expected:
                    errors.add(display, 0, "", f"filen heter {suffix} men är en {img.format or 'okänd'}-bild; "
                               "byt filändelse eller spara om bilden")
                    return False
                img.load()  # decodes every pixel: finds truncated files
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        errors.add(display, 0, "", "bilden är misstänkt stor (dekomprimeringsbomb) och används inte")
        return False
    except (OSError, SyntaxError, ValueError) as exc:
        errors.add(display, 0, "", f"bilden går inte att läsa ({exc}); spara om den som PNG eller JPEG")
        return False
    return True


def clean(path: Path) -> bytes:
    """Re-encode an image from its pixels: no EXIF, GPS, comments or profiles."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdfs.clean(path)
    with Image.open(path) as img:
        img = ImageOps.exif_transpose(img)
        fmt = FORMATS[suffix]
        if fmt == "JPEG" and img.mode not in ("RGB", "L"):
            img = img.convert("RGB")
        pixels = Image.frombytes(img.mode, img.size, img.tobytes())
        if img.mode == "P":
            pixels.putpalette(img.getpalette())
        out = io.BytesIO()
        options = {"quality": 85, "optimize": True} if fmt == "JPEG" else {}
        pixels.save(out, fmt, **options)
        return out.getvalue()


def rebase(html: str, prefix: str) -> str:
    """Point relative image sources at `prefix` (update bodies render on the promise page)."""
    def fix(m: re.Match) -> str:
        src = m.group(1)
        return m.group(0) if "://" in src or src.startswith(("/", "data:")) else m.group(0).replace(
            f'src="{src}"', f'src="{prefix}{src}"')
    return re.sub(r'<img\b[^>]*\bsrc="([^"]*)"', fix, html)
