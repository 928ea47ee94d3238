"""Finding glossary terms in translated text, whatever inflected form they take.

A `TermFinder` holds the terms of one language (of one concept or of a whole glossary). Each
term is turned by the language's rules into the folded strings to search for (`surfaces`: the
term itself, its contracted or declined forms); one Aho-Corasick pass over the folded text finds
every candidate, and the language's rules then `verify` what may stand around it (proclitics,
suffixes, word boundaries) and whether the attached morphology is right.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from translate.glossary.model import Glossary, Status, TargetTerms, Term
from translate.morphology.normalize import (
    Folded,
    fold,
    fold_term,
    is_word_char,
    lenient_letters,
    spelling,
)

_STATUS_ORDER = {Status.preferred: 0, Status.admitted: 1, Status.deprecated: 2}


@dataclass(frozen=True)
class Problem:
    """Something wrong with an occurrence that is otherwise the term (e.g. a Turkish suffix)."""

    rule: str
    message: str
    expected: str


class Occurrence(NamedTuple):
    """A term found in a text: `text` is `original[start:end]`, proclitics and suffixes included."""

    concept_id: str
    term: Term
    start: int
    end: int
    text: str
    problem: Problem | None = None

    @property
    def status(self) -> Status:
        return self.term.status


class Hit(NamedTuple):
    """A verified candidate, in folded positions: the whole word(s) and the term's core.
    (A named tuple: one is made for every candidate, and they are cheaper than dataclasses.)"""

    start: int
    end: int
    core_start: int
    core_end: int
    problem: Problem | None = None


class LanguageRules(Protocol):
    """What a language module provides to the finder. `word_start`/`word_end` say whether a
    term must begin/end at a word boundary; the finder then drops candidates that do not
    before asking `verify` (short terms such as `ИГ` occur inside many words)."""

    language: str
    word_start: bool
    word_end: bool

    # `surfaces` may give None as data when, for rules requiring both word boundaries, the
    # boundaries are all that `verify` would check; the finder then does not call it.

    def surfaces(self, term: str, targets: TargetTerms) -> Iterable[tuple[str, Hashable]]:
        """Folded strings to search for `term`, each with data `verify` receives."""
        ...

    def verify(self, folded: Folded, start: int, end: int, data: Hashable) -> Hit | None:
        """Whether the candidate at folded [start, end) is an occurrence, and its extent."""
        ...


class ExactRules:
    """Languages without morphology rules: the folded term between word boundaries."""

    word_start = True
    word_end = True

    def __init__(self, language: str) -> None:
        self.language = language

    def surfaces(self, term: str, targets: TargetTerms) -> Iterable[tuple[str, Hashable]]:
        return [(fold_term(term, self.language), None)]

    def verify(self, folded: Folded, start: int, end: int, data: Hashable) -> Hit | None:
        if not at_word_start(folded.text, start) or not at_word_end(folded.text, end):
            return None
        return Hit(start, end, start, end)


def at_word_start(text: str, start: int) -> bool:
    return start == 0 or not is_word_char(text[start - 1])


def at_word_end(text: str, end: int) -> bool:
    return end == len(text) or not is_word_char(text[end])


@dataclass(frozen=True)
class _Surface:
    """A folded string to search for, and the glossary's spelling of it when folding has
    made it lenient (the hamza seats of `الأمم` in `للامم`); None when it has nothing to
    spell."""

    concept_id: str
    term: Term
    data: Hashable
    spelling: str | None = None


class TermFinder:
    """Finds the terms of many concepts, in one language, in any number of texts."""

    def __init__(self, language: str, concepts: Iterable[tuple[str, TargetTerms]]) -> None:
        import ahocorasick

        from translate.morphology import matcher_for

        self.rules = matcher_for(language)
        self.language = self.rules.language
        lenient = lenient_letters(self.language)
        index: dict[str, dict[_Surface, None]] = defaultdict(dict)
        for concept_id, targets in concepts:
            for term in targets.terms():
                loose = fold_term(term.text, self.language) if lenient else ""
                written = spelling(term.text, self.language) if lenient else ""
                for key, data in self.rules.surfaces(term.text, targets):
                    if key:
                        spelled = _respelled(key, loose, written) if lenient & set(key) else None
                        index[key][_Surface(concept_id, term, data, spelled)] = None
        self._automaton: ahocorasick.Automaton | None = None
        if index:
            automaton = ahocorasick.Automaton()
            for key, surfaces in index.items():
                automaton.add_word(key, (len(key), tuple(surfaces)))
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def for_glossary(cls, glossary: Glossary, language: str) -> TermFinder:
        """A finder for every concept of `glossary` that has terms in `language`."""
        return cls(
            language,
            (
                (concept.id, target)
                for concept in glossary
                if (target := concept.target(language)) is not None
            ),
        )

    @classmethod
    def for_terms(cls, targets: TargetTerms, concept_id: str = "") -> TermFinder:
        return cls(targets.language, [(concept_id, targets)])

    def find(self, text: str, *, nested: bool = False) -> list[Occurrence]:
        """Occurrences in text order; one inside a longer one (another concept's) is dropped,
        unless `nested` asks for every occurrence (`حلب` in `شرقي حلب` as well)."""
        if self._automaton is None or not text:
            return []
        folded = fold(text, self.language)
        haystack = folded.text
        verify = self.rules.verify
        word_start, word_end = self.rules.word_start, self.rules.word_end
        plain = word_start and word_end
        candidates: dict[tuple[int, int, str], list[tuple[_Surface, Hit]]] = {}
        end_of_text = len(haystack) - 1
        # Keys ending at one place come longest first; once one is an occurrence, the shorter
        # ones there lie inside it and would be dropped (`лаврова` in `сергея лаврова`).
        found_last, found_start = -1, -1
        for last, (length, surfaces) in self._automaton.iter(haystack):
            start = last + 1 - length
            if last == found_last and start > found_start and not nested:
                continue
            if (word_start and start and haystack[start - 1].isalnum()) or (
                word_end and last < end_of_text and haystack[last + 1].isalnum()
            ):
                continue
            for surface in surfaces:
                if surface.data is None and plain:
                    hit = Hit(start, last + 1, start, last + 1)  # boundaries are all it needs
                else:
                    hit = verify(folded, start, last + 1, surface.data)
                    if hit is None:
                        continue
                found_last, found_start = last, start
                key = (hit.start, hit.end, surface.concept_id)
                if key in candidates:
                    candidates[key].append((surface, hit))
                else:
                    candidates[key] = [(surface, hit)]
        if not candidates:
            return []
        spans = []
        for (_, _, concept_id), found in candidates.items():
            surface, hit = found[0] if len(found) == 1 else self._choose(folded, found)
            problem = hit.problem
            if (
                problem is None
                and surface.spelling is not None
                and surface.term.status is not Status.deprecated
            ):
                problem = self._misspelling(folded, hit, surface, found)
            start, end = folded.span(hit.start, hit.end)
            spans.append((start, end, concept_id, surface.term, problem))
        if nested:
            spans.sort(key=lambda span: (span[0], span[0] - span[1], span[2]))
        return [
            Occurrence(concept_id, term, start, end, text[start:end], problem)
            for start, end, concept_id, term, problem in (spans if nested else _outermost(spans))
        ]

    def _misspelling(
        self, folded: Folded, hit: Hit, surface: _Surface, found: Sequence[tuple[_Surface, Hit]]
    ) -> Problem | None:
        """A term matched only because folding is lenient (`ادلب` for `إدلب`): its spelling is
        none of the accepted renderings' that fold alike. Proclitics and suffixes are the
        language rules' business and not compared."""
        written = spelling(folded.original_text(hit.core_start, hit.core_end), self.language)
        if any(
            other.spelling == written
            for other, _ in found
            if other.term.status is not Status.deprecated
        ):
            return None
        assert surface.spelling is not None
        expected = (
            folded.original_text(hit.start, hit.core_start)
            + surface.spelling
            + folded.original_text(hit.core_end, hit.end)
        )
        return Problem(
            "spelling",
            f"{folded.original_text(hit.start, hit.end)} is spelled {expected} in the glossary",
            expected,
        )

    def _choose(
        self, folded: Folded, found: Sequence[tuple[_Surface, Hit]]
    ) -> tuple[_Surface, Hit]:
        """One concept's terms at one place. When renderings of different status fold alike
        (a deprecated spelling without hamza, a lower-case variant), the strict spelling of the
        text decides; when it is neither, the glossary's distinction counts against it."""
        ordered = sorted(
            found,
            key=lambda pair: (pair[1].problem is not None, _STATUS_ORDER[pair[0].term.status]),
        )
        statuses = {surface.term.status for surface, _ in ordered}
        if len(statuses) == 1:
            return ordered[0]
        hit = ordered[0][1]
        written = fold(
            folded.original_text(hit.core_start, hit.core_end), self.language, strict=True
        )
        spellings = {
            pair[0].term.text: fold_term(pair[0].term.text, self.language, strict=True)
            for pair in ordered
        }
        distinctive = _distinctive_positions(list(spellings.values()))

        def agreement(pair: tuple[_Surface, Hit]) -> int:
            spelling = spellings[pair[0].term.text]
            return sum(
                1
                for position in distinctive
                if position < len(written.text)
                and position < len(spelling)
                and written.text[position] == spelling[position]
            )

        best = max(agreement(pair) for pair in ordered)
        winners = [pair for pair in ordered if agreement(pair) == best]
        if best == 0:
            deprecated = [pair for pair in ordered if pair[0].term.status is Status.deprecated]
            return deprecated[0] if deprecated else ordered[0]
        return winners[0]


def _respelled(key: str, loose: str, written: str) -> str:
    """The glossary's spelling of `key`, a surface the language rules made of a term whose
    loose fold is `loose` and spelling `written`: what `key` shares with `loose` at its start
    and end is spelled as the term is, what the rules changed as they wrote it
    (`للامم المتحدة` from `الأمم المتحدة` → `للأمم المتحدة`)."""
    if key == loose:
        return written
    limit = min(len(key), len(loose))
    start = 0
    while start < limit and key[start] == loose[start]:
        start += 1
    end = 0
    while end < limit - start and key[-1 - end] == loose[-1 - end]:
        end += 1
    return written[:start] + key[start : len(key) - end] + written[len(written) - end :]


def _distinctive_positions(spellings: list[str]) -> list[int]:
    shortest = min(len(spelling) for spelling in spellings)
    return [
        position
        for position in range(shortest)
        if len({spelling[position] for spelling in spellings}) > 1
    ]


_Span = tuple[int, int, str, Term, Problem | None]


def _outermost(spans: list[_Span]) -> list[_Span]:
    """Drop spans strictly inside a longer one (`Halep` inside `Doğu Halep'te`)."""
    if len(spans) < 2:
        return spans
    spans.sort(key=lambda span: (span[0], span[0] - span[1], span[2]))
    kept: list[_Span] = []
    # Sorted by start, longest first: whatever contains a span was kept before it, and the
    # kept span reaching furthest right is the one to compare with.
    cover_start, cover_end = -1, -1
    for span in spans:
        start, end = span[0], span[1]
        if end <= cover_end and cover_end - cover_start > end - start:
            continue
        kept.append(span)
        if end > cover_end:
            cover_start, cover_end = start, end
    return kept


def find_occurrences(text: str, targets: TargetTerms, concept_id: str = "") -> list[Occurrence]:
    """The terms of one concept's `targets` in `text` (builds a finder; cache it for many texts)."""
    return TermFinder.for_terms(targets, concept_id).find(text)
