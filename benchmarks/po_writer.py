"""PO writer speed: Dragoman's GNU-exact writer against polib's save, on the catalogs of a
synthetic archive.

Run by hand: `.venv/bin/python benchmarks/po_writer.py [--articles 200] [--runs 3]`.
The archive is `--articles` articles of 30 paragraphs, each paragraph 3 to 6 reference
sentences of the seed (`tests/data/aleppo-offensive.segments.txt`) drawn at random with a fixed
seed, their numbers changed; every article has an untranslated catalog in ar, tr and ru, one
entry per sentence with its reference, as `translate run --mt off` writes them. Prints the best
of `--runs` for writing all catalogs to text with each library (files are not touched, so
the disk does not enter the figures; our layout cache is emptied before each run), and, with
`--msgcat`, how many of a sample of 20 files `msgcat` would rewrite.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
from pathlib import Path

import polib
from timing import best

from translate.catalog import Catalog, Message
from translate.po import format_string, write_po

REPO = Path(__file__).resolve().parents[1]
SENTENCES = (REPO / "tests/data/aleppo-offensive.segments.txt").read_text(encoding="utf-8")
LANGUAGES = ("ar", "tr", "ru")


def archive_catalogs(articles: int) -> list[Catalog]:
    rng = random.Random(20261202)
    sentences = [line for line in SENTENCES.splitlines() if line.strip()]
    catalogs: list[Catalog] = []
    for article in range(articles):
        messages: dict[str, Message] = {}
        for paragraph in range(30):
            for sentence in rng.sample(sentences, rng.randint(3, 6)):
                text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 99)), sentence)
                reference = f"articles/a{article:04d}.txt:{paragraph * 2 + 1}"
                if text in messages:
                    messages[text].references.append(reference)
                else:
                    messages[text] = Message(msgid=text, references=[reference])
        for language in LANGUAGES:
            catalogs.append(
                Catalog(
                    header=[
                        ("Project-Id-Version", "archive"),
                        ("Language", language),
                        ("MIME-Version", "1.0"),
                        ("Content-Type", "text/plain; charset=UTF-8"),
                        ("Content-Transfer-Encoding", "8bit"),
                    ],
                    messages=[
                        Message(msgid=m.msgid, references=list(m.references))
                        for m in messages.values()
                    ],
                )
            )
    return catalogs


def as_polib(catalog: Catalog) -> polib.POFile:
    po = polib.POFile(wrapwidth=79)
    po.metadata = dict(catalog.header)
    for message in catalog.messages:
        po.append(
            polib.POEntry(
                msgid=message.msgid,
                msgstr=message.msgstr,
                occurrences=[tuple(r.rsplit(":", 1)) for r in message.references],
            )
        )
    return po


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--msgcat", action="store_true", help="compare a sample with msgcat")
    args = parser.parse_args()
    catalogs = archive_catalogs(args.articles)
    entries = sum(len(c.messages) for c in catalogs)

    def write_all() -> None:
        format_string.cache_clear()  # each run starts cold, as a fresh process does
        for catalog in catalogs:
            write_po(catalog)

    ours = best(args.runs, write_all)
    theirs_files = [as_polib(c) for c in catalogs]
    theirs = best(args.runs, lambda: [str(po) for po in theirs_files])
    print(f"{len(catalogs)} catalogs, {entries} entries ({args.articles} articles)")
    print("| writer | seconds |\n|---|---|")
    print(f"| Dragoman `write_po` | {ours:.2f} |")
    print(f"| polib `str(POFile)` | {theirs:.2f} |")
    if args.msgcat:
        differ = 0
        for catalog in catalogs[:: max(1, len(catalogs) // 20)]:
            text = write_po(catalog)
            result = subprocess.run(
                ["msgcat", "-"], input=text.encode(), capture_output=True, check=True
            )
            differ += result.stdout.decode() != text
        print(f"msgcat rewrites {differ} of the sampled files")


if __name__ == "__main__":
    main()
