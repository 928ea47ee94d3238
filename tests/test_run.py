"""`translate run` without MT: catalogs that survive translator review, end to end."""

import subprocess
import sys

import polib
import pytest

from tests.support.catalogs import FIRST, PO, REVIEWED, SECOND, THIRD, review, snapshot
from tests.support.cli import SEED, make_project, run_translate
from translate.errors import LockError
from translate.files import catalogs_lock

LANGUAGES = ("ar", "tr", "ru")


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "project")
    result = run_translate("run", "--mt", "off", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def test_fresh_run_writes_a_catalog_per_language(project):
    for language, plurals in zip(LANGUAGES, (6, 2, 3), strict=True):
        path = project / PO.format(language)
        catalog = polib.pofile(str(path))
        assert len(catalog) == 63
        assert catalog.percent_translated() == 0
        assert catalog.metadata["Language"] == language
        assert catalog.metadata["Plural-Forms"].startswith(f"nplurals={plurals};")
        assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert catalog.metadata["Language-Team"] in ("Arabic", "Turkish", "Russian")
        assert catalog.metadata["X-Generator"].startswith("Dragoman ")
        check = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert check.returncode == 0 and check.stderr == "", check.stderr
        same = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
        assert same.stdout == path.read_bytes()
    assert (project / "locales" / "aleppo-offensive.pot").is_file()


def test_rerun_on_unchanged_input_is_byte_identical(project):
    before = snapshot(project)
    result = run_translate("run", "--mt", "off", cwd=project)
    assert result.returncode == 0
    assert snapshot(project) == before
    assert "unchanged" in result.stderr and "written" not in result.stderr


def test_reviewed_entries_survive_and_source_changes_are_tracked(project):
    tr = project / PO.format("tr")
    review(tr, REVIEWED)
    seed = project / "seeds" / "aleppo-offensive.txt"
    text = seed.read_text(encoding="utf-8")
    changed = "Reuters journalists, rebels and a monitor confirmed the army’s thrust."
    text = text.replace(FIRST, changed)  # changed sentence
    text = text.replace(SECOND + "\n", "")  # removed sentence (a whole paragraph)
    text += "\nThe talks ended without agreement."  # added sentence
    seed.write_text(text, encoding="utf-8")

    result = run_translate("run", "--mt", "off", cwd=project)
    assert result.returncode == 0, result.stderr
    catalog = polib.pofile(str(tr))
    entries = {entry.msgid: entry for entry in catalog if not entry.obsolete}

    kept = entries[THIRD]
    assert kept.msgstr == REVIEWED[THIRD] and not kept.fuzzy
    assert kept.tcomment == "Reviewed by hand."

    suggestion = entries[changed]
    assert suggestion.fuzzy
    assert suggestion.msgstr == REVIEWED[FIRST]
    assert suggestion.previous_msgid == FIRST

    assert entries["The talks ended without agreement."].msgstr == ""
    assert FIRST not in entries and SECOND not in entries
    # The changed sentence's old entry stays obsolete too, to come back if the edit is undone.
    obsolete = {entry.msgid: entry.msgstr for entry in catalog.obsolete_entries()}
    assert obsolete == {FIRST: REVIEWED[FIRST], SECOND: REVIEWED[SECOND]}
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(tr)]).returncode == 0


def test_a_save_from_a_gettext_tool_then_rerun_changes_nothing(project):
    tr = project / PO.format("tr")
    review(tr, REVIEWED)
    run_translate("run", "--mt", "off", cwd=project)
    # Poedit and Lokalize write GNU gettext's layout, as msgcat does.
    relaid = subprocess.run(["msgcat", str(tr)], capture_output=True, check=True).stdout
    tr.write_bytes(relaid)
    before = snapshot(project)
    run_translate("run", "--mt", "off", cwd=project)
    assert snapshot(project) == before


def test_removed_sentence_comes_back_from_obsolete(project):
    tr = project / PO.format("tr")
    review(tr, REVIEWED)
    seed = project / "seeds" / "aleppo-offensive.txt"
    original = seed.read_text(encoding="utf-8")
    seed.write_text(original.replace(SECOND + "\n", ""), encoding="utf-8")
    run_translate("run", "--mt", "off", cwd=project)
    seed.write_text(original, encoding="utf-8")
    run_translate("run", "--mt", "off", cwd=project)
    entry = polib.pofile(str(tr)).find(SECOND)
    assert entry.msgstr == REVIEWED[SECOND] and not entry.fuzzy and not entry.obsolete


def test_memory_carries_reviewed_translations_to_another_article(project):
    review(project / PO.format("tr"), REVIEWED)
    (project / "seeds" / "follow-up.txt").write_text(
        f"{THIRD} Officials declined to comment.", encoding="utf-8"
    )
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=project)
    assert result.returncode == 0, result.stderr
    follow = polib.pofile(str(project / "locales/tr/LC_MESSAGES/follow-up.po"))
    assert follow.find(THIRD).msgstr == REVIEWED[THIRD]
    assert not follow.find(THIRD).fuzzy
    assert follow.find("Officials declined to comment.").msgstr == ""
    assert not (project / "locales/ar/LC_MESSAGES/follow-up.po").exists()


def test_close_match_from_another_article_is_a_fuzzy_suggestion(project):
    review(project / PO.format("tr"), REVIEWED)
    near = "This could not immediately be independently verified."
    (project / "seeds" / "brief.txt").write_text(near, encoding="utf-8")
    run_translate("run", "--mt", "off", "--to", "tr", cwd=project)
    entry = polib.pofile(str(project / "locales/tr/LC_MESSAGES/brief.po")).find(near)
    assert entry.fuzzy and entry.msgstr == REVIEWED[THIRD] and entry.previous_msgid == THIRD


def test_unparseable_catalog_is_reported_and_left_alone(project):
    ru = project / PO.format("ru")
    broken = ru.read_text(encoding="utf-8").replace('msgstr ""\n\n#:', 'msgstr "oops\n\n#:', 1)
    ru.write_text(broken, encoding="utf-8")
    before = snapshot(project)
    (project / "seeds" / "aleppo-offensive.txt").write_text("A new text.", encoding="utf-8")
    result = run_translate("run", "--mt", "off", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("translate: error: locales/ru/LC_MESSAGES/aleppo-offensive.po:")
    assert "unterminated or malformed string" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(project) == before


def test_second_run_waits_then_refuses_clearly(tmp_path):
    folder = tmp_path / "locales"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\n"
            "from translate.files import catalogs_lock\n"
            "with catalogs_lock(Path(sys.argv[1])):\n print('held', flush=True); time.sleep(30)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockError) as caught, catalogs_lock(folder, timeout=0.2):
            pass
        assert "another translate run is writing these catalogs" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    with catalogs_lock(folder, timeout=5):
        pass


def test_mt_policy_is_validated(tmp_path):
    project = make_project(tmp_path, sources={"a.txt": SEED.read_text(encoding="utf-8")})
    result = run_translate("run", "--mt", "sometimes", cwd=project)
    assert result.returncode == 2
    assert "sometimes" in result.stderr


def test_unparseable_template_is_reported_before_anything_is_written(project):
    pot = project / "locales" / "aleppo-offensive.pot"
    pot.write_text(pot.read_text(encoding="utf-8").replace('msgstr ""\n\n#:', "msgstr\n\n#:", 1))
    (project / "seeds" / "aleppo-offensive.txt").write_text("A new text.", encoding="utf-8")
    before = snapshot(project)
    result = run_translate("run", "--mt", "off", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("translate: error: locales/aleppo-offensive.pot:")
    assert snapshot(project) == before
