"""Numbers in a translation: every number of the source must be there, in the target's way.

The source is English (`10,500`, `1.5 million`, `85 percent`, `2012`). A translation may
write a number with its locale's separators and digits (CLDR data through Babel: `10.500` in
Turkish, `10 500` with a space, no-break or narrow no-break space in Russian, `١٠٬٥٠٠` or
`10,500` in Arabic), with the scale words a news translator uses (`300 тысяч`, `300 bin`,
`300 ألف`, `10,5 тысячи`, `10 bin 500`), with the percent sign where the language puts it
(`%85`), and numbers up to a thousand in words in any inflected form (`двенадцатилетний`,
`on ikisi`, `الأربع والعشرين`; see `translate.check.spelled`). A year or any number without
separators must be there as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from translate.check.spelled import SPELLED_LIMIT, written_in_words
from translate.morphology.normalize import fold

_ARABIC_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "01234567890123456789",
)
_SOURCE_NUMBER = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?")
_SOURCE_SCALE = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DECADE = re.compile(r"['’]?s\b")
_SOURCE_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SPACES = " \u00a0\u202f\u2009"
# A run of digits and the separators that can sit inside a number in any of our locales.
_TARGET_NUMBER = re.compile(r"\d+(?:[.,'\u066b\u066c" + _SPACES + r"]\d+)*")

# Scale words (folded), as word prefixes (Russian declines them) or whole words.
_SCALE_PREFIXES = {
    "ru": (("тысяч", 10**3), ("тыс", 10**3), ("миллион", 10**6), ("млн", 10**6),
           ("миллиард", 10**9), ("млрд", 10**9)),
    "tr": (("milyon", 10**6), ("milyar", 10**9)),
    "ar": (("مليون", 10**6), ("ملايين", 10**6), ("مليار", 10**9)),
}  # fmt: skip
_SCALE_WORDS = {
    "tr": {"bin": 10**3},
    "ar": {"الف": 10**3, "الاف": 10**3, "الفا": 10**3, "بالف": 10**3},
}
_CONJUNCTIONS = {"ru": ("и",), "tr": ("ve",), "ar": ("و",)}
# Zero said as "none": `0 of %(cnt)s selected` → `لا شيء محدد من %(cnt)s` ("nothing selected
# of"), `ни одного`, `hiçbiri`. Folded words; Arabic ones may carry the conjunction و or ف.
_NONE_WORDS = {
    "ar": frozenset({"لا", "لم", "ليس", "بدون"}),
    "ru": frozenset({"ни", "ничего", "нет", "никто"}),
    "tr": frozenset({"hiç", "hiçbir", "hiçbiri", "yok"}),
}


@dataclass(frozen=True)
class SourceNumber:
    """A number of the source as written, its value, and the digits of its whole and
    fractional parts (`1.5 million` → "1500000", ""). `decade` for `20s`: a translation may
    name the ten it approaches (`лет под тридцать`, "nearly thirty", for `in her late 20s`)."""

    text: str
    value: Decimal
    whole: str
    fraction: str
    decade: bool = False

    def values(self) -> tuple[Decimal, ...]:
        return (self.value, self.value + 10) if self.decade else (self.value,)


def source_numbers(text: str) -> list[SourceNumber]:
    """The numbers of an English text, with their values (`10,500` → 10500, `1.5 million`)."""
    if not _DIGIT.search(text):
        return []
    found: list[SourceNumber] = []
    for match in _SOURCE_NUMBER.finditer(text):
        written = match.group()
        number, _, fraction = written.partition(".")
        groups = number.split(",")
        if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
            # Not a grouped number (`1,2,3`): each part is one.
            found.extend(SourceNumber(part, Decimal(part), part, "") for part in groups)
            continue
        whole = "".join(groups)
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
        scale = _SOURCE_SCALE.match(text, match.end())
        if scale:
            written += scale.group()
            value *= _SOURCE_SCALES[scale.group(1).lower()]
            whole, _, fraction = f"{value.normalize():f}".partition(".")
        decade = (  # an age in decades (`late 20s`), not years (`the 1990s`)
            not scale
            and len(whole) == 2
            and whole.endswith("0")
            and _DECADE.match(text, match.end()) is not None
        )
        found.append(SourceNumber(written.strip(), value, whole, fraction, decade))
    return found


@dataclass(frozen=True)
class _Convention:
    group: str
    decimal: str


@cache
def _conventions(language: str) -> tuple[_Convention, ...]:
    """Separators the target locale uses, from CLDR: its own digits' and Latin digits'."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return (_Convention(",", "."),)
    conventions: list[_Convention] = []
    systems = ["latn", locale.default_numbering_system, *locale.other_numbering_systems.values()]
    for system in dict.fromkeys(systems):
        try:
            group = get_group_symbol(locale, numbering_system=system)
            decimal = get_decimal_symbol(locale, numbering_system=system)
        except Exception:  # a numbering system without symbols in CLDR
            continue
        groups = _SPACES if group.strip() == "" else group
        conventions.extend(_Convention(char, decimal) for char in groups)
    if language == "ar":
        # Arabic news writes Latin digits with the English separators as often as not.
        conventions.append(_Convention(",", "."))
    return tuple(dict.fromkeys(conventions))


