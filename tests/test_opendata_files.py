"""The open-data output: the site file is joined from per-municipality parts
without any check that `python -O` would drop (issue 18.14)."""
import json
import subprocess
import sys
from pathlib import Path

from conftest import options

from lofte.build.pipeline import build, context, read_site
from lofte.outputs import opendata, opendata_files

ROOT = Path(__file__).resolve().parent.parent


def test_the_site_file_is_the_document_with_every_municipality(small_content, tmp_path):
    opts = options(small_content)
    ctx = context(opts, read_site(opts))
    parts = [opendata_files.make(ctx, m).part for m in ctx.site.municipalities]
    fragments, rows = opendata_files.combine([opendata_files.combine(parts[:1]), opendata_files.combine(parts[1:])])
    site_file = json.loads(opendata.site_file(ctx.site, fragments))
    assert site_file == opendata.document(ctx.site, [opendata.municipality(ctx.site, ctx.facts, m, list(m.periods))
                                                     for m in ctx.site.municipalities])
    assert json.loads(opendata.site_file(ctx.site, b""))["municipalities"] == []
    assert all(rows[name].endswith("\r\n") for name in rows)


def test_the_site_file_is_the_same_under_python_dash_o(small_content, tmp_path):
    build(options(small_content, tmp_path / "normal"))
    code = ("import sys, pathlib; sys.path[:0] = [" + repr(str(ROOT)) + ", " + repr(str(ROOT / "tests")) + "]\n"
            "from conftest import options; from lofte.build.pipeline import build\n"
            f"build(options(pathlib.Path({str(small_content)!r}), pathlib.Path({str(tmp_path / 'optimised')!r}), "
            f"cache_dir=pathlib.Path({str(tmp_path / 'c2')!r})))\n")
    subprocess.run([sys.executable, "-O", "-c", code], check=True)
    name = "data/" + opendata.SITE_FILE
    assert (tmp_path / "optimised" / name).read_bytes() == (tmp_path / "normal" / name).read_bytes()
