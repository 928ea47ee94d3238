"""First mentions: rules over a whole article rather than one entry.

Wire style names a concept in full the first time an article mentions it and lets later
mentions use a short form (the Syrian Observatory for Human Rights, then the Observatory); a
person comes with full name and title; Russian media must follow the name of an organization
banned in Russia with a legal label («запрещённая в России»). The glossary says so per
language (`first-reference`, `label`), and two rules check it:

* `glossary-first-reference`: the first mention takes one of the first-reference forms, in
  any inflected form, whatever form the English used there;
* `glossary-label`: the entry of the first mention carries one of the label's phrases, in any
  inflected form (Russian words are compared by their pymorphy3 lemmas, Turkish words may
  carry suffixes, Arabic ones proclitics).

An article is a source file: the entries whose references name it, in the order of their
lines (a catalog without references is one article in file order). The first mention is the
first of its entries whose translation renders the concept where the source names it, or
renders it in a first-reference form (a translator may name the concept earlier than the
English does). Enforcement uses the same definitions: `FirstMentions.issues` verifies a
machine translation of a first mention.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from translate.check.findings import Issue
from translate.glossary.model import TargetTerms

if TYPE_CHECKING:
    from translate.catalog import Message
    from translate.check.index import GlossaryIndex
    from translate.check.rules import Context
    from translate.morphology import Occurrence, TermFinder

FIRST_REFERENCE = "glossary-first-reference"
LABEL = "glossary-label"

_REFERENCE = re.compile(r"^(.*):(\d+)$")
_WORD = re.compile(r"\w+(?:['\-]\w+)*")


def _quoted(text: str) -> str:
    return f"“{text}”"


class FirstMentions:
    """The first-mention rules of one language of a glossary, built once: a term finder for
    the concepts that have such rules, and per concept a finder for its first-reference forms
    and a matcher for its label."""

    def __init__(self, index: GlossaryIndex, language: str) -> None:
        from translate.morphology import TermFinder

        self.index = index
        self.language = language
        self.targets: dict[str, TargetTerms] = {
            concept.id: target
            for concept in index.glossary
            if (target := concept.target(language)) is not None and target.at_first_mention
        }
        self._finder = TermFinder(language, self.targets.items()) if self.targets else None
        self._first: dict[str, TermFinder | None] = {}
        self._labels: dict[str, PhraseMatcher] = {}

    def __bool__(self) -> bool:
        return bool(self.targets)

    def mentions(self, source: str, translation: str) -> dict[str, list[Occurrence]]:
        """The concepts with first-mention rules that this translation mentions, with their
        occurrences in text order: a rendering where the source names the concept, or one
        of the concept's first-reference forms wherever it stands."""
        if self._finder is None or not translation:
            return {}
        found: dict[str, list[Occurrence]] = {}
        for occurrence in self._finder.find(translation):
            found.setdefault(occurrence.concept_id, []).append(occurrence)
        if not found:
            return found
        named = {match.concept.id for match in self.index.recognized(source)}
        return {
            concept_id: occurrences
            for concept_id, occurrences in found.items()
            if concept_id in named or self._first_form(concept_id, translation)
        }

    def issues(
        self, concept_id: str, translation: str, occurrences: Sequence[Occurrence] = ()
    ) -> list[Issue]:
        """What the first mention of `concept_id` in `translation` lacks. `occurrences` are
        the concept's occurrences there (found again when not given); none means the
        translation does not render the concept, which `glossary-missing` reports."""
        target = self.targets.get(concept_id)
        if target is None:
            return []
        if not occurrences:
            occurrences = self.mentions_of(concept_id, translation)
            if not occurrences:
                return []
        concept = self.index.concept(concept_id)
        english = concept.source.term
        issues: list[Issue] = []
        first = occurrences[0]
        if target.first_reference:
            full = self._first_form(concept_id, translation)
            if full is None or full.start > first.start:
                forms = " or ".join(map(_quoted, target.first_reference[:3]))
                issues.append(
                    Issue(
                        FIRST_REFERENCE,
                        f"first mention of {_quoted(english)} ({concept_id}) in this article is "
                        f"{_quoted(first.text)}; the first reference takes {forms}, in any "
                        "inflected form",
                        concept=concept_id,
                        expected=target.first_reference[0],
                        found=first.text,
                    )
                )
        if target.label and not self._label(concept_id).search(translation):
            phrases = ", ".join(map(_quoted, target.label))
            issues.append(
                Issue(
                    LABEL,
                    f"first mention of {_quoted(english)} ({concept_id}) in this article lacks "
                    f"its required label, one of {phrases} in any inflected form",
                    concept=concept_id,
                    expected=target.label[0],
                )
            )
        return issues

    def mentions_of(self, concept_id: str, translation: str) -> list[Occurrence]:
        if self._finder is None:
            return []
        return [o for o in self._finder.find(translation) if o.concept_id == concept_id]

    def _first_form(self, concept_id: str, translation: str) -> Occurrence | None:
        """The first occurrence of a first-reference form of the concept, if any."""
        finder = self._first.get(concept_id, False)
        if finder is False:
            finder = self._first[concept_id] = _first_reference_finder(
                concept_id, self.targets[concept_id]
            )
        if finder is None:
            return None
        found = finder.find(translation)
        return found[0] if found else None

    def _label(self, concept_id: str) -> PhraseMatcher:
        matcher = self._labels.get(concept_id)
        if matcher is None:
            matcher = self._labels[concept_id] = PhraseMatcher(
                self.language, self.targets[concept_id].label
            )
        return matcher


