"""`translate glossary ...`: validate, export, import, list, show and find glossary terms, and
suggest the names of new articles that it does not cover yet."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.common import (
    FormatOption,
    GlossaryOption,
    OutputFormat,
    QuietOption,
    diagnostics,
    project,
)
from translate.config import Config
from translate.errors import InputError
from translate.files import atomic_write_bytes
from translate.glossary import (
    ExportFormat,
    Glossary,
    export_glossary,
    load_glossary,
    merge_glossaries,
    read_glossary,
    save_yaml_folder,
)
from translate.glossary.model import Concept, Kind
from translate.glossary.validate import Problem

app = typer.Typer(
    help="Check, convert and inspect the glossary of names.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

LanguageOption = Annotated[
    str | None, typer.Option("--language", "-l", help="Only this target language.")
]


def _glossary(path: Path | None) -> tuple[Config, Glossary]:
    config = project(glossary=path)
    return config, load_glossary(config.glossary_dir, config.display_path(config.glossary_dir))


@app.command("validate")
def validate_command(
    path: Annotated[
        Path | None,
        typer.Argument(help="Glossary folder, TBX or CSV file (default: the project's)."),
    ] = None,
    output: FormatOption = OutputFormat.text,
    quiet: QuietOption = False,
) -> None:
    """Report every problem as file:line: message; exit 1 if there are any."""
    config = project(glossary=path)
    where = config.display_path(config.glossary_dir)
    report = read_glossary(
        config.glossary_dir,
        where,
        target_languages=config.target_languages,
        source_language=config.source_language,
    )
    glossary = report.glossary
    if output is OutputFormat.json:
        typer.echo(
            json.dumps(
                {
                    "path": where,
                    "version": glossary.version if glossary else None,
                    "concepts": len(glossary) if glossary else 0,
                    "languages": list(glossary.languages) if glossary else [],
                    "problems": [
                        {"file": p.path, "line": p.line, "message": p.message}
                        for p in report.problems
                    ],
                    "notes": [
                        {"file": n.path, "line": n.line, "message": n.message} for n in report.notes
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for problem in report.problems:
            typer.echo(str(problem))
        if not quiet:
            for note in report.notes:
                typer.echo(str(Problem(note.path, note.line, f"note: {note.message}")))
        if report.ok and glossary is not None and not quiet:
            typer.echo(
                f"{where}: {len(glossary)} concepts, {glossary.source_language} → "
                f"{', '.join(glossary.languages)}, version {glossary.version}: no problems"
            )
        elif not report.ok:
            count = len(report.problems)
            diagnostics(quiet).print(f"{where}: {count} problem{'s' * (count != 1)}")
    if not report.ok:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="tbx: TBX-Basic, ISO 30042:2019; tbx2008: TBX-Basic martif (Weblate, "
            "translate-toolkit); csv: Weblate glossary CSV.",
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            "-l",
            help="CSV: only this target language (Weblate imports one language per file).",
        ),
    ] = None,
    glossary_path: GlossaryOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write the glossary as TBX or CSV."""
    config, glossary = _glossary(glossary_path)
    if language is not None and language not in glossary.languages:
        raise InputError(f"--language {language}: the glossary has {', '.join(glossary.languages)}")
    data = export_glossary(glossary, format, language)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    atomic_write_bytes(output, data)
    diagnostics(quiet).print(
        f"{config.display_path(output)}: {len(glossary)} concepts, {format.value}, "
        f"version {glossary.version}"
    )


