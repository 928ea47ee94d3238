"""Finding glossary concepts in English source text.

One Aho-Corasick automaton (pyahocorasick) holds every English term and variant, lower-cased,
so a segment is scanned once whatever the size of the glossary. Each hit is then checked:

* word boundaries: no letter or digit may touch the term on either side, so `Syrian` is not
  `Syria` and `Iranian` is not `Iran`. Hyphens, slashes and apostrophes are boundaries, so
  hyphenated compounds name the concept (`Aleppo-based`, `Iran-backed`, `pro-Assad`,
  `Islamic State-held`): their translations name it too (`İran destekli`, `المدعومة من إيران`);
* case, as the entry says: a case-sensitive term matches as written, with its first letter
  capitalised (sentence start: `East Aleppo`) and in capitals (datelines: `ALEPPO`), so the
  pronoun `us` is never `US`; a case-insensitive one matches in any case;
* overlaps: leftmost, then longest wins (`east Aleppo` before `Aleppo`, `U.N. Security Council`
  before `U.N.`), and matches never overlap.

Typographic and straight apostrophes, the various hyphens and runs of spaces (including
no-break spaces) are matched alike. A possessive after a name (`Assad's`, `Assad’s`,
`Reuters’`) is reported separately from the name's span. Dotted abbreviations match with their
dots (`U.N.`); when the final dot also ends the sentence, the match says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from translate.glossary.model import Concept, Glossary
from translate.morphology.normalize import INVISIBLE

APOSTROPHES = "'\u2019\u02bc\u2018\u00b4\u2032"
_HYPHENS = "\u2010\u2011"
_SENTENCE_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a concept in a text.

    `start`/`end`/`text` are the name itself, as written. `form` is the glossary's spelling
    that matched (the term or a variant). `possessive` is the `'s`, `’s` or bare apostrophe
    that follows the name, if any (not part of the span). `sentence_period` is True when the
    name ends in a dot that also ends the sentence (`... told the U.N.`), so whoever replaces
    the name should keep a full stop.
    """

    concept: Concept
    start: int
    end: int
    text: str
    form: str = ""
    possessive: str = ""
    sentence_period: bool = False


def written_forms(text: str) -> frozenset[str]:
    """How a case-sensitive term may be written: as is, capitalised, in capitals."""
    return frozenset({text, text[:1].upper() + text[1:], text.upper()})


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    form: str
    written: frozenset[str] | None  # None: any case


