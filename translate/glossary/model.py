"""The glossary model: concepts with an English term and approved renderings per language.

Plain frozen dataclasses with no I/O; loading, validation, interchange and recognition live
in sibling modules. Where a concept was read from (`origin`, `lines`) is kept for messages
but is not part of its value: a glossary read from YAML equals the same glossary read back
from TBX or CSV.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

VERSION_LENGTH = 12


class Status(StrEnum):
    """TBX `administrativeStatus`, shortened."""

    preferred = "preferred"
    admitted = "admitted"
    deprecated = "deprecated"


class Kind(StrEnum):
    organization = "organization"
    place = "place"
    person = "person"
    institution = "institution"
    event = "event"
    # An entry whose file does not say (a TBX or CSV glossary from elsewhere); kinds only
    # sort concepts into files and describe them, so no rule depends on it.
    term = "term"


DEFAULT_KIND = Kind.term


@dataclass(frozen=True)
class Location:
    """Where a concept (or a field of it) is defined, for `file:line` messages."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True)
class Term:
    text: str
    status: Status


@dataclass(frozen=True)
class SourceTerms:
    """The English side: the term and its variants (`Zinki` for `Nour al-Din al-Zinki`).

    `case_sensitive` (the default) matches a term as written, with its first letter
    capitalised (at the start of a sentence) and in capitals (datelines: `ALEPPO`); otherwise
    any case matches.
    """

    term: str
    variants: tuple[str, ...] = ()
    case_sensitive: bool = True

    def all(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class TargetTerms:
    """One language's renderings of a concept and what its grammar needs to know.

    `forms` are accepted exactly like the preferred term: short forms used after the first
    mention (`Esad` for `Beşşar Esad`), abbreviations (`BM`), and inflected forms that rules
    cannot derive (`Сергея Рудского`). `admitted` renderings are tolerated but not preferred;
    `deprecated` ones are wrong. `indeclinable` marks names that never change form (Russian
    `Алеппо`). `pronunciation` tells Turkish vowel harmony how the preferred term is read
    (`Kerry` → `Keri`); `readings` does the same for other forms (`BM` → `be-me`).
    `apostrophe` is Turkish: False for names of institutions and organizations that end in a
    common noun, whose case endings TDK joins without an apostrophe (`Birleşmiş Milletlerin`,
    `Şam Cephesinin`); abbreviations always take one (`BM'nin`).

    `first_reference` lists the forms the first mention of the concept in an article must
    take (the full name of the Observatory; a person's full name), in any inflected form;
    later mentions may use any accepted form. The first is the one enforcement inserts.
    `label` lists phrases one of which must accompany the first mention (the Russian legal
    label «запрещённая в России» for organizations banned in Russia; a person's title).
    """

    language: str
    preferred: str
    admitted: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    do_not_translate: bool = False
    indeclinable: bool = False
    forms: tuple[str, ...] = ()
    pronunciation: str | None = None
    grammar: str = ""
    note: str = ""
    source: str = ""
    apostrophe: bool = True
    readings: Mapping[str, str] = field(default_factory=dict)
    first_reference: tuple[str, ...] = ()
    label: tuple[str, ...] = ()

    def __hash__(self) -> int:  # `readings` is a mapping; equal values share these fields
        return hash((self.language, self.preferred, self.forms, self.admitted, self.deprecated))

    def terms(self) -> tuple[Term, ...]:
        """Every rendering with its status; `forms` count as preferred."""
        return (
            Term(self.preferred, Status.preferred),
            *(Term(text, Status.preferred) for text in self.forms),
            *(Term(text, Status.admitted) for text in self.admitted),
            *(Term(text, Status.deprecated) for text in self.deprecated),
        )

    def accepted(self) -> tuple[str, ...]:
        """Renderings that satisfy the glossary: preferred first, its forms, then admitted."""
        return (self.preferred, *self.forms, *self.admitted)

    @property
    def at_first_mention(self) -> bool:
        """Whether the first mention in an article has rules of its own."""
        return bool(self.first_reference or self.label)

    def reading(self, text: str) -> str | None:
        """How the rendering `text` is read aloud, when the glossary says."""
        if text == self.preferred and self.pronunciation:
            return self.pronunciation
        return self.readings.get(text)


@dataclass(frozen=True)
class Concept:
    """One named entity and its renderings. Hashable by id: ids are unique in a glossary."""

    id: str
    kind: Kind
    source: SourceTerms
    targets: Mapping[str, TargetTerms]
    note: str = ""
    origin: Location | None = field(default=None, compare=False)
    # Line of each field in the file the concept was read from, keyed `tr.deprecated[0]`,
    # `en.variants[2]`, `tr`, `kind`: validation messages point at the offending line.
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __hash__(self) -> int:
        return hash(self.id)

    def target(self, language: str) -> TargetTerms | None:
        return self.targets.get(language)

    def location(self, key: str = "") -> Location | None:
        """Where `key` (or, failing that, the nearest enclosing field) is written."""
        if self.origin is None:
            return None
        while key:
            if key in self.lines:
                return Location(self.origin.path, self.lines[key])
            key = key.rpartition("[")[0] if key.endswith("]") else key.rpartition(".")[0]
        return self.origin


@dataclass(frozen=True)
class Glossary:
    """All concepts; `version` is a digest of the content, recorded in catalogs' provenance."""

    concepts: tuple[Concept, ...]
    version: str
    source_language: str = "en"
    languages: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def concept(self, concept_id: str) -> Concept:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)


def make_glossary(concepts: Iterable[Concept], source_language: str = "en") -> Glossary:
    """A glossary of `concepts` in the given order, with its version and target languages."""
    concepts = tuple(concepts)
    languages: dict[str, None] = {}
    for concept in concepts:
        languages.update(dict.fromkeys(concept.targets))
    return Glossary(
        concepts=concepts,
        version=content_version(concepts, source_language),
        source_language=source_language,
        languages=tuple(languages),
    )


def content_version(concepts: Iterable[Concept], source_language: str = "en") -> str:
    """First hex digits of the SHA-256 of the canonical content.

    Independent of file layout, comments, key order and concept order, so it changes only
    when what the glossary says changes.
    """
    canonical = {
        "source_language": source_language,
        "concepts": sorted((_canonical(concept) for concept in concepts), key=lambda c: c["id"]),
    }
    data = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def _canonical(concept: Concept) -> dict[str, object]:
    return {
        "id": concept.id,
        "kind": concept.kind.value,
        "note": concept.note,
        "source": {
            "term": concept.source.term,
            "variants": list(concept.source.variants),
            "case_sensitive": concept.source.case_sensitive,
        },
        "targets": {
            language: {
                **_first_mention(target),
                "preferred": target.preferred,
                "forms": list(target.forms),
                "admitted": list(target.admitted),
                "deprecated": list(target.deprecated),
                "do_not_translate": target.do_not_translate,
                "indeclinable": target.indeclinable,
                "apostrophe": target.apostrophe,
                "pronunciation": target.pronunciation,
                "readings": dict(target.readings),
                "grammar": target.grammar,
                "note": target.note,
                "source": target.source,
            }
            for language, target in concept.targets.items()
        },
    }


def _first_mention(target: TargetTerms) -> dict[str, list[str]]:
    """The first-mention fields, only where they are set: a glossary that does not use them
    keeps the version it had before they existed, and its catalogs stay as they are."""
    fields = {"first_reference": target.first_reference, "label": target.label}
    return {name: list(values) for name, values in fields.items() if values}
