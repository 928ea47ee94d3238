"""Translation memory: earlier translations of a language, reused before any MT.

Built from every catalog of the target language. An exact source match is reused as it is (a
reviewed translation stays reviewed, a fuzzy one stays fuzzy); a close match, as `msgmerge`
offers it, becomes a fuzzy suggestion that carries the old source as `#| msgid`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from translate.catalog import Catalog

# rapidfuzz's normalized Indel similarity (0-100). msgmerge proposes matches from about 60 on
# its own measure; translators find suggestions below ~80 here more work to fix than to write,
# so fewer, better suggestions.
CLOSE_MATCH_THRESHOLD = 80.0


@dataclass(frozen=True)
class MemoryEntry:
    source: str
    target: str
    reviewed: bool
    origin: str


@dataclass(frozen=True)
class Match:
    entry: MemoryEntry
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


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


def memory_from_catalogs(catalogs: Iterable[tuple[str, Catalog]]) -> TranslationMemory:
    """Memory over the entries with a translation (obsolete ones too), from (name, catalog)."""
    return TranslationMemory(
        MemoryEntry(
            source=message.msgid,
            target=message.msgstr,
            reviewed=not message.fuzzy,
            origin=name,
        )
        for name, catalog in catalogs
        for message in catalog.messages
        if message.msgid_plural is None and message.has_translation
    )
