"""The rules: small functions from (source, translation, context) to issues.

Each rule looks at one translation of one entry; the runner places what they find in the file,
applies suppressions and counts. Glossary rules use `translate.morphology` to accept every
correct inflected form of a term and to see what is attached wrongly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from typing import TYPE_CHECKING, NamedTuple

from translate.check.findings import Issue, Severity
from translate.check.numbers import (
    said_as_none,
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
    """What the rules know about the catalog being checked: its language, the source's, the
    glossary, and the terms a translation may leave as they are (`allow_identical`)."""

    language: str
    glossary: GlossaryIndex | None = None
    source_language: str = "en"
    allow_identical: tuple[str, ...] = ()

    @cached_property
    def quote_marks(self) -> QuoteMarks:
        return quote_marks(self.language, self.source_language)

    @cached_property
    def allowed(self) -> re.Pattern[str] | None:
        """The allow-listed terms as whole words, any case, longest first."""
        terms = sorted({term.strip() for term in self.allow_identical if term.strip()}, key=len)
        if not terms:
            return None
        alternatives = "|".join(re.escape(term) for term in reversed(terms))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


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
        if (
            any(value in values for value in number.values())
            or spelled_out(number, translation, context.language)
            or said_as_none(number, translation, context.language)
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
    """A translation that is the source again, for text with something to translate."""
    if msgid.lstrip()[:1] != translation.lstrip()[:1]:
        return []  # the quick answer for nearly every entry
    if " ".join(msgid.split()) != " ".join(translation.split()):
        return []
    if not translatable(msgid, context) or _same_in_cldr(msgid, context.language):
        return []
    severity = Severity.error if context.language in NON_LATIN_SCRIPT else Severity.warning
    return [Issue("identical", "the translation is identical to the source", severity=severity)]


# What a translation keeps as it is: placeholders (printf, Python and brace formats), URLs,
# e-mail addresses, paths and file names, code (backticks, markup, identifiers with `_` or
# inner capitals) and acronyms (two capitals or more: URL, IPv6, GIS, KB).
_UNTRANSLATABLE = re.compile(
    r"""
      %(?:\([^)]*\))?[-#0+]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[hlLqjzt]*[diouxXeEfFgGcrsa%]
    | \{[^{}\s]*\}
    | \b(?:https?|ftp)://\S+ | \bwww\.\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | (?:[~.]?/)?(?:[\w.-]+/)+[\w-]*\.\w+ | (?<![\w/])/[\w.-]+(?:/[\w.-]+)*/?
    | \b[\w-]+\.(?:html?|txt|py|js|css|json|xml|pot?|mo|ya?ml|toml|csv|png|jpe?g|svg|pdf|zip)\b
    | `[^`]*` | <[^<>]+>
    | \b\w*_\w*\b | \b[a-z]+[A-Z]\w*\b
    | \b(?=\w*[A-Z]\w*[A-Z])\w+\b
    """,
    re.VERBOSE,
)


def translatable(text: str, context: Context) -> bool:
    """Whether `text` has words to translate once placeholders, URLs, e-mail addresses, file
    names, code, acronyms and the allow-listed terms are set aside."""
    rest = _UNTRANSLATABLE.sub(" ", text)
    if context.allowed is not None:
        rest = context.allowed.sub(" ", rest)
    return any(char.isalpha() for char in rest)


def _same_in_cldr(text: str, language: str) -> bool:
    """`text` is the English name of a language, territory, month or weekday that CLDR
    writes the same in `language` (Turkish `Interlingua`, `Mar`, `May`)."""
    return _letters(text.strip()) in _cldr_same_names(language)


@cache
def _cldr_same_names(language: str) -> frozenset[str]:
    english, target = _locale("en"), _locale(language)
    if english is None or target is None:
        return frozenset()
    names: set[str] = set()
    for ours, theirs in _cldr_name_tables(english, target):
        for key, name in ours.items():
            other = theirs.get(key)
            if (
                isinstance(name, str)
                and isinstance(other, str)
                and (_letters(name) == _letters(other))
            ):
                names.add(_letters(name))
    return frozenset(names)


def _cldr_name_tables(english: Locale, target: Locale) -> Iterator[tuple[Mapping, Mapping]]:
    yield english.languages, target.languages
    yield english.territories, target.territories
    for calendar in ("months", "days"):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                try:
                    yield (
                        getattr(english, calendar)[context][width],
                        getattr(target, calendar)[context][width],
                    )
                except KeyError:
                    continue


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


_BRACKET_CLOSERS = {")": "(", "]": "[", "}": "{"}
_BRACKET_MARK = re.compile(r"[()\[\]{}]")
# Single quotation marks are left out: `’` and `'` are apostrophes as often as quotes.
_APOSTROPHES = frozenset("'‘’‚‛`´")


@dataclass(frozen=True)
class QuoteMarks:
    """The double quotation marks of some languages: which openers each closing mark closes.
    A mark may both open and close (straight `"`; `”` and `“` when Arabic `”…“` meets English
    `“…”`): it closes an open quotation it can close, else opens one."""

    pattern: re.Pattern[str]
    closes: Mapping[str, str]
    openers: frozenset[str]


# Marks every language may use: straight quotes, and guillemets, which news in Arabic (this
# project's reviewed catalogs) and other languages uses beyond what CLDR records.
_EVERY_LANGUAGE = frozenset({('"', '"'), ("«", "»")})


@cache
def quote_marks(*languages: str) -> QuoteMarks:
    """The quotation marks CLDR gives `languages` (every locale of each, main and alternate
    pairs), the straight `"` and `«…»`."""
    from translate.check.quotation_marks import QUOTATION_MARKS, ROOT_MARKS

    pairs = set(_EVERY_LANGUAGE)
    for language in languages:
        for marks in QUOTATION_MARKS.get(language, (ROOT_MARKS,)):
            for opener, closer in (marks[:2], marks[2:]):
                if opener not in _APOSTROPHES and closer not in _APOSTROPHES:
                    pairs.add((opener, closer))
    closes: dict[str, str] = {}
    for opener, closer in sorted(pairs):
        closes[closer] = closes.get(closer, "") + opener
    openers = frozenset(opener for opener, _ in pairs)
    characters = "".join(sorted(openers | set(closes)))
    return QuoteMarks(re.compile(f"[{re.escape(characters)}]"), closes, openers)


def quote_balance(text: str, marks: QuoteMarks | None = None) -> Balance:
    """How the double quotation marks of `text` pair up (by default English `“…”` and `"…"`).
    Unpaired marks that could have opened or closed make the balance `ambiguous`."""
    marks = marks or quote_marks("en")
    stack: list[str] = []
    unopened = 0
    for char in marks.pattern.findall(text):
        openers = marks.closes.get(char)
        if openers is not None and _pop_opener(stack, openers):
            continue
        if char in marks.openers:
            stack.append(char)
        else:
            unopened += 1
    return Balance(len(stack), unopened, any(char in marks.closes for char in stack))


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
    """Quotation marks pair up as in the source, with the marks CLDR gives the target language
    (Arabic `”…“`, Russian `«…»` and `„…“`) or the source's; a quotation a source sentence
    opens and a later one closes may stay open the same way."""
    marks = context.quote_marks
    if not marks.pattern.search(msgid) and not marks.pattern.search(translation):
        return []
    source = quote_balance(msgid, quote_marks(context.source_language))
    return _unbalanced("quotes", "quotation marks", source, quote_balance(translation, marks))


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
