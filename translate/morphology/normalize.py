"""Normalisation for matching, keeping the way back to the text as written.

Matching works on a *folded* copy of a text: Unicode NFC, typographic apostrophes made
straight, letter case folded the way the language folds it, and, per language, the variation
writers do not mean as a difference (Arabic diacritics, tatweel and alef/hamza seats; Russian
ё/е). Folding can drop or merge characters, so a `Folded` text keeps, for every folded
character, where it came from; reports then quote the original text.

Two strengths: the default (`strict=False`) is what matching uses; `strict=True` keeps the
distinctions a glossary may care about (case, hamza seat, ё) while deleting the same
characters, so a loose and a strict fold of one text have the same length and line up
character by character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

# Typographic apostrophes and look-alikes people and MT systems type for `'`.
APOSTROPHES = "\u2019\u02bc\u2032\u2018\u00b4\u02b9\uff07"

# Arabic: harakat, tanwin, shadda, sukun, dagger alef, Quranic marks, and tatweel.
ARABIC_DELETED = (
    "".join(chr(code) for code in range(0x064B, 0x0660))
    + "\u0670"
    + "".join(chr(code) for code in range(0x06D6, 0x06EE))
    + "\u0640"
)
# Alef with hamza above/below, alef with madda and alef wasla are all matched as bare alef.
ARABIC_ALEFS = "\u0623\u0625\u0622\u0671"

_SPACES = "\t\n\r\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"
# Invisible characters that carry no letters: soft hyphen, zero-width space and
# (non-)joiners, left-to-right and right-to-left marks, word joiner, zero-width no-break space
# (BOM), Arabic letter mark. Bidirectional text in Arabic catalogs often contains them. The
# one table: recognition, check and glossary validation all import it.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c"


class Folded(NamedTuple):
    """A folded text and, when folding was not one-to-one, where each character came from.

    `origins[i]` is the index in `original` of the character that produced `text[i]`; it has
    one extra final entry, `len(original)`. `origins is None` means position i maps to i.
    """

    original: str
    text: str
    origins: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span [start, end)."""
        if self.origins is None:
            return start, end
        if end <= start:
            position = self.origins[start]
            return position, position
        # The end is just past the original character that produced text[end - 1].
        last = self.origins[end - 1]
        following = self.origins[end]
        return self.origins[start], following if following > last else last + 1

    def original_text(self, start: int, end: int) -> str:
        begin, finish = self.span(start, end)
        return self.original[begin:finish]


@cache
def _table(language: str, strict: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(char): "'" for char in APOSTROPHES}
    table.update({ord(char): " " for char in _SPACES})
    table.update({ord(char): None for char in INVISIBLE})
    if language == "ar":
        table.update({ord(char): None for char in ARABIC_DELETED})
        if not strict:
            table.update({ord(char): "\u0627" for char in ARABIC_ALEFS})
    elif language == "ru" and not strict:
        table.update({ord("ё"): "е", ord("Ё"): "е"})
    if not strict:
        # `str.lower()` would turn İ into i + combining dot; every language folds it to i.
        table[ord("İ")] = "i"
        if language == "tr":
            # Turkish casing: dotted İ/i and dotless I/ı are distinct letters.
            table[ord("I")] = "ı"
    return table


def _lower(text: str, strict: bool) -> str:
    return text if strict else text.lower()


def fold(text: str, language: str, *, strict: bool = False) -> Folded:
    """Fold `text` for matching in `language` (an ISO 639-1 code)."""
    if unicodedata.is_normalized("NFC", text):
        # The common case: the table deleted nothing (it never expands) and no run of spaces
        # needs collapsing, so positions map one to one and no origins are stored.
        mapped = text
        special = _special(language, strict).findall(text)
        if special:
            table = _table(language, strict)
            # A replace per distinct character beats `str.translate` on long non-ASCII text.
            for char in set(special):
                mapped = mapped.replace(char, table[ord(char)] or "")
        if len(mapped) == len(text) and "  " not in mapped:
            return Folded(text, _lower(mapped, strict))
    return _slow_fold(text, language, strict)


@cache
def _special(language: str, strict: bool) -> re.Pattern[str]:
    """Any character the table maps (most text has none, and `str.translate` is slow)."""
    return re.compile("[" + re.escape("".join(map(chr, _table(language, strict)))) + "]")


def _slow_fold(text: str, language: str, strict: bool) -> Folded:
    """Fold cluster by cluster (a base character and its combining marks), recording origins."""
    table = _table(language, strict)
    pieces: list[str] = []
    origins: list[int] = []
    previous_space = False
    for start, cluster in _clusters(text):
        folded = _lower(unicodedata.normalize("NFC", cluster).translate(table), strict)
        for char in folded:
            if char == " ":
                if previous_space:
                    continue  # runs of spaces fold to one, so "Сергей  Лавров" still matches
                previous_space = True
            else:
                previous_space = False
            pieces.append(char)
            origins.append(start)
    origins.append(len(text))
    return Folded(text, "".join(pieces), tuple(origins))


def _clusters(text: str) -> list[tuple[int, str]]:
    clusters: list[tuple[int, str]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            clusters.append((start, text[start:index]))
            start = index
    return clusters


def fold_term(text: str, language: str, *, strict: bool = False) -> str:
    """The folded form of a glossary term (no origins needed)."""
    return fold(" ".join(text.split()), language, strict=strict).text


# Letters, as matching folds them, that stand for several spellings a glossary tells apart:
# the Arabic bare alef for أ إ آ ٱ and itself. Letter case is not among them, nor Russian ё
# (е for ё is standard practice in the Russian press).
_LENIENT = {"ar": frozenset("\u0627")}


def lenient_letters(language: str) -> frozenset[str]:
    """Folded letters behind which the text may hide a spelling the glossary does not use."""
    return _LENIENT.get(language, frozenset())


def spelling(text: str, language: str) -> str:
    """`text` as a glossary's spelling of it is compared: the strict fold without letter case
    and, in Russian, with е for ё. It lines up character by character with the loose fold and
    differs from it only at `lenient_letters` (`بإدلب` keeps its hamza)."""
    strict = fold(" ".join(text.split()), language, strict=True).text.replace("İ", "i")
    if language == "tr":
        strict = strict.replace("I", "ı")
    folded = "".join(char.lower() if len(char.lower()) == 1 else char for char in strict)
    return folded.replace("ё", "е") if language == "ru" else folded


def is_word_char(char: str) -> bool:
    """A letter, digit or combining mark: what may not touch a matched term from outside."""
    if char.isalnum():
        return True
    return not char.isascii() and unicodedata.category(char) in ("Mn", "Mc")
