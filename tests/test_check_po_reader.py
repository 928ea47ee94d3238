"""The PO reader's fast path for common entries (added for `translate check` on large
catalogs) reads exactly what the line-by-line reader reads: same catalog, same errors."""

from __future__ import annotations

import random
import re

import pytest

from translate import po
from translate.errors import CatalogError

LINES = [
    'msgid "a"', 'msgstr "b"', 'msgid ""', 'msgstr ""', '"cont"', '"x\\"y"', '"bad\\q"',
    '"a"b"', "# comment", "#, fuzzy", "#: ref:1 ref:2", "#. extracted", '#| msgid "old"',
    '#~ msgid "obs"', '#~ msgstr "o"', 'msgctxt "c"', 'msgid_plural "p"', 'msgstr[0] "z"',
    'msgstr[1] "w"', "", "", "", "  ", "\t", "junk", '  msgid "sp"', 'msgstr "t"  ',
    '"Language: ru\\n"', "#", 'msgid "dup"', 'msgstr "dup"', "\x0c", 'msgid  \t"tab"',
    '\u00a0msgid "nbsp"', 'msgstr "Сергея Лаврова"', '"\\n"',
]  # fmt: skip


def read(text: str) -> object:
    try:
        catalog = po.read_po(text, "f.po")
    except CatalogError as error:
        return str(error)
    return (catalog.header, catalog.header_comments, catalog.header_flags, catalog.messages)


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        lines = [rng.choice(LINES) for _ in range(rng.randint(0, 14))]
    else:  # well-formed entries, as most files hold
        lines = []
        for number in range(rng.randint(1, 5)):
            lines += rng.sample(["# t", "#, fuzzy", "#: a:1", "#. x", '#| msgid "o"'], 2)
            lines.append(f'msgid "m{number}{rng.choice(["", chr(92) + "n", "q"])}"')
            lines += ['"more"'] * rng.randint(0, 2)
            lines.append('msgstr "s"')
            lines += ['"more s"'] * rng.randint(0, 2)
            lines += [""] * rng.randint(0, 2)
    separator = rng.choice(["\n", "\n", "\r\n"])
    return separator.join(lines) + rng.choice(["", "\n"])


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_reads_what_the_line_reader_reads(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    texts = [random_text(rng) for _ in range(1500)]
    fast = [read(text) for text in texts]
    monkeypatch.setattr(po, "_SIMPLE_ENTRY", re.compile(r"(?!)"))  # never matches
    slow = [read(text) for text in texts]
    assert fast == slow
