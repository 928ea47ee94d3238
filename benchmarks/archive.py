"""`translate run` at archive scale: first run, no-op re-run, one article changed, peak
memory, a kill at 60%, against polib and pysbd on the same data, measured in one run.

Run by hand: `.venv/bin/python benchmarks/archive.py [--articles 200] [--kill-articles 40]
[--kill-repeats 3]`.

The archive is `--articles` articles of 30 paragraphs, each paragraph 3 to 6 sentences of
the seed (`tests/data/aleppo-offensive.segments.txt`) with their numbers changed
(`tests/support/archive.py`). Every `translate run` is the real command in a subprocess:
project glossary on, `--mt off`, into ar, tr and ru. Figures:

- first run, no-op re-run, re-run after one article changed (wall time);
- peak RSS of the first run at N and 4N articles (`wait4`'s `ru_maxrss`);
- the baselines on the same data: polib reading and saving every catalog of the first run,
  and pysbd segmenting every paragraph;
- with `--kill-articles K`: a machine-translating run (`--mt require`, the tiny random-weight
  Argos test packages of `tests/support/argos_builder.py`, one per language) over K articles
  killed with SIGKILL at 60% of a clean run's time, then re-run (`--kill-repeats` times,
  each over a fresh copy); the re-run's time against the clean run's, and whether the final
  locales folder (catalogs, templates, and any file left behind) equals the clean run's.

Prints a Markdown table to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the archive generator and the Argos test packages

from tests.support.archive import write_archive  # noqa: E402

TRANSLATE = Path(sys.executable).parent / "translate"
LANGUAGES = ("ar", "tr", "ru")
DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


def project(root: Path, articles: int) -> Path:
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.translate]\nsource_language = "en"\ntarget_languages = ["ar", "tr", "ru"]\n'
        'sources = ["archive"]\n',
        encoding="utf-8",
    )
    shutil.copytree(REPO / "glossary", root / "glossary")
    write_archive(root / "archive", articles, sentences=(3, 6))
    return root


def translate(root: Path, *arguments: str, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run `translate run ARGUMENTS` in `root`: (seconds, peak RSS in MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(TRANSLATE), "run", "--quiet", *arguments],
        cwd=root,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"translate run failed in {root}")
    return elapsed, usage.ru_maxrss // 1024


def polib_read_save(root: Path) -> float:
    import polib

    paths = sorted((root / "locales").glob("*/LC_MESSAGES/*.po"))
    started = time.perf_counter()
    for path in paths:
        polib.pofile(str(path)).save(str(path) + ".polib")
    elapsed = time.perf_counter() - started
    for path in paths:
        os.unlink(str(path) + ".polib")
    return elapsed


def pysbd_paragraphs(root: Path) -> float:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    paragraphs = [
        line
        for path in sorted((root / "archive").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    started = time.perf_counter()
    for paragraph in paragraphs:
        segmenter.segment(paragraph)
    return time.perf_counter() - started


def outputs(root: Path) -> dict[str, bytes]:
    """Every file of the locales folder but the lock, without the dates of the run."""
    return {
        str(path.relative_to(root)): DATES.sub(b"", path.read_bytes())
        for path in sorted((root / "locales").rglob("*"))
        if path.is_file() and path.name != ".translate.lock"
    }


def tiny_models(folder: Path) -> dict[str, str]:
    """An ARGOS_PACKAGES_DIR with the tiny en→ar, en→tr, en→ru test packages installed."""
    from tests.support.argos_builder import PackageRecipe, build_package

    packages = folder / "packages"
    env = {"ARGOS_PACKAGES_DIR": str(packages)}
    os.environ.update(env)
    from translate.packages import install_file

    seed = (REPO / "seeds/aleppo-offensive.txt").read_text(encoding="utf-8")
    for language in LANGUAGES:
        install_file(build_package(PackageRecipe(to_code=language), seed, folder / language))
    return env


def killed_at(root: Path, seconds: float, env: dict[str, str], chunk: str) -> None:
    process = subprocess.Popen(
        [str(TRANSLATE), "run", "--quiet", "--mt", "require", "--chunk-segments", chunk],
        cwd=root,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=seconds)
        raise SystemExit("the run ended before it could be killed")
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--kill-articles", type=int, default=0)
    parser.add_argument(
        "--kill-chunk-segments",
        type=int,
        default=500,
        help="chunk size of the killed run: enough chunks that 60%% of the time finishes some",
    )
    parser.add_argument(
        "--kill-repeats",
        type=int,
        default=1,
        help="killed runs (each over a fresh copy), to see how often the re-run ends equal",
    )
    args = parser.parse_args()
    n = args.articles
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        root = project(scratch / "archive", n)
        segments = sum(1 for _ in (root / "archive").glob("*.txt"))
        log(f"first run over {segments} articles …")
        first, rss = translate(root, "--mt", "off")
        log("no-op re-run …")
        noop, _ = translate(root, "--mt", "off")
        changed = sorted((root / "archive").glob("*.txt"))[n // 2]
        changed.write_text(changed.read_text(encoding="utf-8").replace("a", "the", 1))
        log("re-run after one article changed …")
        one, _ = translate(root, "--mt", "off")
        log("baselines …")
        polib_time = polib_read_save(root)
        pysbd_time = pysbd_paragraphs(root)
        log(f"first run over {4 * n} articles, for its peak RSS …")
        _, rss4 = translate(project(scratch / "archive4", 4 * n), "--mt", "off")
        baseline = polib_time + pysbd_time
        rows += [
            ("first run", f"{first:.1f} s ({first / baseline:.2f}× polib + pysbd)"),
            ("no-op re-run", f"{noop:.2f} s ({noop / first:.3f}× first run)"),
            ("re-run, one article changed", f"{one:.2f} s ({one / first:.3f}× first run)"),
            (f"polib read+save of the {3 * n} catalogs", f"{polib_time:.1f} s"),
            ("pysbd on the same paragraphs", f"{pysbd_time:.1f} s"),
            (
                f"peak RSS, {n} → {4 * n} articles",
                f"{rss} MB → {rss4} MB ({rss4 / rss:.2f}×)",
            ),
        ]
        if args.kill_articles:
            k = args.kill_articles
            env = tiny_models(scratch / "models")
            clean = project(scratch / "clean", k)
            log(f"clean machine-translating run over {k} articles …")
            chunk = str(args.kill_chunk_segments)
            mt = ("--mt", "require", "--chunk-segments", chunk)
            clean_time, _ = translate(clean, *mt, env=env)
            reruns: list[tuple[int, float, bool]] = []
            for attempt in range(args.kill_repeats):
                killed = project(scratch / f"killed-{attempt}", k)
                log(f"killed at {0.6 * clean_time:.1f} s, then re-run …")
                killed_at(killed, 0.6 * clean_time, env, chunk)
                done = len(list((killed / "locales").glob("*/LC_MESSAGES/*.po"))) // 3
                rerun, _ = translate(killed, *mt, env=env)
                # Every file of the locales folder but the lock: a temporary file or journal
                # left behind is a difference too.
                reruns.append((done, rerun, outputs(killed) == outputs(clean)))
            rows.append(
                (
                    f"MT run over {k} articles, chunks of {chunk} segments (tiny Argos models)",
                    f"{clean_time:.1f} s",
                )
            )
            for done, rerun, same in reruns:
                rows.append(
                    (
                        f"re-run after SIGKILL at 60% ({done} articles were done)",
                        f"{rerun:.1f} s ({rerun / clean_time:.2f}× clean); final catalogs "
                        + ("equal the clean run's" if same else "DIFFER from the clean run's"),
                    )
                )
    print(
        f"`translate run --mt off` into ar, tr, ru, glossary on; {n} articles "
        f"({platform.machine()}, {os.cpu_count()} cores)\n"
    )
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
