"""Russian: declined forms of multi-word names, with agreement, from pymorphy3's dictionary.

Each word of a term is analysed in its citation form (the nominative the glossary writes) and
its lexeme generated with pymorphy3 (OpenCorpora dictionary; its paradigm prediction for words
the dictionary lacks). Which words decline follows the structure of Russian names:

- the head is the first noun; adjectives before it agree with it (`Левантийского фронта`,
  `Генеральной Ассамблеи ООН`);
- after a first name, a capitalised noun is a surname and declines too (`Сергея Лаврова`,
  `Стаффана де Мистуры`); any other word after the head is a fixed dependent
  (`Совета Безопасности ООН`, `Министерства обороны России`);
- indeclinable words stay as they are: those the dictionary marks so (`Алеппо`, `Керри`,
  `ООН`), unknown foreign names ending in a vowel other than а/я (`Малахифджи`,
  `Чавушоглу`), hyphenated words (`аш-Шамия`, `ад-Дин`), words not in Cyrillic, and every
  word of a term the glossary marks `indeclinable`;
- adjectival surnames that the dictionary does not know in the masculine (`Рудской`) decline
  like the adjective they end like (`Рудского`, `Рудскому`).

A phrase matches when its declining words share one case and number (`Сергея Лаврова`, not
`Сергея Лавров`). Misspellings (`Дамасска`) are no form of the term. Forms the rules cannot
derive belong in the glossary's `forms`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from translate.glossary.model import TargetTerms
from translate.morphology.matching import Hit, Problem, at_word_end, at_word_start
from translate.morphology.normalize import Folded, fold_term, is_word_char

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

LANGUAGE = "ru"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2")
NUMBERS = ("sing", "plur")
PROPER_NOUN_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_INDECLINABLE_ENDINGS = tuple("иуюэеоы")

Key = tuple[str, str]  # (case, number)


@cache
def analyzer() -> MorphAnalyzer:
    """The pymorphy3 analyser, loaded once per process (about 0.1 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class Word:
    """One word of a term; `forms` maps (case, number) to its forms, None if it is fixed."""

    text: str
    forms: dict[Key, tuple[str, ...]] | None = None

    @property
    def declines(self) -> bool:
        return self.forms is not None


def _is_known(parse: Parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _citation(word: str) -> Parse | None:
    """The parse of `word` as the nominative the glossary writes, proper nouns first."""
    candidates = [
        parse
        for parse in analyzer().parse(word)
        if parse.tag.case == "nomn" and parse.tag.POS in ("NOUN", "ADJF", "PRTF")
    ]
    if not candidates:
        return None
    capitalised = word[:1].isupper()

    def rank(parse: Parse) -> tuple[bool, bool, bool, float]:
        proper = capitalised and bool(PROPER_NOUN_TAGS & parse.tag.grammemes)
        return proper, _is_known(parse), parse.tag.number == "sing", parse.score

    return max(candidates, key=rank)


def _is_fixed_word(word: str) -> bool:
    """A Cyrillic word without a hyphen that does not decline: a capitalised name the
    dictionary does not know, ending in a vowel other than а/я (`Малахифджи`)."""
    return word[:1].isupper() and (
        not analyzer().word_is_known(word) and word.lower().endswith(_INDECLINABLE_ENDINGS)
    )


def _lexeme(parse: Parse, head_animacy: str | None) -> dict[Key, tuple[str, ...]] | None:
    """Forms of the parse's lexeme with its gender and part of speech, by (case, number)."""
    if "Fixd" in parse.tag:
        return None
    gender = parse.tag.gender
    forms: dict[Key, list[str]] = {}
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != parse.tag.POS or tag.case is None or tag.number is None:
            continue
        if tag.number == "sing" and gender and tag.gender and tag.gender != gender:
            continue
        if tag.POS != "NOUN" and tag.animacy and head_animacy and tag.animacy != head_animacy:
            continue
        forms.setdefault((tag.case, tag.number), [])
        if form.word not in forms[(tag.case, tag.number)]:
            forms[(tag.case, tag.number)].append(form.word)
    return {key: tuple(words) for key, words in forms.items()}


def _adjectival_surname(word: str) -> dict[Key, tuple[str, ...]] | None:
    """`Рудской` declines as `Рудский` does in every form but the nominative."""
    if not (word[:1].isupper() and word.lower().endswith("ой") and len(word) > 3):
        return None
    stem = word.lower()[:-2]
    model = stem + ("ий" if stem[-1] in "кгхжшчщ" else "ый")
    for parse in analyzer().parse(model):
        if parse.tag.POS == "ADJF" and parse.tag.case == "nomn" and parse.tag.gender == "masc":
            forms = _lexeme(parse, "anim")
            if forms is None:
                return None
            forms[("nomn", "sing")] = (word.lower(),)
            return forms
    return None


@dataclass(frozen=True)
class _Analysis:
    text: str
    parse: Parse | None  # the citation parse, None for fixed or unparsed words
    noun: bool  # can head the phrase (a noun, or an indeclinable name)
    forms: dict[Key, tuple[str, ...]] | None  # the word's own paradigm, None if fixed


def _analyse_word(text: str) -> _Analysis:
    if "-" in text or not _is_cyrillic(text):
        return _Analysis(text, None, False, None)
    if _is_fixed_word(text):
        return _Analysis(text, None, text[:1].isupper(), None)
    parse = _citation(text)
    if parse is not None:
        noun = parse.tag.POS == "NOUN"
        return _Analysis(text, parse, noun, _lexeme(parse, parse.tag.animacy))
    forms = _adjectival_surname(text) or _consonant_name(text)
    return _Analysis(text, None, forms is not None and text[:1].isupper(), forms)


@cache
def analyse(term: str, indeclinable: bool = False) -> tuple[Word, ...]:
    """The words of `term` and, for those that decline, their forms."""
    texts = term.split()
    if indeclinable:
        return tuple(Word(text) for text in texts)
    words = [_analyse_word(text) for text in texts]
    if len(words) == 1:
        return (Word(texts[0], words[0].forms),)
    head = next((index for index, word in enumerate(words) if word.noun), None)
    if head is None:
        return tuple(Word(text) for text in texts)
    head_parse = words[head].parse
    animacy = head_parse.tag.animacy if head_parse else None
    # After a first name, capitalised words are surnames and decline with it (apposition);
    # an unknown first name (`Мевлют`) counts as one.
    person = (head_parse is None and words[head].forms is not None) or (
        head_parse is not None and "Name" in head_parse.tag
    )
    first_name = head_parse is not None and "Name" in head_parse.tag and _is_known(head_parse)
    if not first_name and any(_ARABIC_ARTICLE.match(text) for text in texts[head + 1 :]):
        # A transliterated Arabic construct (`Джебхат аш-Шамия`, `Дар аль-Ислам`) does not
        # decline in Russian usage.
        return tuple(Word(text) for text in texts)
    result: list[Word] = []
    for index, word in enumerate(words):
        forms: dict[Key, tuple[str, ...]] | None = None
        if index < head and word.parse is not None and word.parse.tag.POS in ("ADJF", "PRTF"):
            forms = _lexeme(word.parse, animacy)
        elif index == head or (
            index > head
            and person
            and word.text[:1].isupper()
            and (word.parse is None or word.parse.tag.POS == "NOUN")
        ):
            forms = word.forms
        result.append(Word(word.text, forms))
    return tuple(result)


def _is_cyrillic(text: str) -> bool:
    return any("а" <= char <= "я" or char == "ё" for char in text.lower())


_HUSHING = "жшчщц"
_ARABIC_ARTICLE = re.compile(r"(?:аль|аш|ад|ан|ас|ат|аз|ар|эль|эш|эд|эн|эс|эт|эз|эр)-", re.I)


def _consonant_name(word: str) -> dict[Key, tuple[str, ...]] | None:
    """A capitalised name the dictionary does not know and cannot parse as a nominative
    (`Мевлют`): foreign masculine names ending in a consonant decline like `Иван`."""
    lower = word.lower()
    if not word[:1].isupper() or len(lower) < 3 or lower[-1] in "аеёиоуыэюяь":
        return None
    if lower.endswith("й"):
        stem, endings = lower[:-1], ("я", "ю", "я", "ем", "е")
    else:
        instrumental = "ем" if lower[-1] in _HUSHING else "ом"
        stem, endings = lower, ("а", "у", "а", instrumental, "е")
    cases = ("gent", "datv", "accs", "ablt", "loct")
    forms = {(case, "sing"): (stem + ending,) for case, ending in zip(cases, endings, strict=True)}
    forms[("nomn", "sing")] = (lower,)
    return forms


def phrase_forms(term: str, indeclinable: bool = False) -> frozenset[str]:
    """Every form of `term` whose declining words agree, lower-case; the term included."""
    words = analyse(term, indeclinable)
    declining = [word for word in words if word.forms is not None]
    found = {term.lower()}
    if not declining:
        return frozenset(found)
    keys = set.intersection(*(set(word.forms or {}) for word in declining))
    for key in keys:
        choices = [
            (word.forms or {})[key] if word.declines else (word.text.lower(),) for word in words
        ]
        found.update(" ".join(combination) for combination in itertools.product(*choices))
    return frozenset(found)


def inflect(term: str, case: str, number: str = "sing") -> str:
    """`term` in `case` (pymorphy3's names: nomn gent datv accs ablt loct, also voct gen2
    acc2 loc2) and `number` (sing, plur), its fixed words kept and each word's capitals kept.

    `inflect("Сергей Лавров", "gent")` → `Сергея Лаврова`; `inflect("Восточный Алеппо",
    "loct")` → `Восточном Алеппо`. A word without that form (a second locative most nouns
    lack) falls back to the plain case (`loc2` → `loct`); `ValueError` for an unknown case or
    number.
    """
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; use one of {', '.join(CASES)}")
    if number not in NUMBERS:
        raise ValueError(f"unknown number {number!r}; use sing or plur")
    fallback = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}.get(case, case)
    out: list[str] = []
    for word in analyse(term):
        if word.forms is None:
            out.append(word.text)
            continue
        forms = word.forms.get((case, number)) or word.forms.get((fallback, number))
        out.append(_with_capitals(forms[0], word.text) if forms else word.text)
    return " ".join(out)


def _with_capitals(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


# Cases the commonest prepositions govern when they introduce a name in news text.
_GOVERNED = {
    **dict.fromkeys(("в", "во", "на", "о", "об", "обо", "при"), "loct"),
    **dict.fromkeys(
        (
            "из", "изо", "от", "ото", "до", "для", "у", "около", "без", "безо", "после",
            "против", "вокруг", "возле", "среди", "кроме", "из-за", "из-под", "вблизи",
            "вдоль", "мимо", "близ", "вне", "внутри", "напротив", "посредством", "ради",
        ),
        "gent",
    ),
    **dict.fromkeys(("к", "ко", "по", "благодаря", "согласно", "вопреки", "навстречу"), "datv"),
    **dict.fromkeys(("под", "подо", "над", "надо", "перед", "передо", "за", "между"), "ablt"),
    **dict.fromkeys(("через", "сквозь", "про"), "accs"),
}  # fmt: skip


def case_governed_by(preposition: str) -> str | None:
    """The case a name most likely takes after `preposition` in news text, or None.

    в/во and на give the locative (location: `в Алеппо`, `на Ближнем Востоке`), the likelier
    reading in reports than the accusative of motion (`в Алеппо` = into); под, над, за,
    перед, между give the instrumental (location, not motion); с/со is None, being genitive
    (from) or instrumental (with) by sense, as is any preposition not in the table.
    """
    return _GOVERNED.get(preposition.strip().lower().replace("ё", "е"))


@dataclass(frozen=True)
class _Agreement:
    """A longer term of the same concept that ends with this one (`Сергей Лавров` for
    `Лавров`): when the word before an occurrence is a form of its first word, the two must
    agree (`Сергея Лаврова`, not `Сергея Лавров`)."""

    term: str
    before: frozenset[str]  # folded forms of the word that precedes this term in `term`
    phrases: frozenset[str]  # folded forms of `term`


def _indeclinable(term: str, targets: TargetTerms) -> bool:
    """`indeclinable` describes the preferred rendering and its forms; alternatives (a
    deprecated `Халеб` for an indeclinable `Алеппо`) decline by their own grammar."""
    return targets.indeclinable and term in (targets.preferred, *targets.forms)


def _agreements(term: str, targets: TargetTerms) -> tuple[_Agreement, ...]:
    words = term.split()
    found: list[_Agreement] = []
    for other in targets.terms():
        longer = other.text.split()
        if len(longer) <= len(words) or longer[-len(words) :] != words:
            continue
        indeclinable = _indeclinable(other.text, targets)
        analysis = analyse(" ".join(longer), indeclinable)
        before = analysis[len(longer) - len(words) - 1]
        forms = {before.text.lower()}
        for variants in (before.forms or {}).values():
            forms.update(variants)
        phrases = phrase_forms(" ".join(longer), indeclinable)
        found.append(
            _Agreement(
                other.text,
                frozenset(fold_term(form, LANGUAGE) for form in forms),
                frozenset(fold_term(phrase, LANGUAGE) for phrase in phrases),
            )
        )
    return tuple(found)


def _agreeing(term: str, before: str) -> str:
    """`term` in the case and number of `before`, a form of the word that precedes the last
    word(s) (`Сергея` → `Сергея Лаврова`)."""
    for word in analyse(term):
        if word.forms is None:
            continue
        for (case, number), forms in word.forms.items():
            if before in (fold_term(form, LANGUAGE) for form in forms):
                return inflect(term, case, number)
        break
    return term


class RussianRules:
    language = LANGUAGE
    word_start = True
    word_end = True

    def surfaces(self, term: str, targets: TargetTerms) -> Iterable[tuple[str, Hashable]]:
        term = " ".join(term.split())
        forms = phrase_forms(term, _indeclinable(term, targets))
        agreements = _agreements(term, targets) or None
        return [(fold_term(form, LANGUAGE), agreements) for form in sorted(forms)]

    def verify(self, folded: Folded, start: int, end: int, data: Hashable) -> Hit | None:
        text = folded.text
        if not at_word_start(text, start) or not at_word_end(text, end):
            return None
        if data and start > 1 and text[start - 1] == " ":
            # The word before, if it is one (`Сергея` before `Лаврова`).
            before_start = text.rfind(" ", 0, start - 1) + 1
            while before_start < start - 1 and not is_word_char(text[before_start]):
                before_start += 1
            before = text[before_start : start - 1]
            for agreement in data:  # type: ignore[attr-defined]
                if before in agreement.before and text[before_start:end] not in agreement.phrases:
                    written = folded.original_text(before_start, end)
                    expected = _agreeing(agreement.term, before)
                    problem = Problem(
                        "agreement",
                        f"the words of {agreement.term} do not agree in {written}; "
                        f"expected {expected}",
                        expected,
                    )
                    return Hit(before_start, end, start, end, problem)
        return Hit(start, end, start, end)


RULES = RussianRules()
