"""`translate glossary suggest`: the names of a new article that the glossary does not cover.

tests/data/suggest/idlib-strikes.txt is a short wire-style article written for this test: it
names eleven people, places and organizations the glossary lacks, and many it has (Idlib,
the Syrian Observatory for Human Rights, Sergei Lavrov, Moscow, the United Nations), some in
variants (`IDLIB`, `Russia’s`) or after a title; sentences open with common words
(`Residents`, `The`, `Air strikes` after the dateline).
"""

from __future__ import annotations

import json

import pytest
import yaml

from tests.support.cli import REPO, run_translate
from translate.glossary import load_glossary
from translate.glossary.recognize import Recognizer

ARTICLE = "tests/data/suggest/idlib-strikes.txt"
SEED = "seeds/aleppo-offensive.txt"
NEW_NAMES = {
    "Maarat al-Numan": "place",
    "White Helmets": "organization",
    "Khan Sheikhoun": "place",
    "Sochi": "place",
    "Raed al-Saleh": "person",
    "Hayat Tahrir al-Sham": "organization",
    "Hama": "place",
    "Saraqeb": "place",
    "Tayyip Erdogan": "person",
    "Ankara": "place",
    "Mark Cutts": "person",
}


def suggest(*args: str) -> list[dict]:
    result = run_translate("glossary", "suggest", *args, "--format", "json", "-q", cwd=REPO)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def test_new_article_gets_its_new_names_and_none_the_glossary_covers():
    found = suggest(ARTICLE)
    assert {item["term"]: item["kind"] for item in found} == NEW_NAMES
    recognizer = Recognizer(load_glossary(REPO / "glossary"))
    text = (REPO / ARTICLE).read_text(encoding="utf-8")
    known = {match.text for match in recognizer.find(text)}
    assert {"IDLIB", "Syrian Observatory for Human Rights", "Sergei Lavrov", "Moscow"} <= known
    for item in found:
        assert recognizer.find(item["term"]) == [], item["term"]  # no variant of a known term
    # Most frequent first; each occurrence once per line, with the sentence around the first.
    first = found[0]
    assert (first["term"], first["count"]) == ("Maarat al-Numan", 3)
    assert first["occurrences"] == [{"article": ARTICLE, "line": line} for line in (1, 2, 12)]
    assert first["articles"] == [ARTICLE]
    assert "town of Maarat al-Numan in Idlib" in first["context"]
    # A sentence-initial name of two words is kept (line 10 opens with Khan Sheikhoun).
    khan = next(item for item in found if item["term"] == "Khan Sheikhoun")
    assert [o["line"] for o in khan["occurrences"]] == [5, 10]


def test_the_glossary_covers_the_seed_but_for_one_name():
    """Every name of the seed is in the glossary, except the UNESCO World Heritage Site."""
    assert [item["term"] for item in suggest(SEED)] == ["World Heritage Site"]
    both = suggest(ARTICLE, SEED)
    assert {item["term"] for item in both} == {*NEW_NAMES, "World Heritage Site"}


def test_yaml_is_a_stub_to_paste_into_the_glossary(tmp_path):
    result = run_translate("glossary", "suggest", ARTICLE, "--format", "yaml", "-q", cwd=REPO)
    assert result.returncode == 0, result.stderr
    stub = yaml.safe_load(result.stdout)
    concepts = stub["concepts"]
    assert [c["en"]["term"] for c in concepts][:2] == ["Maarat al-Numan", "White Helmets"]
    assert concepts[0]["id"] == "maarat-al-numan" and concepts[0]["kind"] == "place"
    assert concepts[0]["note"].startswith(f"Suggested: 3× ({ARTICLE}:1, 2, 12)")
    for concept in concepts:
        assert {language: concept[language] for language in ("ar", "tr", "ru")} == {
            language: {"preferred": ""} for language in ("ar", "tr", "ru")
        }
    # Filled in by the editors, the stub is a glossary file the recogniser then uses.
    filled = result.stdout.replace("preferred: ''", "preferred: x")
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "new.yaml").write_text(filled, encoding="utf-8")
    glossary = load_glossary(folder)
    assert len(glossary) == len(NEW_NAMES)
    assert Recognizer(glossary).find("near Khan Sheikhoun")[0].concept.id == "khan-sheikhoun"


def test_text_lists_one_line_per_candidate_and_a_summary_on_stderr():
    result = run_translate("glossary", "suggest", ARTICLE, cwd=REPO)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(NEW_NAMES)
    assert lines[0].split()[:4] == ["3", "place", "Maarat", "al-Numan"]
    assert f"{ARTICLE}:1, 2, 12" in lines[0]
    assert result.stderr.startswith("11 candidates in 1 article not covered by glossary version")
    quiet = run_translate("glossary", "suggest", ARTICLE, "-q", cwd=REPO)
    assert quiet.stdout == result.stdout and quiet.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "translate: error: missing.txt: no such file"),
        ([ARTICLE, "--format", "xml"], "xml"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = run_translate("glossary", "suggest", *args, cwd=REPO)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_a_dateline_place_is_suggested_as_the_glossary_writes_it(tmp_path):
    """`HAMA, Syria (Reuters) -`: the recogniser matches a term in capitals, so the term
    suggested is `Hama`, a place; an abbreviation elsewhere is an organization."""
    article = tmp_path / "hama.txt"
    article.write_text(
        "HAMA, Syria (Reuters) - The SDF said on Monday that Hama was calm.\n", encoding="utf-8"
    )
    found = suggest(str(article))
    assert [(item["term"], item["kind"], item["count"]) for item in found] == [
        ("Hama", "place", 2),
        ("SDF", "organization", 1),
    ]
