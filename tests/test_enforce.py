"""Glossary enforcement: names protected through MT and put back in their approved forms."""

import pytest

from tests.support.cli import REPO
from translate.enforce import protect, restore
from translate.glossary import load_glossary
from translate.glossary.recognize import Recognizer

GLOSSARY = load_glossary(REPO / "glossary")
RECOGNIZER = Recognizer(GLOSSARY)
SOURCE = "Fighting in Aleppo and Idlib, the Jabha Shamiya rebel group said in Damascus."


def protected(language: str, source: str = SOURCE):
    return protect(source, RECOGNIZER.find(source), language)


def test_names_become_numbers_absent_from_the_segment():
    item = protected("tr", "Up to 701 people fled Aleppo, 702 reached Idlib.")
    assert item.text == "Up to 701 people fled 703, 702 reached 704."
    assert [slot.concept.id for slot in item.slots] == ["aleppo", "idlib"]


def test_a_dotted_name_ending_the_sentence_keeps_the_full_stop():
    item = protected("ru", "The envoy spoke to the U.N.")
    assert item.text == "The envoy spoke to the 701."
    restored = restore("Посланник выступил в 701.", item, "ru")
    assert restored.text == "Посланник выступил в ООН."
    inside = protected("ru", "The U.N. envoy spoke.")
    assert inside.text == "The 701 envoy spoke."


def test_names_without_a_rendering_in_the_language_stay_as_they_are():
    item = protected("fr")
    assert item.text == SOURCE and item.slots == ()


@pytest.mark.parametrize(
    ("language", "output", "expected"),
    [
        # Turkish: the suffix the model put on the number is re-realised for the name.
        (
            "tr",
            "701'de ve 702'ye çatışma, 703'nin grubu 704'ta dedi.",
            "Halep'te ve İdlib'e çatışma, Şam Cephesinin grubu Şam'da dedi.",
        ),
        ("tr", "701, 702, 703 ve 704.", "Halep, İdlib, Şam Cephesi ve Şam."),
        ("tr", "701’den 702'deki 703'e 704'a", "Halep'ten İdlib'deki Şam Cephesine Şam'a"),
        # Arabic: proclitics on the number go onto the name; ل + ال contracts to لل.
        (
            "ar",
            "قتال في 701 وب702 ، قالت ل703 في ٧٠٤",
            "قتال في حلب وبإدلب ، قالت للجبهة الشامية في دمشق",
        ),
        ("ar", "و 701 و702 وال703 ب704", "وحلب وإدلب والجبهة الشامية بدمشق"),
        # Russian: a preposition's case inflects declinable names; Алеппо never declines.
        (
            "ru",
            "Бои в 701 и из 702, сообщила группа 703 в 704.",
            "Бои в Алеппо и из Идлиба, сообщила группа Левантийский фронт в Дамаске.",
        ),
        ("ru", "из 704 к 701, 702 и 703", "из Дамаска к Алеппо, Идлиб и Левантийский фронт"),
    ],
)
def test_restore_inflects_as_the_model_attached(language, output, expected):
    restored = restore(output, protected(language), language)
    assert restored.complete
    assert restored.text == expected


@pytest.mark.parametrize(
    "output",
    [
        "701'de ve 702'ye çatışma, 703 grubu dedi.",  # 704 lost
        "701 701 702 703 704",  # 701 twice: which one is the name?
        "7010 702 703 704",  # digits of a longer number are not the placeholder
    ],
)
def test_a_lost_or_ambiguous_placeholder_makes_restoration_incomplete(output):
    restored = restore(output, protected("tr"), "tr")
    assert not restored.complete
    assert restored.text == output


def test_engine_output_on_real_tiny_package_is_verified(tiny_models, monkeypatch):
    """Through a real (random-weight) model: placeholders rarely survive, so the segment is
    translated again and the glossary verification names what is missing."""
    from translate.engine import load_engine
    from translate.mt import translate_segments
    from translate.terms import GlossaryStage

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_models))
    engine = load_engine("en", "ru")
    stage = GlossaryStage(GLOSSARY)
    texts = [SOURCE, "Nothing has changed, the official said."]
    results = translate_segments(texts, "ru", engine, stage)
    assert [result.source for result in results] == texts
    first, second = results
    assert first.names == 4 and second.names == 0 and second.restored
    if first.restored:
        assert "Алеппо" in first.text and "Дамаск" in first.text
    else:
        assert first.text == engine.translate([SOURCE])[0].text
        assert any("aleppo" in problem for problem in first.problems)


# First mentions: the first-reference form where the article first names the concept

FIRST_MENTION = load_glossary(REPO / "tests" / "data" / "enforce" / "first-mention")


@pytest.mark.parametrize(
    ("language", "output", "expected"),
    [
        ("ru", "701 встретился с 702.", "Джон Керри встретился с Керри."),
        ("tr", "701, 702'la görüştü.", "John Kerry, Kerry'yle görüştü."),
        ("ar", "التقى 701 و702.", "التقى جون كيري وكيري."),
    ],
)
def test_only_the_first_mention_takes_the_first_reference_form(language, output, expected):
    source = "John Kerry met Kerry."
    matches = Recognizer(FIRST_MENTION).find(source)
    first = protect(source, matches, language, first={"john-kerry"})
    assert [slot.first for slot in first.slots] == [True, False]
    assert restore(output, first, language).text == expected
    # Not the first mention in its article: the preferred (short) form both times.
    later = protect(source, matches, language)
    assert restore(output, later, language).text == expected.replace(
        FIRST_MENTION.concept("john-kerry").targets[language].first_reference[0],
        FIRST_MENTION.concept("john-kerry").targets[language].preferred,
    )


def test_first_mentions_follow_the_source_order_and_count_translated_entries():
    """The article is the source file; an entry already translated mentions what its
    translation renders (a monitor named in full), an untranslated one what its source names."""
    from translate.catalog import Message
    from translate.terms import GlossaryStage

    stage = GlossaryStage(load_glossary(REPO / "tests" / "data" / "check" / "first-mention"))
    entries = [
        (Message("The Observatory said fighting went on.", references=["a.txt:5"]), ""),
        (
            Message("A monitor reported clashes.", references=["a.txt:2"]),
            "Сирийская обсерватория по правам человека сообщила о столкновениях.",
        ),
        (Message("SOHR said dozens were killed.", references=["b.txt:1"]), ""),
        (Message("Lavrov and the Observatory spoke.", references=["a.txt:7"]), ""),
    ]
    assert stage.first_mentions(entries, "ru") == [
        frozenset(),
        {"syrian-observatory"},
        {"syrian-observatory"},
        {"sergei-lavrov"},
    ]
    assert stage.first_mentions(entries, "fr") == [frozenset()] * 4
