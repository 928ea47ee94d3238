"""CSV interchange in the layout Weblate imports for a glossary.

Weblate (through translate-toolkit) reads a CSV with a header naming its columns; for a
glossary, `source` is the English term, `target` the rendering, `context` tells entries with
the same source apart, and `developer_comments`/`translator_comments` are shown as the
explanations of the source and of the translation. A Weblate glossary holds one language per
file, so `write_csv(glossary, language)` writes one language; without a language every
language's rows are written, one row per concept and language.

Columns Weblate does not know are ignored by it and carry the rest of the entry, so that a
glossary exported and imported again is the same glossary: `language`, `kind`, `variants`,
`case_sensitive`, `forms`, `admitted`, `deprecated`, `first_reference`, `label`,
`do_not_translate`, `indeclinable`, `apostrophe`, `pronunciation`, `grammar` and `reference`
(the source of the choice). Lists are
separated by ` | `; pronunciations are written `form: reading`.

A cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or
a carriage return) is written with a leading `'`, as OWASP recommends against CSV
injection, and read back without it; a cell that starts with `'` before such a character
gets one more, so every text survives the round trip.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from babel import localedata

from translate.glossary.model import (
    DEFAULT_KIND,
    Concept,
    Glossary,
    Kind,
    Location,
    SourceTerms,
    TargetTerms,
)
from translate.glossary.tbx import slug
from translate.glossary.validate import ID_PATTERN, LANGUAGE_PATTERN, LIST_SEPARATOR, Problem
from translate.glossary.yamlfile import ReadResult

COLUMNS = (
    "source",
    "target",
    "context",
    "developer_comments",
    "translator_comments",
    "language",
    "kind",
    "variants",
    "case_sensitive",
    "forms",
    "admitted",
    "deprecated",
    "first_reference",
    "label",
    "do_not_translate",
    "indeclinable",
    "apostrophe",
    "pronunciation",
    "grammar",
    "reference",
)
_SEPARATOR = f" {LIST_SEPARATOR} "
_TRUE = {"true", "yes", "1", "x"}
_FALSE = {"false", "no", "0", ""}


def write_csv(glossary: Glossary, language: str | None = None) -> str:
    """One row per concept and language (or per concept, for one `language`)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for concept in glossary:
        for row in _rows(concept, language):
            writer.writerow({column: _defuse(cell) for column, cell in row.items()})
    return output.getvalue()


# What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP, "CSV
# Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(cell: str) -> bool:
    return cell.startswith(_FORMULA_START) or (cell.startswith("'") and _needs_quote(cell[1:]))


def _defuse(cell: str) -> str:
    return "'" + cell if _needs_quote(cell) else cell


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell


def _rows(concept: Concept, language: str | None) -> Iterator[dict[str, str]]:
    english = {
        "source": concept.source.term,
        "context": concept.id,
        "developer_comments": concept.note,
        "kind": concept.kind.value,
        "variants": _SEPARATOR.join(concept.source.variants),
        "case_sensitive": "" if concept.source.case_sensitive else "false",
    }
    targets = [
        target for code, target in concept.targets.items() if language is None or code == language
    ]
    if not targets and language is None:
        yield {**english, "target": "", "language": ""}
    for target in targets:
        yield {**english, **_target_columns(target)}


def _target_columns(target: TargetTerms) -> dict[str, str]:
    readings = {target.preferred: target.pronunciation} if target.pronunciation else {}
    readings.update(target.readings)
    return {
        "target": target.preferred,
        "translator_comments": target.note,
        "language": target.language,
        "forms": _SEPARATOR.join(target.forms),
        "admitted": _SEPARATOR.join(target.admitted),
        "deprecated": _SEPARATOR.join(target.deprecated),
        "first_reference": _SEPARATOR.join(target.first_reference),
        "label": _SEPARATOR.join(target.label),
        "do_not_translate": "true" if target.do_not_translate else "",
        "indeclinable": "true" if target.indeclinable else "",
        "apostrophe": "" if target.apostrophe else "false",
        "pronunciation": _SEPARATOR.join(f"{form}: {text}" for form, text in readings.items()),
        "grammar": target.grammar,
        "reference": target.source,
    }


@dataclass
class _Partial:
    """A concept being assembled from its rows, one per language."""

    english: dict[str, str]
    line: int
    id: str
    kind: Kind
    source: SourceTerms
    lines: dict[str, int]
    targets: dict[str, TargetTerms] = field(default_factory=dict)

    def concept(self, path: str) -> Concept:
        return Concept(
            id=self.id,
            kind=self.kind,
            source=self.source,
            targets=self.targets,
            note=self.english["developer_comments"],
            origin=Location(path, self.line),
            lines=self.lines,
        )


def read_csv(
    text: str,
    path: str,
    source_language: str = "en",
    default_kind: Kind | None = None,
    default_language: str | None = None,
) -> ReadResult:
    """Concepts from a CSV as `write_csv` writes it, or a plain Weblate glossary CSV.

    A file without a `language` column is one language's glossary: `default_language` (from
    the file name, for Weblate's `glossary/tr.csv`) says which.
    """
    result = ReadResult()
    reader = csv.DictReader(io.StringIO(text))
    try:
        _read_rows(reader, path, source_language, default_kind, default_language, result)
    except csv.Error as error:  # e.g. a field over the csv module's limit of 128 KiB
        # The DictReader counts lines only after a whole row; its reader, as it reads.
        line = max(reader.reader.line_num, 1)
        result.problems.append(Problem(path, line, f"CSV: {error}"))
    return result


