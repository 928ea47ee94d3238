"""The rules: small functions from (source, translation, context) to issues.

Each rule looks at one translation of one entry; the runner places what they find in the file,
applies suppressions and counts. Glossary rules use `translate.morphology` to accept every
correct inflected form of a term and to see what is attached wrongly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from translate.check.findings import Issue, Severity
from translate.check.numbers import (
    source_numbers,
    spelled_out,
    target_values,
    written_with_digits,
)
from translate.glossary.model import Status

if TYPE_CHECKING:
    from babel import Locale

    from translate.check.index import GlossaryIndex
    from translate.glossary.recognize import TermMatch
    from translate.morphology import Occurrence

# Languages whose script is not the Latin script of the English source.
NON_LATIN_SCRIPT = frozenset({
    "am", "ar", "be", "bg", "el", "fa", "he", "hi", "hy", "ja", "ka", "kk", "km", "ko", "ky",
    "mk", "mn", "ru", "sr", "ta", "th", "uk", "ur", "zh",
})  # fmt: skip


@dataclass
class Context:
    """What the rules know about the catalog being checked."""

    language: str
    glossary: GlossaryIndex | None = None


# A rule: (source, translation, context) → what is wrong, an empty list most of the time.
RuleFunction = Callable[[str, str, Context], list[Issue]]


# ---------------------------------------------------------------------------------------------
# Glossary


def _quoted(text: str) -> str:
    return f"“{text}”"


def check_glossary(msgid: str, translation: str, context: Context) -> list[Issue]:
    """Required terms present (any inflected form), deprecated renderings absent, admitted
    ones noted, and what is attached to them right."""
    index = context.glossary
    if index is None:
        return []
    language = context.language
    finder = index.finder(language)
    occurrences = finder.find(translation)
    issues: list[Issue] = []
    for occurrence in occurrences:
        if occurrence.problem is None and occurrence.term.status is Status.preferred:
            continue
        # An admitted rendering of a concept the source does not name is a coincidence
        # (`شرقي حلب`, "east of Aleppo", in a sentence about the north-east of Aleppo).
        admitted_elsewhere = (
            occurrence.term.status is Status.admitted
            and occurrence.concept_id not in {match.concept.id for match in index.recognized(msgid)}
        )
        issues.extend(_occurrence_issues(occurrence, index, language, admitted_elsewhere))
    present = {o.concept_id for o in occurrences}
    if not index.may_lack(msgid, present, language):
        return issues
    recognized = index.recognized(msgid)
    lacking = [
        match
        for match in recognized
        if match.concept.target(language) is not None and match.concept.id not in present
    ]
    if lacking:
        present |= _inside_unnamed(finder.find(translation, nested=True), recognized)
    for match in lacking:
        concept = match.concept
        if concept.id in present:
            continue
        target = concept.target(language)
        assert target is not None
        expected = target.preferred
        also = (
            f" (or admitted {', '.join(map(_quoted, target.admitted))})" if target.admitted else ""
        )
        near = _near_miss(translation, expected)
        seen = f"; found {_quoted(near)}, which is not a form of it" if near else ""
        issues.append(
            Issue(
                "glossary-missing",
                f"{_quoted(match.text)} ({concept.id}) must be rendered as "
                f"{_quoted(expected)}{also} in any inflected form{seen}",
                concept=concept.id,
                expected=expected,
                found=near,
            )
        )
    return issues


def _inside_unnamed(occurrences: list[Occurrence], recognized: tuple[TermMatch, ...]) -> set[str]:
    """Concepts found inside a longer term of a concept the source does not name: `حلب` in
    `شمال شرقي حلب` ("north-east of Aleppo") is Aleppo, though `شرقي حلب` alone would be the
    concept east Aleppo. Inside a term the source does name, it is part of that one."""
    named = {match.concept.id for match in recognized}
    found: set[str] = set()
    for occurrence in occurrences:
        if occurrence.status is Status.deprecated:
            continue
        inside_named = any(
            other.concept_id in named
            and other.concept_id != occurrence.concept_id
            and other.start <= occurrence.start
            and occurrence.end <= other.end
            and other.end - other.start > occurrence.end - occurrence.start
            for other in occurrences
        )
        if not inside_named:
            found.add(occurrence.concept_id)
    return found


def _occurrence_issues(
    occurrence: Occurrence, index: GlossaryIndex, language: str, admitted_elsewhere: bool
) -> Iterator[Issue]:
    concept = index.concept(occurrence.concept_id)
    target = concept.target(language)
    preferred = target.preferred if target else occurrence.term.text
    english = concept.source.term
    if occurrence.status is Status.deprecated:
        yield Issue(
            "glossary-deprecated",
            f"{_quoted(occurrence.text)} is a deprecated rendering of {_quoted(english)} "
            f"({concept.id}); use {_quoted(preferred)}",
            concept=concept.id,
            expected=preferred,
            found=occurrence.text,
        )
        return
    if occurrence.status is Status.admitted and not admitted_elsewhere:
        yield Issue(
            "glossary-admitted",
            f"{_quoted(occurrence.text)} is admitted for {_quoted(english)} ({concept.id}), "
            f"but the glossary prefers {_quoted(preferred)}",
            concept=concept.id,
            expected=preferred,
            found=occurrence.text,
        )
    problem = occurrence.problem
    if problem is not None:
        rule = _PROBLEM_RULES[problem.rule]
        yield Issue(
            rule,
            f"{problem.message} ({concept.id})",
            concept=concept.id,
            expected=problem.expected,
            found=occurrence.text,
        )


# What morphology reports about an occurrence, as check rules.
_PROBLEM_RULES = {
    "suffix-harmony": "glossary-suffix",
    "missing-apostrophe": "glossary-apostrophe",
    "unexpected-apostrophe": "glossary-apostrophe",
    "agreement": "glossary-agreement",
    "spelling": "glossary-spelling",
}


def _letters(text: str) -> str:
    """Letters without marks or case (`İdlib` and `Idlib` alike), to point at near misses."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _near_miss(translation: str, term: str) -> str | None:
    """A word sequence that is the term but for case, dots or marks (`Idlib'e` for `İdlib`)."""
    wanted = _letters(term)
    words = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", translation))
    size = len(term.split())
    for index in range(len(words) - size + 1):
        start, end = words[index].start(), words[index + size - 1].end()
        candidate = _letters(translation[start:end])
        if candidate.startswith(wanted) and translation[start:end] != term:
            return translation[start:end]
    return None


