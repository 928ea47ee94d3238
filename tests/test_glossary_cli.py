"""`translate glossary ...` end to end through the real console script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.cli import make_project, run_translate
from translate.cli import app
from translate.glossary import load_glossary

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def version() -> str:
    return load_glossary(REPO / "glossary").version


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    shutil.copytree(REPO / "glossary", root / "glossary")
    return root


def test_validate_the_project_glossary(version: str) -> None:
    result = run_translate("glossary", "validate", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout == f"glossary: 48 concepts, en → ar, tr, ru, version {version}: no problems\n"
    )


def test_validate_reports_each_problem_as_file_line_message(project: Path) -> None:
    places = project / "glossary" / "places.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(
        text.replace("    kind: place\n", "    kind: city\n", 1).replace(
            "      preferred: Beyrut", "      preferred: Beirut"
        ),
        encoding="utf-8",
    )
    lines = places.read_text(encoding="utf-8").splitlines()
    kind_line = lines.index("    kind: city") + 1
    beirut_line = lines.index("      preferred: Beirut") + 1
    result = run_translate("glossary", "validate", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"glossary/places.yaml:{kind_line}: bad kind 'city' (expected one of organization, "
        "place, person, institution, event, term)",
        f"glossary/places.yaml:{beirut_line + 2}: "
        "deprecated form 'Beirut' equals the preferred form",
    ]
    assert result.stderr == "glossary: 2 problems\n"
    as_json = run_translate("glossary", "validate", "--format", "json", cwd=project)
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert [(p["file"], p["line"]) for p in report["problems"]] == [
        ("glossary/places.yaml", kind_line),
        ("glossary/places.yaml", beirut_line + 2),
    ]


def test_validate_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = run_translate("glossary", "validate", "missing", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "translate: error: missing: no such file or folder\n"
    assert result.stdout == ""


def test_export_import_round_trip_through_the_cli(project: Path, version: str) -> None:
    exported = run_translate("glossary", "export", "-f", "tbx2008", "-o", "out/g.tbx", cwd=project)
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr == f"out/g.tbx: 48 concepts, tbx2008, version {version}\n"
    imported = run_translate("glossary", "import", "out/g.tbx", "-o", "imported", cwd=project)
    assert imported.returncode == 0, imported.stderr
    assert sorted(path.name for path in (project / "imported").iterdir()) == [
        "events.yaml",
        "institutions.yaml",
        "organizations.yaml",
        "people.yaml",
        "places.yaml",
    ]
    assert load_glossary(project / "imported").version == version
    again = run_translate("glossary", "import", "out/g.tbx", "-o", "imported", cwd=project)
    assert again.returncode == 2
    assert "already holds events.yaml" in again.stderr and "--force" in again.stderr
    forced = run_translate(
        "glossary", "import", "out/g.tbx", "-o", "imported", "--force", cwd=project
    )
    assert forced.returncode == 0, forced.stderr


def test_csv_per_language_export_and_merged_import(project: Path, version: str) -> None:
    for language in ("ar", "tr", "ru"):
        result = run_translate(
            "glossary", "export", "-f", "csv", "-l", language, "-o", f"{language}.csv", cwd=project
        )
        assert result.returncode == 0, result.stderr
    result = run_translate(
        "glossary", "import", "ar.csv", "tr.csv", "ru.csv", "-o", "g", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert load_glossary(project / "g").version == version


def test_export_to_stdout_and_bad_options(project: Path) -> None:
    result = run_translate("glossary", "export", "--format", "csv", "--language", "tr", cwd=project)
    assert result.returncode == 0, result.stderr
    header, first, *_ = result.stdout.splitlines()
    assert header.startswith("source,target,context,developer_comments,translator_comments,")
    assert first.startswith("World War Two,İkinci Dünya Savaşı,world-war-two,")
    tbx = run_translate("glossary", "export", "-f", "tbx", "-l", "tr", cwd=project)
    assert tbx.returncode == 2
    assert (
        tbx.stderr
        == "translate: error: --language: TBX holds every language; --language is for CSV\n"
    )
    unknown = run_translate("glossary", "export", "-f", "csv", "-l", "fa", cwd=project)
    assert unknown.returncode == 2
    assert "the glossary has ar, tr, ru" in unknown.stderr


def test_commands_refuse_a_broken_glossary_with_its_first_problem(project: Path) -> None:
    people = project / "glossary" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("kind: person", "kind: human", 1))
    result = run_translate("glossary", "list", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("translate: error: glossary/people.yaml:")
    assert "bad kind 'human'" in result.stderr


runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, ["glossary", *args, "--glossary", str(REPO / "glossary")])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_list_shows_one_line_per_concept() -> None:
    lines = invoke("list", "--kind", "organization").splitlines()
    assert len(lines) == 4
    assert lines[0].split()[:2] == ["jabha-shamiya", "organization"]
    assert "tr: Şam Cephesi" in lines[0]
    rows = json.loads(invoke("list", "--language", "ru", "--format", "json"))
    assert rows[0] == {
        "id": "world-war-two",
        "kind": "event",
        "en": "World War Two",
        "ru": "Вторая мировая война",
    }


def test_show_prints_the_entry_and_where_it_is() -> None:
    text = invoke("show", "idlib")
    assert text.startswith("# ") and "glossary/places.yaml:" in text.splitlines()[0]
    assert "preferred: İdlib" in text and "- Idlib" in text


def test_find_shows_what_the_recognizer_sees() -> None:
    text = invoke("find", "Assad’s forces entered east Aleppo.", "--language", "tr")
    assert text.splitlines() == [
        "0-5\tAssad’s\tbashar-al-assad [person] → Beşşar Esad",
        "23-34\teast Aleppo\teast-aleppo [place] → Doğu Halep",
    ]
    rows = json.loads(invoke("find", "Turkish-backed rebels near al-Bab", "--format", "json"))
    assert rows == [
        {
            "start": 27,
            "end": 33,
            "text": "al-Bab",
            "concept": "al-bab",
            "kind": "place",
            "possessive": "",
        }
    ]
