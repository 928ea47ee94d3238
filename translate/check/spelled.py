"""Numbers written in words in a translation: `двенадцати лет` or `двенадцатилетний` for 12,
`الساعات الأربع والعشرين` for 24, `on iki yaşındaki`.

The words of a number come from num2words (cardinals and ordinals; Arabic ordinals above 19
are composed of its words); each language then says what a written word may make of them:

- Russian declines every word, so words are compared by lemma with pymorphy3 (`двадцати
  четырёх` is `двадцать четыре`); a compound adjective begins with the number's words, one
  form of each, before an adjective of the dictionary (`двенадцатилетний`,
  `двадцатичетырёхчасовой`), and is a relative adjective (`столичный` is no hundred).
  Collective numerals (`двое`, `трое`) and `сутки` for 24 hours are how Russian counts people
  and days, and num2words does not write them.
- Arabic words take proclitics (`والعشرين`) and vary with gender and case (`اثنا/اثني عشر`,
  `أربع/أربعة`, `عشرون/عشرين`, `مئتان/مئتين`, `مائة/مئة`); hundreds may be one word or two
  (`ثلاثمائة`, `ثلاث مئة`). Compared after the matching fold, which merges alef seats.
- Turkish puts suffixes on the last word only (`on ikisi`, `yirmi dördünde`); a number of one
  word takes only derivational ones (`yirmili`), since `onu`, `altında` and `yüzünden` are
  other words (him, under it, because of). Numbers written joined (`onbir`) are accepted.

A match must be the whole number: a number word next to it, with only spaces between, makes
another number (`двадцать четыре` is neither 20 nor 4; `on iki bin` is not 12).

Only numbers from 0 to `SPELLED_LIMIT` are tried, and only when the digit forms are missing
(`numbers` tries those first). Past a thousand, news copy writes digits, or digits with a
scale word (`10 тысяч`, which `numbers` reads already); the words of larger numbers are long
and run into scale words (`двенадцать тысяч`), and a large number a translator spells out in
full deserves a reviewer's look anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from itertools import product
from typing import NamedTuple, Protocol

from translate.morphology.normalize import fold, fold_term

SPELLED_LIMIT = 1000

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")

# Numbers whose words make every other one (with the ones between, in each language).
_BASIC = (*range(20), *range(20, 100, 10), *range(100, 1000, 100), 1000)

Pattern = tuple[frozenset[str], ...]  # the words of a number, each with its accepted forms


class Word(NamedTuple):
    """A word of the folded text; `spaced` when only spaces part it from the one before."""

    text: str
    spaced: bool


class NumberRules(Protocol):
    """What a language provides: the patterns of a number and how a word matches them."""

    def patterns(self, value: int, decade: bool) -> tuple[Pattern, ...]: ...

    def matches(
        self, word: str, forms: frozenset[str], *, last: bool, alone: bool, decade: bool
    ) -> bool:
        """`word` is one of `forms`; `last` when it ends the number, `alone` when it is all
        of it, `decade` for the tens of an age."""
        ...

    def is_number_word(self, word: str, *, before: bool) -> bool:
        """`word`, found `before` (or after) a number, continues it."""
        ...

    def compound(self, word: str, value: int) -> bool:
        """`word` is one word made of the number and more (`двенадцатилетний`)."""
        ...


def written_in_words(
    values: Iterable[int], text: str, language: str, *, decade: bool = False
) -> bool:
    """Whether one of `values` (0 to `SPELLED_LIMIT`) is written in words in `text`.
    `decade` is for an age like `late 20s`, which may be a tens word with a plural or
    derivational ending (`العشرينات`, `yirmili`)."""
    base = language.replace("-", "_").split("_")[0].lower()
    rules = _rules(base)
    wanted = [value for value in values if 0 <= value <= SPELLED_LIMIT]
    if rules is None or not wanted:
        return False
    words = _words(fold(text, base).text)
    if not words:
        return False
    for value in wanted:
        for pattern in rules.patterns(value, decade):
            if _find(rules, pattern, words, decade):
                return True
        if any(rules.compound(word.text, value) for word in words):
            return True
    return False


def _words(folded: str) -> list[Word]:
    words = []
    end = 0
    for match in _WORD.finditer(folded):
        gap = folded[end : match.start()]
        words.append(Word(match.group(), bool(words) and gap.isspace()))
        end = match.end()
    return words


def _find(rules: NumberRules, pattern: Pattern, words: list[Word], decade: bool) -> bool:
    size = len(pattern)
    for start in range(len(words) - size + 1):
        end = start + size
        if not all(words[index].spaced for index in range(start + 1, end)):
            continue
        if not all(
            rules.matches(
                words[start + k].text, forms, last=k == size - 1, alone=size == 1, decade=decade
            )
            for k, forms in enumerate(pattern)
        ):
            continue
        if words[start].spaced and rules.is_number_word(words[start - 1].text, before=True):
            continue
        if (
            end < len(words)
            and words[end].spaced
            and rules.is_number_word(words[end].text, before=False)
        ):
            continue
        return True
    return False


@cache
def _rules(language: str) -> NumberRules | None:
    rules = {"ru": RussianNumbers, "ar": ArabicNumbers, "tr": TurkishNumbers}.get(language)
    return rules() if rules is not None else None


@cache
def _num2words(value: int, language: str, ordinal: bool = False) -> str:
    from num2words import num2words

    return num2words(value, lang=language, to="ordinal" if ordinal else "cardinal")


def _groupings(slots: list[tuple[frozenset[str], bool]]) -> tuple[Pattern, ...]:
    """Every way to write the slots as words, where a slot that may (`True`) is joined to
    the one before it (`ثلاثمائة` and `ثلاث مائة`; `on bir` and `onbir`)."""
    patterns: list[Pattern] = [()]
    for index, (forms, joins) in enumerate(slots):
        grown: list[Pattern] = [(*pattern, forms) for pattern in patterns]
        if joins and index:
            grown += [
                (*pattern[:-1], frozenset(a + b for a, b in product(pattern[-1], forms)))
                for pattern in patterns
            ]
        patterns = grown
    return tuple(patterns)


# ---------------------------------------------------------------------------------------------
# Russian


# Collective numerals (`двое детей`) and `сутки` (24 hours), which num2words does not write.
_RUSSIAN_WORDS = {
    2: "двое", 3: "трое", 4: "четверо", 5: "пятеро", 6: "шестеро", 7: "семеро",
    8: "восьмеро", 9: "девятеро", 10: "десятеро", 24: "сутки",
}  # fmt: skip
_RUSSIAN_SCALES = ("тысяча", "миллион", "миллиард")


def _yo(text: str) -> str:
    return text.replace("ё", "е")


@cache
def _russian(value: int, ordinal: bool = False) -> tuple[str, ...]:
    """The lemmas of the words num2words writes (`одна тысяча` → `один`, `тысяча`)."""
    return tuple(_number_lemma(word) for word in _yo(_num2words(value, "ru", ordinal)).split())


def _number_lemma(word: str) -> str:
    from translate.morphology.russian import analyzer

    for parse in analyzer().parse(word):
        if {"NUMR", "Anum"} & parse.tag.grammemes:
            return _yo(parse.normal_form)
    return word


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> frozenset[str]:
    from translate.morphology.russian import analyzer

    return frozenset(_yo(parse.normal_form) for parse in analyzer().parse(word))


@lru_cache(maxsize=4096)
def _relative_adjective_lemmas(word: str) -> frozenset[str]:
    """Lemmas of `word` as a relative adjective: what a number makes of a noun is one
    (`двенадцатилетний`), not a qualitative one (`столичный` is no hundred)."""
    from translate.morphology.russian import analyzer

    return frozenset(
        _yo(parse.normal_form)
        for parse in analyzer().parse(word)
        if parse.tag.POS == "ADJF" and "Qual" not in parse.tag
    )


@cache
def _combining_forms(lemma: str) -> tuple[str, ...]:
    """Every form of a number word, longest first: the first part of a compound is one of
    them (`двенадцати-`, `сорока-`, `сто-`, `двухсот-`, `тысяче-`)."""
    from translate.morphology.russian import analyzer

    forms = {lemma}
    for parse in analyzer().parse(lemma):
        if _yo(parse.normal_form) == lemma:
            forms.update(_yo(form.word) for form in parse.lexeme)
    return tuple(sorted(forms, key=len, reverse=True))


class RussianNumbers:
    """Words compared by lemma; compound adjectives made of the number's words."""

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        lemmas = {*_RUSSIAN_WORDS.values(), *_RUSSIAN_SCALES}
        for value in _BASIC:
            lemmas.update(_russian(value))
            lemmas.update(_russian(value, ordinal=True))
        return frozenset(lemmas)

    @staticmethod
    def _cardinal(value: int) -> tuple[str, ...]:
        words = _russian(value)
        return words[1:] if words[0] == "один" and len(words) > 1 else words  # тысяча

    @cache  # noqa: B019 - the instance lives as long as the process
    def patterns(self, value: int, decade: bool) -> tuple[Pattern, ...]:
        found = {_russian(value), self._cardinal(value), _russian(value, ordinal=True)}
        if value in _RUSSIAN_WORDS:
            found.add((_RUSSIAN_WORDS[value],))
        return tuple(tuple(frozenset((word,)) for word in words) for words in sorted(found))

    def matches(
        self, word: str, forms: frozenset[str], *, last: bool, alone: bool, decade: bool
    ) -> bool:
        return not _lemmas(word).isdisjoint(forms)

    def is_number_word(self, word: str, *, before: bool) -> bool:
        return not _lemmas(word).isdisjoint(self.vocabulary)

    def compound(self, word: str, value: int) -> bool:
        if len(word) < 6:
            return False
        words = self._cardinal(value)
        return any(self._begins_with(lemma, words, 0) for lemma in _relative_adjective_lemmas(word))

    def _begins_with(self, lemma: str, words: tuple[str, ...], position: int) -> bool:
        """`lemma` is `words`, one form of each, then an adjective that is no number."""
        if not words:
            return self._is_rest(lemma[position:])
        return any(
            lemma.startswith(form, position)
            and self._begins_with(lemma, words[1:], position + len(form))
            for form in _combining_forms(words[0])
        )

    def _is_rest(self, rest: str) -> bool:
        """An adjective of the dictionary (`летний`, `часовой`), and not one that goes on
        with another number (`пятилетний` after `двадцати` is 25, not 20)."""
        from translate.morphology.russian import analyzer

        if len(rest) < 3 or not analyzer().word_is_known(rest):
            return False
        if not any(parse.tag.POS == "ADJF" for parse in analyzer().parse(rest)):
            return False
        return not any(
            self.is_number_word(rest[:end], before=True) and analyzer().word_is_known(rest[:end])
            for end in range(3, len(rest))
        )