def _first_reference_finder(concept_id: str, target: TargetTerms) -> TermFinder | None:
    """A finder for the first-reference forms alone, with the grammar of the concept's
    renderings (Russian declension and indeclinable names, Turkish apostrophes and readings)."""
    from translate.morphology import TermFinder

    if not target.first_reference:
        return None
    first, *others = target.first_reference
    readings = {text: reading for text in others if (reading := target.reading(text))}
    only_first = replace(
        target,
        preferred=first,
        forms=tuple(others),
        admitted=(),
        deprecated=(),
        pronunciation=target.reading(first),
        readings=readings,
        # `indeclinable` covers the preferred rendering and its forms.
        indeclinable=target.indeclinable
        and all(text in (target.preferred, *target.forms) for text in target.first_reference),
    )
    return TermFinder.for_terms(only_first, concept_id)


_CACHE: weakref.WeakKeyDictionary[GlossaryIndex, dict[str, FirstMentions]] = (
    weakref.WeakKeyDictionary()
)


def first_mentions(index: GlossaryIndex, language: str) -> FirstMentions:
    """The first-mention rules of `language`, built once per glossary index."""
    per_language = _CACHE.setdefault(index, {})
    rules = per_language.get(language)
    if rules is None:
        rules = per_language[language] = FirstMentions(index, language)
    return rules


# ---------------------------------------------------------------------------------------------
# The rule over a catalog


def article_order(messages: Sequence[Message]) -> list[list[int]]:
    """The articles of a catalog, each as indices of `messages` in source order: one per
    source file its references name (by line), and one in file order for entries without a
    reference."""
    articles: dict[str, list[tuple[int, int]]] = {}
    for position, message in enumerate(messages):
        lines: dict[str, int] = {}
        for reference in message.references:
            match = _REFERENCE.match(reference)
            path, line = (match.group(1), int(match.group(2))) if match else (reference, 0)
            lines[path] = min(lines.get(path, line), line)
        if not lines:
            lines[""] = position
        for path, line in lines.items():
            articles.setdefault(path, []).append((line, position))
    return [[position for _, position in sorted(entries)] for entries in articles.values()]


def check_first_mentions(messages: Sequence[Message], context: Context) -> dict[int, list[Issue]]:
    """Issues of the first mentions in the catalog whose translated entries are `messages`,
    keyed by position in `messages`."""
    if context.glossary is None:
        return {}
    rules = first_mentions(context.glossary, context.language)
    if not rules:
        return {}
    found: dict[int, list[Issue]] = {}
    for article in article_order(messages):
        seen: set[str] = set()
        for position in article:
            message = messages[position]
            translation = message.translations()[0]
            for concept_id, occurrences in rules.mentions(message.msgid, translation).items():
                if concept_id in seen:
                    continue
                seen.add(concept_id)
                issues = rules.issues(concept_id, translation, occurrences)
                if issues:
                    found.setdefault(position, []).extend(issues)
            if len(seen) == len(rules.targets):
                break
    return found


# ---------------------------------------------------------------------------------------------
# Phrases in any inflected form


class PhraseMatcher:
    """Finds any of a few phrases in a text, word by word, each word in any inflected form
    the language's morphology allows: a Russian word by its lemmas (pymorphy3), a Turkish
    one with suffixes, an Arabic first word with proclitics; punctuation between words is
    ignored, so «(запрещена в РФ)» and «запрещённой в РФ» are the same phrase."""

    def __init__(self, language: str, phrases: Iterable[str]) -> None:
        self.language = language
        self.phrases = [words for phrase in phrases if (words := self._words(phrase))]

    def _words(self, text: str) -> list[str]:
        from translate.morphology import fold

        return _WORD.findall(fold(text, self.language).text)

    def search(self, text: str) -> bool:
        words = self._words(text)
        for phrase in self.phrases:
            size = len(phrase)
            for start in range(len(words) - size + 1):
                if all(
                    self._same(wanted, words[start + offset], offset == 0, offset == size - 1)
                    for offset, wanted in enumerate(phrase)
                ):
                    return True
        return False

    def _same(self, wanted: str, word: str, first: bool, last: bool) -> bool:
        if word == wanted:
            return True
        if self.language == "ru":
            return not _lemmas(wanted).isdisjoint(_lemmas(word))
        if self.language == "tr":
            return _turkish_inflection(wanted, word)
        if self.language == "ar" and first:
            return word in _with_proclitics(wanted)
        return False


@cache
def _lemmas(word: str) -> frozenset[str]:
    """Every lemma pymorphy3 gives a (folded) Russian word, ё as е, and the word itself."""
    from translate.morphology.russian import analyzer

    lemmas = {parse.normal_form.replace("ё", "е") for parse in analyzer().parse(word)}
    return frozenset({word, *lemmas})


@cache
def _with_proclitics(word: str) -> frozenset[str]:
    """An Arabic word with every sequence of proclitics (`للرئيس`, `وبالرئيس`)."""
    from translate.morphology.arabic import PROCLITIC_SEQUENCES, attach_proclitics

    return frozenset(attach_proclitics(proclitics, word) for proclitics in PROCLITIC_SEQUENCES)


# A final voiceless stop softens before a vowel: örgüt → örgütü, but kitap → kitabı.
_SOFTENED = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}


def _turkish_inflection(wanted: str, word: str) -> bool:
    """`word` is `wanted` with Turkish suffixes (after an apostrophe or joined)."""
    from translate.morphology.turkish import parses

    stems = [wanted]
    if wanted[-1:] in _SOFTENED:
        stems.append(wanted[:-1] + _SOFTENED[wanted[-1]])
    for stem in stems:
        if word.startswith(stem) and len(word) > len(stem):
            suffix = word[len(stem) :].removeprefix("'")
            if suffix and parses(suffix):
                return True
    return False
