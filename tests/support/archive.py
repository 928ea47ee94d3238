"""A synthetic news archive: articles made of the seed's paragraphs with their numbers changed.

Shared by the archive tests and `benchmarks/archive.py`, so both measure the same kind of
text: article `index` takes `paragraphs` of the seed's paragraphs (repeating them as needed)
in an order and with numbers of its own, so most sentences are new and some repeat across
articles, as in a feed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from tests.support.cli import REPO, SEED

_NUMBER = re.compile(r"\d+")
# The seed's sentences, one a line, as the segmenter cuts them.
SENTENCES = REPO / "tests/data/aleppo-offensive.segments.txt"


def synthetic_article(
    index: int, paragraphs: int = 30, sentences: tuple[int, int] | None = None
) -> str:
    """Article `index`: `paragraphs` of the seed's paragraphs, or with `sentences=(low,
    high)` paragraphs of that many of the seed's sentences, their numbers changed."""
    chance = random.Random(index)
    if sentences is None:
        lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
        picked = [lines[chance.randrange(len(lines))] for _ in range(paragraphs)]
    else:
        pool = [line for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line]
        picked = [
            " ".join(chance.sample(pool, chance.randint(*sentences))) for _ in range(paragraphs)
        ]
    changed = [_NUMBER.sub(lambda _: str(chance.randrange(2, 999)), line) for line in picked]
    return "\n".join(changed) + "\n"


def write_archive(
    folder: Path, articles: int, paragraphs: int = 30, sentences: tuple[int, int] | None = None
) -> list[Path]:
    """`articles` files `folder/article-NNNNN.txt`, the same text for the same index."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(articles):
        path = folder / f"article-{index:05d}.txt"
        path.write_text(synthetic_article(index, paragraphs, sentences), encoding="utf-8")
        paths.append(path)
    return paths
