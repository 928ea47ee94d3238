import json
from pathlib import Path

import polib
import pytest

from tests.support.cli import make_project, run_translate
from tests.support.segmentation import read_reference
from translate.segment import MAX_PARAGRAPH_CHARS, segment_document, split_sentences
from translate.source import read_document

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((DATA / "golden-rules-en.json").read_text(encoding="utf-8"))["cases"]
SEED_SEGMENTS = (DATA / "aleppo-offensive.segments.txt").read_text(encoding="utf-8").splitlines()
NEWS = read_reference(DATA / "news-wire.segments.txt")


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
        # A time followed by its day, month or time zone stays in the sentence.
        (
            "The convoy left at 5 a.m. Friday. It reached the border by noon.",
            ["The convoy left at 5 a.m. Friday.", "It reached the border by noon."],
        ),
        ("About 3 p.m. Wednesday, the first buses left.", None),
        ("The vote is at 10 a.m. EST (1500 GMT) on Jan. 20.", None),
        ("The market opens at 9:30 a.m. Monday through Friday.", None),
        # ... but a time that ends a sentence ends it.
        (
            "The shelling continued until 4 p.m. Then the guns fell silent.",
            ["The shelling continued until 4 p.m.", "Then the guns fell silent."],
        ),
        (
            "The talks ended shortly after 2 a.m. Both sides said progress had been made.",
            ["The talks ended shortly after 2 a.m.", "Both sides said progress had been made."],
        ),
        # A day after its month, although pysbd reads `30. … 31.` as a numbered list.
        (
            "Profits rose in the quarter ended Sept. 30. Costs fell until Jan. 31. Sales rose.",
            [
                "Profits rose in the quarter ended Sept. 30.",
                "Costs fell until Jan. 31.",
                "Sales rose.",
            ],
        ),
        # Chained company suffixes are one name.
        ("A spokesman for Syria Trading Co. Ltd., denied the report.", None),
        ("Greenfield Bros. Inc. said it would buy a rival.", None),
        ("Zenith Motors Corp. Ltd. recalled 120,000 cars.", None),
        ("Halvorsen & Co. said its chief would step down.", None),
        # An abbreviation that often ends a sentence, then a word that starts one.
        (
            "Most fled, according to the U.N. Most fled west.",
            ["Most fled, according to the U.N.", "Most fled west."],
        ),
        (
            "The plan was backed by the U.S. Others stayed away.",
            ["The plan was backed by the U.S.", "Others stayed away."],
        ),
        (
            "The firm was bought by Vantage Systems Inc. The terms were not disclosed.",
            ["The firm was bought by Vantage Systems Inc.", "The terms were not disclosed."],
        ),
        (
            "The speech was written by Carl Benton Jr. He later became an adviser.",
            ["The speech was written by Carl Benton Jr.", "He later became an adviser."],
        ),
        (
            "The summit will be held in Washington, D.C. It is the first since 2014.",
            ["The summit will be held in Washington, D.C.", "It is the first since 2014."],
        ),
        # ... followed by a name that continues it, it does not.
        ("The U.N. Development Programme and the U.S. Treasury agreed.", None),
        ("He was born in Baltimore, Md., and grew up in St. Louis.", None),
        # A street ends a sentence; a saint does not.
        (
            "The hotel is on Main St. Police cordoned off the area.",
            ["The hotel is on Main St.", "Police cordoned off the area."],
        ),
        ("Prayers were held at St. Mary's Church.", None),
        # Sentences inside a quotation are sentences.
        (
            '"I saw the planes. They came one after another," said Ali. "We hid."',
            ['"I saw the planes.', 'They came one after another," said Ali.', '"We hid."'],
        ),
        (
            "“He told me: ‘Don’t come back.’ So I stayed away,” she said.",
            ["“He told me: ‘Don’t come back.’", "So I stayed away,” she said."],
        ),
        (
            'He called the attack "cowardly." "We will find those responsible."',
            ['He called the attack "cowardly."', '"We will find those responsible."'],
        ),
        # ... but an initial or a title inside one is not an end.
        (
            "“John F. Kennedy was shot here. Gen. Avery saw it,” he said.",
            [
                "“John F. Kennedy was shot here.",
                "Gen. Avery saw it,” he said.",
            ],
        ),
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


def test_news_set_scores_at_least_98_percent():
    produced = [(split_sentences(" ".join(paragraph)), paragraph) for paragraph in NEWS]
    missed = [(got, expected) for got, expected in produced if got != expected]
    assert len(NEWS) >= 100
    assert (len(NEWS) - len(missed)) / len(NEWS) >= 0.98, missed


def test_news_paragraphs_are_given_back_by_their_segments():
    for paragraph in NEWS:
        text = " ".join(paragraph)
        assert " ".join(split_sentences(text)) == text


def test_a_long_paragraph_is_cut_only_where_a_sentence_surely_ends():
    sentences = [sentence for paragraph in NEWS for sentence in paragraph]
    text = " ".join(sentences)
    assert len(text) > 10 * MAX_PARAGRAPH_CHARS
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    "text",
    [
        # No full stop at all: cut at spaces, nothing lost.
        " ".join(["civilians"] * 5000),
        # A word longer than the limit is kept whole.
        "It read " + "x" * (3 * MAX_PARAGRAPH_CHARS) + " and then stopped. Nothing followed.",
        # Abbreviations and initials only: no safe point to cut at.
        " ".join(["U.S. Gen. J. R. Smith and Co. officials"] * 500),
    ],
    ids=["no-stops", "giant-word", "abbreviations-only"],
)
def test_a_long_paragraph_without_safe_points_is_given_back(text):
    segments = split_sentences(text)
    assert " ".join(segments) == text
    assert all(len(s) <= MAX_PARAGRAPH_CHARS or " " not in s.strip(".") for s in segments)


def test_extract_segments_a_megabyte_paragraph(tmp_path):
    """pysbd alone takes quadratic time (200 KB: 19 s); the cut pieces take linear time."""
    sentences = [sentence for paragraph in NEWS for sentence in paragraph]
    block = " ".join(sentences)
    paragraph = " ".join([block] * (1_000_000 // len(block) + 1))
    project = make_project(tmp_path, sources={"huge.txt": paragraph + "\n"})
    # Generous for linear time on a loaded machine; quadratic time would need hours.
    result = run_translate("extract", cwd=project, timeout=600)
    assert result.returncode == 0, result.stderr
    pot = polib.pofile(str(project / "locales" / "huge.pot"))
    assert [entry.msgid for entry in pot] == list(dict.fromkeys(sentences))
