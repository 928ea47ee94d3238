"""Segments per second of `translate run`: on this machine vs a Dask cluster of 1 and 2 workers.

    .venv/bin/python benchmarks/cluster.py [--runs 2] [--articles 8]

The archive is `--articles` copies of the seed (63 segments each, every sentence made unique
by a word, as tests/test_cluster.py does), translated into Arabic with a package of the
published Argos models' size (built once into benchmarks/out/ by tests/support/argos_builder.py,
as benchmarks/engine.py does), without a glossary. Each figure is the best of `--runs` runs of
the real CLI on a fresh copy of the project, the settings taking turns:

* local: `translate run --to ar --mt require --no-glossary --quiet`;
* cluster of N workers: the same with `--scheduler` at a `LocalCluster` on 127.0.0.1 of N
  worker processes (`processes=True`, one task thread each, CTranslate2 on the worker's
  cores), after a first run that loads the model into the workers (reported as "cold");
* client only: the same run with `--mt off`, the work that stays on the client whatever
  the cluster's size (reading, planning, merging, writing, and the CLI's start).

The per-task overhead is the mean round trip of 100 empty tasks sent one after another to a
warm worker (submit, schedule, run, return); the scaling to N machines is projected from it
and the measured rates, on paper. Prints Markdown to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
SEED = REPO / "seeds" / "aleppo-offensive.txt"
TRANSLATE = Path(sys.executable).parent / "translate"
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
WORDS += [f"{word}-{suffix}" for suffix in WORDS for word in WORDS]
EMPTY_TASKS = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="timed runs per setting (best)")
    parser.add_argument("--articles", type=int, default=8, help="copies of the seed")
    options = parser.parse_args()
    sandbox = Path(tempfile.mkdtemp(prefix="dragoman-benchmark-"))
    try:
        run(options, sandbox)
    finally:
        shutil.rmtree(sandbox, ignore_errors=True)


def run(options: argparse.Namespace, sandbox: Path) -> None:
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(sandbox / variable.lower())
    os.environ["ARGOS_PACKAGES_DIR"] = str(sandbox / "packages")
    sys.path.insert(0, str(REPO))

    import distributed

    from tests.support.argos_builder import PUBLISHED, PackageRecipe, build_package
    from tests.support.cli import make_project
    from translate.cli.models import engine_settings
    from translate.cluster import TASK_BATCHES, ModelSpec, translate_on_worker
    from translate.packages import install_file
    from translate.segment import segment_document
    from translate.source import read_document

    recipe = PackageRecipe(to_code="ar", shape=PUBLISHED)
    archive = OUT / recipe.file_name
    if not archive.exists():
        note(f"building {archive} (once)")
        build_package(recipe, SEED.read_text(encoding="utf-8"), OUT)
    package = install_file(archive).package
    segments = [segment.text for segment in segment_document(read_document(SEED))]
    articles = {
        f"story-{WORDS[n]}.txt": "".join(f"{text[:-1]} {WORDS[n]}{text[-1]}\n" for text in segments)
        for n in range(options.articles)
    }
    template = make_project(sandbox / "template", sources=articles)
    total = len(segments) * options.articles
    settings = engine_settings()
    task_size = TASK_BATCHES * settings.max_batch_size

    def timed(*extra: str) -> float:
        root = sandbox / "project"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(template, root)
        command = [str(TRANSLATE), "run", "--to", "ar", "--no-glossary", "--quiet", *extra]
        start = time.perf_counter()
        subprocess.run(command, cwd=root, check=True, capture_output=True)
        return time.perf_counter() - start

    note(f"{total} segments; starting clusters of 1 and 2 workers")
    with contextlib.ExitStack() as stack:
        clusters = [
            stack.enter_context(
                distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
            )
            for workers in (1, 2)
        ]
        settings_runs: dict[str, tuple[str, ...]] = {
            "client only (`--mt off`)": ("--mt", "off"),
            "local": ("--mt", "require"),
        }
        cold: dict[str, float] = {}
        for cluster, workers in zip(clusters, (1, 2), strict=True):
            name = f"cluster, {workers} worker{'s' * (workers > 1)}"
            settings_runs[name] = ("--mt", "require", "--scheduler", cluster.scheduler_address)
            note(f"{name}: first run, loads the model into the workers")
            cold[name] = timed(*settings_runs[name])
        # The settings take turns, so that a busy moment on the shared machine hits all alike.
        times: dict[str, list[float]] = {name: [] for name in settings_runs}
        for round_ in range(options.runs):
            for name, extra in settings_runs.items():
                note(f"run {round_ + 1}: {name}")
                times[name].append(timed(*extra))
        client = stack.enter_context(distributed.Client(clusters[0], set_as_default=False))
        spec = ModelSpec("en", "ar", package.package_version, settings, None)
        start = time.perf_counter()
        for _ in range(EMPTY_TASKS):
            client.submit(translate_on_worker, spec, [], pure=False).result()
        overhead = (time.perf_counter() - start) / EMPTY_TASKS
    best = {name: min(values) for name, values in times.items()}
    client_only = best.pop("client only (`--mt off`)")
    rows = [(name, seconds, cold.get(name)) for name, seconds in best.items()]

    local = rows[0][1]
    print(f"{total} segments, en→ar, published-size package, {machine()}\n")
    print("| setting | seconds | segments/s | vs local | MT segments/s | first run (cold) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, seconds, first in rows:
        mt_rate = total / max(seconds - client_only, 1e-9)
        print(
            f"| {name} | {seconds:.2f} | {total / seconds:.1f} | {seconds / local:.2f}× | "
            f"{mt_rate:.1f} | {'—' if first is None else f'{first:.2f} s'} |"
        )
    print(f"| client only (`--mt off`) | {client_only:.2f} | {total / client_only:.1f} | | | |")
    print(
        f"\nPer-task overhead (empty task round trip, mean of {EMPTY_TASKS}): "
        f"{overhead * 1000:.1f} ms; a task is {task_size} segments.\n"
    )
    # The projection: N machines like this one, each running one worker; the client's own
    # work (client only) does not shrink, MT divides over the workers, each task adds its
    # overhead once on the worker that runs it.
    worker_rate = total / max(rows[1][1] - client_only, 1e-9)
    per_task = task_size / worker_rate + overhead
    print("Projection on paper for an archive of 100,000 segments, N machines like this one:\n")
    print("| machines | MT hours | client hours | total hours | segments/s |")
    print("|---:|---:|---:|---:|---:|")
    archive_segments = 100_000
    client_seconds = client_only / total * archive_segments
    for machines in (1, 2, 4, 8, 16, 32, 64):
        mt_seconds = archive_segments / task_size * per_task / machines
        seconds = mt_seconds + client_seconds
        print(
            f"| {machines} | {mt_seconds / 3600:.2f} | {client_seconds / 3600:.2f} | "
            f"{seconds / 3600:.2f} | {archive_segments / seconds:.0f} |"
        )


def machine() -> str:
    import platform

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.machine()}, {cores} cores, load average {load:.1f} at the end"


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
