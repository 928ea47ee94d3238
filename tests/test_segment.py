import json
from pathlib import Path

import pytest

from translate.segment import segment_document, split_sentences
from translate.source import read_document

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((DATA / "golden-rules-en.json").read_text(encoding="utf-8"))["cases"]
SEED_SEGMENTS = (DATA / "aleppo-offensive.segments.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", GOLDEN, ids=[case["text"][:40] for case in GOLDEN])
def test_golden_rules(case):
    assert split_sentences(case["text"]) == case["sentences"]


def test_golden_rules_are_the_48_english_cases():
    assert len(GOLDEN) == 48


def test_seed_segments_exactly_as_reviewed():
    document = read_document(REPO / "seeds" / "aleppo-offensive.txt")
    assert [segment.text for segment in segment_document(document)] == SEED_SEGMENTS


def test_seed_paragraphs_are_given_back_by_their_segments():
    document = read_document(REPO / "seeds" / "aleppo-offensive.txt")
    for paragraph in document.paragraphs:
        assert " ".join(split_sentences(paragraph.text)) == paragraph.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Closing quotes stay with their sentence.
        (
            "“My milk is dry from fear and panic.” Dozens of civilians had gathered.",
            ["“My milk is dry from fear and panic.”", "Dozens of civilians had gathered."],
        ),
        (
            "They will stay and face things.” U.S. officials will meet on Saturday.",
            ["They will stay and face things.”", "U.S. officials will meet on Saturday."],
        ),
        (
            "It’s horrible.” The U.N. General Assembly voted 122 to 13.",
            ["It’s horrible.”", "The U.N. General Assembly voted 122 to 13."],
        ),
        (
            "«Nothing has changed.» The official left.",
            ["«Nothing has changed.»", "The official left."],
        ),
        # A quoted question or exclamation followed by its attribution is one sentence.
        (
            "Go home while people are dying?” Kerry said at the U.S. embassy in Paris.",
            ["Go home while people are dying?” Kerry said at the U.S. embassy in Paris."],
        ),
        (
            "“What now?” she asked. Nobody answered.",
            ["“What now?” she asked.", "Nobody answered."],
        ),
        (
            "“Enough!” the Syrian military source told Reuters.",
            ["“Enough!” the Syrian military source told Reuters."],
        ),
        # ... but a quoted question followed by a new sentence splits.
        (
            "“Who is there?” Nobody answered the door.",
            ["“Who is there?”", "Nobody answered the door."],
        ),
        # Abbreviations do not split.
        ("U.S. and Russian officials met.", ["U.S. and Russian officials met."]),
        ("The U.N. envoy spoke to the U.S. delegation.", None),
        ("Lt. Gen. Sergei Rudskoi said so.", None),
        ("The attack began at 5 a.m. on Friday.", None),
        (
            "At 5 a.m. Mr. Smith went to the bank. He left.",
            ["At 5 a.m. Mr. Smith went to the bank.", "He left."],
        ),
        ("He was ranked No. 1 in the region.", None),
        ("The talks open on Jan. 23 in Geneva.", None),
        ("John F. Kennedy and J. R. R. Tolkien met.", None),
        ("Staffan de Mistura told the Security Council.", None),
        ("It cost $10.5 million, officials said.", None),
        (
            "Turkish-backed rebels closed in on al-Bab. Moscow spoke.",
            ["Turkish-backed rebels closed in on al-Bab.", "Moscow spoke."],
        ),
        ("... what am I supposed to do?", None),
    ],
)
def test_news_cases(text, expected):
    assert split_sentences(text) == (expected if expected is not None else [text])


@pytest.mark.parametrize(
    "text",
    [case["text"] for case in GOLDEN] + ["  Spaces   inside\tare   kept as written.  Next one.  "],
)
def test_nothing_is_lost(text):
    assert " ".join(split_sentences(text)).split() == text.split()


def test_blank_paragraph_has_no_sentences():
    assert split_sentences("   ") == []
