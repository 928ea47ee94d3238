"""`translate run` keeps every piece of a translator's work that msgmerge keeps, and more:
comments on fuzzy-matched entries, partly translated plural entries, commented untranslated
entries, and reviewed translations of sentences that come back after an edit.

Where msgmerge has an answer, the test runs GNU msgmerge on the same catalog and template and
compares.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.support.catalogs import FIRST, PO, REVIEWED, SECOND, THIRD, msgfmt_check, review
from tests.support.cli import make_project, run_translate
from translate.po import read_po

CHANGED = FIRST.replace("a monitor confirmed", "a monitor also confirmed")
COMMENTS = "Reviewer: keep this\ncheck: ignore numbers"
POT = "locales/aleppo-offensive.pot"


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "project")
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def edit_seed(root: Path, old: str, new: str) -> None:
    seed = root / "seeds" / "aleppo-offensive.txt"
    text = seed.read_text(encoding="utf-8")
    assert old in text
    seed.write_text(text.replace(old, new), encoding="utf-8")


def run(root: Path) -> None:
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=root)
    assert result.returncode == 0, result.stderr


def msgmerge(root: Path, catalog: bytes) -> polib.POFile:
    """GNU msgmerge of `catalog` (the translator's file) with the current template."""
    old = root / "old.po"
    old.write_bytes(catalog)
    merged = subprocess.run(
        ["msgmerge", "--quiet", "--previous", str(old), str(root / POT)],
        capture_output=True,
        check=True,
    ).stdout
    return polib.pofile(merged.decode("utf-8"))


def test_fuzzy_match_keeps_the_old_entrys_translator_comments(project):
    tr = project / PO.format("tr")
    review(tr, {FIRST: REVIEWED[FIRST]})
    catalog = polib.pofile(str(tr))
    catalog.find(FIRST).tcomment = COMMENTS
    catalog.save()
    before = tr.read_bytes()
    edit_seed(project, FIRST, CHANGED)

    run(project)
    entry = polib.pofile(str(tr)).find(CHANGED)
    assert entry.fuzzy and entry.msgstr == REVIEWED[FIRST] and entry.previous_msgid == FIRST
    assert entry.tcomment == COMMENTS
    reference = msgmerge(project, before).find(CHANGED)
    assert (reference.tcomment, reference.msgstr, reference.flags) == (
        entry.tcomment,
        entry.msgstr,
        entry.flags,
    )
    msgfmt_check(tr)


def test_a_sentence_back_after_an_edit_gets_its_reviewed_translation(project):
    tr = project / PO.format("tr")
    review(tr, {FIRST: REVIEWED[FIRST]})
    edit_seed(project, FIRST, CHANGED)
    run(project)
    edit_seed(project, CHANGED, FIRST)
    run(project)
    entry = polib.pofile(str(tr)).find(FIRST)
    assert entry.msgstr == REVIEWED[FIRST] and not entry.fuzzy
    assert entry.tcomment == "Reviewed by hand."
    # The edited sentence's suggestion is kept, obsolete, in turn.
    obsolete = {e.msgid: e for e in polib.pofile(str(tr)).obsolete_entries()}
    assert obsolete[CHANGED].msgstr == REVIEWED[FIRST]


def test_an_untranslated_entry_with_comments_is_kept_obsolete(project):
    tr = project / PO.format("tr")
    catalog = polib.pofile(str(tr))
    catalog.find(SECOND).tcomment = "Ask the desk about this sentence."
    catalog.save()
    edit_seed(project, SECOND + "\n", "")
    run(project)
    obsolete = {e.msgid: e for e in polib.pofile(str(tr)).obsolete_entries()}
    assert obsolete[SECOND].tcomment == "Ask the desk about this sentence."
    assert obsolete[SECOND].msgstr == ""
    # Uncommented untranslated entries leave nothing behind, as with msgmerge.
    assert set(obsolete) == {SECOND}
    msgfmt_check(tr)

    edit_seed(project, THIRD, f"{SECOND} {THIRD}")
    run(project)
    back = polib.pofile(str(tr)).find(SECOND)
    assert back.tcomment == "Ask the desk about this sentence." and not back.obsolete


def plural_entry(msgid: str, forms: dict[int, str], comment: str = "") -> polib.POEntry:
    return polib.POEntry(
        msgid=msgid, msgid_plural=msgid + "s", msgstr_plural=forms, tcomment=comment
    )


def test_partly_translated_plural_entries_are_kept(project):
    tr = project / PO.format("tr")
    catalog = polib.pofile(str(tr))
    # One no longer in the source: obsolete, as msgmerge makes it.
    catalog.append(plural_entry("one file", {0: "bir dosya", 1: ""}, "half done"))
    # One whose msgid the source still has: kept as the translator left it.
    third = catalog.find(THIRD)
    third.msgid_plural, third.msgstr_plural = THIRD + "s", {0: "Bu doğrulanamadı.", 1: ""}
    catalog.save()
    before = tr.read_bytes()

    run(project)
    result = polib.pofile(str(tr))
    obsolete = {e.msgid: e for e in result.obsolete_entries()}
    assert obsolete["one file"].msgstr_plural == {0: "bir dosya", 1: ""}
    assert obsolete["one file"].tcomment == "half done"
    assert msgmerge(project, before).obsolete_entries()[0].msgstr_plural == {
        0: "bir dosya",
        1: "",
    }
    kept = result.find(THIRD)
    assert kept.msgstr_plural == {0: "Bu doğrulanamadı.", 1: ""}
    msgfmt_check(tr)


def test_a_merge_leaves_po_revision_date_to_the_translator(project):
    tr = project / PO.format("tr")
    catalog = polib.pofile(str(tr))
    created = catalog.metadata["PO-Revision-Date"]
    assert created != "YEAR-MO-DA HO:MI+ZONE"  # set once, when the catalog is created
    catalog.metadata["PO-Revision-Date"] = "2020-01-02 03:04+0000"
    catalog.metadata["POT-Creation-Date"] = "2020-01-01 00:00+0000"
    catalog.save()
    edit_seed(project, FIRST, CHANGED)
    run(project)
    merged = polib.pofile(str(tr)).metadata
    assert merged["PO-Revision-Date"] == "2020-01-02 03:04+0000"
    assert merged["POT-Creation-Date"] != "2020-01-01 00:00+0000"


def test_a_comment_ending_in_a_backslash_does_not_swallow_the_next_line(project):
    # gettext joins a line ending in a backslash with the next: `# C:\` before `#: ...`
    # would lose the reference in msgcat, msgmerge and msgfmt.
    tr = project / PO.format("tr")
    catalog = polib.pofile(str(tr))
    catalog.find(FIRST).tcomment = "Saved under C:\\"
    catalog.save()

    run(project)
    merged = subprocess.run(["msgcat", str(tr)], capture_output=True, check=True).stdout
    entry = polib.pofile(merged.decode("utf-8")).find(FIRST)
    assert entry is not None and entry.occurrences, "the reference line was swallowed"
    assert entry.tcomment.rstrip(" ") == "Saved under C:\\"
    assert read_po(tr.read_text(encoding="utf-8")).find(FIRST).translator_comments == [
        "Saved under C:\\"
    ]
    msgfmt_check(tr)


def test_the_headers_extracted_comments_survive_a_run(project):
    tr = project / PO.format("tr")
    text = tr.read_text(encoding="utf-8")
    tr.write_text(text.replace('msgid ""', '#. Note from Weblate\nmsgid ""', 1), encoding="utf-8")
    edit_seed(project, FIRST, CHANGED)

    run(project)
    written = tr.read_text(encoding="utf-8")
    assert "#. Note from Weblate\n" in written, written[:400]
    assert read_po(written).header_extracted_comments == ["Note from Weblate"], written[:400]
    assert read_po(written).find(CHANGED) is not None  # the run did merge the edit
    msgfmt_check(tr)
