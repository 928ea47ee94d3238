"""The `translate` command line: thin Typer commands over the library.

Every command parses options, calls library functions and prints. Results go to stdout,
progress and diagnostics to stderr. Expected errors (`DragomanError`) become one line on
stderr and an exit code here, in one place: 0 ok, 1 findings or failure, 2 bad input.
"""

from __future__ import annotations

import sys

import typer

from translate import __version__
from translate.cli import catalogs, check, evaluate, glossary, models
from translate.errors import DragomanError

app = typer.Typer(
    name="translate",
    help="Dragoman: offline translation of news articles into reviewed gettext catalogs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
catalogs.register(app)
check.register(app)
evaluate.register(app)
app.add_typer(glossary.app, name="glossary")
app.add_typer(models.app, name="models")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"translate (Dragoman) {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Dragoman: offline translation of news articles into reviewed gettext catalogs."""


def main() -> None:
    try:
        app(prog_name="translate")
    except DragomanError as error:
        print(f"translate: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("translate: interrupted", file=sys.stderr)
        sys.exit(130)
