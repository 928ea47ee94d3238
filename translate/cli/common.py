"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from translate.catalog import Include
from translate.config import Config, load_config
from translate.errors import InputError
from translate.glossary.model import Glossary

LocalesOption = Annotated[
    Path | None,
    typer.Option(
        "--locales",
        help="Catalog folder (default: locales_dir from [tool.translate], else ./locales).",
        file_okay=False,
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")
]
GlossaryOption = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        help="Glossary folder, TBX or CSV file (default: glossary_dir from [tool.translate]).",
    ),
]
NoGlossaryOption = Annotated[bool, typer.Option("--no-glossary", help="Run without a glossary.")]
IncludeOption = Annotated[
    Include,
    typer.Option(
        "--include",
        help="Translations to use. reviewed: translated and not fuzzy, what gettext uses and "
        "what ships; drafts: only the fuzzy ones (machine translations and suggestions "
        "awaiting review); all: both.",
    ),
]


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="Output for people (text) or programs (json).")
]


def project_glossary(config: Config, explicit: Path | None, no_glossary: bool) -> Glossary | None:
    """The glossary a command uses: none with --no-glossary; the configured folder when it
    exists (an explicit --glossary must exist)."""
    if explicit is not None and no_glossary:
        raise InputError("give --glossary or --no-glossary, not both")
    if no_glossary or (explicit is None and not config.glossary_dir.exists()):
        return None
    from translate.glossary import load_glossary

    return load_glossary(config.glossary_dir, config.display_path(config.glossary_dir))


def project(locales: Path | None = None, glossary: Path | None = None) -> Config:
    """The project configuration with command-line overrides applied."""
    return load_config().with_overrides(locales_dir=locales, glossary_dir=glossary)


def diagnostics(quiet: bool = False) -> Console:
    """The stderr console for progress and summaries; silent with --quiet."""
    return Console(file=sys.stderr, quiet=quiet, highlight=False, soft_wrap=True)


def results_console() -> Console:
    """The stdout console for tables; wide when piped so file paths are not cut."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 160)
    return console


def parse_languages(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """`ar,tr,ru` to a tuple; the configured languages when not given."""
    if value is None:
        return default
    languages = tuple(part.strip() for part in value.split(",") if part.strip())
    if not languages:
        raise InputError("give at least one language code, e.g. --to ar,tr,ru")
    return languages