def _read_rows(
    reader: csv.DictReader[str],
    path: str,
    source_language: str,
    default_kind: Kind | None,
    default_language: str | None,
    result: ReadResult,
) -> None:
    columns = reader.fieldnames or []
    missing = [name for name in ("source", "target") if name not in columns]
    if missing:
        result.problems.append(
            Problem(path, 1, f"missing column(s) {', '.join(missing)} in the header")
        )
        return
    if "language" not in columns and default_language is None:
        result.problems.append(
            Problem(path, 1, "no 'language' column, and the file name does not name a language")
        )
        return
    assembled: dict[str, _Partial] = {}
    line = 1
    for row in reader:
        start, line = line + 1, reader.line_num
        _RowReader(path, start, source_language, default_kind, default_language, result).read(
            row, assembled
        )
    result.concepts.extend(partial.concept(path) for partial in assembled.values())


class _RowReader:
    def __init__(
        self,
        path: str,
        line: int,
        source_language: str,
        default_kind: Kind | None,
        default_language: str | None,
        result: ReadResult,
    ) -> None:
        self.path = path
        self.line = line
        self.source_language = source_language
        self.default_kind = default_kind
        self.default_language = default_language
        self.result = result

    def problem(self, message: str) -> None:
        self.result.problems.append(Problem(self.path, self.line, message))

    def read(self, row: dict[str, str | None], assembled: dict[str, _Partial]) -> None:
        cells = {
            key: _restore(value or "").strip() for key, value in row.items() if key is not None
        }
        if not any(cells.values()):
            return
        english = {
            name: cells.get(name, "")
            for name in ("source", "developer_comments", "kind", "variants", "case_sensitive")
        }
        concept_id = cells.get("context", "") or slug(english["source"])
        if not ID_PATTERN.match(concept_id):
            self.problem(f"context '{concept_id}' is not a glossary id; using a slug of it")
            concept_id = slug(concept_id)
        language = cells.get("language", self.default_language or "")
        target = self.target(cells, language) if language else None
        if language and language == self.source_language:
            self.problem(f"language '{language}' is the source language")
            return
        partial = assembled.get(concept_id)
        if partial is None:
            partial = self.partial(concept_id, english)
            if partial is None:
                return
            assembled[concept_id] = partial
        elif english != partial.english:
            self.problem(
                f"English columns of '{concept_id}' differ from line {partial.line}; "
                "each row of a concept repeats the same English term, kind and note"
            )
            return
        if target is None:
            return
        if language in partial.targets:
            self.problem(f"second '{language}' row for '{concept_id}'")
            return
        partial.targets[language] = target
        partial.lines.update({f"{language}{suffix}": self.line for suffix in _TARGET_KEYS})

    def partial(self, concept_id: str, english: dict[str, str]) -> _Partial | None:
        kind_text = english["kind"]
        kind: Kind | None = self.default_kind
        if kind_text:
            try:
                kind = Kind(kind_text)
            except ValueError:
                known = ", ".join(kind.value for kind in Kind)
                self.problem(f"bad kind '{kind_text}' (expected one of {known})")
                return None
        if kind is None:
            kind = DEFAULT_KIND
            self.result.notes.append(
                Problem(
                    self.path,
                    self.line,
                    f"'{concept_id}' has no kind; it is a '{kind.value}' (fill the 'kind' "
                    "column or import with --kind)",
                )
            )
        case_sensitive = self.flag(english["case_sensitive"], "case_sensitive", default=True)
        variants = _split(english["variants"])
        return _Partial(
            english=english,
            line=self.line,
            id=concept_id,
            kind=kind,
            source=SourceTerms(english["source"], variants, case_sensitive),
            lines={"id": self.line},
        )

    def target(self, cells: dict[str, str], language: str) -> TargetTerms | None:
        if not LANGUAGE_PATTERN.match(language):
            self.problem(f"'{language}' is not a language code")
            return None
        readings: dict[str, str] = {}
        for item in _split(cells.get("pronunciation", "")):
            form, separator, reading = item.rpartition(": ")
            if not separator:
                self.problem(f"pronunciation '{item}' is not written 'form: reading'")
                continue
            readings[form] = reading
        preferred = cells["target"]
        return TargetTerms(
            language=language,
            preferred=preferred,
            forms=_split(cells.get("forms", "")),
            admitted=_split(cells.get("admitted", "")),
            deprecated=_split(cells.get("deprecated", "")),
            first_reference=_split(cells.get("first_reference", "")),
            label=_split(cells.get("label", "")),
            do_not_translate=self.flag(cells.get("do_not_translate", ""), "do_not_translate"),
            indeclinable=self.flag(cells.get("indeclinable", ""), "indeclinable"),
            apostrophe=self.flag(cells.get("apostrophe", ""), "apostrophe", default=True),
            pronunciation=readings.pop(preferred, None),
            readings=readings,
            grammar=cells.get("grammar", ""),
            note=cells.get("translator_comments", ""),
            source=cells.get("reference", ""),
        )

    def flag(self, text: str, column: str, default: bool = False) -> bool:
        value = text.lower()
        if not value:
            return default
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        self.problem(f"column {column} must be true or false, not '{text}'")
        return default


_TARGET_KEYS = (
    "",
    ".preferred",
    ".forms",
    ".admitted",
    ".deprecated",
    ".first_reference",
    ".label",
    ".pronunciation",
)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR)) if cell.strip() else ()


def language_from_name(name: str, languages: Sequence[str] = ()) -> str | None:
    """The language a Weblate-style file name names: `tr.csv`, `glossary-tr.csv`, `ru_RU.csv`.

    One of `languages` when given, else any language CLDR knows (so `bad.csv` names none).
    """
    stem = name.rsplit(".", 1)[0]
    for part in reversed(stem.replace("_", "-").split("-")):
        code = part.lower()
        if code in languages if languages else localedata.exists(code):
            return code
    return None
