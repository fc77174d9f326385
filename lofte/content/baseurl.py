"""The site's address (`base_url`): parsed and checked before anything is made from it.

Every absolute URL the build writes starts with it: feed ids and links, the
sitemap, robots.txt, iCalendar UIDs and URLs, QR codes, and the `.htaccess`
line `ErrorDocument 404 /path/404.html`. A line break there (from a YAML
escape) would add lines to `.htaccess` and robots.txt, a quote or a space
would break Apache's parsing of the whole file, and credentials or another
scheme would end up in every link. So the value is parsed with urllib, not
matched, and must be a plain http(s) address of a host with an optional path
of URL-safe characters ending in "/".
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .textcheck import shown

HOST_RE = re.compile(r"^(?=.{1,253}\Z)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\Z")
# Path segments of unreserved characters and %-escapes; no "." or ".." segments, no "//".
PATH_RE = re.compile(r"^(?:/(?!\.{1,2}(?:/|\Z))(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+)*/?\Z")
EXAMPLE = "t.ex. https://www.kommun.se/trygghet/lofte/"


def problem(url: str) -> str | None:
    """Why `url` cannot be the site's address, in plain Swedish with the fix; None if it can."""
    quoted = shown(url, 80)
    if any(c.isspace() or not c.isprintable() for c in url):
        return (f"'{quoted}' innehåller mellanslag, en radbrytning eller ett osynligt tecken; skriv adressen "
                f"på en rad utan mellanslag, {EXAMPLE}")
    bad = next((c for c in url if c in "\"'<>\\`{}|^"), None)
    if bad is not None:
        return f"'{quoted}' innehåller tecknet {bad}, som inte hör hemma i en adress; {EXAMPLE}"
    if not url.startswith(("https://", "http://")):
        return f"'{quoted}' måste vara en absolut adress som börjar med https://, {EXAMPLE}"
    try:
        parts = urlsplit(url)
        parts.port  # raises ValueError for a port that is no number
    except ValueError:
        return f"'{quoted}' går inte att läsa som en adress; {EXAMPLE}"
    if parts.username is not None or parts.password is not None:
        return f"'{quoted}' innehåller ett användarnamn eller lösenord (före @); ta bort det"
    if not parts.hostname or not HOST_RE.match(parts.netloc.rsplit(":", 1)[0] if parts.port else parts.netloc):
        return (f"'{quoted}' har inget giltigt värdnamn (skriv t.ex. www.kommun.se med små bokstäver; "
                "ett namn med å, ä eller ö skrivs i sin xn--form)")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return f"'{quoted}' får inte innehålla ? eller #; ange bara adressen till webbplatsens startsida"
    if not PATH_RE.match(parts.path or "/"):
        return (f"'{quoted}' har en sökväg med tecken som inte går i en adress, '//' eller '..'; använd "
                "a–z, A–Z, 0–9, bindestreck, punkt och snedstreck")
    return None

