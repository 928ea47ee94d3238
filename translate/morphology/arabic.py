"""Arabic: names with their proclitics.

Arabic writes conjunctions, one-letter prepositions and the article as part of the next word:
و and ف (and, so), ب (in, with), ل (for, to), ك (like), ال (the). A name in a translation may
carry any valid sequence of them (`وبحلب`, `فللجبهة`) and nothing else: `الحلبة` and `حلبي`
are other words. When ل comes before the article, the article's alef is dropped (`ل` +
`الجبهة` → `للجبهة`), and before a word whose own first letter is lam one lam more
(`ل` + `اللاذقية` → `للاذقية`). A multi-word term takes the proclitics on its first word.

The article is never added to a term: either the term has it (`الجبهة الشامية`, `الباب`) or
it is a name that does not take one (`حلب`, `دمشق`, `مجلس الأمن`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from translate.glossary.model import TargetTerms
from translate.morphology.matching import Hit, at_word_end
from translate.morphology.normalize import ARABIC_DELETED, Folded, fold_term, is_word_char

LANGUAGE = "ar"
ARTICLE = "ال"
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")

# Every proclitic sequence, as written before a word without the article. `لل` is ل + ال.
_BEFORE_PLAIN = frozenset(
    conjunction + preposition for conjunction in CONJUNCTIONS for preposition in PREPOSITIONS
)
# Before a term that starts with the article (the article is part of the term): ل cannot
# stand here, since ل + ال contracts (see `_contracted`).
_BEFORE_ARTICLE = frozenset(
    conjunction + preposition for conjunction in CONJUNCTIONS for preposition in ("", "ب", "ك")
)
# Before the contracted form لل…, only a conjunction.
_BEFORE_CONTRACTED = frozenset(CONJUNCTIONS)

PROCLITIC_SEQUENCES = frozenset(
    conjunction + rest
    for conjunction in CONJUNCTIONS
    for rest in ("", "ب", "ك", "ل", ARTICLE, "ب" + ARTICLE, "ك" + ARTICLE, "لل")
) - {""}


def _contracted(term: str) -> str:
    """ل + a word with the article: `الجبهة` → `للجبهة`, `اللاذقية` → `للاذقية`."""
    rest = term[len(ARTICLE) :]
    return "ل" + rest if rest.startswith("ل") else "لل" + rest


def _clean(text: str) -> str:
    return "".join(char for char in text if char not in ARABIC_DELETED)


def split_proclitics(word: str) -> tuple[str, str]:
    """Split the proclitics off `word`: `وبحلب` → (`وب`, `حلب`), `للجبهة` → (`لل`, `جبهة`).

    A word made only of proclitics (text an MT system glued to a placeholder, `وبال`) comes
    back whole as proclitics with an empty rest. Otherwise the longest valid sequence is split
    off, leaving at least two letters: without a dictionary, a name that begins with a
    proclitic letter (`باريس`) cannot be told from one that carries it, so use the result to
    compare the rest with known terms rather than as an analysis of unknown words. Tatweel and
    diacritics are dropped from the proclitics.
    """
    cleaned = _clean(word)
    if cleaned in PROCLITIC_SEQUENCES:
        return cleaned, ""
    for length in range(min(4, len(cleaned) - 2), 0, -1):
        prefix = cleaned[:length]
        if prefix in PROCLITIC_SEQUENCES:
            return prefix, cleaned[length:]
    return "", cleaned


def _parse_proclitics(proclitics: str) -> tuple[str, str, bool]:
    """(conjunction, preposition, has article) of a proclitic sequence."""
    cleaned = _clean(proclitics).replace(" ", "")
    if cleaned and cleaned not in PROCLITIC_SEQUENCES:
        raise ValueError(f"not a sequence of Arabic proclitics: {proclitics!r}")
    conjunction = cleaned[:1] if cleaned[:1] in ("و", "ف") else ""
    rest = cleaned[len(conjunction) :]
    if rest == "لل":
        return conjunction, "ل", True
    preposition = rest[:1] if rest[:1] in ("ب", "ك", "ل") and rest != ARTICLE else ""
    return conjunction, preposition, rest[len(preposition) :] == ARTICLE


def attach_proclitics(proclitics: str, term: str) -> str:
    """Write `term` with `proclitics` before it, as Arabic spelling joins them.

    `attach_proclitics("ل", "الجبهة الشامية")` → `للجبهة الشامية`;
    `attach_proclitics("وب", "حلب")` → `وبحلب`. An article among the proclitics is not added
    (the term has its own, or is a name that takes none), so `بال` + `الباب` → `بالباب` and
    `ال` + `حلب` → `حلب`. `ValueError` if `proclitics` is not a valid sequence.
    """
    conjunction, preposition, _ = _parse_proclitics(proclitics)
    if preposition == "ل" and term.startswith(ARTICLE):
        return conjunction + _contracted(term)
    return conjunction + preposition + term


class ArabicRules:
    language = LANGUAGE
    word_start = False
    word_end = True

    def surfaces(self, term: str, targets: TargetTerms) -> Iterable[tuple[str, Hashable]]:
        key = fold_term(term, LANGUAGE)
        if key.startswith(ARTICLE) and len(key) > len(ARTICLE) + 1:
            return [(key, _BEFORE_ARTICLE), (_contracted(key), _BEFORE_CONTRACTED)]
        return [(key, _BEFORE_PLAIN)]

    def verify(self, folded: Folded, start: int, end: int, data: Hashable) -> Hit | None:
        text = folded.text
        if not at_word_end(text, end):
            return None  # a suffix or another word: حلبي, الحلبة
        word_start = start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        if text[word_start:start] not in data:  # type: ignore[operator]
            return None
        return Hit(word_start, end, start, end)


RULES = ArabicRules()
