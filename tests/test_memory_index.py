"""The memory index: as good as the exhaustive scan, kept up to date by content, and only a
cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import polib
import pytest

from tests.support.catalogs import FIRST, PO, REVIEWED, THIRD, review, without_dates
from tests.support.cli import make_project, run_translate
from tests.support.news_corpus import NewsCorpus, pseudo_translation
from translate.config import load_config
from translate.memory import MemoryEntry, TranslationMemory
from translate.memory.index import INDEX_NAME, MemoryIndex, SourceFile, Unit
from translate.memory.model import Kind
from translate.memory.project import open_memory

ARCHIVE = 20_000
QUERIES = 300


def index_of(folder: Path, name: str, sentences: list[str]) -> MemoryIndex:
    """An index of one catalog, `name`, whose entries are `sentences` reviewed."""
    po = folder / name
    po.write_text(name, encoding="utf-8")
    index = MemoryIndex(folder / INDEX_NAME)
    index.sync(
        [SourceFile(po, name, Kind.catalog, "tr")],
        lambda _: [Unit(s, pseudo_translation(s), "tr", reviewed=True) for s in sentences],
        ["tr"],
    )
    return index


def scan_of(name: str, sentences: list[str]) -> TranslationMemory:
    """The exhaustive scan over the entries `index_of` indexes."""
    return TranslationMemory(MemoryEntry(s, pseudo_translation(s), True, name) for s in sentences)


def test_suggestions_equal_the_exhaustive_scan_on_at_least_98_percent(tmp_path):
    """A generated news archive of 20,000 sentences and 300 new ones, a third of them edits of
    archived sentences (the README states the figure)."""
    corpus = NewsCorpus(seed=7)
    archive = corpus.sentences(ARCHIVE)
    queries = corpus.sentences(QUERIES)
    with index_of(tmp_path, "archive.po", archive) as index:
        indexed = index.memory("tr")
        exhaustive = scan_of("archive.po", archive)
        same = with_match = 0
        for query in queries:
            got, want = indexed.closest(query), exhaustive.closest(query)
            with_match += want is not None
            same += (got and got.score) == (want and want.score)
            if got is not None:
                assert got.entry.target == pseudo_translation(got.entry.source)
    assert with_match >= QUERIES // 2  # the sample exercises close matches
    assert same / QUERIES >= 0.98


@pytest.mark.parametrize(
    ("stale_minimum", "rebuilt"), [(10_000, False), (50, True)], ids=["kept", "rebuilt"]
)
def test_deleted_sources_are_never_suggested_and_stale_postings_are_rebuilt(
    tmp_path, monkeypatch, stale_minimum, rebuilt
):
    """A catalog rewritten with other sentences leaves the old sources' ids in the postings
    until they outnumber a quarter of the live ones; either way only live sources answer."""
    monkeypatch.setattr("translate.memory.index.STALE_MINIMUM", stale_minimum)
    corpus = NewsCorpus(seed=11)
    before, after = corpus.sentences(120), corpus.sentences(120)
    po = tmp_path / "archive.po"
    content = {"archive.po": before}

    def read(file: SourceFile) -> list[Unit]:
        return [Unit(s, pseudo_translation(s), "tr", reviewed=True) for s in content[file.display]]

    files = [SourceFile(po, "archive.po", Kind.catalog, "tr")]
    with MemoryIndex(tmp_path / INDEX_NAME) as index:
        po.write_text("first", encoding="utf-8")
        index.sync(files, read, ["tr"])
        content["archive.po"] = after
        po.write_text("second, longer", encoding="utf-8")
        index.sync(files, read, ["tr"])
        db = index.connection
        live = {row[0] for row in db.execute("SELECT id FROM texts")}
        posted = {
            int(text_id)
            for (blob,) in db.execute("SELECT ids FROM postings")
            for text_id in np.frombuffer(blob, dtype="<i4")
        }
        assert (posted == live) is rebuilt and live <= posted
        memory = index.memory("tr")
        for sentence in before:
            match = memory.closest(sentence + " again")
            assert match is None or match.entry.source in after
        exhaustive = scan_of("archive.po", after)
        for sentence in after[:40]:
            query = sentence.replace(" the ", " a ", 1) + " again"
            got, want = memory.closest(query), exhaustive.closest(query)
            assert (got and got.score) == (want and want.score)


SMALL = ["He said it.", "They said it again.", "We said it.", "It was said.", "Talks began."]


@pytest.mark.parametrize(
    "query",
    ["She said it.", "They said it again!", "It was said!", "Talks began today.", "Nothing."],
)
def test_a_query_of_common_words_only_is_answered_as_by_the_scan(tmp_path, query):
    """Words most sources hold are left out of the estimate, unless nothing else is left."""
    with index_of(tmp_path, "small.po", SMALL) as index:
        got = index.memory("tr").closest(query)
    want = scan_of("small.po", SMALL).closest(query)
    assert (got and (got.entry.source, got.score)) == (want and (want.entry.source, want.score))


def write_po(path: Path, entries: list[tuple[str, str, bool]]) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "tr"}
    for source, target, fuzzy in entries:
        catalog.append(polib.POEntry(msgid=source, msgstr=target, flags=["fuzzy"] if fuzzy else []))
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.translate]\ntarget_languages = ["tr"]\n', encoding="utf-8"
    )
    folder = tmp_path / "locales" / "tr" / "LC_MESSAGES"
    talks = ("Talks resumed on Monday.", "Görüşmeler pazartesi başladı.", False)
    write_po(folder / "a.po", [("The army advanced.", "Ordu ilerledi.", True), talks])
    write_po(folder / "b.po", [("The army advanced.", "Ordu ilerledi (gözden geçirildi).", False),
                               ("The army withdrew.", "Ordu çekildi.", False)])  # fmt: skip
    return tmp_path


def sync(project: Path) -> tuple[list[str], MemoryIndex]:
    config = load_config(project)
    index = open_memory(config, ["tr"])
    report = index.last_sync
    return report.read, index


def test_a_reviewed_entry_wins_over_a_fuzzy_one_in_an_earlier_file(project):
    read, index = sync(project)
    with index:
        assert read == ["locales/tr/LC_MESSAGES/a.po", "locales/tr/LC_MESSAGES/b.po"]
        entry = index.memory("tr").exact("The army advanced.")
        assert entry == MemoryEntry(
            "The army advanced.", "Ordu ilerledi (gözden geçirildi).", True,
            "locales/tr/LC_MESSAGES/b.po",
        )  # fmt: skip
        match = index.memory("tr").closest("The army advanced again.")
        assert match.entry == entry and match.score > 80
        assert index.memory("ar").exact("The army advanced.") is None


def test_only_files_whose_content_changed_are_read_again(project):
    folder = project / "locales" / "tr" / "LC_MESSAGES"
    sync(project)[1].close()
    assert sync(project)[0] == []
    (folder / "a.po").touch()  # a new stamp, the same content: hashed, not read
    assert sync(project)[0] == []
    write_po(folder / "b.po", [("The army withdrew.", "Ordu geri çekildi.", False)])
    (folder / "a.po").unlink()
    read, index = sync(project)
    with index:
        assert read == ["locales/tr/LC_MESSAGES/b.po"]
        memory = index.memory("tr")
        assert memory.exact("The army withdrew.").target == "Ordu geri çekildi."
        assert memory.exact("Talks resumed on Monday.") is None
        assert memory.exact("The army advanced.") is None
        assert memory.closest("The army advanced!") is None  # its text left the word index
        assert len(memory) == 1


@pytest.mark.parametrize(
    "damage",
    [b"not a database at all" * 100, b""],
    ids=["garbage", "empty"],
)
def test_a_damaged_index_is_rebuilt(project, damage):
    sync(project)[1].close()
    (project / ".dragoman-cache" / INDEX_NAME).write_bytes(damage)
    read, index = sync(project)
    with index:
        assert len(read) == 2
        assert index.memory("tr").exact("The army withdrew.").target == "Ordu çekildi."


def test_an_index_of_another_schema_version_is_rebuilt(project):
    sync(project)[1].close()
    path = project / ".dragoman-cache" / INDEX_NAME
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    read, index = sync(project)
    index.close()
    assert len(read) == 2


def test_a_run_answers_from_the_index_which_is_only_a_cache(tmp_path):
    project = make_project(tmp_path / "project")
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    review(project / PO.format("tr"), REVIEWED)
    near = "This could not immediately be independently verified."
    (project / "seeds" / "follow-up.txt").write_text(f"{FIRST} {near}", encoding="utf-8")
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=project)
    assert result.returncode == 0, result.stderr
    follow = project / "locales/tr/LC_MESSAGES/follow-up.po"
    catalog = polib.pofile(str(follow))
    assert catalog.find(FIRST).msgstr == REVIEWED[FIRST] and not catalog.find(FIRST).fuzzy
    assert catalog.find(near).previous_msgid == THIRD and catalog.find(near).fuzzy
    cache = project / ".dragoman-cache" / INDEX_NAME
    assert cache.is_file()
    before = follow.read_bytes()
    follow.unlink()
    cache.unlink()
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    assert without_dates(follow.read_bytes()) == without_dates(before)
