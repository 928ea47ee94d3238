"""Precision and recall of `translate check` on table-driven cases, per language.

Each language has correct translations, inflected as the grammar requires (a finding on them
is a false alarm), and wrong ones (the rule named in the table must be reported). Both figures
must be 1.0. The same cases run through a Weblate-style check (the glossary's target term,
exactly, between word boundaries, case-insensitive) to show what exact matching gets wrong.
Run with `pytest -s tests/test_check_tables.py` to see the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from translate.catalog import Catalog, Message
from translate.check.index import GlossaryIndex
from translate.check.runner import check_catalog
from translate.glossary import load_glossary

DATA = Path(__file__).parent / "data" / "check"
LANGUAGES = ("ar", "tr", "ru")


@dataclass(frozen=True)
class Case:
    source: str
    translation: str
    expected: str | None  # the rule that must be reported; None for a correct translation


def load_cases(language: str) -> list[Case]:
    """`cases-<language>.tsv`: expected rule (`ok` for none), English source, translation."""
    cases = []
    for line in (DATA / f"cases-{language}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, source, translation = line.split("\t")
            cases.append(Case(source, translation, None if expected == "ok" else expected))
    return cases


@pytest.fixture(scope="module")
def index() -> GlossaryIndex:
    return GlossaryIndex(load_glossary(DATA / "glossary"))


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        wrong = self.true_positives + self.false_negatives
        return self.true_positives / wrong if wrong else 1.0


def our_verdicts(cases: list[Case], language: str, index: GlossaryIndex) -> list[set[str]]:
    """The rules `translate check` reports for each case (all rules, not only the glossary)."""
    catalog = Catalog(header=[("Language", language)])
    for number, case in enumerate(cases):
        catalog.messages.append(Message(case.source, case.translation, line=number))
    findings, _ = check_catalog(catalog, language, file="cases", glossary=index)
    rules: list[set[str]] = [set() for _ in cases]
    for finding in findings:
        assert finding.line is not None
        rules[finding.line].add(finding.rule)
    return rules


def weblate_verdicts(cases: list[Case], language: str, index: GlossaryIndex) -> list[set[str]]:
    """Weblate's "Does not follow glossary": each term of the source must have one of its
    translations in the target, and a forbidden one must not be there, both searched as
    `\\bterm\\b` with re.IGNORECASE."""
    verdicts: list[set[str]] = []
    for case in cases:
        rules: set[str] = set()
        for concept in index.glossary:
            target = concept.target(language)
            if target is None:
                continue
            if any(_exact(text, case.translation) for text in target.deprecated):
                rules.add("glossary-deprecated")
        for match in index.recognized(case.source):
            target = match.concept.target(language)
            if target is not None and not any(
                _exact(text, case.translation) for text in target.accepted()
            ):
                rules.add("glossary-missing")
        verdicts.append(rules)
    return verdicts


def _exact(term: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(term)}\b", text, re.IGNORECASE) is not None


def score(cases: list[Case], verdicts: list[set[str]], *, any_rule: bool = False) -> Score:
    result = Score()
    for case, rules in zip(cases, verdicts, strict=True):
        if case.expected is None:
            result.false_positives += bool(rules)
        elif case.expected in rules or (any_rule and rules):
            result.true_positives += 1
        else:
            result.false_negatives += 1
    return result


def test_precision_and_recall_are_one_on_every_language(index: GlossaryIndex) -> None:
    rows = []
    failures = []
    for language in LANGUAGES:
        cases = load_cases(language)
        ours = our_verdicts(cases, language, index)
        baseline = weblate_verdicts(cases, language, index)
        mine, theirs = score(cases, ours), score(cases, baseline, any_rule=True)
        positives = sum(case.expected is None for case in cases)
        rows.append(
            f"| {language} | {positives} | {len(cases) - positives} | {mine.precision:.2f} | "
            f"{mine.recall:.2f} | {theirs.precision:.2f} | {theirs.recall:.2f} | "
            f"{theirs.false_positives} | {theirs.false_negatives} |"
        )
        for case, rules in zip(cases, ours, strict=True):
            if (case.expected is None and rules) or (
                case.expected is not None and case.expected not in rules
            ):
                failures.append(
                    f"{language}: {case.translation!r} → {sorted(rules)}, "
                    f"expected {case.expected or 'no finding'}"
                )
    print(
        "\n| language | correct | wrong | precision | recall | Weblate-style precision "
        "| Weblate-style recall | its false alarms | its misses |\n"
        "|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows)
    )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_have_several_dozen_cases_each_way(language: str) -> None:
    cases = load_cases(language)
    positives = [case for case in cases if case.expected is None]
    negatives = [case for case in cases if case.expected is not None]
    assert len(positives) >= 36 and len(negatives) >= 24
    assert len({case.translation for case in cases}) == len(cases), "duplicate case"
