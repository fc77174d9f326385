#!/usr/bin/env python3
"""löfte: build the medborgarlöften website. Run `python build.py --help`."""
from lofte.cli import run

if __name__ == "__main__":
    run()
