"""Incremental re-runs: an article whose inputs are unchanged is skipped, and what an
incremental run writes is always what a run from scratch (no state) writes."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.archive import synthetic_article
from tests.support.catalogs import snapshot
from tests.support.cli import REPO, make_project, run_translate
from translate.archive import run
from translate.config import load_config
from translate.glossary import load_glossary
from translate.pipeline import MtPolicy, resolve_sources
from translate.run_state import STATE_NAME

ARTICLES = 4
LANGUAGES = ("tr", "ru")
CHUNK_SEGMENTS = 12  # an article is 5 to 8 segments: two or three chunks
DATES = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)
SEED_LINES = [
    line for line in (REPO / "seeds/aleppo-offensive.txt").read_text().splitlines() if line
]
TRANSLATIONS = ["Çeviri bir.", "Перевод два.", "Çeviri üç."]


def new_project(root: Path) -> Path:
    project = make_project(root, sources={})
    for index in range(ARTICLES):
        # Three paragraphs each, some shared between articles: memory has work to do.
        text = synthetic_article(index % 3, paragraphs=3)
        (project / "seeds" / f"a{index}.txt").write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "glossary", project / "glossary")
    return project


def run_project(project: Path):
    """What `translate run --mt off --to tr,ru --chunk-segments 12` does, in this process."""
    config = load_config(project)
    glossary = load_glossary(config.glossary_dir)
    return run(
        config,
        resolve_sources(config, []),
        LANGUAGES,
        mt=MtPolicy.off,
        glossary=glossary,
        chunk_segments=CHUNK_SEGMENTS,
    )


def outputs(project: Path) -> dict[str, str]:
    """Templates and catalogs without their dates (runs a minute apart write other dates)."""
    return {name: DATES.sub("", data.decode()) for name, data in snapshot(project).items()}


# Edits a person makes between runs ---------------------------------------------------------


def edit_source(project: Path, article: int, line: int, choice: int) -> None:
    path = project / "seeds" / f"a{article}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line % len(lines)] = SEED_LINES[choice % len(SEED_LINES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def edit_catalog(project: Path, article: int, language: int, entry: int, action: int) -> None:
    """A translator's save in a PO editor (polib): fill or change a translation, clear the
    fuzzy flag, or add a comment."""
    path = project / f"locales/{LANGUAGES[language]}/LC_MESSAGES/a{article}.po"
    if not path.exists():
        return
    catalog = polib.pofile(str(path))
    entries = [e for e in catalog if not e.obsolete]
    target = entries[entry % len(entries)]
    if action == 0:
        target.msgstr = TRANSLATIONS[entry % len(TRANSLATIONS)]
        target.flags = [flag for flag in target.flags if flag != "fuzzy"]
    elif action == 1:
        target.msgstr = (target.msgstr or target.msgid) + " (düzeltildi)"
        if "fuzzy" not in target.flags:
            target.flags.append("fuzzy")
    elif action == 2:
        target.flags = [flag for flag in target.flags if flag != "fuzzy"]
    else:
        target.tcomment = "Checked against the wire copy."
    catalog.save()


def edit_glossary(project: Path, variant: int) -> None:
    places = project / "glossary/places.yaml"
    text = places.read_text(encoding="utf-8")
    text = re.sub(r"preferred: Halep\S*", f"preferred: Halep{'i' * variant}", text, count=1)
    places.write_text(text, encoding="utf-8")


EDITS = st.one_of(
    st.tuples(
        st.just(edit_source),
        st.integers(0, ARTICLES - 1),
        st.integers(0, 5),
        st.integers(0, len(SEED_LINES) - 1),
    ),
    st.tuples(
        st.just(edit_catalog),
        st.integers(0, ARTICLES - 1),
        st.integers(0, len(LANGUAGES) - 1),
        st.integers(0, 20),
        st.integers(0, 3),
    ),
    st.tuples(st.just(edit_glossary), st.integers(0, 2)),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(rounds=st.lists(st.lists(EDITS, max_size=4), min_size=1, max_size=3))
def test_an_incremental_run_writes_what_a_run_from_scratch_writes(rounds):
    with tempfile.TemporaryDirectory() as folder:
        project = new_project(Path(folder) / "project")
        run_project(project)
        for edits in rounds:
            for edit, *arguments in edits:
                edit(project, *arguments)
            scratch = Path(folder) / "scratch"
            shutil.rmtree(scratch, ignore_errors=True)
            shutil.copytree(project, scratch)
            shutil.rmtree(scratch / ".dragoman-cache")
            run_project(project)
            report = run_project(scratch)
            assert report.skipped == 0
            assert outputs(project) == outputs(scratch)


def test_a_second_run_skips_every_article_and_memory_still_propagates(tmp_path):
    project = new_project(tmp_path / "project")
    first = run_project(project)
    assert (first.skipped, first.updated) == (0, ARTICLES)
    again = run_project(project)
    assert (again.skipped, again.updated) == (ARTICLES, 0)
    # a0 and a3 are the same article: a translation filled in one reaches the other (and
    # only it: the last sentence of a0 is in no other article).
    shared = polib.pofile(str(project / "locales/tr/LC_MESSAGES/a0.po"))[3].msgid
    edit_catalog(project, 0, 0, 3, 0)
    after = run_project(project)
    assert after.updated == 2  # a0 (its catalog changed) and a3 (it lacked that msgid)
    other = polib.pofile(str(project / "locales/tr/LC_MESSAGES/a3.po")).find(shared)
    assert other.msgstr == TRANSLATIONS[0] and "fuzzy" not in other.flags


def test_the_state_is_a_cache_safe_to_delete_or_damage(tmp_path):
    project = new_project(tmp_path / "project")
    run_project(project)
    state = project / ".dragoman-cache" / STATE_NAME
    before = snapshot(project)
    for damage in (lambda: state.unlink(), lambda: state.write_bytes(b"not a database")):
        damage()
        report = run_project(project)
        assert report.skipped == 0
        assert snapshot(project) == before
    assert run_project(project).skipped == ARTICLES


def test_the_cli_says_what_was_skipped(tmp_path):
    project = new_project(tmp_path / "project")
    assert run_translate("run", "--mt", "off", cwd=project).returncode == 0
    again = run_translate("run", "--mt", "off", cwd=project)
    assert again.returncode == 0, again.stderr
    assert f"{ARTICLES} articles unchanged since the last run: skipped" in again.stderr
