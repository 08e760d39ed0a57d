"""`python -m dateline`: the same as the `dateline` command."""

from dateline.cli import main

main()