class _Folded:
    """A text prepared for matching, with the way back to the original positions."""

    def __init__(self, text: str) -> None:
        self.original = text
        if _NEEDS_FOLDING.search(text) is None:
            # Most sentences have nothing to fold: positions are their own.
            self.plain = text
            self.lower = lower(text)
            self.origins: Sequence[int] = range(len(text) + 1)
            return
        plain: list[str] = []
        origins: list[int] = []
        for index, char in enumerate(text):
            if char in INVISIBLE:
                continue
            if char in APOSTROPHES:
                char = "'"
            elif char in _HYPHENS:
                char = "-"
            elif char.isspace():
                if plain and plain[-1] == " ":
                    continue
                char = " "
            plain.append(char)
            origins.append(index)
        origins.append(len(text))
        self.plain = "".join(plain)
        self.lower = lower(self.plain)
        self.origins = origins

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the folded span [start, end)."""
        return self.origins[start], self.origins[end - 1] + 1


def _lower(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


# Characters `_Folded` changes or drops, and runs of spaces it collapses.
_NEEDS_FOLDING = re.compile(
    "["
    + re.escape("".join(sorted({*APOSTROPHES, *_HYPHENS, *INVISIBLE} - {"'"})))
    + r"]|\s\s|[^\S ]"
)

_TERM_TABLE = str.maketrans(
    {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(_HYPHENS, "-"), **dict.fromkeys(INVISIBLE)}
)


def plain_form(text: str) -> str:
    """A term in the recogniser's plain form, as `_Folded.plain` makes of a text: apostrophes,
    hyphens, invisible characters and spaces normalised, case kept. (The folding for
    matching in the target languages is `translate.morphology.normalize.fold`.)"""
    return " ".join(text.translate(_TERM_TABLE).split())


def lower(text: str) -> str:
    """Lower case character by character, so positions never shift (`İ` stays one character)."""
    return text.lower() if text.isascii() else "".join(_lower(char) for char in text)


def is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc")


class Recognizer:
    """Finds the concepts of a glossary in English text; build once, call `find` often."""

    def __init__(self, glossary: Glossary | Iterable[Concept]) -> None:
        self._automaton = ahocorasick.Automaton()
        index: dict[str, list[_Entry]] = {}
        for concept in glossary:
            for form in concept.source.all():
                spelled = plain_form(form)
                if not spelled:
                    continue
                written = written_forms(spelled) if concept.source.case_sensitive else None
                key = lower(spelled)
                index.setdefault(key, []).append(_Entry(concept, form, written))
        for key, entries in index.items():
            self._automaton.add_word(key, (len(key), tuple(entries)))
        self._empty = not index
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches in text order; at each place the longest term wins."""
        if self._empty or not text:
            return []
        folded = _Folded(text)
        candidates: list[tuple[int, int, _Entry]] = []
        for last, (length, entries) in self._automaton.iter(folded.lower):
            start, end = last + 1 - length, last + 1
            if not _at_boundaries(folded.plain, start, end):
                continue
            written = folded.plain[start:end]
            for entry in entries:
                if entry.written is None or written in entry.written:
                    candidates.append((start, end, entry))
                    break
        candidates.sort(key=lambda found: (found[0], found[0] - found[1]))
        matches: list[TermMatch] = []
        position = 0
        for start, end, entry in candidates:
            if start < position:
                continue
            matches.append(_match(folded, start, end, entry))
            position = end
        return matches


def _at_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # A term ending in a dot (`U.N.`) may be followed by anything but a letter or digit.
    return not is_word_char(before) and not is_word_char(after)


def _match(folded: _Folded, start: int, end: int, entry: _Entry) -> TermMatch:
    begin, finish = folded.span(start, end)
    original = folded.original
    return TermMatch(
        concept=entry.concept,
        start=begin,
        end=finish,
        text=original[begin:finish],
        form=entry.form,
        possessive=_possessive(original, finish),
        sentence_period=entry.form.endswith(".") and _ends_sentence(original, finish),
    )


def _possessive(text: str, end: int) -> str:
    """`'s` or `’s` after a name, or a bare apostrophe after one ending in s (`Reuters’`)."""
    if end >= len(text) or text[end] not in APOSTROPHES:
        return ""
    after = end + 1
    if after < len(text) and text[after] in "sS":
        if after + 1 >= len(text) or not is_word_char(text[after + 1]):
            return text[end : after + 1]
        return ""
    if text[end - 1] in "sS" and (after >= len(text) or not is_word_char(text[after])):
        return text[end]
    return ""


def _ends_sentence(text: str, end: int) -> bool:
    return not text[end:].strip().strip(_SENTENCE_CLOSERS).strip()


def describe_terms(matches: Sequence[TermMatch], language: str | None = None) -> list[str]:
    """Extracted-comment lines for a catalog entry: each concept once, in text order.

    With a language, the approved rendering (`Glossary: Jabha Shamiya → الجبهة الشامية`);
    for a template, kind and id (`Glossary: Jabha Shamiya [organization: jabha-shamiya]`).
    """
    lines: list[str] = []
    seen: set[str] = set()
    for match in matches:
        concept = match.concept
        if concept.id in seen:
            continue
        seen.add(concept.id)
        term = concept.source.term
        if language is None:
            lines.append(f"Glossary: {term} [{concept.kind.value}: {concept.id}]")
            continue
        target = concept.target(language)
        rendering = target.preferred if target else f"(no {language} entry)"
        lines.append(f"Glossary: {term} → {rendering}")
    return lines
