"""Commands over sources and catalogs: extract."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from translate.cli.common import LocalesOption, QuietOption, diagnostics, project
from translate.pipeline import extract, load_sources, resolve_sources

SourcesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Source articles (UTF-8, one paragraph per line); default: sources in config.",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    sources: SourcesArgument = None,
    locales: LocalesOption = None,
    quiet: QuietOption = False,
) -> None:
    """Segment source articles into sentences and write one POT template per source."""
    config = project(locales)
    loaded = load_sources(config, resolve_sources(config, sources or []))
    console = diagnostics(quiet)
    for source, written in zip(loaded, extract(config, loaded), strict=True):
        state = "written" if written.changed else "unchanged"
        console.print(
            f"{config.display_path(written.path)}: {len(source.segments)} segments, {state}"
        )
