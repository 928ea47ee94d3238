"""First mentions: the first-reference form and the required label, table-driven per language.

`cases-first-<language>.tsv` holds short articles (rows sharing the first column, in source
order). On each entry the first-mention rules reported must be exactly the ones the table
names: a short form or a missing label at the first mention is flagged, whatever form the
English used, and a correct first mention and every later mention are clean.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from tests.support.cli import run_translate
from translate.catalog import Catalog, Include, Message
from translate.check.index import GlossaryIndex
from translate.check.reference import FIRST_REFERENCE, LABEL, PhraseMatcher, article_order
from translate.check.runner import check_catalog
from translate.glossary import load_glossary

DATA = Path(__file__).parent / "data" / "check"
LANGUAGES = ("ar", "tr", "ru")
RULES = {FIRST_REFERENCE, LABEL}


@dataclass(frozen=True)
class Case:
    article: str
    expected: frozenset[str]
    source: str
    translation: str


def load_cases(language: str) -> list[Case]:
    cases = []
    for line in (DATA / f"cases-first-{language}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            article, expected, source, translation = line.split("\t")
            rules = frozenset() if expected == "ok" else frozenset(expected.split(","))
            assert rules <= RULES, line
            cases.append(Case(article, rules, source, translation))
    return cases


@pytest.fixture(scope="module")
def index() -> GlossaryIndex:
    return GlossaryIndex(load_glossary(DATA / "first-mention"))


def catalog_of(cases: list[Case], language: str) -> Catalog:
    """One catalog holding every article: each entry refers to its article's file and line."""
    catalog = Catalog(header=[("Language", language)])
    lines: dict[str, int] = {}
    for number, case in enumerate(cases):
        lines[case.article] = lines.get(case.article, 0) + 1
        reference = f"{case.article}.txt:{lines[case.article]}"
        catalog.messages.append(
            Message(case.source, case.translation, references=[reference], line=number)
        )
    return catalog


