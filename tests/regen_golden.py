"""Regenerate tests/golden/small from tests/fixtures/small (review the diff!)."""
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SMALL, options  # noqa: E402

from lofte.build.pipeline import build  # noqa: E402
from lofte.build.write import MANIFEST  # noqa: E402

golden = Path(__file__).parent / "golden" / "small"
shutil.rmtree(golden, ignore_errors=True)
build(options(SMALL, golden))
(golden / MANIFEST).unlink()  # keys change with the code; the test ignores them
print(f"wrote {golden}")
