"""The glossary as the check uses it: built once per run and shared by every catalog.

`GlossaryIndex` is a cache: the recogniser for the English source and a term finder per
target language, each built on first use, and the recogniser's matches per source text, so
that catalogs of several languages recognise each msgid once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from translate.glossary.model import Concept, Glossary
from translate.morphology.normalize import INVISIBLE

if TYPE_CHECKING:
    import ahocorasick

    from translate.glossary.recognize import TermMatch
    from translate.morphology import TermFinder


class GlossaryIndex:
    """A glossary ready for checking: its recogniser for the source and a term finder per
    target language, both built once; recognition results are kept per source text, so
    catalogs of several languages share them."""

    def __init__(self, glossary: Glossary) -> None:
        from translate.glossary.recognize import Recognizer, lower, plain_form

        self.glossary = glossary
        self._recognizer = Recognizer(glossary)
        self._concepts = {concept.id: concept for concept in glossary}
        self._finders: dict[str, TermFinder] = {}
        self._matches: dict[str, tuple[TermMatch, ...]] = {}
        self._rendered: dict[str, frozenset[str]] = {}  # concepts with terms, per language
        # Every English form as words of letters and digits, lower-case: what the recogniser
        # can find is among their matches, since it tells apart more (case, punctuation).
        keys: dict[str, set[str]] = {}
        # For plain ASCII sources the recogniser's folding leaves the text as it is, so its
        # own keys (`lower(plain_form(form))`) that are ASCII can be looked for in the lower-cased
        # text directly, which is cheaper still.
        plain: dict[str, set[str]] = {}
        for concept in glossary:
            for form in concept.source.all():
                if key := _source_key(form):
                    keys.setdefault(key, set()).add(concept.id)
                if (recognised := lower(plain_form(form))).isascii():
                    plain.setdefault(recognised, set()).add(concept.id)
        self._keys = _automaton(keys)
        self._plain_keys = _automaton(plain)

    def may_lack(self, msgid: str, present: set[str], language: str) -> bool:
        """False when every concept the source could name is among `present`: then nothing
        can be missing and the recogniser need not run (most entries of a good catalog)."""
        if msgid.isascii() and not _IRREGULAR_SPACE.search(msgid):
            text, keys, separator = msgid.lower(), self._plain_keys, None
        else:
            text, keys, separator = _source_key(msgid), self._keys, " "
        if keys is None:
            return False
        needed = self._rendered.get(language)
        if needed is None:
            needed = self._rendered[language] = frozenset(
                concept.id for concept in self.glossary if concept.target(language)
            )
        size = len(text)
        for last, (length, ids) in keys.iter(text):
            if ids <= present or ids.isdisjoint(needed):
                continue
            start, end = last + 1 - length, last + 1
            if separator is None:
                if (start and text[start - 1].isalnum()) or (end < size and text[end].isalnum()):
                    continue
            elif (start and text[start - 1] != " ") or (end < size and text[end] != " "):
                continue
            if not (ids & needed) <= present:
                return True
        return False

    def concept(self, concept_id: str) -> Concept:
        return self._concepts[concept_id]

    def matches(self, msgid: str) -> tuple[TermMatch, ...]:
        """Every glossary name in the source, in text order (`Recognizer.find`)."""
        found = self._matches.get(msgid)
        if found is None:
            found = self._matches[msgid] = tuple(self._recognizer.find(msgid))
        return found

    def recognized(self, msgid: str) -> tuple[TermMatch, ...]:
        """The first match of each concept the source mentions."""
        seen: dict[str, TermMatch] = {}
        for match in self.matches(msgid):
            seen.setdefault(match.concept.id, match)
        return tuple(seen.values())

    def finder(self, language: str) -> TermFinder:
        finder = self._finders.get(language)
        if finder is None:
            from translate.morphology import TermFinder

            finder = self._finders[language] = TermFinder.for_glossary(self.glossary, language)
        return finder


_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


_IRREGULAR_SPACE = re.compile(r"\s\s|[^\S ]")


def _automaton(keys: dict[str, set[str]]) -> ahocorasick.Automaton | None:
    if not keys:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key, ids in keys.items():
        automaton.add_word(key, (len(key), frozenset(ids)))
    automaton.make_automaton()
    return automaton


def _source_key(text: str) -> str:
    """Words of letters and digits, lower-case, one space between: how `may_lack` compares
    English forms and texts. Lower case follows the recogniser: a character whose lower case
    is longer stays as it is."""
    visible = text if text.isascii() else _INVISIBLE.sub("", text)
    lowered = visible.lower()
    if len(lowered) != len(visible):
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in visible)
    return _NOT_ALPHANUMERIC.sub(" ", lowered).strip()
