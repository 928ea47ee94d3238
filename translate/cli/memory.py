"""`translate memory ...`: import and export TMX, look a sentence up, count the memory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from translate.catalog import Include
from translate.cli.common import (
    FormatOption,
    IncludeOption,
    LocalesOption,
    OutputFormat,
    QuietOption,
    diagnostics,
    parse_languages,
    project,
    results_console,
)
from translate.files import atomic_write_bytes
from translate.memory.project import export_tmx, import_tmx, open_memory

app = typer.Typer(
    help="Translation memory: TMX in and out, lookups and counts.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="TMX files.", exists=True, dir_okay=False)],
    quiet: QuietOption = False,
) -> None:
    """Check TMX files and copy them into the memory folder (memory_dir); all or none."""
    config = project()
    for target, units in import_tmx(config, files):
        diagnostics(quiet).print(f"{config.display_path(target)}: {units} units")


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="The TMX file to write.")],
    to: Annotated[
        str | None, typer.Option("--to", help="Languages, e.g. ar,tr (default: all configured).")
    ] = None,
    include: IncludeOption = Include.reviewed,
    locales: LocalesOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write the catalogs' translations as TMX 1.4b."""
    config = project(locales=locales)
    languages = parse_languages(to, config.target_languages)
    atomic_write_bytes(output, export_tmx(config, languages, include))
    diagnostics(quiet).print(f"wrote {output}")


@app.command("lookup")
def lookup_command(
    text: Annotated[str, typer.Argument(help="A sentence in the source language.")],
    to: Annotated[str, typer.Option("--to", help="The target language.")],
    output: FormatOption = OutputFormat.text,
) -> None:
    """The exact and close matches of a sentence, with score, origin and status."""
    config = project()
    with open_memory(config, [to]) as index:
        memory = index.memory(to)
        found = []
        if (entry := memory.exact(text)) is not None:
            found.append((100.0, entry))
        found += [(match.score, match.entry) for match in memory.matches(text)]
    rows = [
        {"score": round(score, 1), "source": entry.source, "target": entry.target,
         "origin": entry.origin, "kind": entry.kind.value, "reviewed": entry.reviewed}
        for score, entry in found
    ]  # fmt: skip
    if output is OutputFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        status = "reviewed" if row["reviewed"] else "fuzzy"
        typer.echo(f"{row['score']:5.1f}  {status:8}  {row['origin']}")
        typer.echo(f"  {row['source']}\n  {row['target']}")
    if not rows:
        typer.echo("no match")


@app.command("stats")
def stats_command(output: FormatOption = OutputFormat.text) -> None:
    """Entries in the memory per language and source file."""
    config = project()
    with open_memory(config, config.target_languages) as index:
        rows = index.languages()
    if output is OutputFormat.json:
        counts = [{"language": lang, "file": file, "entries": n} for lang, file, n in rows]
        typer.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    console = results_console()
    for language, file, count in rows:
        console.print(f"{language}\t{count}\t{file}")
