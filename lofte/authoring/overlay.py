"""The page the preview shows instead of the site while the last build failed.

It lists the same `file:line: field: message` lines the terminal prints, so a
communicator who only looks at the browser still sees what to fix. Every value
is escaped: messages quote content, and content is untrusted. The page is self-
contained (its style inline) so it works even when the site's stylesheet or
templates are what broke.
"""
from __future__ import annotations

from html import escape

from lofte.content.errors import ContentError

STYLE = """
body { font: 1.05rem/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; border-top: 0.5rem solid #b00020; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
li { margin: 0.6rem 0; }
code, pre { font-family: ui-monospace, monospace; background: #f3f3f3; padding: 0 0.2rem; }
pre { padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
.field { font-weight: bold; }
"""


def _item(error: ContentError) -> str:
    where = f"{error.path}:{error.line}" if error.line else error.path
    field = f' <span class="field">{escape(error.field)}</span>:' if error.field else ""
    return f"<li><code>{escape(where)}</code>{field} {escape(error.message)}</li>"


def page(errors: tuple[ContentError, ...], problem: str = "") -> bytes:
    """The error page for a failed build: content errors, or another problem's text."""
    if errors:
        count = "1 fel" if len(errors) == 1 else f"{len(errors)} fel"
        details = f"<p>{count} i innehållet:</p>\n<ol>\n" + "\n".join(_item(e) for e in errors) + "\n</ol>"
    else:
        details = f"<p>Något annat än innehållet gick fel:</p>\n<pre>{escape(problem)}</pre>"
    return f"""<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Webbplatsen kunde inte byggas</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>Webbplatsen kunde inte byggas</h1>
{details}
<p>Rätta felen och spara filen. Sidan laddas om av sig själv när bygget lyckas.
Samma fel står i terminalen. Fälten förklaras i docs/innehall.md.</p>
</main>
</body>
</html>
""".encode("utf-8")
