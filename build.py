#!/usr/bin/env python3
"""löfte: build the medborgarlöften website. Run `python build.py --help`."""
import sys

from lofte.cli import main

if __name__ == "__main__":
    sys.exit(main())