# ---------------------------------------------------------------------------------------------
# Arabic


_HUNDRED = "مائة"
_DUALS = ("اثنت", "اثن", "مئت", "مائت")
_DUAL_ENDINGS = ("ا", "ي", "ان", "ين")
_ARABIC_SCALES = ("الف", "الاف", "مليون", "ملايين", "مليار")


def _arabic_forms(word: str, decade: bool = False, ordinal: bool = False) -> frozenset[str]:
    """A number word as num2words writes it (folded) in its genders and cases."""
    forms = {word}
    if ordinal:  # ثاني/ثانية, اول/اولى
        forms.add(word + "ى" if word == "اول" else word + "ة")
    if word.endswith("ة") and word != _HUNDRED:
        forms.add(word[:-1])  # ثلاثة/ثلاث, عشرة/عشر, ثمانية/ثماني
    forms.update({"عشر": ("عشرة",), "احد": ("احدى",), "ثمان": ("ثماني",)}.get(word, ()))
    if word == "ثمانية":
        forms.add("ثمان")
    if word.endswith("ون"):
        forms.add(word[:-2] + "ين")  # عشرون/عشرين
        if decade:  # العشرينات, العشرينيات
            forms.update((word[:-2] + "ينات", word[:-2] + "ينيات"))
    for stem in _DUALS:
        if word.startswith(stem) and word[len(stem) :] in _DUAL_ENDINGS:
            stems = ("اثن", "اثنت") if stem.startswith("اثن") else (stem,)
            forms.update(s + ending for s in stems for ending in _DUAL_ENDINGS)
            break
    for form in list(forms):
        if "مائ" in form:
            forms.add(form.replace("مائ", "مئ"))
        elif "مئ" in form:
            forms.add(form.replace("مئ", "مائ"))
    # The indefinite accusative of a cardinal writes an alef (أربعاً, ألفاً); a final ي is
    # often ى (اثنى).
    if not ordinal:
        forms.update(form + "ا" for form in list(forms) if form[-1] not in "ةاىين")
    forms.update(form[:-1] + "ى" for form in list(forms) if form.endswith("ي"))
    return frozenset(forms)


