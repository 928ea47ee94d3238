"""Commands over sources and catalogs: extract, run, render, compile, stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from translate.catalog import Include
from translate.cli.common import (
    FormatOption,
    GlossaryOption,
    IncludeOption,
    LocalesOption,
    NoGlossaryOption,
    OutputFormat,
    QuietOption,
    diagnostics,
    parse_languages,
    project,
    project_glossary,
    results_console,
)
from translate.cli.models import (
    BatchSizeOption,
    BeamSizeOption,
    ComputeTypeOption,
    SchedulerOption,
    ThreadsOption,
    engine_settings,
    models_status,
    translation_models,
)
from translate.engine import ARGOS_BEAM_SIZE, DEFAULT_COMPUTE_TYPE, DEFAULT_MAX_BATCH_SIZE
from translate.errors import EXIT_INTERRUPTED, InputError
from translate.files import atomic_write_text, catalog_path, catalog_paths, load_catalog
from translate.pipeline import (
    MtPolicy,
    extract,
    load_sources,
    resolve_sources,
)
from translate.render import render_document

if TYPE_CHECKING:
    from translate.archive import RunReport

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
        metavar="LANGS",
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
ChunkSegmentsOption = Annotated[
    int | None,
    typer.Option(
        "--chunk-segments",
        metavar="N",
        min=1,
        help="Segments per chunk: each chunk is translated and written before the next "
        "(default: chunk_segments from config, 2000).",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("run")(run_command)
    app.command("render")(render_command)
    app.command("compile")(compile_command)
    app.command("stats")(stats_command)


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
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    mt: MtOption = MtPolicy.auto,
    chunk_segments: ChunkSegmentsOption = None,
    beam_size: BeamSizeOption = ARGOS_BEAM_SIZE,
    threads: ThreadsOption = None,
    batch_size: BatchSizeOption = DEFAULT_MAX_BATCH_SIZE,
    compute_type: ComputeTypeOption = DEFAULT_COMPUTE_TYPE,
    scheduler: SchedulerOption = None,
    output_format: FormatOption = OutputFormat.text,
    quiet: QuietOption = False,
) -> None:
    """Segment, reuse earlier translations, machine-translate the rest, write PO catalogs.

    Per file what was written on stderr; the summary (articles skipped and updated, entries
    by origin) on stdout."""
    from translate.archive import run
    from translate.cli.progress import ArchiveBar

    config = project(locales, glossary)
    languages = parse_languages(to, config.target_languages)
    terms = project_glossary(config, glossary, no_glossary)
    paths = resolve_sources(config, sources or [])
    settings = engine_settings(beam_size, threads, batch_size, compute_type)
    with (
        translation_models(scheduler or config.scheduler, settings, threads) as models,
        ArchiveBar(len(paths), quiet, status=models_status(models)) as bar,
    ):
        report = run(
            config,
            paths,
            languages,
            mt=mt,
            models=models,
            glossary=terms,
            chunk_segments=chunk_segments,
            progress=bar,
        )
    _print_run_report(config, report, diagnostics(quiet))
    _print_run_summary(report, output_format)
    if report.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)


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
        if entry.with_names:
            console.print(
                f"  glossary enforced in {entry.enforced}/{entry.with_names} machine "
                "translations that name glossary terms"
            )
    if report.skipped:
        console.print(f"{report.skipped} articles unchanged since the last run: skipped")
    if report.interrupted:
        console.print(
            f"interrupted: {report.done} of {report.articles} articles done "
            f"({report.chunks} chunks written); run again to continue from there"
        )


def _print_run_summary(report: RunReport, output_format: OutputFormat) -> None:
    summary = {
        "articles": report.articles,
        "skipped": report.skipped,
        "updated": report.updated,
        "not_reached": report.articles - report.done,
        "catalogs_written": sum(1 for entry in report.catalogs if entry.changed),
        "entries": dict(sorted(report.origins.items())),
        "interrupted": report.interrupted,
    }
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    origins = ", ".join(f"{count} {origin}" for origin, count in summary["entries"].items())
    line = (
        f"{report.articles} articles: {report.skipped} skipped, {report.updated} updated"
        + (f", {summary['not_reached']} not reached (interrupted)" if report.interrupted else "")
        + f"; {summary['catalogs_written']} catalogs written"
        + (f"; entries of the updated catalogs: {origins}" if origins else "")
    )
    sys.stdout.write(line + "\n")


def render_command(
    source: Annotated[Path, typer.Argument(help="The source article to render.")],
    lang: Annotated[
        str, typer.Option("--lang", metavar="LANG", help="Language of the catalog to use.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    include: IncludeOption = Include.reviewed,
    locales: LocalesOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write the translated article: paragraphs as in the source, segments from the catalog."""
    config = project(locales)
    loaded = load_sources(config, [source])[0]
    path = catalog_path(config, lang, loaded.stem)
    catalog = load_catalog(path, config.display_path(path))
    rendered = render_document(loaded.document, loaded.segments, catalog, include)
    if output is None:
        sys.stdout.write(rendered.text)
    else:
        atomic_write_text(output, rendered.text)
    console = diagnostics(quiet)
    for segment in rendered.untranslated:
        console.print(
            f"{loaded.document.name}:{segment.line}: untranslated, source text kept: "
            f"{_excerpt(segment.text)}"
        )
    done = rendered.segments - len(rendered.untranslated)
    console.print(f"{config.display_path(path)}: {done}/{rendered.segments} segments translated")


def compile_command(
    to: LanguagesOption = None,
    locales: LocalesOption = None,
    quiet: QuietOption = False,
) -> None:
    """Compile every catalog to a .mo file beside it (reviewed entries only, as msgfmt)."""
    from translate.compile import compile_catalog

    config = project(locales)
    languages = parse_languages(to, config.target_languages)
    paths = [path for language in languages for path in catalog_paths(config, language)]
    if not paths:
        raise InputError(f"{config.display_path(config.locales_dir)}: no catalogs to compile")
    console = diagnostics(quiet)
    for path in paths:
        mo = compile_catalog(path, config.display_path(path))
        console.print(f"{config.display_path(mo)}: written")


def stats_command(
    to: LanguagesOption = None,
    locales: LocalesOption = None,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    output_format: FormatOption = OutputFormat.text,
    quiet: QuietOption = False,
) -> None:
    """Per language and file: translated, fuzzy, untranslated and obsolete entries, and the
    share of translations (reviewed or fuzzy) that follow the glossary."""
    from rich.table import Table

    from translate.stats import catalog_stats
    from translate.terms import GlossaryStage

    config = project(locales, glossary)
    languages = parse_languages(to, config.target_languages)
    loaded = project_glossary(config, glossary, no_glossary)
    terms = GlossaryStage(loaded) if loaded is not None else None
    rows = [
        catalog_stats(
            load_catalog(path, config.display_path(path)),
            config.display_path(path),
            language,
            terms,
        )
        for language in languages
        for path in catalog_paths(config, language)
    ]
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    table = Table(
        "language", "file", "translated", "fuzzy", "untranslated", "obsolete", "%", "glossary"
    )
    for row in rows:
        compliance = row.glossary_compliance
        table.add_row(
            row.language,
            row.file,
            str(row.translated),
            str(row.fuzzy),
            str(row.untranslated),
            str(row.obsolete),
            f"{row.percent_translated:.1f}",
            "—"
            if compliance is None
            else f"{compliance:.1f}% ({row.glossary_compliant}/{row.glossary_entries})",
        )
    results_console().print(table)
    if not rows:
        diagnostics(quiet).print("no catalogs found")


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
