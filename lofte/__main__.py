"""`python -m lofte` (`py -m lofte` on Windows): the command line, also where the `lofte` command is not on PATH."""
from lofte.cli import run

run()
