"""Term recognition cost as the glossary grows: the Aho-Corasick recogniser vs a regex per term.

Run by hand: `.venv/bin/python benchmarks/glossary_recognition.py`. Recognises every segment
of the seed article with the project's glossary, then with the same glossary plus generated
concepts (names that never occur in the seed, so the work found is the same), and prints a
Markdown table: time to build the matcher and to scan the 63 segments, for Dragoman's
`Recognizer` and for the naive alternative, one compiled case-sensitive regex per term tried
on every segment.
"""

from __future__ import annotations

import random
import re
import string
import time
from pathlib import Path

from translate.glossary import load_glossary
from translate.glossary.model import Concept, Kind, SourceTerms, TargetTerms, make_glossary
from translate.glossary.recognize import Recognizer
from translate.segment import segment_document
from translate.source import read_document

REPO = Path(__file__).resolve().parents[1]
SIZES = (0, 1_000, 10_000, 50_000)
REPEATS = 20


def generated(count: int, seed: int = 7) -> list[Concept]:
    """`count` invented two-word names with a variant each (`Qorvath Ulmeni`, `Ulmeni`)."""
    rng = random.Random(seed)
    concepts = []
    for index in range(count):
        words = [
            rng.choice(string.ascii_uppercase)
            + "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9)))
            for _ in range(2)
        ]
        concepts.append(
            Concept(
                id=f"generated-{index}",
                kind=Kind.place,
                source=SourceTerms(" ".join(words), (words[1] + "ville",)),
                targets={"tr": TargetTerms("tr", words[0])},
            )
        )
    return concepts


def naive(concepts: list[Concept]) -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"(?<!\w){re.escape(form)}(?!\w)"), concept.id)
        for concept in concepts
        for form in concept.source.all()
    ]


def timed(function, repeats: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        function()
    return (time.perf_counter() - start) / repeats


def main() -> None:
    base = list(load_glossary(REPO / "glossary"))
    segments = [
        s.text for s in segment_document(read_document(REPO / "seeds/aleppo-offensive.txt"))
    ]
    print(f"{len(segments)} segments, {sum(map(len, segments))} characters\n")
    print("| concepts | terms | build (ms) | scan 63 segments (ms) | regex per term: scan (ms) |")
    print("|---:|---:|---:|---:|---:|")
    expected = None
    for extra in SIZES:
        concepts = base + generated(extra)
        glossary = make_glossary(concepts)
        terms = sum(len(concept.source.all()) for concept in concepts)
        build = timed(lambda glossary=glossary: Recognizer(glossary))
        recognizer = Recognizer(glossary)
        found = [[m.concept.id for m in recognizer.find(text)] for text in segments]
        expected = expected or found
        assert found == expected, "generated names must not change what the seed matches"
        scan = timed(lambda r=recognizer: [r.find(text) for text in segments], REPEATS)
        patterns = naive(concepts)
        repeats = max(1, REPEATS // (1 + extra // 1000))
        regex = timed(
            lambda ps=patterns: [[p.search(text) for p, _ in ps] for text in segments], repeats
        )
        print(
            f"| {len(concepts):,} | {terms:,} | {build * 1000:.1f} | {scan * 1000:.2f} "
            f"| {regex * 1000:.1f} |"
        )


if __name__ == "__main__":
    main()
