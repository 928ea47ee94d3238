"""The `check` command: glossary consistency and news-catalog checks for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from translate.catalog import Include
from translate.cli.common import (
    GlossaryOption,
    IncludeOption,
    LocalesOption,
    NoGlossaryOption,
    QuietOption,
    diagnostics,
    project,
    project_glossary,
)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="PO files or folders (searched for *.po, never *.pot); default: the locales folder.",
        show_default=False,
    ),
]
CheckFormatOption = Annotated[
    CheckFormat,
    typer.Option(
        "--format",
        help="text (people), json (programs), github (workflow annotations), junit (CI XML).",
    ),
]
AllowIdenticalOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-identical",
        help=(
            "A term a translation may keep as it is (a brand, a product name); repeat for "
            "more. Adds to allow_identical in [tool.translate]."
        ),
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)


def check_command(
    paths: PathsArgument = None,
    locales: LocalesOption = None,
    glossary: GlossaryOption = None,
    no_glossary: NoGlossaryOption = False,
    output_format: CheckFormatOption = CheckFormat.text,
    include: IncludeOption = Include.reviewed,
    allow_identical: AllowIdenticalOption = None,
    quiet: QuietOption = False,
) -> None:
    """Check catalogs: glossary names in any inflected form, numbers, copies, quotes, brackets.

    Exit status: 0 clean (warnings allowed), 1 errors found, 2 bad usage or unreadable input.
    Silence an accepted finding with a translator comment on the entry:
    `# check: ignore glossary=<concept-id>` or `# check: ignore <rule>`.
    """
    from translate.check.index import GlossaryIndex
    from translate.check.report import RENDERERS, summary_line
    from translate.check.runner import check_files, find_catalogs

    config = project(locales, glossary)
    catalogs = find_catalogs(paths or [config.locales_dir], config.display_path)
    terms = project_glossary(config, glossary, no_glossary)
    if terms is None and not no_glossary:
        diagnostics(quiet).print(
            f"note: no glossary at {config.display_path(config.glossary_dir)}; "
            "glossary rules skipped",
            markup=False,
        )
    index = GlossaryIndex(terms) if terms is not None else None
    report = check_files(
        catalogs,
        glossary=index,
        include=include,
        display=config.display_path,
        source_language=config.source_language,
        allow_identical=(*config.allow_identical, *(allow_identical or ())),
    )
    typer.echo(RENDERERS[output_format.value](report), nl=False)
    diagnostics(quiet).print(summary_line(report), markup=False)
    raise typer.Exit(report.exit_code)
