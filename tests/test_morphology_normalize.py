"""Normalisation for matching: what folds alike, and the way back to the text as written."""

import pytest

from translate.morphology.normalize import (
    fold,
    fold_term,
    is_word_char,
    lenient_letters,
    spelling,
)


@pytest.mark.parametrize(
    ("language", "text", "folded"),
    [
        # Turkish casing: dotted and dotless i are different letters.
        ("tr", "İdlib", "idlib"),
        ("tr", "Idlib", "ıdlib"),
        ("tr", "IŞİD", "ışid"),
        ("tr", "Halep’te", "halep'te"),
        ("tr", "Halepʼte", "halep'te"),
        ("tr", "Halep′te", "halep'te"),
        ("tr", "Halep‘te", "halep'te"),
        # Other languages fold İ to i without a combining dot.
        ("en", "İstanbul", "istanbul"),
        # Russian ё/е.
        ("ru", "Объединённых", "объединенных"),
        ("ru", "ЁЛКА", "елка"),
        # Arabic: diacritics, tatweel and alef seats.
        ("ar", "بِحَلَبَ", "بحلب"),
        ("ar", "وللـجبهة", "وللجبهة"),
        ("ar", "إدلب", "ادلب"),
        ("ar", "أوغلو", "اوغلو"),
        ("ar", "آلاف", "الاف"),
        ("ar", "ٱلجبهة", "الجبهة"),
        # Spaces: no-break and narrow no-break are spaces, runs fold to one.
        ("ru", "Сергей\u00a0Лавров", "сергей лавров"),
        ("ru", "Сергей  \u202fЛавров", "сергей лавров"),
        # Invisible marks vanish; decomposed letters compose.
        ("ar", "حل\u200fب", "حلب"),
        ("tr", "S\u0327am", "şam"),
    ],
)
def test_fold(language: str, text: str, folded: str) -> None:
    assert fold(text, language).text == folded


@pytest.mark.parametrize(
    ("language", "text", "strict"),
    [
        ("ar", "بِإِدْلِبَ", "بإدلب"),  # strict keeps the hamza seat, drops the vowels
        ("ru", "Объединённых", "Объединённых"),  # and ё and case
        ("tr", "İdlib’e", "İdlib'e"),
    ],
)
def test_strict_fold_keeps_what_a_glossary_may_distinguish(
    language: str, text: str, strict: str
) -> None:
    assert fold(text, language, strict=True).text == strict
    # Loose and strict folds of one text line up character by character.
    assert len(fold(text, language).text) == len(strict)


@pytest.mark.parametrize(
    ("language", "text", "word", "original"),
    [
        ("ar", "قُتل مدنيون بِحَلَبَ أمس", "بحلب", "بِحَلَبَ"),
        ("ar", "وصلت لـحلب", "لحلب", "لـحلب"),
        ("ru", "в  Дамаске", "дамаске", "Дамаске"),
        ("tr", "S\u0327am'da", "şam'da", "S\u0327am'da"),
        ("ru", "Дамаск", "дамаск", "Дамаск"),
    ],
)
def test_spans_map_back_to_the_text_as_written(
    language: str, text: str, word: str, original: str
) -> None:
    folded = fold(text, language)
    start = folded.text.index(word)
    assert folded.original_text(start, start + len(word)) == original


def test_fold_term_collapses_spaces() -> None:
    assert fold_term("  Şam   Cephesi ", "tr") == "şam cephesi"


@pytest.mark.parametrize(
    ("char", "word"),
    [("a", True), ("ب", True), ("7", True), ("\u0301", True), (" ", False), ("'", False),
     ("-", False), ("«", False), ("،", False)],
)  # fmt: skip
def test_word_characters(char: str, word: bool) -> None:
    assert is_word_char(char) is word


@pytest.mark.parametrize(
    ("language", "text", "spelled"),
    [
        ("ar", "بِإِدْلِبَ", "بإدلب"),  # the hamza seat counts, the vowels do not
        ("ru", "Объединённых", "объединенных"),  # е for ё is standard practice
        ("tr", "İDLİB’e", "idlib'e"),  # letter case is no spelling
        ("tr", "IŞİD", "ışid"),
    ],
)
def test_spelling_keeps_only_what_matching_is_lenient_about(
    language: str, text: str, spelled: str
) -> None:
    assert spelling(text, language) == spelled
    loose = fold_term(text, language)
    assert len(loose) == len(spelled)
    differences = {loose[i] for i in range(len(loose)) if loose[i] != spelled[i]}
    assert differences <= lenient_letters(language)


def test_only_arabic_has_lenient_letters() -> None:
    assert lenient_letters("ar") == {"ا"}
    assert lenient_letters("ru") == lenient_letters("tr") == frozenset()
