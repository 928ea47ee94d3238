"""Commands over sources and catalogs: extract, run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from translate.cli.common import (
    LocalesOption,
    QuietOption,
    diagnostics,
    parse_languages,
    project,
)
from translate.pipeline import MtPolicy, RunReport, extract, load_sources, resolve_sources, run

SourcesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Source articles (UTF-8, one paragraph per line); default: sources in config.",
        show_default=False,
    ),
]


LanguagesOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        help="Target languages, comma-separated (default: target_languages from config).",
        show_default=False,
    ),
]
MtOption = Annotated[
    MtPolicy,
    typer.Option(
        "--mt",
        help="auto: translate where a model is installed; require: fail if one is missing; "
        "off: never machine-translate.",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("run")(run_command)


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


def run_command(
    sources: SourcesArgument = None,
    to: LanguagesOption = None,
    locales: LocalesOption = None,
    mt: MtOption = MtPolicy.auto,
    quiet: QuietOption = False,
) -> None:
    """Segment, reuse earlier translations, machine-translate the rest, write PO catalogs."""
    config = project(locales)
    languages = parse_languages(to, config.target_languages)
    loaded = load_sources(config, resolve_sources(config, sources or []))
    report = run(config, loaded, languages, mt=mt)
    _print_run_report(config, report, diagnostics(quiet))


def _print_run_report(config, report: RunReport, console) -> None:
    for notice in report.notices:
        console.print(f"note: {notice}")
    for written in report.templates:
        state = "written" if written.changed else "unchanged"
        console.print(f"{config.display_path(written.path)}: {state}")
    for entry in report.catalogs:
        state = "written" if entry.changed else "unchanged"
        origins = ", ".join(f"{count} {origin}" for origin, count in sorted(entry.origins.items()))
        console.print(f"{config.display_path(entry.path)}: {state} ({origins})")
