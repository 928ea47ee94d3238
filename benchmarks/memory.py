"""The translation memory at archive scale: adding one article, per-query times, recall.

    .venv/bin/python benchmarks/memory.py [--sizes 3000,300000] [--articles 3] [--queries 200]
                                          [--candidates 500,400,300,200]

For each size, a project whose Turkish catalogs hold that many translated entries (articles
of 60 sentences from tests/support/news_corpus.py, written as PO files) is built and its
memory index built once (`translate memory stats`, timed apart). Then, `--articles` times, a
new article of 60 sentences (a third of them edits of archived sentences, as follow-ups are)
is added and `translate run seeds/NEW.txt --to tr --mt off --quiet` runs as a subprocess:
start-up, the index update (the previous new article's catalog is read), the lookups, the
merge and the write, i.e. what adding an article costs besides machine translation. The
median is reported. Then, in process, `--queries` new sentences are looked up in the index
and by the exhaustive scan (`TranslationMemory`) and their times and agreement reported.
With `--candidates`, the agreement is measured again for each number of candidates the
index hands to rapidfuzz (`translate.memory.index.CANDIDATES`).

Prints a Markdown table to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.news_corpus import NewsCorpus, pseudo_translation  # noqa: E402
from translate.config import load_config  # noqa: E402
from translate.files import catalog_paths, load_catalog  # noqa: E402
from translate.memory import index as memory_index  # noqa: E402
from translate.memory import memory_from_catalogs  # noqa: E402
from translate.memory.project import open_memory  # noqa: E402

TRANSLATE = Path(sys.executable).parent / "translate"
ARTICLE = 60  # sentences per article


def po_text(entries: list[str]) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: tr\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    )
    return header + "".join(
        f"msgid {quoted(s)}\nmsgstr {quoted(pseudo_translation(s))}\n\n" for s in entries
    )


def build(root: Path, size: int, corpus: NewsCorpus) -> None:
    (root / "pyproject.toml").write_text(
        '[tool.translate]\ntarget_languages = ["tr"]\nsources = ["seeds/*.txt"]\n',
        encoding="utf-8",
    )
    (root / "seeds").mkdir(parents=True)
    folder = root / "locales" / "tr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    sentences = corpus.sentences(size)
    for number, start in enumerate(range(0, size, ARTICLE)):
        (folder / f"archive-{number:05d}.po").write_text(
            po_text(sentences[start : start + ARTICLE]), encoding="utf-8"
        )


def translate(root: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(TRANSLATE), *args], cwd=root, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(
    size: int, articles: int, queries: int, seed: int, candidates: list[int]
) -> dict[str, object]:
    corpus = NewsCorpus(seed=seed)
    root = Path(tempfile.mkdtemp(prefix=f"memory-bench-{size}-"))
    try:
        print(f"{size}: writing catalogs", file=sys.stderr)
        build(root, size, corpus)
        print(f"{size}: building the index", file=sys.stderr)
        index_build = translate(root, "memory", "stats")
        times = []
        for number in range(articles):
            (root / "seeds" / f"new-{number}.txt").write_text(
                " ".join(corpus.sentences(ARTICLE)), encoding="utf-8"
            )
            times.append(
                translate(root, "run", f"seeds/new-{number}.txt", "--to", "tr", "--mt", "off", "-q")
            )
            print(f"{size}: article {number + 1}: {times[-1]:.2f} s", file=sys.stderr)
        asked = corpus.sentences(queries)
        config = load_config(root)
        # Every catalog, the new articles' suggestions included, as the index holds them.
        exhaustive = memory_from_catalogs(
            (config.display_path(path), load_catalog(path)) for path in catalog_paths(config, "tr")
        )
        start = time.perf_counter()
        best = [exhaustive.closest(query) for query in asked]
        scanned = (time.perf_counter() - start) / queries

        def agreeing(found: list) -> int:
            return sum((a and a.score) == (b and b.score) for a, b in zip(found, best, strict=True))

        with open_memory(config, ["tr"]) as index:
            memory = index.memory("tr")
            start = time.perf_counter()
            found = [memory.closest(query) for query in asked]
            indexed = (time.perf_counter() - start) / queries
            same = agreeing(found)
            by_candidates = {}
            default = memory_index.CANDIDATES
            try:
                for number in candidates:
                    memory_index.CANDIDATES = number
                    by_candidates[number] = agreeing([memory.closest(query) for query in asked])
            finally:
                memory_index.CANDIDATES = default
        return {
            "index_build": index_build,
            "article": statistics.median(times),
            "query_index_ms": indexed * 1000,
            "query_scan_ms": scanned * 1000,
            "recall": same / queries,
            "with_match": sum(b is not None for b in best) / queries,
            "by_candidates": by_candidates,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,300000")
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--candidates", default="", help="e.g. 500,400,300,200")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    candidates = [int(number) for number in options.candidates.split(",") if number]
    results = {
        size: measure(size, options.articles, options.queries, options.seed, candidates)
        for size in sizes
    }
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}\n")  # fmt: skip
    print("| entries | index build | add one article (median) | per query: index | "
          "per query: exhaustive | same best score | queries with a match |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for size, r in results.items():
        print(f"| {size:,} | {r['index_build']:.1f} s | {r['article']:.2f} s | "
              f"{r['query_index_ms']:.1f} ms | {r['query_scan_ms']:.1f} ms | "
              f"{r['recall']:.1%} | {r['with_match']:.0%} |")  # fmt: skip
    first, last = results[sizes[0]], results[sizes[-1]]
    print(f"\nadding an article: {last['article'] / first['article']:.2f}× at "
          f"{sizes[-1]:,} entries vs {sizes[0]:,}")  # fmt: skip
    if candidates:
        print("\n| entries | " + " | ".join(f"{n} candidates" for n in candidates) + " |")
        print("|---|" + "---|" * len(candidates))
        for size, r in results.items():
            cells = " | ".join(f"{r['by_candidates'][n]} of {options.queries}" for n in candidates)
            print(f"| {size:,} | {cells} |")


if __name__ == "__main__":
    main()
