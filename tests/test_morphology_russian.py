"""Russian: declined forms of names from pymorphy3, agreement between their words."""

import pytest

from tests.support.morphology import occurrences
from translate.glossary.model import Status, TargetTerms
from translate.morphology import find_occurrences
from translate.morphology.russian import analyse, case_governed_by, inflect, phrase_forms


@pytest.mark.parametrize(
    ("term", "case", "written"),
    [
        ("Сергей Лавров", "gent", "Сергея Лаврова"),
        ("Сергей Лавров", "ablt", "Сергеем Лавровым"),
        ("Сергей Лавров", "datv", "Сергею Лаврову"),
        ("Левантийский фронт", "gent", "Левантийского фронта"),
        ("Левантийский фронт", "loct", "Левантийском фронте"),
        ("Левантийский фронт", "accs", "Левантийский фронт"),  # inanimate
        ("Исламское государство", "gent", "Исламского государства"),
        ("Генеральная Ассамблея ООН", "accs", "Генеральную Ассамблею ООН"),
        ("Совет Безопасности ООН", "loct", "Совете Безопасности ООН"),
        ("Министерство обороны России", "datv", "Министерству обороны России"),
        ("Сирийская обсерватория по правам человека", "gent",
         "Сирийской обсерватории по правам человека"),
        ("Восточный Алеппо", "loct", "Восточном Алеппо"),
        ("восточный Алеппо", "gent", "восточного Алеппо"),
        ("Старый город Алеппо", "ablt", "Старым городом Алеппо"),
        ("Алеппо", "gent", "Алеппо"),
        ("Джон Керри", "ablt", "Джоном Керри"),
        ("Стаффан де Мистура", "gent", "Стаффана де Мистуры"),
        ("Сергей Рудской", "gent", "Сергея Рудского"),
        ("Мевлют Чавушоглу", "datv", "Мевлюту Чавушоглу"),
        ("Махер Ташташ", "ablt", "Махером Ташташем"),
        ("Дамаск", "loct", "Дамаске"),
        ("Идлиб", "gent", "Идлиба"),
        ("Джебхат аш-Шамия", "gent", "Джебхат аш-Шамия"),
        ("ООН", "gent", "ООН"),
        ("Москва", "accs", "Москву"),
        ("Женева", "loct", "Женеве"),
    ],
)  # fmt: skip
def test_inflect(term: str, case: str, written: str) -> None:
    assert inflect(term, case) == written


def test_inflect_in_the_plural_and_a_second_locative() -> None:
    assert inflect("Левантийский фронт", "nomn", "plur") == "Левантийские фронты"
    assert inflect("Дамаск", "loc2") == "Дамаске"  # no second locative: the plain one


@pytest.mark.parametrize(("case", "number"), [("genitive", "sing"), ("gent", "dual")])
def test_inflect_rejects_unknown_grammemes(case: str, number: str) -> None:
    with pytest.raises(ValueError, match="unknown"):
        inflect("Дамаск", case, number)


@pytest.mark.parametrize(
    ("preposition", "case"),
    [
        ("в", "loct"), ("во", "loct"), ("на", "loct"), ("о", "loct"), ("об", "loct"),
        ("из", "gent"), ("от", "gent"), ("до", "gent"), ("для", "gent"), ("у", "gent"),
        ("около", "gent"), ("из-за", "gent"), ("к", "datv"), ("по", "datv"),
        ("под", "ablt"), ("над", "ablt"), ("перед", "ablt"), ("за", "ablt"), ("между", "ablt"),
        ("через", "accs"), ("про", "accs"), ("с", None), ("со", None), ("и", None),
        ("В", "loct"),
    ],
)  # fmt: skip
def test_case_governed_by(preposition: str, case: str | None) -> None:
    assert case_governed_by(preposition) == case


@pytest.mark.parametrize(
    ("term", "declining"),
    [
        ("Сергей Лавров", [True, True]),
        ("Джон Керри", [True, False]),
        ("Стаффан де Мистура", [True, False, True]),
        ("Закария Малахифджи", [False, False]),
        ("Совет Безопасности ООН", [True, False, False]),
        ("Нур ад-Дин аз-Зинки", [True, False, False]),
        ("Эль-Баб", [False]),
        ("Reuters", [False]),
    ],
)
def test_which_words_decline(term: str, declining: list[bool]) -> None:
    assert [word.declines for word in analyse(term)] == declining


def test_indeclinable_terms_stay_as_they_are() -> None:
    assert phrase_forms("Нур ад-Дин аз-Зинки", indeclinable=True) == {"нур ад-дин аз-зинки"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("переговоры в Дамаске", [("Дамаске", None)]),
        ("под Дамаском", [("Дамаском", None)]),
        ("вокруг Дамасска", []),  # a misspelling is no form of the term
        ("Дамаскский", []),
    ],
)
def test_declined_forms_and_misspellings(text: str, expected: list) -> None:
    assert occurrences(text, TargetTerms("ru", "Дамаск")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("боевики «Левантийского фронта»", [("Левантийского фронта", None)]),
        ("группировка «Левантийский фронт»", [("Левантийский фронт", None)]),
        ("с левантийским фронтом", [("левантийским фронтом", None)]),
        ("боевики Левантийского фронт", []),  # the words do not agree
    ],
)
def test_adjective_and_noun_agree(text: str, expected: list) -> None:
    assert occurrences(text, TargetTerms("ru", "Левантийский фронт")) == expected


def test_a_short_form_after_a_disagreeing_first_name_is_reported() -> None:
    targets = TargetTerms("ru", "Сергей Лавров", forms=("Лавров",))
    assert occurrences("заявление Сергея Лаврова", targets) == [("Сергея Лаврова", None)]
    assert occurrences("заявление Лаврова", targets) == [("Лаврова", None)]
    assert occurrences("заявление Сергея Лавров", targets) == [("Сергея Лавров", "Сергея Лаврова")]
    assert occurrences("заявил Сергей Лаврова", targets) == [("Сергей Лаврова", "Сергей Лавров")]


def test_indeclinable_names_only_as_written() -> None:
    targets = TargetTerms("ru", "Алеппо", indeclinable=True, deprecated=("Халеб",))
    assert occurrences("в Алеппо", targets) == [("Алеппо", None)]
    assert occurrences("из Алеппа", targets) == []
    # The indeclinable preferred term does not make a deprecated one indeclinable.
    assert [(o.text, o.status) for o in find_occurrences("в Халебе", targets)] == [
        ("Халебе", Status.deprecated)
    ]


def test_capitals_differ_only_where_the_glossary_says() -> None:
    targets = TargetTerms("ru", "восточный Алеппо", admitted=("Восточный Алеппо",))
    [lower] = find_occurrences("в восточном Алеппо", targets)
    [upper] = find_occurrences("в Восточном Алеппо", targets)
    assert (lower.status, upper.status) == (Status.preferred, Status.admitted)


def test_yo_and_ye_match_alike() -> None:
    targets = TargetTerms("ru", "Организация Объединённых Наций")
    assert occurrences("Организации Объединенных Наций", targets) == [
        ("Организации Объединенных Наций", None)
    ]


def test_latin_homoglyphs_are_not_the_name() -> None:
    assert occurrences("в Женевe", TargetTerms("ru", "Женева")) == []  # Latin e
