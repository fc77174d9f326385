"""Property: any content tree gives a correct site or a clean error list, never a crash."""
import shutil
from pathlib import Path

from conftest import SMALL, options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lofte.build.pipeline import build
from lofte.content.errors import BuildAborted, ContentError

FILES = sorted(p.relative_to(SMALL).as_posix() for p in SMALL.rglob("*") if p.is_file())
NASTY = st.sampled_from([
    "\t", ":", "- ", "---", "'", '"', "{", "[", "&a", "*a", "!!python/object:os.system", "<<: *a",
    "2024-02-30", "ÅÄÖ", "\u202e", "\x00", "\ufeff", "null", "~", "yes", "1e999", "-1", "<script>",
    "javascript:alert(1)", "../../etc/passwd", "\r\n", " " * 3, "title:", "status: pagar",
])
MUTATION = st.tuples(
    st.sampled_from(FILES),
    st.sampled_from(["insert", "delete_line", "replace_line", "truncate", "duplicate_line", "remove_file"]),
    st.integers(min_value=0, max_value=60),
    st.one_of(NASTY, st.text(max_size=12)),
)


def mutate(root: Path, rel: str, kind: str, at: int, text: str) -> None:
    path = root / rel
    if not path.exists():
        return
    if kind == "remove_file":
        path.unlink()
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    i = at % max(1, len(lines))
    if kind == "insert":
        lines.insert(i, text)
    elif kind == "delete_line":
        del lines[i]
    elif kind == "replace_line":
        lines[i] = text
    elif kind == "duplicate_line":
        lines.insert(i, lines[i])
    elif kind == "truncate":
        lines = lines[:i]
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_content_builds_or_fails_cleanly(tmp_path_factory, mutations):
    root = tmp_path_factory.mktemp("fuzz")
    content = root / "content"
    shutil.copytree(SMALL, content)
    for m in mutations:
        mutate(content, *m)
    out = root / "site"
    try:
        build(options(content, out))
    except BuildAborted as exc:
        assert exc.errors and all(isinstance(e, ContentError) and e.message for e in exc.errors)
        assert all(e.path.startswith("content") for e in exc.errors)
        assert not out.exists()
    else:
        assert (out / "index.html").is_file()
