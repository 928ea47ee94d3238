"""What a translation memory holds and answers, and the exhaustive one kept in memory.

An exact source match is reused as it is (a reviewed translation stays reviewed, a fuzzy one
stays fuzzy); a close match, as `msgmerge` offers it, becomes a fuzzy suggestion that carries
the old source as `#| msgid`. `TranslationMemory` scans every entry: the merge uses it for
the few entries a catalog leaves behind, and tests measure the index against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from translate.catalog import Catalog, Message

# rapidfuzz's normalized Indel similarity (0-100). msgmerge proposes matches from about 60 on
# its own measure; translators find suggestions below ~80 here more work to fix than to write,
# so fewer, better suggestions.
CLOSE_MATCH_THRESHOLD = 80.0


class Kind(StrEnum):
    """Where an entry comes from."""

    catalog = "catalog"  # a PO file of the locales folder
    tmx = "tmx"  # a TMX file of the memory folder: never reviewed in this project's sense


@dataclass(frozen=True)
class MemoryEntry:
    source: str
    target: str
    reviewed: bool
    origin: str  # the file, as the project displays its path
    kind: Kind = Kind.catalog


@dataclass(frozen=True)
class Match:
    entry: MemoryEntry
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


class Memory(Protocol):
    """What the run's "reuse memory" stage asks of a memory of one language."""

    def exact(self, source: str) -> MemoryEntry | None: ...

    def closest(self, source: str, threshold: float = CLOSE_MATCH_THRESHOLD) -> Match | None: ...


class TranslationMemory:
    """Exact and close lookup over the translated entries of some catalogs."""

    def __init__(self, entries: Iterable[MemoryEntry]) -> None:
        self._exact: dict[str, MemoryEntry] = {}
        for entry in entries:
            current = self._exact.get(entry.source)
            # A reviewed translation beats a fuzzy one; otherwise the first found stays.
            if current is None or (entry.reviewed and not current.reviewed):
                self._exact[entry.source] = entry
        self._sources = list(self._exact)

    def __len__(self) -> int:
        return len(self._exact)

    def exact(self, source: str) -> MemoryEntry | None:
        return self._exact.get(source)

    def closest(self, source: str, threshold: float = CLOSE_MATCH_THRESHOLD) -> Match | None:
        """The most similar different source above `threshold`, reviewed ones first on ties."""
        if not self._sources:
            return None
        from rapidfuzz import fuzz, process

        candidates = process.extract(
            source, self._sources, scorer=fuzz.ratio, score_cutoff=threshold, limit=5
        )
        ranked = sorted(
            (
                (score, self._exact[found].reviewed, -index, found)
                for found, score, index in candidates
                if found != source
            ),
            reverse=True,
        )
        if not ranked:
            return None
        score, _, _, found = ranked[0]
        return Match(entry=self._exact[found], score=score)


def remembered(catalog: Catalog) -> Iterator[Message]:
    """The entries a catalog gives the memory: translated and singular, obsolete ones too."""
    return (m for m in catalog.messages if m.msgid_plural is None and m.has_translation)


def memory_from_catalogs(catalogs: Iterable[tuple[str, Catalog]]) -> TranslationMemory:
    """Memory over the remembered entries of (name, catalog) pairs."""
    return TranslationMemory(
        MemoryEntry(
            source=message.msgid,
            target=message.msgstr,
            reviewed=not message.fuzzy,
            origin=name,
        )
        for name, catalog in catalogs
        for message in remembered(catalog)
    )
