"""The catalogs the project ships: reviewed by hand, complete, clean, and stable under
`make run`'s job on a fresh copy with no model installed."""

import json
import shutil
import subprocess

import polib
import pytest

from tests.support.catalogs import snapshot
from tests.support.cli import REPO, run_translate

LANGUAGES = ("ar", "tr", "ru")


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_catalog_is_complete_reviewed_and_says_who_translated(language):
    path = REPO / "locales" / language / "LC_MESSAGES" / "aleppo-offensive.po"
    catalog = polib.pofile(str(path))
    assert len(catalog) == 63
    assert catalog.percent_translated() == 100
    assert not catalog.fuzzy_entries() and not catalog.obsolete_entries()
    assert "no machine translation was used" in catalog.header
    assert "X-Dragoman-MT" not in catalog.metadata
    assert catalog.metadata["Last-Translator"] == "Dragoman project team"
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0 and check.stderr == ""


def test_check_finds_nothing_and_stats_say_complete():
    check = run_translate("check", "--include", "all", "--format", "json", cwd=REPO)
    assert check.returncode == 0, check.stdout
    report = json.loads(check.stdout)
    assert report["findings"] == []
    stats = json.loads(run_translate("stats", "--format", "json", cwd=REPO).stdout)
    for row in stats:
        assert (row["translated"], row["fuzzy"], row["untranslated"]) == (63, 0, 0)
        assert row["glossary_compliance"] == 100.0


def test_main_job_offline_leaves_a_fresh_copy_unchanged(tmp_path):
    copy = tmp_path / "copy"
    for name in ("pyproject.toml", "seeds", "glossary", "locales"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy2(source, copy / name)
    before = snapshot(copy)
    empty = tmp_path / "no-models"
    empty.mkdir()
    result = run_translate("run", cwd=copy, env={"ARGOS_PACKAGES_DIR": str(empty)})
    assert result.returncode == 0, result.stderr
    assert "install" not in result.stderr  # every segment came from memory: no MT needed
    assert snapshot(copy) == before


@pytest.mark.parametrize("language", LANGUAGES)
def test_render_produces_the_whole_translated_article(language, tmp_path):
    result = run_translate("render", "seeds/aleppo-offensive.txt", "--lang", language, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("63/63 segments translated")
    source_lines = (REPO / "seeds/aleppo-offensive.txt").read_text("utf-8").split("\n")
    lines = result.stdout.rstrip("\n").split("\n")
    assert len(lines) == len(source_lines)
    assert all(line and line != source for line, source in zip(lines, source_lines, strict=True))
