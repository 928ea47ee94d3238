"""The `translate` command line: thin Typer commands over the library.

Every command parses options, calls library functions and prints. Results go to stdout,
progress and diagnostics to stderr. Expected errors (`DragomanError`) become one line on
stderr and an exit code here, in one place: 0 ok, 1 findings or failure, 2 bad input; so
do Click's usage errors (exit 2) and any system error (`OSError`) an edge did not map.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from translate import __version__
from translate.cli import catalogs, check, evaluate, glossary, memory, models
from translate.errors import EXIT_FAILURE, DragomanError

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
app.add_typer(memory.app, name="memory")


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
        status = app(prog_name="translate", standalone_mode=False)
    except DragomanError as error:
        _fail(str(error), error.exit_code)
    except typer.TyperException as error:  # Click's usage errors
        # A group given no command shows its help, as `git` does. Matched by name, as Typer's
        # own rich_utils does, because the class lives in Typer's private vendored Click.
        if type(error).__name__ == "NoArgsIsHelpError":
            error.show()
            sys.exit(error.exit_code)
        _fail(_usage_line(error), error.exit_code)
    except typer.Abort:  # end of input at a prompt (Typer turns Ctrl-C into exit 130)
        _fail("aborted", EXIT_FAILURE)
    except OSError as error:
        # The edges map what they expect to domain errors; anything else from the system
        # is still one line naming the file.
        where = f"{error.filename}: " if error.filename else ""
        _fail(f"{where}{error.strerror or error}", EXIT_FAILURE)
    sys.exit(status if isinstance(status, int) else 0)


def _usage_line(error: typer.TyperException) -> str:
    """Click's message for a usage error on one line, with where to read more."""
    message = " ".join(error.format_message().split())
    context = getattr(error, "ctx", None)
    if context is not None:
        message += f" (see `{context.command_path} --help`)"
    return message


def _fail(message: str, code: int) -> NoReturn:
    print(f"translate: error: {message}", file=sys.stderr)
    sys.exit(code)
