"""The same security policy in page meta tags, _headers, .htaccess and nginx.conf."""
from pathlib import Path

from conftest import SMALL, options

from lofte.build.pipeline import build
from lofte.outputs import hostfiles

ROOT = Path(__file__).resolve().parent.parent


def test_every_page_carries_the_policy_and_hosts_get_header_files(tmp_path):
    out = tmp_path / "site"
    build(options(SMALL, out))
    for page in out.rglob("*.html"):
        if "/inbaddning/" not in page.as_posix():
            assert f'<meta http-equiv="Content-Security-Policy" content="{hostfiles.CSP}">' in page.read_text()
    htaccess = (out / ".htaccess").read_text()
    assert f'Header always set Content-Security-Policy "{hostfiles.CSP}; {hostfiles.FRAMING}"' in htaccess
    assert "ErrorDocument 404 /trygghet/lofte/404.html" in htaccess
    netlify = (out / "_headers").read_text()
    for name, value in hostfiles.SECURITY.items():
        assert f"  {name}: {value}" in netlify and f'Header always set {name} "{value}"' in htaccess


def test_nginx_example_sends_the_same_policy():
    conf = (ROOT / "deploy/nginx.conf").read_text()
    assert f'add_header Content-Security-Policy "{hostfiles.CSP}; {hostfiles.FRAMING}" always;' in conf
    for name, value in hostfiles.SECURITY.items():
        assert f'add_header {name} "{value}" always;' in conf


def test_pages_need_no_inline_script_or_style(tmp_path):
    out = tmp_path / "site"
    build(options(SMALL, out))
    for page in out.rglob("*.html"):
        text = page.read_text()
        if "/inbaddning/" in page.as_posix():
            continue
        assert "<script>" not in text and "<style" not in text and ' style="' not in text, page
