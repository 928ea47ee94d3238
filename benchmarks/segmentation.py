"""Segmentation: accuracy and speed of Dragoman's segmenter against pysbd alone and others.

Run by hand: `.venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/segmentation.py`
(add `--long` for the long-paragraph timings, several minutes: pysbd alone is quadratic).
Prints Markdown tables:

* accuracy: paragraphs segmented exactly as the reference, on the news set
  (`tests/data/news-wire.segments.txt`, written and reviewed for the purpose), the English
  Golden Rules (`tests/data/golden-rules-en.json`) and the seed article (reference
  `tests/data/aleppo-offensive.segments.txt`), with each library's installed size;
* speed: seconds to segment the seed and a synthetic archive of 200 articles (paragraphs of
  reference sentences of the seed and the news set drawn at random with a fixed seed), best
  of `--runs`, and the ratio to pysbd alone measured in the same run;
* with `--long`: one paragraph of 50 KB to 4 MB, pysbd alone (up to 200 KB) against Dragoman,
  which cuts paragraphs longer than `MAX_PARAGRAPH_CHARS` at safe points.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests/data"
GOLDEN = json.loads((DATA / "golden-rules-en.json").read_text(encoding="utf-8"))["cases"]
SEED = [p for p in (REPO / "seeds/aleppo-offensive.txt").read_text(encoding="utf-8").split("\n")]
SEED_REFERENCE = (DATA / "aleppo-offensive.segments.txt").read_text(encoding="utf-8").splitlines()

Segmenter = Callable[[str], list[str]]


def segmenters() -> dict[str, tuple[Segmenter, str]]:
    """Each segmenter by name, with the distribution whose installed size it costs."""
    import blingfire
    import nupunkt
    import pysbd
    import sentence_splitter
    import sentencex
    import syntok.segmenter

    from translate.segment import split_sentences

    plain = pysbd.Segmenter(language="en", clean=False)
    splitter = sentence_splitter.SentenceSplitter(language="en")

    def syntok_split(text: str) -> list[str]:
        return [
            "".join(token.spacing + token.value for token in sentence).strip()
            for paragraph in syntok.segmenter.analyze(text)
            for sentence in paragraph
        ]

    def stripped(pieces: list[str]) -> list[str]:
        return [piece.strip() for piece in pieces if piece.strip()]

    return {
        "pysbd (alone)": (lambda text: stripped(plain.segment(text)), "pysbd"),
        "Dragoman (pysbd + evidence)": (split_sentences, "pysbd"),
        "blingfire": (
            lambda text: stripped(blingfire.text_to_sentences(text).split("\n")),
            "blingfire",
        ),
        "nupunkt": (lambda text: stripped(nupunkt.sent_tokenize(text)), "nupunkt"),
        "syntok": (syntok_split, "syntok"),
        "sentence-splitter": (lambda text: stripped(splitter.split(text)), "sentence-splitter"),
        "sentencex": (lambda text: stripped(sentencex.segment("en", text)), "sentencex"),
    }


def installed_size(distribution: str) -> tuple[str, float]:
    """Version and megabytes on disk of a distribution's own files (not its dependencies)."""
    dist = metadata.distribution(distribution)
    total = sum(
        path.stat().st_size
        for path in (Path(dist.locate_file(file)) for file in dist.files or [])
        if path.is_file()
    )
    return dist.version, total / 1e6


def accuracy(split: Segmenter, news: list[list[str]], seed: list[list[str]]) -> tuple[int, ...]:
    news_ok = sum(split(" ".join(paragraph)) == paragraph for paragraph in news)
    golden_ok = sum(split(case["text"]) == case["sentences"] for case in GOLDEN)
    produced = [split(" ".join(paragraph)) for paragraph in seed]
    seed_ok = sum(a == b for a, b in zip(produced, seed, strict=True))
    return news_ok, golden_ok, seed_ok, sum(map(len, produced))


def seed_per_paragraph() -> list[list[str]]:
    """The seed reference grouped by paragraph (a paragraph is its sentences joined)."""
    result: list[list[str]] = []
    position = 0
    for paragraph in (p for p in SEED if p.strip()):
        taken: list[str] = []
        while " ".join(taken) != paragraph:
            taken.append(SEED_REFERENCE[position])
            position += 1
        result.append(taken)
    return result