def _value(token: str, convention: _Convention) -> Decimal | None:
    """`token` read with `convention`; None if it is not a well-formed number in it."""
    whole, _, fraction = token.partition(convention.decimal)
    if convention.decimal in fraction:
        return None
    groups = whole.split(convention.group)
    if len(groups) > 1 and (
        not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:])
    ):
        return None
    digits = "".join(groups) + ("." + fraction if fraction else "")
    if not digits.replace(".", "").isdigit():
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def target_values(text: str, language: str) -> set[Decimal]:
    """Every value a number in a translation can stand for in `language`."""
    folded = fold(text.translate(_ARABIC_DIGITS), language).text
    values: set[Decimal] = set()
    for match in _TARGET_NUMBER.finditer(folded):
        token = match.group(0)
        readings = {
            value
            for convention in _conventions(language)
            if (value := _value(token, convention)) is not None
        }
        # Parts separated by a space, a dot or a comma may also be numbers of their own
        # (`122 13`, a time `9.30`).
        runs = {Decimal(run) for run in re.findall(r"\d+", token)}
        scaled = _scaled(folded, match.end(), readings, language)
        values |= readings | runs | scaled
    return values


def _scaled(text: str, position: int, readings: set[Decimal], language: str) -> set[Decimal]:
    """Values with a scale word after the number, and what a later number adds to them."""
    rest = text[position:].lstrip(_SPACES)
    word_end = 0
    while word_end < len(rest) and (rest[word_end].isalpha() or rest[word_end] == "."):
        word_end += 1
    word = rest[:word_end].rstrip(".")
    scale = _SCALE_WORDS.get(language, {}).get(_without_suffix(word, language))
    if scale is None:
        scale = next(
            (size for prefix, size in _SCALE_PREFIXES.get(language, ()) if word.startswith(prefix)),
            None,
        )
    if scale is None:
        return set()
    values = {reading * scale for reading in readings}
    # `10 bin 500`, `10 тысяч 500`, `10 آلاف و500`
    after = rest[word_end:].lstrip(_SPACES)
    for conjunction in _CONJUNCTIONS.get(language, ()):
        if (
            after.startswith(conjunction)
            and not after[len(conjunction) : len(conjunction) + 1].isalpha()
        ):
            after = after[len(conjunction) :].lstrip(_SPACES)
            break
    addition = re.match(r"\d+", after)
    if addition:
        extra = Decimal(addition.group(0))
        if extra < scale:
            values |= {value + extra for value in values}
    return values


@cache
def renderings(whole: str, fraction: str, language: str) -> tuple[str, ...]:
    """The usual ways to write a number with Latin digits in `language`: grouped with each of the
    locale's group separators, and ungrouped (`10 500`, `10\u00a0500`, `10500`)."""
    groups = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)][::-1]
    found: dict[str, None] = {}
    for convention in _conventions(language):
        for grouped in (convention.group.join(groups), whole):
            found[grouped + (convention.decimal + fraction if fraction else "")] = None
    return tuple(found)


def written_with_digits(number: SourceNumber, text: str, language: str) -> bool:
    """A quick test: `number` appears in `text` as the locale writes it, not inside a longer
    number. False means "look closer" (`target_values`), not "missing"."""
    if number.whole[-3:] not in text:
        return False
    for rendering in renderings(number.whole, number.fraction, language):
        start = text.find(rendering)
        while start != -1:
            end = start + len(rendering)
            before = text[start - 1] if start else " "
            after = text[end : end + 2]
            if not before.isdigit() and not (after[:1].isdigit() or _continues(after)):
                return True
            start = text.find(rendering, start + 1)
    return False


def _continues(after: str) -> bool:
    """`,5` or ` 500` after a match: the number goes on."""
    return len(after) == 2 and not after[0].isalnum() and after[1].isdigit() and after[0] != "-"


def _without_suffix(word: str, language: str) -> str:
    """A Turkish scale word without its case ending (`binden` → `bin`)."""
    if language == "tr" and word.startswith("bin") and len(word) > 3:
        from translate.morphology.turkish import parses

        return "bin" if parses(word[3:].lstrip("'")) else word
    return word


def said_as_none(number: SourceNumber, text: str, language: str) -> bool:
    """Whether a zero of the source is rendered as "none" or a negation (`لا شيء`)."""
    words = _NONE_WORDS.get(language)
    if number.value != 0 or words is None:
        return False
    for word in re.findall(r"[^\W\d_]+", fold(text, language).text.casefold()):
        if word in words or (language == "ar" and word[:1] in "وف" and word[1:] in words):
            return True
    return False


def spelled_out(number: SourceNumber, text: str, language: str) -> bool:
    """Whether `number` is written in words (`двенадцати лет` for 12); for an age in decades
    (`late 20s`), any number from its ten to the next (`лет двадцати пяти`, `под тридцать`).
    Slower than the digit tests: for when they fail."""
    if number.value != number.value.to_integral_value() or number.value > SPELLED_LIMIT:
        return False
    value = int(number.value)
    values = range(value, value + 11) if number.decade else (value,)
    return written_in_words(values, text, language, decade=number.decade)
