"""The curated glossary of names: load it from any of its formats, check it, convert it.

`load_glossary(path)` accepts the project's `glossary/` folder of YAML files, a single YAML
file, a TBX file (either dialect) or a CSV file, and raises `GlossaryError` (`file:line:
message`) on the first problem. `read_glossary(path)` returns every problem instead, for
`translate glossary validate`. `export_glossary` writes TBX or CSV; `save_yaml_folder` turns an
imported glossary back into the YAML layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from translate.errors import GlossaryError
from translate.files import write_files
from translate.glossary.model import (
    Concept,
    Glossary,
    Kind,
    Location,
    SourceTerms,
    Status,
    TargetTerms,
    Term,
    make_glossary,
)

if TYPE_CHECKING:
    from translate.glossary.validate import Problem
    from translate.glossary.yamlfile import ReadResult

# The readers and writers (YAML, lxml for TBX, CSV) are imported where they are used: every
# command imports this package, and `translate --help` needs none of them.

__all__ = [
    "Concept",
    "ExportFormat",
    "Glossary",
    "GlossaryError",
    "GlossaryReport",
    "Kind",
    "Location",
    "SourceTerms",
    "Status",
    "TargetTerms",
    "Term",
    "export_glossary",
    "load_glossary",
    "merge_glossaries",
    "read_glossary",
    "save_yaml_folder",
]


class ExportFormat(StrEnum):
    tbx = "tbx"  # TBX-Basic, ISO 30042:2019 (TBX v3)
    tbx2008 = "tbx2008"  # TBX-Basic, ISO 30042:2008 (martif): Weblate, translate-toolkit
    csv = "csv"  # Weblate's glossary CSV


@dataclass
class GlossaryReport:
    """What reading and checking a glossary found; `glossary` is None when nothing was read."""

    path: str
    glossary: Glossary | None
    problems: list[Problem] = field(default_factory=list)
    # What was assumed rather than wrong (an entry without a kind): shown, never refused.
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_glossary(
    path: Path,
    display: str | None = None,
    *,
    target_languages: Sequence[str] = (),
    source_language: str = "en",
    default_kind: Kind | None = None,
    file_languages: Sequence[str] = (),
) -> GlossaryReport:
    """Read a glossary in any supported format and check it; every problem is reported.

    `target_languages` are the languages every concept must cover. Input that cannot be read
    at all (missing, unreadable, not UTF-8, an unknown format) raises `GlossaryError`.
    """
    from translate.glossary.validate import check_concepts

    where = display or str(path)
    languages = file_languages or target_languages
    result = _read(path, where, source_language, default_kind, languages)
    problems = sorted(
        result.problems + check_concepts(result.concepts, target_languages),
        key=lambda problem: (problem.path, problem.line or 0),
    )
    glossary = make_glossary(result.concepts, source_language) if result.concepts else None
    return GlossaryReport(where, glossary, problems, result.notes)


def load_glossary(
    path: Path,
    display: str | None = None,
    *,
    source_language: str = "en",
    default_kind: Kind | None = None,
    target_languages: Sequence[str] = (),
) -> Glossary:
    """The glossary at `path`; the first problem found raises `GlossaryError`.

    Concepts need not cover every language here (`translate glossary validate` says which do
    not); `target_languages` only helps recognise the language of a CSV from its file name.
    """
    report = read_glossary(
        path,
        display,
        source_language=source_language,
        default_kind=default_kind,
        file_languages=target_languages,
    )
    if report.problems:
        first = report.problems[0]
        more = len(report.problems) - 1
        suffix = f" (and {more} more; run `translate glossary validate`)" if more else ""
        raise GlossaryError(first.path, first.line, first.message + suffix)
    if report.glossary is None:
        raise GlossaryError(report.path, None, "the glossary has no concepts")
    return report.glossary


def _read(
    path: Path,
    where: str,
    source_language: str,
    default_kind: Kind | None,
    file_languages: Sequence[str],
) -> ReadResult:
    from translate.glossary.yamlfile import SUFFIXES, decode, read_yaml_file, read_yaml_folder

    if path.is_dir():
        return read_yaml_folder(path, where, source_language)
    if not path.exists():
        raise GlossaryError(where, None, "no such file or folder")
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return read_yaml_file(path, where, source_language)
    if suffix == ".tbx":
        from translate.glossary.tbx import read_tbx

        try:
            data = path.read_bytes()
        except OSError as error:
            raise GlossaryError(where, None, f"cannot read: {error.strerror}") from None
        return read_tbx(data, where, source_language, default_kind)
    if suffix == ".csv":
        from translate.glossary.csvfile import language_from_name, read_csv

        language = language_from_name(path.name, file_languages)
        return read_csv(decode(path, where), where, source_language, default_kind, language)
    raise GlossaryError(
        where, None, "not a glossary: expected a folder of YAML files, a .yaml, .tbx or .csv file"
    )


def merge_glossaries(glossaries: Sequence[Glossary], origins: Sequence[str]) -> Glossary:
    """One glossary from several files of the same concepts (one CSV per language).

    A concept in several inputs keeps its English side from the first and gathers the
    languages of all; inputs that disagree about a concept's English side or give a language
    twice raise `GlossaryError`.
    """
    merged: dict[str, Concept] = {}
    for glossary, origin in zip(glossaries, origins, strict=True):
        for concept in glossary:
            known = merged.get(concept.id)
            if known is None:
                merged[concept.id] = concept
                continue
            where = concept.origin or Location(origin)
            if (known.kind, known.source, known.note) != (
                concept.kind,
                concept.source,
                concept.note,
            ):
                raise GlossaryError(
                    where.path,
                    where.line,
                    f"'{concept.id}' differs from {known.origin} in its English term, kind or note",
                )
            twice = sorted(set(known.targets) & set(concept.targets))
            if twice:
                raise GlossaryError(
                    where.path,
                    where.line,
                    f"'{concept.id}' gives {', '.join(twice)} again (also in {known.origin})",
                )
            merged[concept.id] = Concept(
                id=known.id,
                kind=known.kind,
                source=known.source,
                targets={**known.targets, **concept.targets},
                note=known.note,
                origin=known.origin,
                lines={**concept.lines, **known.lines},
            )
    source_language = glossaries[0].source_language if glossaries else "en"
    return make_glossary(merged.values(), source_language)


def export_glossary(glossary: Glossary, format: ExportFormat, language: str | None = None) -> bytes:
    """The glossary in an interchange format; `language` limits CSV to one language."""
    if format is ExportFormat.csv:
        from translate.glossary.csvfile import write_csv

        return write_csv(glossary, language).encode("utf-8")
    if language is not None:
        raise GlossaryError("--language", None, "TBX holds every language; --language is for CSV")
    from translate.glossary.tbx import TbxDialect, write_tbx

    dialect = TbxDialect.TBX2008 if format is ExportFormat.tbx2008 else TbxDialect.TBX2019
    return write_tbx(glossary, dialect)


def save_yaml_folder(
    glossary: Glossary, folder: Path, origin: str, *, replace: bool, display: str | None = None
) -> list[Path]:
    """Write the glossary as YAML files into `folder`; returns the files written.

    Without `replace`, a folder that already holds YAML files is left alone (`GlossaryError`);
    with it, every YAML file of the folder is replaced by the new set. The files are read back
    before anything is written, so a glossary the YAML cannot represent is never saved.
    """
    from translate.glossary.yamlfile import ReadResult, read_yaml_text, write_yaml_files, yaml_files

    files = write_yaml_files(glossary, origin)
    again = ReadResult()
    for name, text in files.items():
        again.extend(read_yaml_text(text, name, glossary.source_language))
    # Files group concepts by kind, so compare content (the version), not order.
    if again.problems or make_glossary(again.concepts, glossary.source_language).version != (
        glossary.version
    ):
        raise GlossaryError(origin, None, "cannot be represented in the YAML format unchanged")
    existing = yaml_files(folder) if folder.is_dir() else []
    if existing and not replace:
        names = ", ".join(path.name for path in existing)
        raise GlossaryError(
            display or str(folder), None, f"already holds {names}; use --force to replace them"
        )
    written = [folder / name for name in files]
    write_files([(path, files[path.name].encode("utf-8")) for path in written])
    for stale in existing:
        if stale.name not in files:
            stale.unlink()
    return written
