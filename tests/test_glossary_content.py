"""The project's glossary: it validates, covers every name in the seed, and spells them right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from translate.config import load_config
from translate.glossary import load_glossary, read_glossary
from translate.glossary.model import Glossary
from translate.glossary.recognize import Recognizer

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = REPO / "glossary"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


def test_glossary_validates_for_the_configured_languages() -> None:
    config = load_config(REPO)
    report = read_glossary(GLOSSARY, "glossary", target_languages=config.target_languages)
    assert [str(problem) for problem in report.problems] == []
    assert report.glossary is not None
    assert report.glossary.languages == ("ar", "tr", "ru")


@pytest.mark.parametrize("path", sorted(GLOSSARY.glob("*.yaml")), ids=lambda p: p.name)
def test_every_file_conforms_to_the_json_schema(path: Path) -> None:
    schema = json.loads((GLOSSARY / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text()))
    assert [error.message for error in errors] == []


def test_every_concept_has_a_note_and_every_rendering_a_source(glossary: Glossary) -> None:
    for concept in glossary:
        assert concept.note, concept.id
        assert set(concept.targets) == {"ar", "tr", "ru"}, concept.id
        for target in concept.targets.values():
            assert target.source, (concept.id, target.language)
            assert target.grammar, (concept.id, target.language)


# Every name the issue lists, as it is written there, names exactly one concept.
ISSUE_NAMES = {
    "Jabha Shamiya": "jabha-shamiya",
    "Nour al-Din al-Zinki": "nour-al-din-al-zinki",
    "Zinki": "nour-al-din-al-zinki",
    "Fastaqim": "fastaqim",
    "Aleppo": "aleppo",
    "east Aleppo": "east-aleppo",
    "Old Aleppo": "old-aleppo",
    "Idlib": "idlib",
    "Damascus": "damascus",
    "al-Bab": "al-bab",
    "Sheikh Saeed": "sheikh-saeed",
    "Saliheen": "saliheen",
    "al-Hamdaniya": "al-hamdaniya",
    "Dar al-Islam cemetery": "dar-al-islam-cemetery",
    "Ibn Sina street": "ibn-sina-street",
    "Geneva": "geneva",
    "Paris": "paris",
    "Massachusetts": "massachusetts",
    "Moscow": "moscow",
    "Washington": "washington",
    "Syria": "syria",
    "Russia": "russia",
    "Turkey": "turkey",
    "Iran": "iran",
    "Bashar al-Assad": "bashar-al-assad",
    "Assad": "bashar-al-assad",
    "Sergei Lavrov": "sergei-lavrov",
    "Sergei Rudskoi": "sergei-rudskoi",
    "Staffan de Mistura": "staffan-de-mistura",
    "John Kerry": "john-kerry",
    "Mark Toner": "mark-toner",
    "Mevlut Cavusoglu": "mevlut-cavusoglu",
    "Zakaria Malahifji": "zakaria-malahifji",
    "Maher Tashtash": "maher-tashtash",
    "Reuters": "reuters",
    "RIA": "ria-novosti",
    "the Observatory": "syrian-observatory",
    "UNESCO": "unesco",
    "U.N. Security Council": "un-security-council",
    "General Assembly": "un-general-assembly",
    "European Union": "european-union",
    "Islamic State": "islamic-state",
    "State Department": "state-department",
    "Russian Defense Ministry": "russian-defense-ministry",
    "U.N.": "united-nations",
}


@pytest.mark.parametrize(("name", "concept_id"), ISSUE_NAMES.items())
def test_every_name_of_the_issue_is_one_concept(
    glossary: Glossary, name: str, concept_id: str
) -> None:
    (match,) = Recognizer(glossary).find(name)
    assert (match.text, match.concept.id) == (name, concept_id)


# The concepts each seed segment names, in text order (segments without names omitted).
SEED_CONCEPTS = [
    ("ALEPPO, Syria/BEIRUT", ["aleppo", "syria", "beirut", "reuters", "aleppo", "bashar-al-assad"]),
    ("“The advance is going", ["reuters"]),
    ("The Syrian army and its allies had", ["east-aleppo"]),
    ("Reuters journalists, rebels", ["reuters"]),
    ("Russia’s Foreign Minister", ["russia", "sergei-lavrov", "ria-novosti"]),
    ("The army and its allies tried", ["jabha-shamiya"]),
    ("During a tour of Old Aleppo", ["old-aleppo", "reuters"]),
    ("The Russian air force", ["iran", "aleppo"]),
    (
        "Russian Defense Ministry official",
        ["russian-defense-ministry", "sergei-rudskoi", "east-aleppo"],
    ),
    ("Syrian government and allied", ["syria"]),
    ("The rebels have controlled", ["bashar-al-assad", "aleppo"]),
    ("The Syrian government now appears", ["bashar-al-assad"]),
    ("Outside of Aleppo", ["aleppo", "damascus", "idlib"]),
    ("But there was no sign", ["aleppo"]),
    ("“There are aerial raids", ["nour-al-din-al-zinki", "east-aleppo", "reuters"]),
    ("In Old Aleppo, newly", ["old-aleppo", "unesco"]),
    ("Dozens of displaced", ["saliheen"]),
    ("Maher Tashtash, aged nine", ["maher-tashtash"]),
    ("His brother Mohammed", ["mohammed"]),
    ("In the Dar al-Islam", ["dar-al-islam-cemetery", "ibn-sina-street", "al-hamdaniya"]),
    ("The United Nations estimates", ["united-nations", "aleppo"]),
    ("In rebel-held Aleppo", ["aleppo", "reuters", "sheikh-saeed", "syrian-observatory"]),
    ("Fighting also took place", ["aleppo", "turkey", "islamic-state"]),
    ("Turkish-backed rebels", ["islamic-state", "al-bab", "mevlut-cavusoglu"]),
    ("Moscow and Washington", ["moscow", "washington", "east-aleppo"]),
    ("Russia also wants", ["russia", "united-states"]),
    (
        "U.N. envoy to Syria",
        ["united-nations", "syria", "staffan-de-mistura", "un-security-council", "aleppo"],
    ),
    ("“There are no negotiations", ["zakaria-malahifji", "aleppo", "fastaqim", "turkey"]),
    (
        "U.S. and Russian officials",
        ["united-states", "geneva", "aleppo", "state-department", "mark-toner"],
    ),
    ("The talks will focus", ["mark-toner"]),
    ("U.S. Secretary of State", ["united-states", "john-kerry", "syria"]),
    (
        "Go home and have",
        ["massachusetts", "john-kerry", "united-states", "paris", "state-department"],
    ),
    ("“What is happening in Aleppo", ["aleppo", "syria", "world-war-two"]),
    ("The U.N. General Assembly voted", ["un-general-assembly", "syria", "aleppo"]),
    ("General Assembly resolutions", ["un-general-assembly"]),
    ("The European Union said", ["european-union", "aleppo"]),
    ("The U.N. human rights office", ["un-human-rights-office", "east-aleppo"]),
]


def test_recognizer_finds_the_expected_concepts_in_every_seed_segment(
    glossary: Glossary, seed_segments: list[str]
) -> None:
    recognizer = Recognizer(glossary)
    expected = dict(SEED_CONCEPTS)
    found: dict[str, list[str]] = {}
    for segment in seed_segments:
        ids = [match.concept.id for match in recognizer.find(segment)]
        prefixes = [prefix for prefix in expected if segment.startswith(prefix)]
        assert len(prefixes) <= 1, segment
        if prefixes:
            found[prefixes[0]] = ids
        else:
            assert ids == [], segment
    assert found == expected


def test_every_concept_of_the_glossary_occurs_in_the_seed(glossary: Glossary) -> None:
    used = {concept_id for _, ids in SEED_CONCEPTS for concept_id in ids}
    assert {concept.id for concept in glossary} == used


# Letter-perfect spellings the issue names, and the renderings it forbids.
SPELLINGS = [
    ("idlib", "tr", "İdlib"),
    ("damascus", "tr", "Şam"),
    ("aleppo", "tr", "Halep"),
    ("mevlut-cavusoglu", "tr", "Mevlüt Çavuşoğlu"),
    ("jabha-shamiya", "tr", "Şam Cephesi"),
    ("nour-al-din-al-zinki", "tr", "Nureddin Zengi Hareketi"),
    ("fastaqim", "tr", "Fastakim"),
    ("islamic-state", "tr", "DEAŞ"),
    ("reuters", "tr", "Reuters"),
    ("jabha-shamiya", "ar", "الجبهة الشامية"),
    ("nour-al-din-al-zinki", "ar", "حركة نور الدين الزنكي"),
    ("aleppo", "ar", "حلب"),
    ("damascus", "ar", "دمشق"),
    ("idlib", "ar", "إدلب"),
    ("islamic-state", "ar", "تنظيم الدولة الإسلامية"),
    ("aleppo", "ru", "Алеппо"),
    ("damascus", "ru", "Дамаск"),
    ("sergei-lavrov", "ru", "Сергей Лавров"),
    ("jabha-shamiya", "ru", "Левантийский фронт"),
    ("nour-al-din-al-zinki", "ru", "Нур ад-Дин аз-Зинки"),
    ("fastaqim", "ru", "Фастаким"),
    ("islamic-state", "ru", "Исламское государство"),
]


@pytest.mark.parametrize(("concept_id", "language", "preferred"), SPELLINGS)
def test_preferred_spelling(
    glossary: Glossary, concept_id: str, language: str, preferred: str
) -> None:
    assert glossary.concept(concept_id).targets[language].preferred == preferred


@pytest.mark.parametrize(
    ("concept_id", "language", "deprecated"),
    [
        ("idlib", "tr", "Idlib"),
        ("aleppo", "ru", "Халеб"),
        ("aleppo", "tr", "Aleppo"),
        ("jabha-shamiya", "tr", "Levant Cephesi"),
        ("jabha-shamiya", "ru", "Фронт Леванта"),
        ("fastaqim", "tr", "Fastaqim"),
        ("mevlut-cavusoglu", "tr", "Mevlut Cavusoglu"),
        ("nour-al-din-al-zinki", "ru", "Нур аль-Дин аль-Зинки"),
    ],
)
def test_forbidden_rendering(
    glossary: Glossary, concept_id: str, language: str, deprecated: str
) -> None:
    assert deprecated in glossary.concept(concept_id).targets[language].deprecated


def test_russian_declension_and_turkish_suffix_data(glossary: Glossary) -> None:
    russian = {concept.id: concept.targets["ru"] for concept in glossary}
    assert russian["aleppo"].indeclinable
    assert russian["unesco"].indeclinable
    assert not russian["idlib"].indeclinable
    assert not russian["damascus"].indeclinable
    assert "Левантийского фронта" in russian["jabha-shamiya"].grammar
    assert "Объединённых" in russian["united-nations"].forms[0]
    turkish = {concept.id: concept.targets["tr"] for concept in glossary}
    assert turkish["reuters"].do_not_translate and turkish["reuters"].pronunciation == "Roytırs"
    assert turkish["united-nations"].reading("BM") == "be-me"
    assert not turkish["united-nations"].apostrophe
    assert turkish["aleppo"].apostrophe and "Halep'te" in turkish["aleppo"].grammar


def test_islamic_state_russian_legal_phrase_is_a_note_not_the_term(glossary: Glossary) -> None:
    russian = glossary.concept("islamic-state").targets["ru"]
    phrase = "запрещённая в России террористическая организация"
    assert phrase in russian.note
    assert all("запрещ" not in text for text in russian.accepted())


ARABIC = re.compile(r"^[\u0600-\u06FF ]+$")
CYRILLIC = re.compile(r"^[\u0400-\u04FF «»\-]+$")
# Turkish spelling: no q, w, x; Latin forms kept as they are are marked do-not-translate.
TURKISH = re.compile(r"^[a-pr-vyzçğıöşüâîûA-PR-VYZÇĞİÖŞÜÂÎÛ '\-]+$")


def test_renderings_are_in_the_script_of_their_language(glossary: Glossary) -> None:
    for concept in glossary:
        for text in concept.targets["ar"].accepted():
            assert ARABIC.match(text), (concept.id, text)
        russian = concept.targets["ru"]
        for text in (russian.preferred, *russian.forms):
            assert CYRILLIC.match(text), (concept.id, text)
        turkish = concept.targets["tr"]
        if not turkish.do_not_translate:
            for text in (turkish.preferred, *turkish.forms):
                assert TURKISH.match(text), (concept.id, text)
