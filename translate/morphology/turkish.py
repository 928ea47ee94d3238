"""Turkish: suffixes on names, and their vowel harmony.

A proper name keeps its spelling and takes its inflectional suffixes after an apostrophe on
its last word (`Halep'te`, `Şam Cephesi'nden`, `Mevlüt Çavuşoğlu'nun`); derivational suffixes
join without one (`Halepli`), except on abbreviations (`ABD'li`). Suffixes follow the
*pronunciation* of the name: two-way harmony (a/e), four-way harmony (ı/i/u/ü), d/t and c/ç
after a voiceless consonant (f s t k ç ş h p), and the buffer letters y, n and s after a vowel.
Names that end in a possessive (`Şam Cephesi`, `Güvenlik Konseyi`, `Çavuşoğlu`) take the
pronominal n before a case ending (`Şam Cephesi'ne`, not `'ye`). Abbreviations are read letter
by letter (`BM` → be-me → `BM'de`, `ABD'ye`) unless they read as a word (`NATO'nun`); a
`pronunciation` in the glossary overrides all of this (`Kerry: keri`).

Suffixes are described by morphemes written with archiphonemes (A: a/e, I: ı/i/u/ü, D: d/t,
C: c/ç) and a small morphotactic order, which is enough to parse what follows a name in news
text, to tell a wrong form from a right one (`Halep'ta` → `Halep'te`) and to re-write a suffix
an MT system attached to a placeholder for the real name.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from translate.glossary.model import TargetTerms
from translate.morphology.matching import Hit, Problem, at_word_end, at_word_start
from translate.morphology.normalize import APOSTROPHES, Folded, fold_term

LANGUAGE = "tr"
VOWELS = "aeıioöuüâîû"
BACK_VOWELS = "aıouâû"
ROUNDED_VOWELS = "oöuüû"
VOICELESS = "fstkçşhp"
LETTERS = "abcçdefgğhıijklmnoöprsştuüvyzâîûqwx"

# How letters are read when an abbreviation is spelt out (TDK: be, ce, de, ..., ke, ha → he).
LETTER_NAMES = {
    "a": "a", "b": "be", "c": "ce", "ç": "çe", "d": "de", "e": "e", "f": "fe", "g": "ge",
    "ğ": "yumuşak ge", "h": "he", "ı": "ı", "i": "i", "j": "je", "k": "ke", "l": "le",
    "m": "me", "n": "ne", "o": "o", "ö": "ö", "p": "pe", "r": "re", "s": "se", "ş": "şe",
    "t": "te", "u": "u", "ü": "ü", "v": "ve", "y": "ye", "z": "ze", "q": "ku", "w": "çift ve",
    "x": "iks",
}  # fmt: skip

# Head nouns of possessive compounds (`Güvenlik Konseyi`, `Avrupa Birliği`) without their
# possessive ending, for names whose ending alone does not show it.
COMPOUND_HEADS = frozenset({
    "ajans", "cami", "cumhuriyet", "devlet", "ev", "federasyon", "grub", "hareket", "hat",
    "kamp", "karargâh", "koalisyon", "konsey", "kurul", "liman", "meclis", "merkez", "meydan",
    "ofis", "okul", "örgüt", "park", "sınır", "teşkilat", "tugay", "tümen", "üs",
})  # fmt: skip

# Letter clusters that Turkish spelling does not have: a name written with them is read the
# way its own language reads it, which the spelling does not tell.
_FOREIGN = re.compile(r"[qwx]|sh|ch|ck|gh|ee|oo|ou|ea|eu|au|ae|ie", re.I)


def turkish_lower(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower()


# ---------------------------------------------------------------------------------------------
# Phonology


@dataclass(frozen=True)
class Sound:
    """What a suffix needs to know about what precedes it."""

    last_vowel: str  # a e ı i o ö u ü; "e" if there is none
    ends_in_vowel: bool
    voiceless: bool
    pronominal_n: bool = False  # after a possessive or -ki: Cephesi'ne, Halep'tekine

    def after(self, written: str, *, pronominal_n: bool = False) -> Sound:
        vowels = [char for char in written if char in VOWELS]
        last = written[-1] if written else ""
        return Sound(
            _plain_vowel(vowels[-1]) if vowels else self.last_vowel,
            last in VOWELS if written else self.ends_in_vowel,
            last in VOICELESS if written else self.voiceless,
            pronominal_n,
        )


def _plain_vowel(vowel: str) -> str:
    return {"â": "a", "î": "i", "û": "u"}.get(vowel, vowel)


def sound_of(name: str, pronunciation: str | None = None) -> Sound:
    """The sound the last word of `name` ends with, from its pronunciation when given."""
    if pronunciation:
        spoken = turkish_lower(pronunciation)
    else:
        spoken = _reading(name.split()[-1] if name.split() else name)
    spoken = "".join(char for char in spoken if char in LETTERS)
    base = Sound("e", False, False)
    sound = base.after(spoken) if spoken else base
    return Sound(sound.last_vowel, sound.ends_in_vowel, sound.voiceless, is_compound(name))


def _reading(word: str) -> str:
    """How a written word is read: abbreviations letter by letter, a final y after a
    consonant as i (`Kerry`), everything else as spelt."""
    letters = "".join(char for char in word if char.isalpha())
    lowered = turkish_lower(letters)
    if letters.isupper() and len(letters) > 1:
        vowels = sum(1 for char in lowered if char in VOWELS)
        if vowels == 0 or (len(letters) <= 3 and vowels <= 1):
            return "".join(LETTER_NAMES.get(char, char) for char in lowered)
    if len(lowered) > 1 and lowered.endswith("y") and lowered[-2] not in VOWELS:
        return lowered[:-1] + "i"
    return lowered


def is_compound(name: str) -> bool:
    """Whether `name` ends in a possessive, so case endings take the pronominal n.

    Surnames in -oğlu (`Çavuşoğlu'na`), and names whose last word is a noun with the
    3rd-person possessive: after a vowel -sI (`Cephesi`, `Caddesi`), after a softened
    consonant -ğI (`Birliği`, `Bakanlığı`), or a listed head noun + I (`Konseyi`, `Kurulu`).
    A name like `Nureddin Zengi` or `Zekeriya Malahifci` is not one.
    """
    words = turkish_lower(name).split()
    if not words:
        return False
    last = words[-1].strip("'")
    if last.endswith("oğlu"):
        return True
    if len(last) < 3 or last[-1] not in "ıiuü":
        return False
    if last[-2] == "s" and last[-3] in VOWELS:
        return True
    if last[-2] == "ğ":
        return True
    return last[:-1] in COMPOUND_HEADS or (last.endswith("evi") and len(last) > 3)


def is_foreign(name: str) -> bool:
    """Whether the last word of `name` is spelt in a way Turkish does not read as written."""
    words = name.split()
    return bool(words) and _FOREIGN.search(words[-1]) is not None


# ---------------------------------------------------------------------------------------------
# Morphemes


@dataclass(frozen=True)
class Morpheme:
    """A suffix written with archiphonemes; `(y)` etc. are buffer letters."""

    name: str
    form: str
    slot: int  # position in the order of suffixes; a morpheme follows lower slots only
    derivational: bool = False
    takes_n: bool = False  # case endings that take the pronominal n after a possessive
    sets_n: bool = False  # what follows it takes the pronominal n (possessive 3rd person, -ki)
    rarity: int = 0  # after a name: cases and plural are common, possessives and persons rare

    @cached_property
    def units(self) -> tuple[tuple[str, bool], ...]:
        """The form as (letter or archiphoneme, is a buffer) pairs: `(y)A` → y?, A."""
        units: list[tuple[str, bool]] = []
        index = 0
        while index < len(self.form):
            if self.form[index] == "(":
                units.append((self.form[index + 1], True))
                index += 3
            else:
                units.append((self.form[index], False))
                index += 1
        return tuple(units)

    @property
    def pattern(self) -> str:
        """A regular expression matching the morpheme in any harmony, with any buffer."""
        units = self.units
        parts: list[str] = []
        if self.takes_n:
            # After a possessive the pronominal n takes the place of a y or n buffer.
            parts.append("[ny]?" if units[0] == ("y", True) else "n?")
            units = units[1:] if units[0][1] else units
        parts.extend(_ANY.get(char, char) + ("?" if buffer else "") for char, buffer in units)
        return "".join(parts)

    def realise(self, sound: Sound) -> str:
        units = self.units
        if self.takes_n and sound.pronominal_n:
            units = (("n", False), *(units[1:] if units[0][1] else units))
        out: list[str] = []
        previous = sound
        for char, buffer in units:
            # A consonant buffer stands after a vowel (Rusya'ya), a vowel one after a
            # consonant (Halep'im).
            if buffer and previous.ends_in_vowel == (char in "AI"):
                continue
            if char == "A":
                char = "a" if previous.last_vowel in BACK_VOWELS else "e"
            elif char == "I":
                char = _high_vowel(previous.last_vowel)
            elif char == "D":
                char = "t" if previous.voiceless else "d"
            elif char == "C":
                char = "ç" if previous.voiceless else "c"
            out.append(char)
            previous = previous.after(char)
        return "".join(out)


_ANY = {"A": "[ae]", "I": "[ıiuü]", "D": "[dt]", "C": "[cç]"}


def _high_vowel(vowel: str) -> str:
    back = vowel in BACK_VOWELS
    rounded = vowel in ROUNDED_VOWELS
    return ("u" if rounded else "ı") if back else ("ü" if rounded else "i")


DERIVATION, PLURAL, POSSESSIVE, CASE, KI, COPULA, PERSON = range(7)

MORPHEMES: tuple[Morpheme, ...] = (
    # Derivational, joined without an apostrophe to names: Halepli, Şamlılar, Rusyasız.
    Morpheme("with-from", "lI", DERIVATION, derivational=True, rarity=1),
    Morpheme("ness", "lIk", DERIVATION, derivational=True, rarity=1),
    Morpheme("ness-", "lIğ", DERIVATION, derivational=True, rarity=1),
    Morpheme("without", "sIz", DERIVATION, derivational=True, rarity=1),
    Morpheme("agent", "CI", DERIVATION, derivational=True, rarity=1),
    Morpheme("plural", "lAr", PLURAL),
    Morpheme("poss.1sg", "(I)m", POSSESSIVE, rarity=2),
    Morpheme("poss.2sg", "(I)n", POSSESSIVE, rarity=2),
    Morpheme("poss.3sg", "(s)I", POSSESSIVE, sets_n=True, rarity=2),
    Morpheme("poss.1pl", "(I)mIz", POSSESSIVE, rarity=2),
    Morpheme("poss.2pl", "(I)nIz", POSSESSIVE, rarity=2),
    Morpheme("poss.3pl", "lArI", POSSESSIVE, sets_n=True, rarity=2),
    Morpheme("genitive", "(n)In", CASE, takes_n=True),
    Morpheme("accusative", "(y)I", CASE, takes_n=True),
    Morpheme("dative", "(y)A", CASE, takes_n=True),
    Morpheme("locative", "DA", CASE, takes_n=True),
    Morpheme("ablative", "DAn", CASE, takes_n=True),
    Morpheme("instrumental", "(y)lA", CASE),
    Morpheme("equative", "CA", CASE, takes_n=True),
    Morpheme("ki", "ki", KI, sets_n=True),
    Morpheme("copula", "DIr", COPULA, rarity=1),
    Morpheme("past", "(y)DI", COPULA, rarity=1),
    Morpheme("evidential", "(y)mIş", COPULA, rarity=1),
    Morpheme("conditional", "(y)sA", COPULA, rarity=1),
    Morpheme("while", "(y)ken", COPULA, rarity=1),
    Morpheme("1sg", "(y)Im", PERSON, rarity=2),
    Morpheme("2sg", "sIn", PERSON, rarity=2),
    Morpheme("1pl", "(y)Iz", PERSON, rarity=2),
    Morpheme("2pl", "sInIz", PERSON, rarity=2),
)
_COMPILED = tuple((morpheme, re.compile(morpheme.pattern)) for morpheme in MORPHEMES)
# After -ki a noun starts again: Halep'tekiler, Halep'tekilere, Halep'tekinden.
_AFTER_KI = frozenset((PLURAL, CASE, COPULA, PERSON))


@cache
def parses(suffix: str) -> tuple[tuple[Morpheme, ...], ...]:
    """Every way to read `suffix` (lower-case, no apostrophe) as a sequence of morphemes,
    ignoring harmony and buffers; the likeliest first (fewest and commonest morphemes)."""
    found: list[tuple[Morpheme, ...]] = []

    def allowed(morpheme: Morpheme, slot: int, after_ki: bool, previous: Morpheme | None) -> bool:
        if morpheme.slot == DERIVATION:
            return slot <= DERIVATION and not after_ki
        if morpheme.slot == KI:
            return previous is not None and previous.name in ("locative", "genitive")
        if after_ki and morpheme.slot == POSSESSIVE:
            return False
        return morpheme.slot > slot

    def walk(position: int, slot: int, after_ki: bool, sequence: tuple[Morpheme, ...]) -> None:
        if position == len(suffix):
            if sequence:
                found.append(sequence)
            return
        previous = sequence[-1] if sequence else None
        for morpheme, pattern in _COMPILED:
            if not allowed(morpheme, slot, after_ki, previous):
                continue
            match = pattern.match(suffix, position)
            if match is None or match.end() == position:
                continue
            if morpheme.slot == KI:  # after -ki a noun starts again: Halep'tekilerden
                walk(match.end(), DERIVATION, True, (*sequence, morpheme))
            else:
                walk(match.end(), morpheme.slot, after_ki, (*sequence, morpheme))

    walk(0, -1, False, ())
    found.sort(key=lambda reading: (len(reading), sum(morpheme.rarity for morpheme in reading)))
    return tuple(found)


def realise(morphemes: Iterable[Morpheme], sound: Sound) -> str:
    """The morphemes written after a name that sounds like `sound`."""
    out: list[str] = []
    for morpheme in morphemes:
        written = morpheme.realise(sound)
        out.append(written)
        sound = sound.after(written, pronominal_n=morpheme.sets_n)
    return "".join(out)


@cache
def best_reading(suffix: str, sound: Sound) -> tuple[tuple[Morpheme, ...], str] | None:
    """The reading of `suffix` that is right after `sound`, else the likeliest one, with the
    form it should have; None if `suffix` is not a suffix."""
    readings = parses(suffix)
    if not readings:
        return None
    for reading in readings:
        if realise(reading, sound) == suffix:
            return reading, suffix
    shortest = readings[0]
    return shortest, realise(shortest, sound)


def attach_suffix(
    name: str, suffix: str, pronunciation: str | None = None, *, apostrophe: bool = True
) -> str:
    """`name` with the suffix an MT system wrote after a placeholder or another word.

    The suffix (`'da`, `da`, `'nın`, `'ndaki`, ...) is read as morphemes whatever its harmony
    and buffers, and written again for `name`: `attach_suffix("Halep", "'daki")` →
    `Halep'teki`, `attach_suffix("Şam Cephesi", "'ye")` → `Şam Cephesi'ne`,
    `attach_suffix("BM", "'da")` → `BM'de`. Derivational suffixes join without an apostrophe
    except on abbreviations (`Halepli`, `ABD'li`). `apostrophe=False` (the glossary's
    `apostrophe` of institution names) joins every suffix (`Birleşmiş Milletlerin`); an
    abbreviation takes the apostrophe all the same. An empty suffix gives `name`; a suffix
    that cannot be read is kept as written after an apostrophe.
    """
    written_suffix = suffix.strip().lstrip("'" + APOSTROPHES).strip()
    if not written_suffix:
        return name
    readings = parses(turkish_lower(written_suffix))
    if not readings:
        return f"{name}'{written_suffix}"
    # The likeliest reading, not one that happens to fit the name as written: `'ne` after a
    # placeholder is a dative (`Zengi'ye`), not "to your Zengi".
    morphemes = readings[0]
    written = realise(morphemes, sound_of(name, pronunciation))
    abbreviation = _is_abbreviation(name)
    if not abbreviation and (morphemes[0].derivational or not apostrophe):
        return name + written
    return f"{name}'{written}"


def _is_abbreviation(name: str) -> bool:
    last = name.split()[-1] if name.split() else name
    letters = [char for char in last if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


# ---------------------------------------------------------------------------------------------
# Matching


@dataclass(frozen=True)
class _Stem:
    sound: Sound
    harmony_known: bool  # spelt as Turkish reads it, or its reading is in the glossary
    abbreviation: bool
    apostrophe: bool  # inflections follow an apostrophe (else they are joined: institutions)


class TurkishRules:
    language = LANGUAGE
    word_start = True
    word_end = False

    def surfaces(self, term: str, targets: TargetTerms) -> Iterable[tuple[str, Hashable]]:
        pronunciation = targets.reading(term)
        abbreviation = _is_abbreviation(term)
        stem = _Stem(
            sound_of(term, pronunciation),
            harmony_known=pronunciation is not None or not is_foreign(term),
            abbreviation=abbreviation,
            # A term ending in a common noun (`Halep'in doğusu`) joins its suffixes.
            apostrophe=abbreviation or (targets.apostrophe and term.split()[-1][:1].isupper()),
        )
        return [(fold_term(term, LANGUAGE), stem)]

    def verify(self, folded: Folded, start: int, end: int, data: Hashable) -> Hit | None:
        text = folded.text
        if not at_word_start(text, start):
            return None
        stem: _Stem = data  # type: ignore[assignment]
        if end + 1 < len(text) and text[end] == "'" and text[end + 1].isalpha():
            return self._suffixed(folded, start, end, stem)
        if at_word_end(text, end):
            return Hit(start, end, start, end)
        if text[end].isalpha():
            return self._attached(folded, start, end, stem)
        return None

    def _suffixed(self, folded: Folded, start: int, end: int, stem: _Stem) -> Hit:
        """`Halep'te`: check the suffix after the apostrophe."""
        suffix_end = _letters_end(folded.text, end + 1)
        suffix = folded.text[end + 1 : suffix_end]
        reading = best_reading(suffix, stem.sound)
        name = folded.original_text(start, end)
        written = folded.original_text(start, suffix_end)
        problem = None
        if reading is not None and not stem.apostrophe and not reading[0][0].derivational:
            expected = name + (reading[1] if stem.harmony_known else suffix)
            problem = Problem(
                "unexpected-apostrophe",
                f"this name takes its suffixes without an apostrophe: {written} should be "
                f"{expected}",
                expected,
            )
        elif reading is not None and stem.harmony_known and reading[1] != suffix:
            expected = f"{name}'{reading[1]}"
            problem = _harmony_problem(written, expected)
        return Hit(start, suffix_end, start, end, problem)

    def _attached(self, folded: Folded, start: int, end: int, stem: _Stem) -> Hit | None:
        """Letters joined to the name: a derivational suffix (`Halepli`), an inflection of an
        institution name (`Birleşmiş Milletlerin`), an inflection that lacks its apostrophe
        (`Halepte`), or another word (`Şampiyonlar`)."""
        suffix_end = _letters_end(folded.text, end)
        suffix = folded.text[end:suffix_end]
        reading = best_reading(suffix, stem.sound)
        if reading is None:
            return None
        morphemes, expected_suffix = reading
        name = folded.original_text(start, end)
        written = folded.original_text(start, suffix_end)
        joined = not stem.apostrophe or (morphemes[0].derivational and not stem.abbreviation)
        if joined:
            if stem.harmony_known and expected_suffix != suffix:
                return Hit(
                    start, suffix_end, start, end, _harmony_problem(written, name + expected_suffix)
                )
            return Hit(start, suffix_end, start, end)
        if not name.split()[-1][:1].isupper():
            return None  # a common word that happens to begin like the name: şamdan
        expected = f"{name}'{expected_suffix if stem.harmony_known else suffix}"
        problem = Problem(
            "missing-apostrophe",
            f"a suffix on a name follows an apostrophe: {written} should be {expected}",
            expected,
        )
        return Hit(start, suffix_end, start, end, problem)


def _harmony_problem(written: str, expected: str) -> Problem:
    return Problem(
        "suffix-harmony",
        f"suffix does not agree with the name: {written} should be {expected}",
        expected,
    )


def _letters_end(text: str, position: int) -> int:
    while position < len(text) and text[position].isalpha():
        position += 1
    return position


RULES = TurkishRules()
