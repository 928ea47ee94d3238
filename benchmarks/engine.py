"""Segments per second on the seed: our engine vs Argos Translate's loop vs one raw call.

    .venv/bin/python benchmarks/engine.py [--runs 3] [--sweep]

All three translate the seed's 63 segments with the same Argos package, built once into
benchmarks/out/ by tests/support/argos_builder.py with the published models' dimensions
(Transformer base: 6+6 layers, d_model 512, FFN 2048, 8 heads, 50k shared vocabulary, int8)
and random weights, and the same beam size (4):

* engine: `translate.engine.Engine.translate(segments)` with its default settings;
* Argos loop: `argostranslate.translate.translate(segment, "en", "ar")` for each segment,
  with Argos' default settings, its sentence splitter reduced to returning the segment (the
  default MiniSBD splitter would download a model; skipping it only makes Argos faster);
* raw call: one `translate_batch` on pre-tokenized input on the engine's translator, the
  ceiling for this machine.

Random weights would decode every segment to the length limit; the package's length
mechanism (see argos_builder) ends each output at about 1.1 times its source instead, for
all three alike, so the limits never bind; the table's notes give the distribution.
Each figure is the best of `--runs` timed runs, the methods taking turns so that a busy
moment on the machine hits all three alike. `--sweep` also times the engine's batch sizes
and thread layouts (how the defaults were chosen). Everything runs offline in a temporary
HOME. Prints Markdown to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"
SEED = REPO / "seeds" / "aleppo-offensive.txt"
WARM_UP = "The army advanced on Friday."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per method (best)")
    parser.add_argument("--sweep", action="store_true", help="also time batch sizes and threads")
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

    from tests.support.argos_builder import PUBLISHED, PackageRecipe, build_package
    from tests.support.argos_reference import whole_segment_argos
    from translate.engine import Engine, EngineSettings
    from translate.packages import install_file
    from translate.segment import segment_document
    from translate.source import read_document

    segments = [segment.text for segment in segment_document(read_document(SEED))]
    recipe = PackageRecipe(to_code="ar", shape=PUBLISHED)
    archive = OUT / recipe.file_name
    if not archive.exists():
        note(f"building {archive} (once)")
        build_package(recipe, SEED.read_text(encoding="utf-8"), OUT)
    package = install_file(archive).package
    settings = EngineSettings()
    engine = Engine(package, settings)
    engine.translate([WARM_UP])

    tokenized = [engine._tokenizer.encode(segment) for segment in segments]
    bound = settings.decoding_bound(max(len(tokens) for tokens in tokenized))

    def raw_call() -> list:
        return engine._translator.translate_batch(
            tokenized,
            beam_size=settings.beam_size,
            length_penalty=settings.length_penalty,
            replace_unknowns=True,
            max_batch_size=settings.max_batch_size,
            max_decoding_length=bound,
        )

    with whole_segment_argos() as argos:

        def argos_translate(text: str) -> str:
            return argos.translate(text, "en", "ar")

        argos_translate(WARM_UP)
        # Rounds interleave the methods, so a busy moment on the machine hits all three alike.
        engine_seconds, raw_seconds, argos_seconds = best_of(
            [
                lambda: engine.translate(segments),
                raw_call,
                lambda: [argos_translate(segment) for segment in segments],
            ],
            options.runs,
        )
        reference = [argos_translate(segment) for segment in segments]
        argos_settings = argos.settings
    batched_run = engine.translate(segments)
    batched = [translation.text for translation in batched_run]
    engine_cut = sum(
        any(flag.code == "length-limit" for flag in translation.flags)
        for translation in batched_run
    )
    output_tokens = [len(result.hypotheses[0]) for result in raw_call()]
    alone = [engine.translate([segment])[0].text for segment in segments]

    count = len(segments)
    rows = [
        ("our engine (`Engine.translate`)", engine_seconds),
        ("Argos loop (`argostranslate.translate.translate`)", argos_seconds),
        ("raw `translate_batch`, pre-tokenized (ceiling)", raw_seconds),
    ]
    print(f"Seed: {count} segments; package: {package.code} {package.package_version} with the")
    print("published dimensions and random weights; beam 4; best of", options.runs, "runs.\n")
    print("| method | seconds | segments/s | vs Argos loop | vs raw call |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds in rows:
        print(
            f"| {name} | {seconds:.2f} | {count / seconds:.1f} | "
            f"{argos_seconds / seconds:.2f}× | {raw_seconds / seconds:.2f}× |"
        )
    source_tokens = [len(tokens) for tokens in tokenized]
    ratios = [out / source for out, source in zip(output_tokens, source_tokens, strict=True)]
    print()
    vocabulary = engine._tokenizer.lazy_processor().get_piece_size()
    print(f"- Machine: {machine()}; CTranslate2 {ctranslate2_version()}, {argos_version()}.")
    print(f"- Package: {archive.stat().st_size / 1e6:.0f} MB, {vocabulary} vocabulary pieces.")
    print(
        f"- Engine settings: {settings.compute_type}, beam {settings.beam_size}, "
        f"{settings.inter_threads} workers × {settings.intra_threads} thread, "
        f"batches of {settings.max_batch_size} segments, longest first."
    )
    print(
        f"- Argos defaults: compute_type={argos_settings.compute_type}, "
        f"intra_threads={argos_settings.intra_threads}, "
        f"inter_threads={argos_settings.inter_threads}, "
        f"batch_size={argos_settings.batch_size} tokens, beam_size={argos_settings.beam_size}."
    )
    print(
        f"- Source tokens per segment: min {min(source_tokens)}, median "
        f"{statistics.median(source_tokens):g}, max {max(source_tokens)} "
        f"({sum(source_tokens)} in all)."
    )
    print(
        f"- Output tokens per segment: min {min(output_tokens)}, median "
        f"{statistics.median(output_tokens):g}, max {max(output_tokens)} "
        f"({sum(output_tokens)} in all); output/source ratio min {min(ratios):.2f}, "
        f"median {statistics.median(ratios):.2f}, max {max(ratios):.2f}. "
        f"Outputs stopped by a length limit: raw call {sum(o >= bound for o in output_tokens)} "
        f"(limit {bound}), engine {engine_cut} (2 × longest source + 10 per batch); Argos' "
        "limit is CTranslate2's default 256."
    )
    print(
        f"- Same text as Argos: each segment alone "
        f"{sum(a == b for a, b in zip(alone, reference, strict=True))}/{count}, "
        f"batched run {sum(a == b for a, b in zip(batched, reference, strict=True))}/{count}."
    )
    if options.sweep:
        sweep(package, segments, options.runs)


def sweep(package, segments: list[str], runs: int) -> None:
    from translate.engine import Engine, EngineSettings, physical_cores

    cores = physical_cores()
    configurations = [
        (inter, intra, size)
        for inter, intra in ((cores, 1), (1, cores), (1, 1))
        for size in (4, 8, 16, 32, 64)
    ]
    engines = []
    for inter, intra, size in configurations:
        settings = EngineSettings(inter_threads=inter, intra_threads=intra, max_batch_size=size)
        engine = Engine(package, settings)
        engine.translate([WARM_UP])
        engines.append(engine)
    note(f"sweep over {len(engines)} settings")
    seconds = best_of(
        [lambda engine=engine: engine.translate(segments) for engine in engines], runs
    )
    print("\n| workers × threads | batch size | seconds | segments/s |")
    print("|---|---:|---:|---:|")
    for (inter, intra, size), best in zip(configurations, seconds, strict=True):
        print(f"| {inter} × {intra} | {size} | {best:.2f} | {len(segments) / best:.1f} |")


def best_of(methods: list[Callable[[], object]], runs: int) -> list[float]:
    """The fastest of `runs` timed calls of each method, the methods taking turns."""
    seconds: list[list[float]] = [[] for _ in methods]
    for round_number in range(1, runs + 1):
        note(f"round {round_number} of {runs}")
        for method, timings in zip(methods, seconds, strict=True):
            start = time.perf_counter()
            method()
            timings.append(time.perf_counter() - start)
    return [min(timings) for timings in seconds]


def machine() -> str:
    from translate.engine import physical_cores

    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {physical_cores()} cores, no GPU, Python {platform.python_version()}"


def ctranslate2_version() -> str:
    import ctranslate2

    return ctranslate2.__version__


def argos_version() -> str:
    from importlib.metadata import version

    return f"argos-translate-lt {version('argos-translate-lt')}"


def note(message: str) -> None:
    print(f"benchmark: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