def _arabic_ordinal(value: int) -> str | None:
    """An ordinal below a hundred (`الثانية عشرة`, "12th", is how Arabic news gives an age):
    num2words writes those below 20; above, the unit is written as in the teens and the tens
    as cardinals (`الرابع والعشرون`). Round tens are their cardinals."""
    if 0 < value < 20:
        return _num2words(value, "ar", ordinal=True)
    if value < 100 and value % 10:
        unit = _num2words(10 + value % 10, "ar", ordinal=True).split()[0]
        return f"{unit} {_num2words(value - value % 10, 'ar')}"
    return None


@cache
def _arabic_slots(
    value: int, decade: bool, ordinal: bool = False
) -> tuple[tuple[frozenset[str], bool], ...]:
    written = _arabic_ordinal(value) if ordinal else _num2words(value, "ar")
    slots: list[tuple[frozenset[str], bool]] = []
    for word in (written or "").split():
        folded = fold_term(word, "ar")
        if folded == "و":
            continue  # written joined to the next word
        if folded.endswith(_HUNDRED) and folded != _HUNDRED:
            slots.append((_arabic_forms(folded[: -len(_HUNDRED)]), False))
            slots.append((_arabic_forms(_HUNDRED), True))
        else:
            slots.append((_arabic_forms(folded, decade, ordinal and not slots), False))
    return tuple(slots)


