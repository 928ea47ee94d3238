"""Segmentation scores: the English Golden Rules and the seed article, per segmenter.

Run by hand: `.venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/segmentation.py`.
Prints a Markdown table. The seed's reference segmentation is `tests/data/aleppo-offensive
.segments.txt`, reviewed by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((REPO / "tests/data/golden-rules-en.json").read_text(encoding="utf-8"))
SEED = (REPO / "seeds/aleppo-offensive.txt").read_text(encoding="utf-8").split("\n")
REFERENCE = (REPO / "tests/data/aleppo-offensive.segments.txt").read_text(encoding="utf-8")


def segmenters() -> dict[str, Callable[[str], list[str]]]:
    import pysbd

    from translate.segment import split_sentences

    plain = pysbd.Segmenter(language="en", clean=False)
    found: dict[str, Callable[[str], list[str]]] = {
        "pysbd 0.3.4 (alone)": lambda text: [s.strip() for s in plain.segment(text) if s.strip()],
        "Dragoman (pysbd + corrections)": split_sentences,
    }
    try:
        import sentencex

        found["sentencex"] = lambda text: [
            s.strip() for s in sentencex.segment("en", text) if s.strip()
        ]
    except ImportError:
        pass
    return found


def main() -> None:
    reference = REFERENCE.splitlines()
    print("| segmenter | Golden Rules (48) | seed paragraphs correct (60) | seed segments |")
    print("|---|---|---|---|")
    for name, split in segmenters().items():
        golden = sum(split(case["text"]) == case["sentences"] for case in GOLDEN["cases"])
        produced = [split(paragraph) for paragraph in SEED if paragraph.strip()]
        expected_per_paragraph = _reference_per_paragraph(reference)
        correct = sum(a == b for a, b in zip(produced, expected_per_paragraph, strict=True))
        total = sum(len(p) for p in produced)
        print(f"| {name} | {golden}/48 | {correct}/60 | {total} (reference 63) |")


def _reference_per_paragraph(reference: list[str]) -> list[list[str]]:
    paragraphs = [p for p in SEED if p.strip()]
    result: list[list[str]] = []
    position = 0
    for paragraph in paragraphs:
        taken: list[str] = []
        while position < len(reference) and " ".join([*taken, reference[position]]) in paragraph:
            taken.append(reference[position])
            position += 1
            if " ".join(taken) == paragraph:
                break
        result.append(taken)
    return result


if __name__ == "__main__":
    main()