@app.command("import")
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="TBX or CSV files (several CSV files: one per language).", show_default=False
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Folder for the YAML files (default: the project's glossary/)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the YAML files already in the folder.")
    ] = False,
    kind: Annotated[
        Kind | None, typer.Option("--kind", help="Kind of entries that do not say.")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Convert TBX or CSV into the glossary's YAML files."""
    config = project(glossary=output)
    glossaries = [
        load_glossary(
            path,
            config.display_path(path),
            source_language=config.source_language,
            default_kind=kind,
            target_languages=config.target_languages,
        )
        for path in files
    ]
    origins = [config.display_path(path) for path in files]
    glossary = merge_glossaries(glossaries, origins)
    written = save_yaml_folder(
        glossary,
        config.glossary_dir,
        ", ".join(origins),
        replace=force,
        display=config.display_path(config.glossary_dir),
    )
    console = diagnostics(quiet)
    for path in written:
        console.print(f"{config.display_path(path)}: written")
    console.print(f"{len(glossary)} concepts, version {glossary.version}")


@app.command("list")
def list_command(
    glossary_path: GlossaryOption = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only concepts of this kind.")] = None,
    language: LanguageOption = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """One line per concept: id, kind, English term and preferred renderings."""
    _, glossary = _glossary(glossary_path)
    languages = [language] if language else list(glossary.languages)
    concepts = [c for c in glossary if kind is None or c.kind is kind]
    if output is OutputFormat.json:
        rows = [
            {
                "id": c.id,
                "kind": c.kind.value,
                "en": c.source.term,
                **{code: t.preferred for code in languages if (t := c.target(code))},
            }
            for c in concepts
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for concept in concepts:
        renderings = "  ".join(
            f"{code}: {target.preferred}"
            for code in languages
            if (target := concept.target(code)) is not None
        )
        typer.echo(
            f"{concept.id:<26} {concept.kind.value:<12} {concept.source.term:<32} {renderings}"
        )


@app.command("show")
def show_command(
    concept_id: Annotated[str, typer.Argument(help="Concept id, e.g. jabha-shamiya.")],
    glossary_path: GlossaryOption = None,
) -> None:
    """The whole entry of one concept, as YAML, with where it is defined."""
    from translate.glossary.yamlfile import concept_yaml

    _, glossary = _glossary(glossary_path)
    concept = _concept(glossary, concept_id)
    if concept.origin is not None:
        typer.echo(f"# {concept.origin}")
    typer.echo(concept_yaml(concept), nl=False)


def _concept(glossary: Glossary, concept_id: str) -> Concept:
    try:
        return glossary.concept(concept_id)
    except KeyError:
        raise InputError(f"no concept '{concept_id}' in the glossary") from None


@app.command("find")
def find_command(
    text: Annotated[str, typer.Argument(help="English text to search ('-': read stdin).")],
    glossary_path: GlossaryOption = None,
    language: LanguageOption = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Show which glossary terms the recogniser finds in a piece of English text."""
    from translate.glossary.recognize import Recognizer

    _, glossary = _glossary(glossary_path)
    if text == "-":
        text = sys.stdin.read()
    matches = Recognizer(glossary).find(text)
    if output is OutputFormat.json:
        rows = [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "concept": m.concept.id,
                "kind": m.concept.kind.value,
                "possessive": m.possessive,
                **(
                    {"rendering": t.preferred}
                    if language and (t := m.concept.target(language))
                    else {}
                ),
            }
            for m in matches
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for match in matches:
        target = match.concept.target(language) if language else None
        rendering = f" → {target.preferred}" if target else ""
        typer.echo(
            f"{match.start}-{match.end}\t{match.text}{match.possessive}\t"
            f"{match.concept.id} [{match.concept.kind.value}]{rendering}"
        )


class SuggestFormat(StrEnum):
    text = "text"
    json = "json"
    yaml = "yaml"


@app.command("suggest")
def suggest_command(
    sources: Annotated[
        list[Path], typer.Argument(help="Articles to read (plain text).", show_default=False)
    ],
    glossary_path: GlossaryOption = None,
    output: Annotated[
        SuggestFormat,
        typer.Option(
            "--format",
            help="text: one line per candidate; json: a list of objects; yaml: a glossary "
            "stub to paste, target renderings empty.",
        ),
    ] = SuggestFormat.text,
    quiet: QuietOption = False,
) -> None:
    """Names in the articles that the glossary does not cover: people, places, organizations."""
    from translate.glossary.suggest import glossary_stub, suggest
    from translate.source import read_document

    config, glossary = _glossary(glossary_path)
    documents = [read_document(path, config.display_path(path)) for path in sources]
    candidates = suggest(documents, glossary)
    if output is SuggestFormat.json:
        rows = [candidate.as_dict() for candidate in candidates]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif output is SuggestFormat.yaml:
        languages = config.target_languages or glossary.languages
        if candidates:
            typer.echo(glossary_stub(candidates, languages), nl=False)
    else:
        for candidate in candidates:
            typer.echo(
                f"{candidate.count:>3}  {candidate.kind.value:<12} {candidate.term:<28} "
                f"{candidate.where()}  “{candidate.context}”"
            )
    diagnostics(quiet).print(
        f"{len(candidates)} candidate{'s' * (len(candidates) != 1)} in {len(documents)} "
        f"article{'s' * (len(documents) != 1)} not covered by glossary version {glossary.version}"
    )
