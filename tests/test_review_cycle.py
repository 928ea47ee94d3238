"""The randomized review cycle (issue 10): Hypothesis edits the article and the catalogs the
way writers and translators do, and runs `translate run` through the real CLI, with
machine translation off or through small real Argos packages. After every run:

- no translation or translator comment that was in a catalog is lost (it is on an active or
  an obsolete entry, with its comments);
- a reviewed entry whose msgid is still in the source is unchanged;
- every catalog passes `msgfmt --check`;
- a second run leaves every file byte-identical.

Bounded: a few examples of a few steps (each step two CLI runs), so the whole test stays
within about half a minute of CPU.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.catalogs import msgfmt_check, snapshot
from tests.support.cli import REPO, make_project, run_translate, with_models

LANGUAGES = ("ar", "tr", "ru")
BASE = 8  # seed sentences the article starts with; the rest of the seed replaces them

# Translator text: several scripts, quotes, a backslash, a tab, an inner line break (a
# msgstr may not begin or end with one where its msgid does not: msgfmt --check).
LETTERS = "abcçğışöüxyz ابحلب ДАмоскваё \"'«»\\\t%.,?"
translator_text = st.text(alphabet=LETTERS + "\n", min_size=1, max_size=24).filter(
    lambda text: text.strip() == text and text.strip("\n") == text and text != ""
)
comment_text = st.one_of(
    st.sampled_from(
        ["Reviewer: keep this", "check: ignore numbers", "Ask the desk.", "Saved under C:\\"]
    ),
    st.text(alphabet=LETTERS, min_size=1, max_size=20).filter(lambda t: t.strip() == t),
)

# What a writer does to the article: positions are taken modulo its length, so any step
# applies to any state.
source_edit = st.one_of(
    st.tuples(st.just("reword"), st.integers(0, 99)),  # a close edit: a fuzzy match
    st.tuples(st.just("replace"), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.integers(0, 99)),
    st.tuples(st.just("restore"), st.integers(0, 99)),  # a sentence comes back
    st.tuples(st.just("repeat"), st.integers(0, 99)),
)
# What a translator does in a PO editor, on entry `n` of language `l`.
translator_edit = st.one_of(
    st.tuples(st.just("fill"), st.integers(0, 2), st.integers(0, 99), translator_text),
    st.tuples(st.just("review"), st.integers(0, 2), st.integers(0, 99)),
    st.tuples(st.just("comment"), st.integers(0, 2), st.integers(0, 99), comment_text),
    st.tuples(st.just("no-wrap"), st.integers(0, 2), st.integers(0, 99)),
)
step = st.tuples(
    st.lists(source_edit, max_size=3),
    st.lists(translator_edit, max_size=4),
    st.booleans(),  # machine translation on
)


@dataclass
class Article:
    """The article as the writer sees it: one sentence a line, and what was ever in it."""

    lines: list[str]
    pool: list[str]
    history: list[str]

    def edit(self, action: tuple) -> None:
        if not self.lines:
            self.lines.append(self.pool[0])
        where = action[1] % len(self.lines)
        old = self.lines[where]
        if action[0] == "reword":
            first, _, rest = old.partition(" ")
            self.lines[where] = f"{first} also {rest}" if rest else f"{old} also"
        elif action[0] == "replace":
            self.lines[where] = self.pool[action[2] % len(self.pool)]
        elif action[0] == "delete" and len(self.lines) > 1:
            del self.lines[where]
        elif action[0] == "restore":
            self.lines.insert(where, self.history[action[1] % len(self.history)])
        elif action[0] == "repeat":
            self.lines.append(old)
        self.history.extend(line for line in self.lines if line not in self.history)

    def save(self, root: Path) -> None:
        text = "\n".join(self.lines) + "\n"
        (root / "seeds" / "aleppo-offensive.txt").write_text(text, encoding="utf-8")


def catalog_path(root: Path, language: str) -> Path:
    return root / "locales" / language / "LC_MESSAGES" / "aleppo-offensive.po"


def translate_like_an_editor(root: Path, action: tuple) -> None:
    """One edit of a catalog through polib, which saves in its own layout as editors do."""
    path = catalog_path(root, LANGUAGES[action[1]])
    catalog = polib.pofile(str(path), wrapwidth=78)
    entries = [entry for entry in catalog if not entry.obsolete]
    if not entries:
        return
    entry = entries[action[2] % len(entries)]
    if action[0] == "fill":
        entry.msgstr = action[3]
    elif action[0] == "review" and entry.msgstr:
        # Poedit and Lokalize drop the previous msgid with the fuzzy flag.
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = None
    elif action[0] == "comment":
        entry.tcomment = "\n".join(filter(None, [entry.tcomment, action[3]]))
    elif action[0] == "no-wrap" and "no-wrap" not in entry.flags:
        entry.flags.append("no-wrap")
    catalog.save()


def comment_lines(entry: polib.POEntry) -> set[str]:
    return set(entry.tcomment.splitlines())


def assert_nothing_lost(before: polib.POFile, after: polib.POFile, language: str) -> None:
    """Every translation and translator comment in `before` is in `after`, and every reviewed
    entry whose msgid is still active (or comes back) is as it was."""
    active = {entry.msgid: entry for entry in after if not entry.obsolete}
    for old in before:
        if not old.msgid or not (old.msgstr or old.tcomment):
            continue
        # An empty msgstr may be filled (by MT or memory); a translation must stay as it is.
        assert any(
            new.msgstr == old.msgstr or (not old.msgstr and new.msgid == old.msgid)
            for new in after
            if comment_lines(old) <= comment_lines(new)
        ), f"{language}: lost {old.msgstr!r} / {old.tcomment!r} of {old.msgid!r}"
        reviewed = old.msgstr and not old.fuzzy
        if reviewed and old.msgid in active and (not old.obsolete or not before.find(old.msgid)):
            new = active[old.msgid]
            assert (new.msgstr, new.tcomment, sorted(new.flags)) == (
                old.msgstr,
                old.tcomment,
                sorted(old.flags),
            ), f"{language}: reviewed entry {old.msgid!r} changed"


def run(root: Path, models: Path, machine: bool) -> None:
    result = run_translate(
        "run", "--mt", "auto" if machine else "off", "-q", cwd=root, env=with_models(models)
    )
    assert result.returncode == 0, result.stderr


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(steps=st.lists(step, min_size=1, max_size=3))
def test_the_review_cycle_never_loses_a_translators_work(
    seed_segments: list[str], tiny_models: Path, steps: list
) -> None:
    review_cycle(seed_segments, tiny_models, steps)


def review_cycle(seed_segments: list[str], tiny_models: Path, steps: list) -> None:
    """Write the article, run, then for each step: translator edits, source edits, a run
    checked against the catalogs before it, and a second run that must change nothing."""
    article = Article(
        lines=seed_segments[:BASE],
        pool=seed_segments[BASE:],
        history=list(seed_segments[:BASE]),
    )
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder) / "project")
        shutil.copytree(REPO / "glossary", root / "glossary")
        article.save(root)
        run(root, tiny_models, machine=False)
        for source_edits, translator_edits, machine in steps:
            for action in translator_edits:
                translate_like_an_editor(root, action)
            for action in source_edits:
                article.edit(action)
            article.save(root)
            before = {lang: polib.pofile(str(catalog_path(root, lang))) for lang in LANGUAGES}

            run(root, tiny_models, machine)
            for language in LANGUAGES:
                path = catalog_path(root, language)
                assert_nothing_lost(before[language], polib.pofile(str(path)), language)
                msgfmt_check(path)
            written = snapshot(root)
            run(root, tiny_models, machine)
            assert snapshot(root) == written
