"""The `evaluate` command: MT quality against the reviewed catalogs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.catalogs import LanguagesOption, SourcesArgument
from translate.cli.common import (
    FormatOption,
    GlossaryOption,
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
    model_progress,
    translation_models,
)
from translate.engine import ARGOS_BEAM_SIZE, DEFAULT_COMPUTE_TYPE, DEFAULT_MAX_BATCH_SIZE
from translate.pipeline import evaluate, load_sources, resolve_sources


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate_command)


def evaluate_command(
    sources: SourcesArgument = None,
    to: LanguagesOption = None,
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference",
            file_okay=False,
            help="Folder of reviewed catalogs, <lang>/LC_MESSAGES/<stem>.po "
            "(default: the locales folder).",
        ),
    ] = None,
    locales: LocalesOption = None,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    enforce: Annotated[
        bool,
        typer.Option(
            "--enforce/--no-enforce",
            help="Protect glossary names through MT as `run` does, or score the raw model.",
        ),
    ] = True,
    output_format: FormatOption = OutputFormat.text,
    beam_size: BeamSizeOption = ARGOS_BEAM_SIZE,
    threads: ThreadsOption = None,
    batch_size: BatchSizeOption = DEFAULT_MAX_BATCH_SIZE,
    compute_type: ComputeTypeOption = DEFAULT_COMPUTE_TYPE,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Machine-translate the sources and score them against the reviewed translations
    (chrF++, BLEU, glossary compliance). Catalogs are only read."""
    from rich.table import Table

    config = project(locales, glossary)
    languages = parse_languages(to, config.target_languages)
    terms = project_glossary(config, glossary, no_glossary)
    loaded = load_sources(config, resolve_sources(config, sources or []))
    settings = engine_settings(beam_size, threads, batch_size, compute_type)
    with translation_models(scheduler or config.scheduler, settings, threads) as models:
        evaluations = evaluate(
            config,
            loaded,
            languages,
            reference.resolve() if reference else config.locales_dir,
            models=models,
            glossary=terms,
            enforce=enforce,
            progress=model_progress(models, quiet),
        )
    if output_format is OutputFormat.json:
        document = [evaluation.as_dict() for evaluation in evaluations]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table("language", "engine", "segments", "chrF++", "BLEU", "glossary compliance")
    for evaluation in evaluations:
        compliance = evaluation.glossary_compliance
        table.add_row(
            evaluation.language,
            evaluation.engine,
            str(len(evaluation.segments)),
            f"{evaluation.chrf:.1f}",
            f"{evaluation.bleu:.1f}",
            "—"
            if compliance is None
            else f"{compliance:.1f}% ({evaluation.compliant}/{evaluation.with_names})",
        )
    results_console().print(table)
    if evaluations:
        console = diagnostics(quiet)
        console.print(f"chrF++ signature: {evaluations[0].chrf_signature}", markup=False)
        console.print(f"BLEU signature: {evaluations[0].bleu_signature}", markup=False)
