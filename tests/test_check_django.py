"""`translate check` on catalogs we did not write: Django's Arabic, Russian and Turkish ones.

Every finding of the check is labelled true or false in `tests/data/django/labels.tsv`; the
check must report exactly the labelled findings, so its precision on real catalogs is tracked
(`pytest -s` prints it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_translate

DJANGO = REPO / "tests" / "data" / "django"
# Words Turkish shares with English, which Django's Turkish catalogs rightly keep.
TURKISH_WORDS = ("site", "model", "googol")

Key = tuple[str, int, str]


def labels() -> dict[Key, bool]:
    found: dict[Key, bool] = {}
    for line in (DJANGO / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, number, rule, label, _why = line.split("\t")
        assert label in ("true", "false"), line
        found[(file, int(number), rule)] = label == "true"
    return found


def findings(*options: str) -> dict[Key, dict[str, object]]:
    result = run_translate("check", "--no-glossary", "--format", "json", *options, DJANGO, cwd=REPO)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["catalogs"] == 39
    return {
        (
            Path(str(f["file"])).relative_to("tests/data/django").as_posix(),
            int(f["line"]),
            str(f["rule"]),
        ): f
        for f in report["findings"]
    }


@pytest.fixture(scope="module")
def reported() -> dict[Key, dict[str, object]]:
    return findings()


def test_the_findings_are_the_labelled_ones(reported: dict[Key, dict[str, object]]) -> None:
    expected = labels()
    assert sorted(set(reported) - set(expected)) == [], "new findings: label them"
    assert sorted(set(expected) - set(reported)) == [], "labelled findings no longer reported"
    true = [key for key in reported if expected[key]]
    errors = [key for key, f in reported.items() if f["severity"] == "error"]
    true_errors = [key for key in errors if expected[key]]
    print(
        f"\nDjango ar/ru/tr: {len(reported)} findings, {len(true)} true: precision "
        f"{len(true) / len(reported):.2f}; errors {len(true_errors)}/{len(errors)} true"
    )
    # Every error is a real problem; the false findings are warnings (Turkish, a Latin script).
    assert true_errors == errors
    assert all(reported[key]["severity"] == "warning" for key in reported if not expected[key])


def test_the_true_problems_are_still_found(reported: dict[Key, dict[str, object]]) -> None:
    by_msgid = {(key[0].split("/")[-3], str(f["msgid"]), key[2]) for key, f in reported.items()}
    # the wrong Russian closing quote, an untranslated Russian label
    assert ("ru", "Added “%(object)s”.", "quotes") in by_msgid
    assert ("ru", "View: %(name)s", "identical") in by_msgid


@pytest.mark.parametrize(
    ("language", "msgid", "rule"),
    [
        ("ar", "“%(path)s” does not exist", "quotes"),  # CLDR's Arabic ”…“
        ("ar", "The {name} “{obj}” was added successfully.", "quotes"),
        ("ar", "0 of %(cnt)s selected", "numbers"),  # لا شيء محدد من: "none of"
        ("ar", "%(truncated_text)s…", "identical"),
        ("ru", "%(class_name)s %(instance)s", "identical"),
        ("ru", "IPv6", "identical"),
        ("ru", "URL", "identical"),
        ("tr", "GIS", "identical"),
        ("tr", "%s KB", "identical"),
        ("tr", "Interlingua", "identical"),  # CLDR's Turkish name is the same
        ("tr", "May", "identical"),  # the month, May (Mayıs) in Turkish
    ],
)
def test_no_false_alarm_of_the_kinds_reported(
    reported: dict[Key, dict[str, object]], language: str, msgid: str, rule: str
) -> None:
    catalogs = sorted(DJANGO.glob(f"**/{language}/LC_MESSAGES/*.po"))
    assert any(f'msgid "{msgid}"' in path.read_text(encoding="utf-8") for path in catalogs)
    assert (language, msgid, rule) not in {
        (key[0].split("/")[-3], f["msgid"], key[2]) for key, f in reported.items()
    }


def test_the_allow_list_silences_words_turkish_shares() -> None:
    options = [option for word in TURKISH_WORDS for option in ("--allow-identical", word)]
    expected = {key for key, true in labels().items() if true}
    assert set(findings(*options)) == expected
