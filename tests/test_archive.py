"""`translate run` over an archive in chunks: each chunk written before the next, a kill loses
at most the chunk in flight, and the re-run ends where a clean run ends."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.archive import write_archive
from tests.support.catalogs import without_dates
from tests.support.cli import REPO, TRANSLATE, make_project, run_translate, with_models

ARTICLES = 8
# Enough chunks after the first that a signal sent once it lands arrives mid-run even when the
# test process is scheduled late on a loaded machine.
STOPPED_ARTICLES = 24
CHUNK = ["--chunk-segments", "25"]  # an article is 10 to 16 segments: about 5 chunks


def archive(root: Path, articles: int = ARTICLES) -> Path:
    project = make_project(root, sources={})
    write_archive(project / "seeds", articles, paragraphs=6)
    return project


def outputs(project: Path) -> dict[str, bytes]:
    """The templates and catalogs, without their dates."""
    return {
        str(path.relative_to(project)): without_dates(path.read_bytes())
        for path in sorted((project / "locales").rglob("*.po*"))
    }


def catalogs(project: Path) -> list[Path]:
    return sorted((project / "locales").glob("*/LC_MESSAGES/*.po"))


def leftovers(project: Path) -> list[Path]:
    """Temporary files and the journal of a write in the locales folder."""
    found = [*(project / "locales").rglob("*.tmp"), *(project / "locales").rglob("*.journal")]
    return sorted(found)


def test_a_chunked_run_writes_every_article_and_a_rerun_changes_nothing(tmp_path):
    project = archive(tmp_path / "project")
    first = run_translate("run", "--mt", "off", *CHUNK, cwd=project)
    assert first.returncode == 0, first.stderr
    assert len(catalogs(project)) == 3 * ARTICLES
    for path in catalogs(project):
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)])
        assert check.returncode == 0
    before = {path: path.read_bytes() for path in (project / "locales").rglob("*.po*")}
    again = run_translate("run", "--mt", "off", *CHUNK, cwd=project)
    assert again.returncode == 0, again.stderr
    assert {path: path.read_bytes() for path in before} == before


def interrupted_run(
    project: Path, models: Path, signal_number: int, ctrl_c: object = signal.SIG_DFL
) -> subprocess.Popen:
    """`translate run` sent `signal_number` once its first chunk is on disk; it starts with
    Ctrl-C handled as `ctrl_c`."""
    process = subprocess.Popen(
        [str(TRANSLATE), "run", "--mt", "require", *CHUNK],
        cwd=project,
        env={**os.environ, **with_models(models)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Python ignores Ctrl-C when started with it ignored, as pytest run in the background
        # of a script is; set it as the case needs, not as pytest was started.
        preexec_fn=lambda: signal.signal(signal.SIGINT, ctrl_c),
    )
    deadline = time.monotonic() + 120
    while not catalogs(project) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal_number)
    process.wait(timeout=120)
    return process


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGINT])
def test_a_run_stopped_mid_way_keeps_its_chunks_and_the_rerun_ends_as_a_clean_run(
    tmp_path, tiny_models, signal_number
):
    clean = archive(tmp_path / "clean", STOPPED_ARTICLES)
    result = run_translate(
        "run", "--mt", "require", *CHUNK, cwd=clean, env=with_models(tiny_models)
    )
    assert result.returncode == 0, result.stderr
    stopped = archive(tmp_path / "stopped", STOPPED_ARTICLES)
    process = interrupted_run(stopped, tiny_models, signal_number)
    expected = -signal.SIGKILL if signal_number == signal.SIGKILL else 130
    assert process.returncode == expected, process.stderr.read()
    if signal_number == signal.SIGINT:
        assert re.search(
            rf"interrupted: \d+ of {STOPPED_ARTICLES} articles done \(\d+ chunks written\)",
            process.stderr.read(),
        )
    # The chunks finished are on disk; Ctrl-C never leaves a chunk half renamed into place.
    written = catalogs(stopped)
    stems = {path.stem for path in written}
    assert written and len(stems) < STOPPED_ARTICLES, "the run was not stopped mid-way"
    if signal_number == signal.SIGINT:
        assert len(written) == 3 * len(stems)
    for path in written:
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)])
        assert check.returncode == 0
    rerun = run_translate(
        "run", "--mt", "require", *CHUNK, cwd=stopped, env=with_models(tiny_models)
    )
    assert rerun.returncode == 0, rerun.stderr
    assert outputs(stopped) == outputs(clean)


def test_a_run_started_with_ctrl_c_ignored_runs_to_the_end(tmp_path, tiny_models):
    """`nohup` and background jobs of scripts ignore Ctrl-C; the run honours that, also while
    a chunk is written."""
    project = archive(tmp_path / "project", STOPPED_ARTICLES)
    process = interrupted_run(project, tiny_models, signal.SIGINT, ctrl_c=signal.SIG_IGN)
    assert process.returncode == 0, process.stderr.read()
    assert len(catalogs(project)) == 3 * STOPPED_ARTICLES


def test_a_kill_between_two_renames_of_a_chunk_is_completed_by_the_rerun(tmp_path, tiny_models):
    """SIGKILL after the first Arabic catalog of the first chunk is renamed into place (with
    chunks of 40 segments it holds at least two articles): the other catalogs of the chunk
    are still temporary files. Were the chunk left half written, the re-run would find the
    second article's sentences in the first one's catalog and take them as memory, where a
    clean run machine-translates both in one batch."""
    mt = ["run", "--mt", "require", "--chunk-segments", "40"]
    clean = archive(tmp_path / "clean")
    result = run_translate(*mt, cwd=clean, env=with_models(tiny_models))
    assert result.returncode == 0, result.stderr
    killed = archive(tmp_path / "killed")
    first = "ar/LC_MESSAGES/article-00000.po"
    process = subprocess.run(
        [sys.executable, "-m", "tests.support.killed", *mt],
        cwd=killed,
        env={
            **os.environ,
            **with_models(tiny_models),
            "PYTHONPATH": str(REPO),
            "KILL_AFTER_RENAMING": first,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == -signal.SIGKILL, process.stderr
    assert [str(path.relative_to(killed / "locales")) for path in catalogs(killed)] == [first]
    assert leftovers(killed)
    rerun = run_translate(*mt, cwd=killed, env=with_models(tiny_models))
    assert rerun.returncode == 0, rerun.stderr
    assert outputs(killed) == outputs(clean)
    assert leftovers(killed) == []