def synthetic_archive(news: list[list[str]], articles: int = 200) -> list[str]:
    """Paragraphs of `articles` articles of 12–30 paragraphs, each paragraph 1–4 reference
    sentences of the seed and the news set drawn at random (fixed seed), none repeated (some
    libraries cache by text)."""
    pool = SEED_REFERENCE + [sentence for paragraph in news for sentence in paragraph]
    draw = random.Random(16)
    paragraphs: dict[str, None] = {}
    for _ in range(articles):
        for _ in range(draw.randint(12, 30)):
            paragraphs[" ".join(draw.sample(pool, draw.randint(1, 4)))] = None
    return list(paragraphs)


def best_times(found: dict[str, Segmenter], paragraphs: list[str], runs: int) -> dict[str, float]:
    """Best of `runs` seconds per segmenter; runs interleave segmenters so load hits all alike."""
    best = dict.fromkeys(found, float("inf"))
    for _ in range(runs):
        for name, split in found.items():
            start = time.perf_counter()
            for paragraph in paragraphs:
                split(paragraph)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def long_paragraphs(news: list[list[str]]) -> None:
    import pysbd

    from translate.segment import MAX_PARAGRAPH_CHARS, split_sentences

    plain = pysbd.Segmenter(language="en", clean=False)
    block = " ".join(sentence for paragraph in news for sentence in paragraph)
    print(
        f"\nOne long paragraph (the news set repeated; limit {MAX_PARAGRAPH_CHARS} characters):\n"
    )
    print("| paragraph | pysbd alone s | Dragoman s | Dragoman µs/char |")
    print("|---|---:|---:|---:|")
    for size in (50_000, 100_000, 200_000, 1_000_000, 4_000_000):
        text = " ".join([block] * (size // len(block) + 1))[:size].rsplit(" ", 1)[0]
        alone = "–"
        if size <= 200_000:
            start = time.perf_counter()
            plain.segment(text)
            alone = f"{time.perf_counter() - start:.1f}"
        start = time.perf_counter()
        split_sentences(text)
        ours = time.perf_counter() - start
        print(f"| {size / 1e6:g} MB | {alone} | {ours:.1f} | {ours / len(text) * 1e6:.1f} |")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timing runs, best taken")
    parser.add_argument("--long", action="store_true", help="also time long paragraphs")
    options = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from tests.support.segmentation import read_reference

    news = read_reference(DATA / "news-wire.segments.txt")
    seed = seed_per_paragraph()
    archive = synthetic_archive(news)
    found = segmenters()
    for split, _ in found.values():
        split("Warm up. Tables are built on first use.")

    print(
        f"| segmenter | version | installed MB | news set ({len(news)}) | Golden Rules "
        f"({len(GOLDEN)}) | seed paragraphs ({len(seed)}) | seed segments |"
    )
    print("|---|---|---:|---|---|---|---|")
    for name, (split, distribution) in found.items():
        version, megabytes = installed_size(distribution)
        news_ok, golden_ok, seed_ok, total = accuracy(split, news, seed)
        print(
            f"| {name} | {version} | {megabytes:.1f} | {news_ok}/{len(news)} | "
            f"{golden_ok}/{len(GOLDEN)} | {seed_ok}/{len(seed)} | {total} "
            f"(reference {len(SEED_REFERENCE)}) |"
        )

    seed_text = [p for p in SEED if p.strip()]
    characters = sum(map(len, archive))
    print(
        f"\nSpeed, best of {options.runs} (seed: {len(seed_text)} paragraphs; archive: 200 "
        f"articles, {len(archive)} paragraphs, {characters / 1e6:.2f} MB):\n"
    )
    print("| segmenter | seed s | × pysbd | archive s | × pysbd |")
    print("|---|---:|---:|---:|---:|")
    splits = {name: split for name, (split, _) in found.items()}
    on_seed = best_times(splits, seed_text, options.runs)
    on_archive = best_times(splits, archive, options.runs)
    alone = "pysbd (alone)"
    for name in splits:
        print(
            f"| {name} | {on_seed[name]:.3f} | {on_seed[name] / on_seed[alone]:.2f} | "
            f"{on_archive[name]:.2f} | {on_archive[name] / on_archive[alone]:.2f} |"
        )
    if options.long:
        long_paragraphs(news)


if __name__ == "__main__":
    main()
