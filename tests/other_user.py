"""Run a command as a user without write access to a folder (tests of read-only folders).

As root, file permissions do not stop writes, so the command runs as `nobody`
(setpriv); otherwise as this user, with the folder's write bits removed.
"""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def prefix() -> list[str]:
    if not ROOT:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("needs setpriv to drop root")
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def shared_dir() -> Path:
    """A folder every user may enter and write (tmp_path is private to its owner)."""
    path = Path(tempfile.mkdtemp(prefix="lofte-test-"))
    path.chmod(0o777)
    return path


def read_only(path: Path) -> None:
    """`path` and everything under it: readable by all, writable by none (but root)."""
    for p in [path, *path.rglob("*")]:
        p.chmod((0o555 if p.is_dir() else 0o444))


def writable(path: Path) -> None:
    for p in [path, *path.rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(prefix() + args, capture_output=True, text=True, timeout=300, **kw)