class ArabicNumbers:
    """Words with proclitics, in their genders and cases; hundreds in one word or two."""

    def __init__(self) -> None:
        from translate.morphology.arabic import PROCLITIC_SEQUENCES

        self._proclitics = tuple(sorted(PROCLITIC_SEQUENCES, key=len, reverse=True))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        words: set[str] = set(_ARABIC_SCALES)
        for value in _BASIC:
            for ordinal in (False, True):
                for forms, _ in _arabic_slots(value, False, ordinal):
                    words |= forms
        return frozenset(words)

    @cache  # noqa: B019 - the instance lives as long as the process
    def patterns(self, value: int, decade: bool) -> tuple[Pattern, ...]:
        cardinal = _groupings(list(_arabic_slots(value, decade)))
        ordinal = _arabic_slots(value, decade, ordinal=True)
        return cardinal + (_groupings(list(ordinal)) if ordinal else ())

    def _cores(self, word: str) -> list[str]:
        """`word` and what is left of it without each proclitic sequence it may begin with."""
        return [word] + [word[len(p) :] for p in self._proclitics if word.startswith(p)]

    def matches(
        self, word: str, forms: frozenset[str], *, last: bool, alone: bool, decade: bool
    ) -> bool:
        return any(core in forms for core in self._cores(word))

    def is_number_word(self, word: str, *, before: bool) -> bool:
        return any(core in self.vocabulary for core in self._cores(word))

    def compound(self, word: str, value: int) -> bool:
        return False


# ---------------------------------------------------------------------------------------------
# Turkish


_SOFTENED = str.maketrans("pçtk", "bcdğ")
_TURKISH_WORDS = (*range(11), *range(20, 100, 10), 100, 1000)  # one word each
_TURKISH_SCALES = ("milyon", "milyar")


class TurkishNumbers:
    """Words apart, as TDK writes them, or joined (num2words writes `onbir`); suffixes on the
    last word."""

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        words = set(_TURKISH_SCALES)
        for value in _TURKISH_WORDS:
            words.add(_num2words(value, "tr"))
            words.add(_num2words(value, "tr", ordinal=True))
        return frozenset(words)

    def _split(self, joined: str) -> list[str] | None:
        """`yirmidördüncü` → `yirmi`, `dördüncü`: words of the vocabulary, longest first."""
        if not joined:
            return []
        for end in range(len(joined), 0, -1):
            if joined[:end] in self.vocabulary:
                rest = self._split(joined[end:])
                if rest is not None:
                    return [joined[:end], *rest]
        return None

    @cache  # noqa: B019 - the instance lives as long as the process
    def patterns(self, value: int, decade: bool) -> tuple[Pattern, ...]:
        found: list[Pattern] = []
        for ordinal in (False, True):
            joined = fold_term(_num2words(value, "tr", ordinal), "tr").replace(" ", "")
            words = self._split(joined) or [joined]
            found.extend(_groupings([(frozenset((word,)), True) for word in words]))
        return tuple(dict.fromkeys(found))

    def matches(
        self, word: str, forms: frozenset[str], *, last: bool, alone: bool, decade: bool
    ) -> bool:
        if word in forms:
            return True
        if not last:
            return False
        word = word.replace("'", "")
        # A number of one word takes only derivational suffixes (`yirmili`), unless it is the
        # tens of an age (`yirmilerinde`): `onu`, `altında`, `yüzünden` are other words.
        return word in forms or any(
            self._suffixed(word, form, derivational_only=alone and not decade) for form in forms
        )

    @staticmethod
    def _suffixed(word: str, form: str, *, derivational_only: bool) -> bool:
        from translate.morphology.turkish import parses

        for stem in dict.fromkeys((form, form[:-1] + form[-1].translate(_SOFTENED))):
            if len(word) > len(stem) and word.startswith(stem):
                readings = parses(word[len(stem) :])
                if readings and (
                    not derivational_only or any(reading[0].derivational for reading in readings)
                ):
                    return True
        return False

    def is_number_word(self, word: str, *, before: bool) -> bool:
        word = word.replace("'", "")
        if word in self.vocabulary:
            return True
        # Only the last word of a number takes suffixes: one after a match may go on with it.
        return not before and any(
            self._suffixed(word, form, derivational_only=False) for form in self.vocabulary
        )

    def compound(self, word: str, value: int) -> bool:
        return False