# ---------------------------------------------------------------------------------------------
# Numbers, copies, punctuation


def check_numbers(msgid: str, translation: str, context: Context) -> list[Issue]:
    """Every number of the source is in the translation, in any of the target's ways."""
    # Not kept per msgid: the msgids of a catalog are unique, a cache would never be hit.
    numbers = source_numbers(msgid)
    if not numbers:
        return []
    issues = []
    values: set | None = None
    for number in numbers:
        if written_with_digits(number, translation, context.language):
            continue
        if values is None:
            values = target_values(translation, context.language)
        if any(value in values for value in number.values()) or spelled_out(
            number, translation, context.language
        ):
            continue
        issues.append(
            Issue(
                "numbers",
                f"number {number.text} of the source is missing from the translation",
                expected=_formatted(number.value, context.language),
            )
        )
    return issues


def _formatted(value: Decimal, language: str) -> str:
    """`value` as the locale writes it (`10.500` in Turkish), for the expected form."""
    from babel.numbers import format_decimal

    locale = _locale(language)
    return format_decimal(value, locale=locale) if locale is not None else str(value)


@cache
def _locale(language: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return None


def check_identical(msgid: str, translation: str, context: Context) -> list[Issue]:
    """A translation that is the source again, for text with letters to translate."""
    if msgid.lstrip()[:1] != translation.lstrip()[:1]:
        return []  # the quick answer for nearly every entry
    if " ".join(msgid.split()) != " ".join(translation.split()):
        return []
    if not any(char.isalpha() for char in msgid):
        return []
    severity = Severity.error if context.language in NON_LATIN_SCRIPT else Severity.warning
    return [Issue("identical", "the translation is identical to the source", severity=severity)]


class Balance(NamedTuple):
    """Marks left open and closing marks without an opening; `ambiguous` when a straight
    quote is unpaired and its direction cannot be told."""

    unclosed: int = 0
    unopened: int = 0
    ambiguous: bool = False

    def describe(self) -> str:
        if not self.unclosed and not self.unopened:
            return "is balanced"
        parts = []
        if self.unclosed:
            parts.append(f"leaves {self.unclosed} open")
        if self.unopened:
            parts.append(f"closes {self.unopened} never opened")
        return " and ".join(parts)

    def agrees(self, other: Balance) -> bool:
        if self.ambiguous or other.ambiguous:
            return self.unclosed + self.unopened == other.unclosed + other.unopened
        return (self.unclosed, self.unopened) == (other.unclosed, other.unopened)


_QUOTE_CLOSERS = {"”": "“„", "»": "«", "“": "„", "›": "‹"}
_QUOTE_OPENERS = "“«„‹"
_QUOTES = frozenset('"' + "".join(_QUOTE_CLOSERS) + _QUOTE_OPENERS)
_BRACKET_CLOSERS = {")": "(", "]": "[", "}": "{"}
_BRACKETS = frozenset("()[]{}")
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + "]")
_BRACKET_MARK = re.compile(r"[()\[\]{}]")


