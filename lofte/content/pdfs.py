"""PDFs from content: refused when they can act, published without metadata.

A PDF can carry JavaScript, actions that run when it opens (OpenAction, AA),
launch other programs, submit forms or hold embedded files; a resident's PDF
reader may run them. Such a PDF is refused rather than silently rewritten:
removing an action can change what a form or document does, and the
communicator should know and export a plain PDF instead ("Spara som PDF"
does). What every PDF also carries, the author's name, the program, internal
file paths and edit history in its document information and XMP metadata, is
removed when published, as images lose their EXIF data (images.py).

pikepdf (qpdf, the reference C++ PDF library) reads and rewrites them: it
repairs or refuses damaged files instead of guessing, and writes only the
objects still referenced, so removed metadata is really gone.
"""
from __future__ import annotations

import io
from pathlib import Path

from .errors import ErrorList

# Keys and action types that make a PDF do something besides being read.
ACTIVE_KEYS = {"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles",
               "/RichMedia", "/XFA"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE", "/RichMediaExecute",
                  "/Rendition", "/Sound", "/Movie"}
PRIVATE_KEYS = ("/Metadata", "/PieceInfo")  # XMP metadata, editing applications' private data
WHAT = {"/JavaScript": "JavaScript", "/JS": "JavaScript", "/OpenAction": "en åtgärd som körs när filen öppnas",
        "/AA": "åtgärder som körs automatiskt", "/Launch": "en åtgärd som startar ett program",
        "/EmbeddedFile": "inbäddade filer", "/EmbeddedFiles": "inbäddade filer",
        "/RichMedia": "inbäddad media", "/XFA": "ett XFA-formulär", "/SubmitForm": "ett formulär som skickar uppgifter",
        "/ImportData": "en åtgärd som läser in data", "/GoToE": "en länk till en inbäddad fil",
        "/RichMediaExecute": "inbäddad media", "/Rendition": "inbäddad media", "/Sound": "ljud", "/Movie": "film"}


def _active(obj, depth: int = 0) -> str | None:
    """The first active key or action in `obj` and its direct children (indirect
    objects are looked at on their own, so shared objects are read once)."""
    import pikepdf
    if depth > 64:
        return None
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key in obj.keys():
            if key in ACTIVE_KEYS:
                return key
            value = obj.get(key)
            if key == "/S" and isinstance(value, pikepdf.Name) and str(value) in ACTIVE_ACTIONS:
                return str(value)
            if isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
                found = _active(value, depth + 1)
                if found:
                    return found
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            if isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
                found = _active(value, depth + 1)
                if found:
                    return found
    return None


def check(path: Path, display: str, errors: ErrorList) -> bool:
    """Is this PDF safe to publish? Reports why not."""
    import pikepdf
    with open(path, "rb") as handle:
        if handle.read(5) != b"%PDF-":
            errors.add(display, 0, "", "filen heter .pdf men är ingen PDF")
            return False
    try:
        with pikepdf.open(path) as pdf:
            found = next((f for f in (_active(o) for o in [pdf.trailer, *pdf.objects]) if f), None)
    except pikepdf.PasswordError:
        errors.add(display, 0, "", "PDF-filen är lösenordsskyddad; spara en kopia utan lösenord")
        return False
    except (pikepdf.PdfError, OSError, ValueError, RuntimeError):
        errors.add(display, 0, "", "PDF-filen går inte att läsa (den kan vara skadad); spara om den som PDF")
        return False
    if found:
        errors.add(display, 0, "", f"PDF-filen innehåller {WHAT.get(found, found)}; en publicerad PDF får inte kunna "
                   "köra något hos läsaren: spara en vanlig PDF (t.ex. Skriv ut → Spara som PDF) och lägg den här")
        return False
    return True


def clean(path: Path) -> bytes:
    """The PDF without document information, XMP metadata or applications' private data."""
    import pikepdf
    with pikepdf.open(path) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in [pdf.Root, *pdf.objects]:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                for key in PRIVATE_KEYS:
                    if key in obj:
                        del obj[key]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)  # the same input gives the same bytes
        return out.getvalue()
