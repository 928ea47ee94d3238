"""Arabic: proclitics on names, generated and recognised."""

import pytest

from translate.glossary.model import Status, TargetTerms
from translate.morphology import find_occurrences
from translate.morphology.arabic import attach_proclitics, split_proclitics


@pytest.mark.parametrize(
    ("proclitics", "term", "written"),
    [
        ("", "حلب", "حلب"),
        ("ب", "حلب", "بحلب"),
        ("و", "إدلب", "وإدلب"),
        ("وب", "حلب", "وبحلب"),
        ("فل", "دمشق", "فلدمشق"),
        ("ل", "الجبهة الشامية", "للجبهة الشامية"),
        ("و", "الجبهة الشامية", "والجبهة الشامية"),
        ("ب", "الجبهة الشامية", "بالجبهة الشامية"),
        ("ول", "الجبهة الشامية", "وللجبهة الشامية"),
        ("ل", "اللاذقية", "للاذقية"),
        ("ل", "لافروف", "للافروف"),
        # The article is never doubled, nor added to a name that takes none.
        ("بال", "الباب", "بالباب"),
        ("ال", "الجبهة الشامية", "الجبهة الشامية"),
        ("ال", "حلب", "حلب"),
        ("لل", "الجبهة الشامية", "للجبهة الشامية"),
        ("لل", "حلب", "لحلب"),
        ("وال", "الأمم المتحدة", "والأمم المتحدة"),
        # Tatweel and vowel marks an MT system leaves on the proclitics are dropped.
        ("بـ", "حلب", "بحلب"),
        ("وَبِ", "حلب", "وبحلب"),
        ("كال", "الجبهة الشامية", "كالجبهة الشامية"),
    ],
)
def test_attach_proclitics(proclitics: str, term: str, written: str) -> None:
    assert attach_proclitics(proclitics, term) == written


@pytest.mark.parametrize("proclitics", ["x", "بب", "لو", "الل", "وو"])
def test_attach_proclitics_rejects_what_is_not_a_proclitic(proclitics: str) -> None:
    with pytest.raises(ValueError, match="not a sequence of Arabic proclitics"):
        attach_proclitics(proclitics, "حلب")


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("وبحلب", ("وب", "حلب")),
        ("للجبهة", ("لل", "جبهة")),
        ("بالباب", ("بال", "باب")),
        ("وبال", ("وبال", "")),
        ("بـ", ("ب", "")),
        ("حلب", ("", "حلب")),
        ("وحلب", ("و", "حلب")),
    ],
)
def test_split_proclitics(word: str, split: tuple[str, str]) -> None:
    assert split_proclitics(word) == split


@pytest.mark.parametrize(
    "term", ["حلب", "الجبهة الشامية", "إدلب", "لافروف", "الأمم المتحدة", "باريس"]
)
@pytest.mark.parametrize("proclitics", ["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "ول", "وك"])
def test_every_attached_form_is_recognised(term: str, proclitics: str) -> None:
    written = attach_proclitics(proclitics, term)
    targets = TargetTerms("ar", term)
    found = find_occurrences(f"قال المسؤول {written} أمس", targets)
    assert [occurrence.text for occurrence in found] == [written]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("في الحلبة", []),  # another word
        ("القتال الحلبي", []),
        ("حلبي", []),
        ("الحلب", []),  # no article on a name that takes none
        ("للحلب", []),
        ("كحلب", ["كحلب"]),
        ("حلب.", ["حلب"]),
        ("«حلب»", ["حلب"]),
    ],
)
def test_nothing_else_may_be_attached(text: str, found: list[str]) -> None:
    assert [o.text for o in find_occurrences(text, TargetTerms("ar", "حلب"))] == found


def test_contraction_is_the_only_way_for_li_before_the_article() -> None:
    targets = TargetTerms("ar", "الجبهة الشامية")
    assert find_occurrences("الدعم لالجبهة الشامية", targets) == []
    assert [o.text for o in find_occurrences("الدعم للجبهة الشامية", targets)] == ["للجبهة الشامية"]


def test_multi_word_terms_take_proclitics_on_the_first_word_only() -> None:
    targets = TargetTerms("ar", "شرق حلب")
    assert [o.text for o in find_occurrences("بشرق حلب", targets)] == ["بشرق حلب"]
    assert find_occurrences("شرق بحلب", targets) == []


def test_a_deprecated_spelling_that_folds_like_the_preferred_one_is_told_apart() -> None:
    """Alef seats fold alike for matching; a glossary that deprecates the bare alef still
    gets it reported, and the preferred spelling is not."""
    targets = TargetTerms("ar", "إدلب", deprecated=("ادلب",))
    assert [(o.text, o.status) for o in find_occurrences("وإدلب", targets)] == [
        ("وإدلب", Status.preferred)
    ]
    assert [(o.text, o.status) for o in find_occurrences("وادلب", targets)] == [
        ("وادلب", Status.deprecated)
    ]
    # A third spelling is neither: the glossary's distinction counts against it.
    assert [o.status for o in find_occurrences("بأدلب", targets)] == [Status.deprecated]


def test_spans_keep_the_text_as_written() -> None:
    [occurrence] = find_occurrences("قُتل مدنيون بِحَلَبَ أمس", TargetTerms("ar", "حلب"))
    assert occurrence.text == "بِحَلَبَ"


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        # Matching folds the alef seats; the glossary's spelling is told apart after the
        # proclitics, which are compared by the proclitic rules alone.
        ("بادلب", "إدلب", "بإدلب"),
        ("ادلب", "إدلب", "إدلب"),
        ("وَبِادْلِبَ", "إدلب", "وَبِإدلب"),
        ("الامم المتحدة", "الأمم المتحدة", "الأمم المتحدة"),
        ("للامم المتحدة", "الأمم المتحدة", "للأمم المتحدة"),  # ل + the article contracted
        ("والاسد", "الأسد", "والأسد"),
        ("إيران", "ايران", "ايران"),  # a hamza the glossary does not write
    ],
)
def test_a_name_spelled_otherwise_than_the_glossary_is_a_spelling_problem(
    text: str, term: str, expected: str
) -> None:
    [occurrence] = find_occurrences(text, TargetTerms("ar", term))
    assert occurrence.text == text and occurrence.status is Status.preferred
    assert occurrence.problem is not None
    assert (occurrence.problem.rule, occurrence.problem.expected) == ("spelling", expected)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("بإدلب", "إدلب"),
        ("وَبِإِدْلِبَ", "إدلب"),  # vowels and tatweel are no spelling
        ("لـإدلب", "إدلب"),
        ("للأمم المتحدة", "الأمم المتحدة"),
        ("بحلب", "حلب"),
    ],
)
def test_the_glossary_spelling_with_any_proclitics_is_no_problem(text: str, term: str) -> None:
    [occurrence] = find_occurrences(text, TargetTerms("ar", term))
    assert occurrence.problem is None


def test_a_spelling_the_glossary_lists_is_its_status_not_a_spelling_problem() -> None:
    admitted = TargetTerms("ar", "إدلب", admitted=("ادلب",))
    [occurrence] = find_occurrences("وادلب", admitted)
    assert (occurrence.status, occurrence.problem) == (Status.admitted, None)
    deprecated = TargetTerms("ar", "إدلب", deprecated=("ادلب",))
    [occurrence] = find_occurrences("وادلب", deprecated)
    assert (occurrence.status, occurrence.problem) == (Status.deprecated, None)
