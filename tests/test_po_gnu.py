"""The writer against GNU gettext's own `msgcat` (0.21, libunistring 1.0), script by script.

Each case is a string with the feature under test, written after prefixes of 40 to 89
characters so that the feature meets the end of a line at every offset; every variant must come
out of `msgcat` unchanged."""

from __future__ import annotations

import difflib
import shutil
import subprocess

import pytest

from translate.catalog import Catalog, Message
from translate.po import write_po

needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext missing")

PADDING = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incid"

# name → (flags, text)
CASES: dict[str, tuple[list[str], str]] = {
    "python-format directives": (
        ["python-format"],
        "%(percent)s%% of %(model.name)s and %(a-b)s, %(path/x)s %-s % d %(x)s",
    ),
    "python-format and brace": (
        ["python-brace-format", "python-format"],
        "%(name)s{count} and %(other)s",
    ),
    "c-format directives": (["c-format"], "%1$s of %2$-10.5ld %3$-s files%% % d %<PRId64>"),
    "c-format mixed numbering": (["c-format"], "%-s and % d then %1$-s and %-s"),
    "python-brace-format directives": (
        ["python-brace-format"],
        "{name} has {count:>10} of {items[0]} and {a.b} {{literal}}",
    ),
    "python-brace-format first": (
        ["python-brace-format"],
        "{" + "a" * 40 + "." + "b" * 40 + "} {" + "c" * 40 + "." + "d" * 40 + "}",
    ),
    "python-brace-format invalid": (["python-brace-format"], "{a.b} {0:>10} {} {x.y}"),
    "no-wrap": (["no-wrap"], PADDING * 2),
    "flags gettext knows": (
        ["no-wrap", "range: 1..5", "possible-python-format", "wrap", "fuzzy", "c-format"],
        "%d of %s",
    ),
    "japanese punctuation": ([], "日本語の文章です。次の文、ァッャーの長音：全角コロン"),
    "chinese punctuation": ([], "中文句子，包括标点符号。还有、顿号：冒号"),
    "kannada vowel signs": ([], "ಕಿರಿಕಿರಿ ಕೆಲಸ ಕಿಕೆ ಕಿಕೆಕಿಕೆ ಬೆಂಗಳೂರು"),
    "armenian hyphen": ([], "Հայերեն֊բառ֊բառ Հայերեն֊բառ"),
    "khmer sign khan": ([], "ភាសាខ្មែរ។ភាសាខ្មែរ។ ភាសា"),
    "hebrew slash and hyphen": (["python-format"], "בחר/י את ה-%(client)s ו-הלקוח בחר/י"),
    "tibetan tsheg": ([], "བོད་ཡིག་བོད་ཡིག་བོད་ཡིག་ བོད་"),
    "leading spaces": ([], "      indented text with    runs of   spaces          here"),
    "escapes": ([], 'quote " backslash \\ tab\tand\\\\ more "" here'),
    "emoji and joiners": ([], "flags 🇸🇾🇹🇷 family 👨\u200d👩\u200d👧 zero\u200bwidth"),
}


def variants(text: str) -> list[str]:
    """The text after prefixes of 40 to 89 characters, and before them."""
    return [PADDING[:n] + " " + text for n in range(40, 90)] + [
        text + " " + PADDING[:n] for n in range(0, 90, 10)
    ]


def catalog_of(flags: list[str], text: str) -> Catalog:
    catalog = Catalog(header=[("Content-Type", "text/plain; charset=UTF-8")])
    for index, variant in enumerate(variants(text)):
        catalog.messages.append(
            Message(msgid=f"{index} {variant}", msgstr=variant, flags=list(flags))
        )
        catalog.messages.append(
            Message(msgid=f"{index} {variant} plural", msgstr=variant + "\n" + variant)
        )
    return catalog


@needs_gettext
@pytest.mark.parametrize("name", CASES)
def test_msgcat_keeps_our_layout(name: str) -> None:
    text = write_po(catalog_of(*CASES[name]))
    result = subprocess.run(["msgcat", "-"], input=text.encode(), capture_output=True, check=True)
    theirs = result.stdout.decode()
    difference = "\n".join(
        difflib.unified_diff(text.splitlines(), theirs.splitlines(), "ours", "msgcat", n=1)
    )
    assert theirs == text, difference[:3000]


def test_flags_gettext_does_not_know_are_kept_after_the_others() -> None:
    message = Message(msgid="a", msgstr="b", flags=["x-custom", "python-format", "fuzzy"])
    assert "#, fuzzy, python-format, x-custom\n" in write_po(Catalog(messages=[message]))
