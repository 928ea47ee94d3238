"""`python -m translate` runs the command line."""

from translate.cli import main

main()