def quote_balance(text: str) -> Balance:
    """How the double quotation marks of `text` pair up (English “…”, Russian «…» and „…“,
    straight "…"). Single quotes are left out: they are apostrophes as often as quotes."""
    stack: list[str] = []
    unopened = 0
    for char in _QUOTE_MARK.findall(text):
        if char == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append(char)
        elif char in _QUOTE_CLOSERS and _pop_opener(stack, _QUOTE_CLOSERS[char]):
            continue
        elif char in _QUOTE_OPENERS:
            stack.append(char)
        else:
            unopened += 1
    return Balance(len(stack), unopened, '"' in stack)


def bracket_balance(text: str) -> Balance:
    stack: list[str] = []
    unopened = 0
    for char in _BRACKET_MARK.findall(text):
        if char in _BRACKET_CLOSERS:
            if not _pop_opener(stack, _BRACKET_CLOSERS[char]):
                unopened += 1
        else:
            stack.append(char)
    return Balance(len(stack), unopened)


def _pop_opener(stack: list[str], openers: str) -> bool:
    for position in range(len(stack) - 1, -1, -1):
        if stack[position] in openers:
            del stack[position]
            return True
    return False


def check_quotes(msgid: str, translation: str, context: Context) -> list[Issue]:
    """Quotation marks pair up as in the source (a quotation a source sentence opens and a
    later one closes may stay open the same way)."""
    if not _QUOTE_MARK.search(msgid) and not _QUOTE_MARK.search(translation):
        return []
    return _unbalanced(
        "quotes", "quotation marks", quote_balance(msgid), quote_balance(translation)
    )


def _has_brackets(text: str) -> bool:
    # A test per character: twice as fast as `_BRACKET_MARK.search` on text without any.
    return "(" in text or ")" in text or "[" in text or "]" in text or "{" in text or "}" in text


def check_brackets(msgid: str, translation: str, context: Context) -> list[Issue]:
    """Brackets pair up as in the source."""
    if not _has_brackets(msgid) and not _has_brackets(translation):
        return []
    return _unbalanced("brackets", "brackets", bracket_balance(msgid), bracket_balance(translation))


def _unbalanced(rule: str, marks: str, source: Balance, target: Balance) -> list[Issue]:
    if source.agrees(target):
        return []
    return [
        Issue(
            rule,
            f"unbalanced {marks}: the translation {target.describe()}, "
            f"the source {source.describe()}",
        )
    ]


RULE_FUNCTIONS: tuple[RuleFunction, ...] = (
    check_glossary,
    check_numbers,
    check_identical,
    check_quotes,
    check_brackets,
)