def reported(catalog: Catalog, language: str, index: GlossaryIndex) -> list[set[str]]:
    findings, _ = check_catalog(catalog, language, file="cases", glossary=index)
    rules: list[set[str]] = [set() for _ in catalog.messages]
    for finding in findings:
        if finding.rule in RULES:
            assert finding.line is not None
            rules[finding.line].add(finding.rule)
    return rules


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_mentions_are_flagged_exactly_as_the_table_says(language, index):
    cases = load_cases(language)
    found = reported(catalog_of(cases, language), language, index)
    wrong = [
        f"{case.article}: {case.translation!r} → {sorted(rules)}, expected {sorted(case.expected)}"
        for case, rules in zip(cases, found, strict=True)
        if rules != case.expected
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_cover_both_rules_and_clean_texts(language):
    cases = load_cases(language)
    assert sum(FIRST_REFERENCE in case.expected for case in cases) >= 3
    assert sum(LABEL in case.expected for case in cases) >= 2
    assert sum(not case.expected for case in cases) >= 12
    assert len({(case.article, case.translation) for case in cases}) == len(cases), "duplicate"


def test_order_is_the_source_order_not_the_file_order(index):
    """The entry at the earlier source line is the first mention, wherever the file puts it."""
    short = Message(
        "The Observatory said fighting went on.",
        "Обсерватория сообщила, что бои продолжаются.",
        references=["a.txt:9"],
        line=0,
    )
    full = Message(
        "The Observatory said forces advanced.",
        "Сирийская обсерватория по правам человека сообщила о продвижении войск.",
        references=["a.txt:2"],
        line=1,
    )
    catalog = Catalog(header=[("Language", "ru")], messages=[short, full])
    assert reported(catalog, "ru", index) == [set(), set()]
    assert article_order([short, full]) == [[1, 0]]
    # Entries of two source files are two articles; without references, the file's order.
    other = Message("x", "y", references=["b.txt:1", "a.txt:5"])
    bare = Message("z", "w")
    assert article_order([short, full, other, bare]) == [[1, 2, 0], [2], [3]]


def test_drafts_count_only_when_drafts_are_checked(index):
    """A fuzzy entry is not in the reviewed article: a reviewed short form after it is the
    first mention there, but not when the drafts are read as well."""
    draft = Message(
        "The Observatory said forces advanced.",
        "Сирийская обсерватория по правам человека сообщила о продвижении войск.",
        flags=["fuzzy"],
        references=["a.txt:1"],
        line=0,
    )
    reviewed = Message(
        "The Observatory said fighting went on.",
        "Обсерватория сообщила, что бои продолжаются.",
        references=["a.txt:2"],
        line=1,
    )
    catalog = Catalog(header=[("Language", "ru")], messages=[draft, reviewed])

    def rules(include: Include) -> list[str]:
        findings, _ = check_catalog(catalog, "ru", file="c", glossary=index, include=include)
        return [finding.rule for finding in findings]

    assert rules(Include.reviewed) == [FIRST_REFERENCE]
    assert rules(Include.all) == []


@pytest.mark.parametrize(
    ("language", "phrases", "text", "found"),
    [
        ("ru", ["запрещённая в России"], "группировки, запрещённой в России,", True),
        ("ru", ["(запрещена в РФ)"], "«Исламское государство» (запрещено в РФ)", True),
        ("ru", ["(запрещена в РФ)"], "запрещенной в РФ", True),  # е for ё
        ("ru", ["запрещённая в России"], "в России запрещённая", False),
        ("ru", ["глава МИД"], "главой МИД России", True),
        # The legal label in its three usual variants, each in other cases and numbers.
        (
            "ru",
            ["террористическая организация, запрещённая в РФ"],
            "террористическими организациями, запрещёнными в РФ",
            True,
        ),
        (
            "ru",
            ["террористическая организация, запрещённая в РФ"],
            "организация, запрещённая в РФ",
            False,
        ),
        ("ru", ["запрещённая в России"], "о запрещённой в России группировке", True),
        ("ru", ["(запрещена в РФ)"], "(запрещены в РФ)", True),
        ("ru", ["запрещённая в России"], "запрещённая в Турции", False),
        ("tr", ["terör örgütü"], "terör örgütünün", True),
        ("tr", ["terör örgütü"], "Terör Örgütü'ne", True),
        ("tr", ["terör örgütü"], "terörist örgütü", False),
        ("ar", ["وزير الخارجية"], "ووزير الخارجية", True),
        ("ar", ["الرئيس"], "للرئيس", True),
        ("ar", ["وزير الخارجية"], "وزيرة الخارجية", False),
        ("fr", ["ministre"], "le Ministre", True),
    ],
)
def test_labels_match_in_any_inflected_form(language, phrases, text, found):
    assert PhraseMatcher(language, phrases).search(text) is found


PO = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

{comment}#: article.txt:3
msgid "Islamic State fighters fled the town."
msgstr "Боевики «Исламского государства» бежали из города."
"""


@pytest.mark.parametrize(
    ("comment", "suppressed"),
    [
        ("", False),
        ("# check: ignore glossary-label=islamic-state\n", True),
        ("# check: ignore glossary=islamic-state\n", True),
        ("# check: ignore glossary-label=sergei-lavrov\n", False),
    ],
)
def test_a_finding_is_suppressed_as_for_the_other_rules(tmp_path, comment, suppressed):
    shutil.copytree(DATA / "first-mention", tmp_path / "glossary")
    path = tmp_path / "ru.po"
    path.write_text(PO.format(comment=comment), encoding="utf-8")
    assert polib.pofile(str(path))  # a valid catalog
    result = run_translate(
        "check", "ru.po", "--glossary", "glossary", "--format", "json", "-q", cwd=tmp_path
    )
    assert result.returncode == (0 if suppressed else 1), result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["concept"]) == (LABEL, "islamic-state")
    assert finding["suppressed"] is suppressed


# The project's glossary: the reviewers' findings on the reference catalogs are these rules'.

OBSERVATORY = (
    "In rebel-held Aleppo, a Reuters journalist said there were intense clashes on Friday in "
    "Sheikh Saeed district in the south of the eastern sector, where the Observatory and a "
    "Syrian military source said government forces advanced on Thursday."
)
ISLAMIC_STATE = (
    "Fighting also took place northeast of Aleppo, where Turkey has intervened to support "
    "rebels against both Islamic State fighters and Kurdish groups."
)
RUDSKOI = (
    "Russian Defense Ministry official Sergei Rudskoi said on Friday up to 10,500 Syrian "
    "citizens had fled parts of east Aleppo still controlled by rebels in the last 24 hours."
)


@pytest.mark.parametrize(
    ("language", "source", "before", "after", "rule", "concept"),
    [
        (
            "ar",
            OBSERVATORY,
            "حيث قال المرصد ومصدر عسكري سوري إن القوات الحكومية تقدمت في حلب.",
            "حيث قال المرصد السوري لحقوق الإنسان ومصدر عسكري سوري إن القوات الحكومية تقدمت في حلب.",
            FIRST_REFERENCE,
            "syrian-observatory",
        ),
        (
            "tr",
            OBSERVATORY,
            "Halep'te Gözlemevi ve Suriyeli bir askerî kaynak, hükümet güçlerinin ilerlediğini "
            "bildirdi.",
            "Halep'te Suriye İnsan Hakları Gözlemevi ve Suriyeli bir askerî kaynak, hükümet "
            "güçlerinin ilerlediğini bildirdi.",
            FIRST_REFERENCE,
            "syrian-observatory",
        ),
        (
            "ru",
            ISLAMIC_STATE,
            "Бои шли к северо-востоку от Алеппо, где Турция поддерживает повстанцев в борьбе с "
            "боевиками «Исламского государства».",
            "Бои шли к северо-востоку от Алеппо, где Турция поддерживает повстанцев в борьбе с "
            "боевиками запрещённой в России террористической группировки «Исламское государство».",
            LABEL,
            "islamic-state",
        ),
        (
            "ru",
            RUDSKOI,
            "Представитель Министерства обороны России Сергей Рудской заявил, что из восточного "
            "Алеппо бежали до 10 500 сирийских граждан.",
            "Начальник Главного оперативного управления Генштаба Минобороны России Сергей Рудской "
            "заявил, что из восточного Алеппо бежали до 10 500 сирийских граждан.",
            LABEL,
            "sergei-rudskoi",
        ),
    ],
)
def test_the_project_glossary_flags_what_the_native_reviewers_found(
    language, source, before, after, rule, concept
):
    index = GlossaryIndex(load_glossary(DATA.parent.parent.parent / "glossary"))

    def first_mention_findings(translation: str) -> list[tuple[str, str | None]]:
        catalog = Catalog(
            header=[("Language", language)],
            messages=[Message(source, translation, references=["a.txt:1"], line=0)],
        )
        findings, _ = check_catalog(catalog, language, file="c", glossary=index)
        return [(f.rule, f.concept) for f in findings if f.rule in RULES]

    assert first_mention_findings(before) == [(rule, concept)]
    assert first_mention_findings(after) == []


SHORT_FIRST = """\
msgid ""
msgstr ""
"Language: {language}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

{comment}#: article.txt:3
msgid "The Observatory said fighting went on."
msgstr "{translation}"
"""


@pytest.mark.parametrize("language", ["ar", "tr"])
@pytest.mark.parametrize(
    ("comment", "suppressed"),
    [
        ("", False),
        ("# check: ignore glossary-first-reference=syrian-observatory\n", True),
        ("# check: ignore glossary-first-reference\n", True),
        ("# check: ignore glossary-label=syrian-observatory\n", False),
    ],
)
def test_a_short_first_mention_is_suppressed_as_for_the_other_rules(
    tmp_path, language, comment, suppressed
):
    translation = {
        "ar": "قال المرصد إن القتال استمر.",
        "tr": "Gözlemevi, çatışmaların sürdüğünü bildirdi.",
    }
    shutil.copytree(DATA / "first-mention", tmp_path / "glossary")
    path = tmp_path / f"{language}.po"
    text = SHORT_FIRST.format(language=language, comment=comment, translation=translation[language])
    path.write_text(text, encoding="utf-8")
    result = run_translate(
        "check", path.name, "--glossary", "glossary", "--format", "json", "-q", cwd=tmp_path
    )
    assert result.returncode == (0 if suppressed else 1), result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["concept"]) == (FIRST_REFERENCE, "syrian-observatory")
    assert finding["suppressed"] is suppressed
