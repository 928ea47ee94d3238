"""The PO reader and writer, checked against GNU gettext itself and against polib."""

import random
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import polib
import pytest

from translate.catalog import Catalog, Message
from translate.errors import CatalogError
from translate.files import load_catalog, save_catalog
from translate.po import read_po, write_po

SEED = Path(__file__).resolve().parents[1] / "seeds" / "aleppo-offensive.txt"
needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext missing")

# Text that exercises line breaking: prose in four scripts, punctuation of every UAX #14 class
# that news uses, escapes, numbers, URLs, combining marks and wide characters.
VOCABULARY = [
    *SEED.read_text(encoding="utf-8").split(),
    *["حلب", "بحلب", "الجبهة", "الشامية", "،", "؟", "١٠٬٥٠٠", "٪", "لِلْجَبْهَةِ"],
    *["Алеппо", "«Левантийского", "фронта»", "Сергея", "Лаврова", "—"],
    *["Halep'te", "Şam'ın", "İdlib", "Çavuşoğlu'nun"],
    *["—", "–", "-", "/", "(a)", "[b]", "{c}", "10,500", "$100.00", "5%", "U.S.", 'a"b', "\\"],
    *["tab\there", "x/y/z", "self-interpreting", "…", "...", "日本語", "e\u0301", "№5", "+7"],
    *["€20", "http://example.com/a-b_c.html", "Jane.Doe@example.com", "a\u00a0b", "’s"],
]


def random_text(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(1, 45))]
    separators = [rng.choice([" ", " ", " ", "  ", "\n", ""]) for _ in words]
    return "".join(w + s for w, s in zip(words, separators, strict=True)).strip()


def random_catalog(seed: int, size: int = 250) -> Catalog:
    rng = random.Random(seed)
    catalog = Catalog(
        header=[("Content-Type", "text/plain; charset=UTF-8"), ("Language", "ar")],
        header_comments=["A test catalog."],
    )
    seen: set[str] = set()
    for _ in range(size):
        msgid = random_text(rng)
        if msgid in seen:
            continue
        seen.add(msgid)
        obsolete = rng.random() < 0.1
        catalog.messages.append(
            Message(
                msgid=msgid,
                msgstr=random_text(rng) if obsolete or rng.random() < 0.8 else "",
                references=[]
                if obsolete
                else sorted(
                    {f"seeds/f{rng.randint(1, 99)}.txt:{rng.randint(1, 999)}" for _ in range(9)}
                )[: rng.randint(0, 9)],
                translator_comments=["Reviewed."] if rng.random() < 0.2 else [],
                extracted_comments=["Glossary: Aleppo → حلب"] if rng.random() < 0.2 else [],
                flags=["fuzzy"] if rng.random() < 0.3 else [],
                previous_msgid=random_text(rng) if rng.random() < 0.2 else None,
                obsolete=obsolete,
            )
        )
    # gettext drops the fuzzy flag of untranslated entries; compare like with like.
    for message in catalog.messages:
        if not message.msgstr:
            message.fuzzy = False
    return catalog


def unplaced(catalog: Catalog) -> list[Message]:
    """Messages without read positions, active before obsolete as a PO file orders them."""
    ordered = sorted(catalog.messages, key=lambda message: message.obsolete)
    return [replace(message, line=None) for message in ordered]


@needs_gettext
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("width", [79, 40, 25])
def test_layout_is_a_fixed_point_of_msgcat(seed, width):
    text = write_po(random_catalog(seed), width=width)
    result = subprocess.run(
        ["msgcat", f"--width={width}", "-"], input=text.encode(), capture_output=True, check=True
    )
    assert result.stdout.decode() == text


@pytest.mark.parametrize("seed", [4, 5])
def test_read_gives_back_what_was_written(seed):
    catalog = random_catalog(seed)
    again = read_po(write_po(catalog))
    assert again.header == catalog.header
    assert again.header_comments == catalog.header_comments
    assert unplaced(again) == unplaced(catalog)


def test_polib_reads_the_same_entries(tmp_path):
    catalog = random_catalog(6)
    path = tmp_path / "x.po"
    save_catalog(path, catalog)
    theirs = polib.pofile(str(path))
    ours = load_catalog(path)
    active = [m for m in ours.messages if not m.obsolete]
    assert [(e.msgid, e.msgstr, e.fuzzy, e.previous_msgid) for e in theirs if not e.obsolete] == [
        (m.msgid, m.msgstr, m.fuzzy, m.previous_msgid) for m in active
    ]
    assert len(theirs.obsolete_entries()) == len(ours.obsolete_entries())


def test_line_numbers_point_at_msgid():
    text = (
        'msgid ""\nmsgstr ""\n"Language: tr\\n"\n\n# note\n#: a.txt:1\nmsgid "One"\nmsgstr "Bir"\n'
    )
    catalog = read_po(text)
    assert catalog.messages[0].line == 7
    assert catalog.language == "tr"


def test_escapes_round_trip():
    message = Message(msgid='Quote " backslash \\ tab \t bell \a', msgstr="new\nline")
    text = write_po(Catalog(messages=[message]))
    assert 'msgid "Quote \\" backslash \\\\ tab \\t bell \\a"' in text
    assert read_po(text).messages[0].msgid == message.msgid
    assert read_po(text).messages[0].msgstr == "new\nline"


