"""Recognising glossary concepts in English source: the tricky cases, table-driven."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from translate.glossary import load_glossary
from translate.glossary.model import Concept, Kind, SourceTerms, TargetTerms, make_glossary
from translate.glossary.recognize import Recognizer, TermMatch, describe_terms

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer(load_glossary(REPO / "glossary"))


def found(recognizer: Recognizer, text: str) -> list[tuple[str, str]]:
    return [(match.text, match.concept.id) for match in recognizer.find(text)]


CASES = [
    # Longest match first; sub-areas of Aleppo are their own concepts.
    ("Fighting in east Aleppo continued.", [("east Aleppo", "east-aleppo")]),
    ("East Aleppo fell.", [("East Aleppo", "east-aleppo")]),
    ("civilians escape eastern Aleppo", [("eastern Aleppo", "east-aleppo")]),
    ("a tour of Old Aleppo on Friday", [("Old Aleppo", "old-aleppo")]),
    ("the old Aleppo souks", [("Aleppo", "aleppo")]),
    ("President Bashar al-Assad said", [("Bashar al-Assad", "bashar-al-assad")]),
    ("U.N. Security Council members", [("U.N. Security Council", "un-security-council")]),
    ("the U.N. General Assembly voted", [("U.N. General Assembly", "un-general-assembly")]),
    ("the U.N. human rights office said", [("U.N. human rights office", "un-human-rights-office")]),
    (
        "Russian Defense Ministry official",
        [("Russian Defense Ministry", "russian-defense-ministry")],
    ),
    # Variants.
    ("Assad said in an interview", [("Assad", "bashar-al-assad")]),
    ("a Zinki commander", [("Zinki", "nour-al-din-al-zinki")]),
    ("al-Zinki fighters", [("al-Zinki", "nour-al-din-al-zinki")]),
    ("the Nour al-Din al-Zinki rebel group", [("Nour al-Din al-Zinki", "nour-al-din-al-zinki")]),
    ("the Levant Front said", [("Levant Front", "jabha-shamiya")]),
    ("Mevlüt Çavuşoğlu said", [("Mevlüt Çavuşoğlu", "mevlut-cavusoglu")]),
    ("talks in Türkiye", [("Türkiye", "turkey")]),
    ("since World War II", [("World War II", "world-war-two")]),
    ("Kerry said at the embassy", [("Kerry", "john-kerry")]),
    ("where the Observatory said", [("the Observatory", "syrian-observatory")]),
    ("The Observatory said", [("The Observatory", "syrian-observatory")]),
    ("a new observatory opened", []),
    ("the council should help them go", []),
    ("Russia’s Defense Ministry said", [("Russia’s Defense Ministry", "russian-defense-ministry")]),
    ("Russia's Defense Ministry said", [("Russia's Defense Ministry", "russian-defense-ministry")]),
    # Word boundaries: no match inside another word; adjectives are not the country.
    ("The Syrian army pressed on", []),
    ("Iranian officials and Parisian crowds", []),
    ("Russians and Turks", []),
    ("more than half of Syrians", []),
    ("a Zinkiya brigade", []),
    # Hyphenated compounds name the concept (their translations name it too).
    ("the Aleppo-based Fastaqim group", [("Aleppo", "aleppo"), ("Fastaqim", "fastaqim")]),
    ("Iran-backed Shi’ite militias", [("Iran", "iran")]),
    ("pro-Assad forces", [("Assad", "bashar-al-assad")]),
    (
        "the Islamic State-held city of al-Bab",
        [("Islamic State", "islamic-state"), ("al-Bab", "al-bab")],
    ),
    ("U.S.-backed rebels", [("U.S.", "united-states")]),
    # Case as the entry says: capitalised at a sentence start, capitals in datelines.
    ("Al-Bab fell to Turkish-backed rebels.", [("Al-Bab", "al-bab")]),
    (
        "ALEPPO, Syria/BEIRUT (Reuters) -",
        [("ALEPPO", "aleppo"), ("Syria", "syria"), ("BEIRUT", "beirut"), ("Reuters", "reuters")],
    ),
    ("in aleppo", []),
    ("tell us about it", []),
    ("UNESCO World Heritage Site", [("UNESCO", "unesco")]),
    ("a Unesco site", [("Unesco", "unesco")]),
    # Dotted abbreviations.
    ("U.N. envoy to Syria", [("U.N.", "united-nations"), ("Syria", "syria")]),
    ("the UN said", [("UN", "united-nations")]),
    ("an un-American idea", []),
    ("U.S. and Russian officials", [("U.S.", "united-states")]),
    # Spacing and apostrophes as typed.
    ("Jabha  Shamiya", [("Jabha  Shamiya", "jabha-shamiya")]),
    ("east\u00a0Aleppo", [("east\u00a0Aleppo", "east-aleppo")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:40] for case in CASES])
def test_recognition(recognizer: Recognizer, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(recognizer, text) == expected


POSSESSIVES = [
    ("Assad's forces", "Assad", "'s"),
    ("Assad’s forces", "Assad", "’s"),
    ("Syria’s most populous city", "Syria", "’s"),
    ("east Aleppo’s 40 neighborhoods", "east Aleppo", "’s"),
    ("Reuters’ journalists", "Reuters", "’"),
    ("Reuters' journalists", "Reuters", "'"),
    ("ASSAD'S FORCES", "ASSAD", "'S"),
    ("Assad said", "Assad", ""),
    ("Aleppo’ and", "Aleppo", ""),
]


@pytest.mark.parametrize(("text", "name", "possessive"), POSSESSIVES)
def test_possessive_is_reported_apart_from_the_name(
    recognizer: Recognizer, text: str, name: str, possessive: str
) -> None:
    (match,) = recognizer.find(text)
    assert (match.text, match.possessive) == (name, possessive)
    assert text[match.start : match.end] == name
    assert text[match.end : match.end + len(possessive)] == possessive


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("They spoke at the U.N.", True),
        ("“We spoke at the U.N.”", True),
        ("the U.N. envoy arrived", False),
        ("They spoke at the UN.", False),
    ],
)
def test_dotted_abbreviation_says_when_its_dot_ends_the_sentence(
    recognizer: Recognizer, text: str, period: bool
) -> None:
    (match,) = recognizer.find(text)
    assert match.concept.id == "united-nations"
    assert match.sentence_period is period


def test_offsets_point_into_the_original_text(recognizer: Recognizer) -> None:
    text = "Zero-width\u200b text; then  Jabha\u00a0 Shamiya’s men met Kerry."
    matches = recognizer.find(text)
    assert [text[m.start : m.end] for m in matches] == ["Jabha\u00a0 Shamiya", "Kerry"]
    assert matches[0].possessive == "’s"
    assert matches[0].form == "Jabha Shamiya"
    assert matches[1].form == "Kerry"


def test_matches_never_overlap_and_are_in_text_order(recognizer: Recognizer) -> None:
    text = "U.N. Security Council, U.N. General Assembly and U.N. envoy in east Aleppo"
    matches = recognizer.find(text)
    assert [m.concept.id for m in matches] == [
        "un-security-council",
        "un-general-assembly",
        "united-nations",
        "east-aleppo",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))


def _concept(concept_id: str, *terms: str, case_sensitive: bool = True) -> Concept:
    return Concept(
        id=concept_id,
        kind=Kind.place,
        source=SourceTerms(terms[0], terms[1:], case_sensitive),
        targets={"tr": TargetTerms("tr", concept_id.upper())},
    )


def test_case_insensitive_entry_matches_any_case_and_sensitive_one_does_not() -> None:
    glossary = make_glossary(
        [_concept("nato", "NATO", case_sensitive=False), _concept("gaza", "Gaza")]
    )
    recognizer = Recognizer(glossary)
    assert [m.concept.id for m in recognizer.find("Nato and nato and NATO")] == ["nato"] * 3
    assert [m.text for m in recognizer.find("Gaza, GAZA, gaza, gAZA")] == ["Gaza", "GAZA"]


def test_empty_glossary_and_empty_text() -> None:
    assert Recognizer(make_glossary([])).find("Aleppo") == []
    assert Recognizer(make_glossary([_concept("gaza", "Gaza")])).find("") == []


def test_describe_terms_lists_each_concept_once_in_text_order(recognizer: Recognizer) -> None:
    matches = recognizer.find("Assad’s army took Aleppo, and Assad said Aleppo was won.")
    assert describe_terms(matches) == [
        "Glossary: Bashar al-Assad [person: bashar-al-assad]",
        "Glossary: Aleppo [place: aleppo]",
    ]
    assert describe_terms(matches, "tr") == [
        "Glossary: Bashar al-Assad → Beşşar Esad",
        "Glossary: Aleppo → Halep",
    ]
    assert describe_terms(matches, "ar") == [
        "Glossary: Bashar al-Assad → بشار الأسد",
        "Glossary: Aleppo → حلب",
    ]


def test_describe_terms_says_when_a_language_has_no_entry() -> None:
    concept = _concept("gaza", "Gaza")
    match = TermMatch(concept, 0, 4, "Gaza")
    assert describe_terms([match], "ru") == ["Glossary: Gaza → (no ru entry)"]
    assert describe_terms([], "ru") == []
