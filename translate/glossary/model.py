"""The glossary model: concepts with an English term and approved renderings per language.

Plain frozen dataclasses with no I/O; loading, validation, interchange and recognition live
in sibling modules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


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
    """The English side: the term and its variants (`Zinki` for `Nour al-Din al-Zinki`)."""

    term: str
    variants: tuple[str, ...] = ()
    case_sensitive: bool = True

    def all(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class TargetTerms:
    """One language's renderings of a concept and what its grammar needs to know.

    `forms` lists inflected forms that rules cannot derive (accepted like the preferred term);
    `indeclinable` marks names that never change form (Russian `Алеппо`); `pronunciation`
    tells Turkish vowel harmony how an abbreviation or foreign name is read (`BM` → `be-me`).
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

    def terms(self) -> tuple[Term, ...]:
        return (
            Term(self.preferred, Status.preferred),
            *(Term(text, Status.admitted) for text in self.admitted),
            *(Term(text, Status.deprecated) for text in self.deprecated),
        )

    def accepted(self) -> tuple[str, ...]:
        """Renderings that satisfy the glossary: preferred first, then admitted."""
        return (self.preferred, *self.admitted)


@dataclass(frozen=True)
class Concept:
    id: str
    kind: Kind
    source: SourceTerms
    targets: Mapping[str, TargetTerms]
    note: str = ""
    origin: Location | None = None

    def target(self, language: str) -> TargetTerms | None:
        return self.targets.get(language)


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
