"""`translate extract`: sources to POT templates, end to end through the real CLI."""

import subprocess
from pathlib import Path

import polib

from tests.support.cli import make_project, run_translate

DATA = Path(__file__).parent / "data"
SEED_SEGMENTS = (DATA / "aleppo-offensive.segments.txt").read_text(encoding="utf-8").splitlines()


def test_seed_template_holds_exactly_the_expected_segments(tmp_path):
    project = make_project(tmp_path)
    result = run_translate("extract", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "locales/aleppo-offensive.pot: 63 segments, written\n"
    pot = polib.pofile(str(project / "locales" / "aleppo-offensive.pot"))
    assert [entry.msgid for entry in pot] == SEED_SEGMENTS
    assert pot[0].occurrences == [("seeds/aleppo-offensive.txt", "1")]
    assert pot[-1].occurrences == [("seeds/aleppo-offensive.txt", "60")]
    assert pot.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert pot.metadata["X-Generator"].startswith("Dragoman ")
    assert all(entry.msgstr == "" for entry in pot)


def test_rerun_leaves_the_template_byte_identical(tmp_path):
    project = make_project(tmp_path)
    pot = project / "locales" / "aleppo-offensive.pot"
    run_translate("extract", cwd=project)
    first, stamp = pot.read_bytes(), pot.stat().st_mtime_ns
    result = run_translate("extract", cwd=project)
    assert result.stderr == "locales/aleppo-offensive.pot: 63 segments, unchanged\n"
    assert pot.read_bytes() == first
    assert pot.stat().st_mtime_ns == stamp


def test_repeated_segment_is_one_entry_with_two_references(tmp_path):
    text = "Nothing has changed.\nThe army advanced. Nothing has changed.\n\nNothing has changed."
    project = make_project(tmp_path, sources={"brief.txt": text})
    assert run_translate("extract", cwd=project).returncode == 0
    pot = polib.pofile(str(project / "locales" / "brief.pot"))
    assert [(e.msgid, e.occurrences) for e in pot] == [
        (
            "Nothing has changed.",
            [("seeds/brief.txt", "1"), ("seeds/brief.txt", "2"), ("seeds/brief.txt", "4")],
        ),
        ("The army advanced.", [("seeds/brief.txt", "2")]),
    ]


def test_changed_source_updates_the_template(tmp_path):
    project = make_project(tmp_path, sources={"brief.txt": "One sentence. Another one."})
    run_translate("extract", cwd=project)
    (project / "seeds" / "brief.txt").write_text("One sentence. A new one.", encoding="utf-8")
    result = run_translate("extract", cwd=project)
    assert "written" in result.stderr
    pot = polib.pofile(str(project / "locales" / "brief.pot"))
    assert [e.msgid for e in pot] == ["One sentence.", "A new one."]


def test_locales_option_and_explicit_source_outside_the_project(tmp_path):
    project = make_project(tmp_path / "project")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("A lone sentence.", encoding="utf-8")
    result = run_translate("extract", str(outside), "--locales", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    pot = polib.pofile(str(project / "out" / "elsewhere.pot"))
    assert pot[0].occurrences == [(outside.resolve().as_posix(), "1")]


def test_without_a_project_defaults_apply(tmp_path):
    (tmp_path / "story.txt").write_text("Rebels advanced. Talks failed.", encoding="utf-8")
    result = run_translate("extract", "story.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [e.msgid for e in polib.pofile(str(tmp_path / "locales" / "story.pot"))] == [
        "Rebels advanced.",
        "Talks failed.",
    ]


def test_template_is_a_fixed_point_of_msgcat(tmp_path):
    project = make_project(tmp_path)
    run_translate("extract", cwd=project)
    pot = project / "locales" / "aleppo-offensive.pot"
    result = subprocess.run(["msgcat", str(pot)], capture_output=True, check=True)
    assert result.stdout == pot.read_bytes()


def test_help_lists_the_commands(tmp_path):
    result = run_translate("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "extract" in result.stdout