def test_plural_and_context_entries():
    text = (
        'msgctxt "news"\nmsgid "one strike"\nmsgid_plural "%d strikes"\n'
        'msgstr[0] "одна"\nmsgstr[1] "%d удара"\nmsgstr[2] "%d ударов"\n'
    )
    message = read_po(text).messages[0]
    assert message.msgctxt == "news"
    assert message.msgstr_plural == {0: "одна", 1: "%d удара", 2: "%d ударов"}
    assert message.translated
    assert write_po(read_po(text)).endswith(text)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "unterminated or malformed string"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 4, "duplicate message definition"),
        ('msgstr "b"\n', 1, "msgstr without a msgid before it"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 1, "msgid without msgstr"),
        ('msgid "a"\nmsgstr "x\\qy"\n', 2, "invalid escape sequence \\q"),
        ('msgid "a"\nmsgstr "x"y"\n', 2, "unescaped double quote"),
        ('msgid "a"\nmsgid "b"\nmsgstr ""\n', 2, "duplicate msgid in one entry"),
        ('msgid "a"\nmsgstr "b"\nhello\n', 3, "unexpected text 'hello'"),
        ('"orphan"\n', 1, "string continuation without a keyword"),
        ('msgid "a"\nmsgstr[0] "b"\n', 1, "msgstr[N] without msgid_plural"),
        ('#~ msgid "a"\nmsgstr "b"\n', 2, "obsolete (#~) and active lines mixed"),
        ('msgid "a"\nmsgstr "\\xFFFFFFFFFFFFFFFFFFFFFFFF"\n', 2, "escape sequence \\xFFFFFFFFFF"),
        ('msgid "a"\nmsgstr "\\777"\n', 2, "escape sequence \\777 is above one byte"),
        ('msgid "a"\nmsgstr "x\\0"\n', 2, "escape sequence \\0 is a NUL byte"),
        ('msgid "a"\nmsgstr "\\xC3("\n', 2, "escaped bytes are not valid utf-8"),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr[1] "c"\n', 3, "plural form msgstr[1] where"),
        (
            'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "c"\nmsgstr[2] "d"\n',
            4,
            "plural form msgstr[2] where msgstr[1] is expected",
        ),
        (
            'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "c"\nmsgstr[99999999999999999999999] "d"\n',
            4,
            "plural form msgstr[999999999999…] where msgstr[1] is expected",
        ),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr[00] "c"\n', 3, "plural form msgstr[00] where"),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr "x"\nmsgstr[0] "c"\n', 1, "both msgstr and"),
    ],
)
def test_syntax_errors_name_file_and_line(text, line, message):
    with pytest.raises(CatalogError) as caught:
        read_po(text, "locales/tr/LC_MESSAGES/x.po")
    assert str(caught.value).startswith(f"locales/tr/LC_MESSAGES/x.po:{line}: {message}")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('"\\303\\251t\\xC3\\xA9"', "été"),
        ('"\\303"\n"\\251"', "é"),  # one character's bytes on two lines, as GNU joins them
        ('"\\x41\\102"', "AB"),
    ],
)
def test_octal_and_hex_escapes_are_bytes_of_the_charset(body, text):
    for entry in (f'msgid "a"\nmsgstr {body}\n', f'msgctxt "c"\nmsgid "a"\nmsgstr {body}\n'):
        assert read_po(entry).messages[0].msgstr == text


def test_escaped_bytes_follow_the_declared_charset(tmp_path):
    path = tmp_path / "koi8.po"
    path.write_bytes(
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=KOI8-R\\n"\n\n'
        b'msgid "a"\nmsgstr "\\xE1\xc2"\n'
    )
    assert load_catalog(path).messages[0].msgstr == "Аб"  # KOI8-R: E1 is А, C2 is б


def test_invalid_utf8_catalog_is_located(tmp_path):
    path = tmp_path / "bad.po"
    path.write_bytes(
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "\xff"\n'
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog(path, "bad.po")
    assert str(caught.value).startswith("bad.po:4: invalid UTF-8 at byte offset")


def test_declared_legacy_charset_is_honoured(tmp_path):
    path = tmp_path / "latin1.po"
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgid "café"\nmsgstr "x"\n'
    )
    path.write_bytes(text.encode("latin-1"))
    assert load_catalog(path).messages[0].msgid == "café"


@needs_gettext
def test_written_catalog_passes_msgfmt_check(tmp_path):
    catalog = random_catalog(7)
    catalog.header = [
        ("Project-Id-Version", "test"),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", "2026-11-25 10:00+0000"),
        ("PO-Revision-Date", "2026-11-25 10:00+0000"),
        ("Last-Translator", "Test <test@example.org>"),
        ("Language-Team", "Arabic"),
        ("Language", "ar"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ]
    path = tmp_path / "ar.po"
    save_catalog(path, catalog)
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_save_is_skipped_when_content_is_identical(tmp_path):
    path = tmp_path / "x.po"
    catalog = random_catalog(8, size=20)
    assert save_catalog(path, catalog) is True
    before = path.stat().st_mtime_ns
    assert save_catalog(path, catalog) is False
    assert path.stat().st_mtime_ns == before
