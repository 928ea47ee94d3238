"""Hostile and random input to the PO reader: it either reads a catalog or raises
`CatalogError` at `file:line`, never another exception; through the CLI that is exit 2 and one
line on stderr, with nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.support.catalogs import PO, snapshot
from tests.support.cli import make_project, run_translate
from translate.errors import CatalogError
from translate.po import decode_po_bytes, read_po, write_po

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
    '"Language: ru\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 ? 0 : 1);\\n"\n\n'
)

# Lines of real PO files and their near misses; the fuzzer strings them together.
FRAGMENTS = [
    'msgid "a"', 'msgstr "b"', 'msgid ""', 'msgstr ""', '"cont"', '"x\\"y"', "# comment",
    "#, fuzzy", "#, python-format, no-wrap", "#: ref:1 ref:2", "#. extracted", '#| msgid "o"',
    '#~ msgid "obs"', '#~ msgstr "o"', '#~| msgid "p"', 'msgctxt "c"', 'msgid_plural "p"',
    'msgstr[0] "z"', 'msgstr[1] "w"', 'msgstr[2] "v"', 'msgstr[3] "u"', "msgstr[1",
    'msgstr[99999999999999999999999] "x"', 'msgstr[٣] "x"', '"\\xFFFFFFFFFFFFFFFFFFFFFFFF"',
    '"\\777"', '"\\0"', '"\\303\\251"', '"\\303"', '"\\x"', '"\\u00e9"', '"\\', '"', "",
    "", "\t", "\x0c", '"Plural-Forms: nplurals=1; plural=0;\\n"', '"Language: ar\\n"',
    '"Content-Type: text/plain; charset=KOI8-R\\n"', "msgid", 'msgid "\u202e"',
]  # fmt: skip

po_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=24).map(
    "\n".join
)


def read_or_error(text: str) -> object:
    try:
        return read_po(text, "f.po")
    except CatalogError as error:
        assert error.line is not None and str(error).startswith(f"f.po:{error.line}: ")
        assert "\n" not in str(error)
        return error


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(po_text)
@example("#|")  # found by this test: an empty previous-msgid line was an IndexError
@example("#~ |\n")
def test_any_text_reads_or_fails_at_a_line(text: str) -> None:
    first = read_or_error(text)
    if isinstance(first, CatalogError):
        return
    # Whatever is read is written so that it reads again, and writing is then stable.
    written = write_po(first)
    assert write_po(read_po(written)) == written


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["UTF-8", "ISO-8859-1", "KOI8-R", "CP1251", "CHARSET", "x-unknown"]),
    st.binary(max_size=200),
)
def test_any_bytes_decode_or_fail_at_a_line(charset: str, tail: bytes) -> None:
    data = HEADER.format(charset=charset).encode("ascii") + tail
    try:
        text, codec = decode_po_bytes(data, "f.po")
    except CatalogError as error:
        assert error.line is not None and str(error).startswith(f"f.po:{error.line}: ")
        return
    parsed = read_or_error(text)
    if not isinstance(parsed, CatalogError):
        read_po(write_po(parsed), "again.po", codec)


HOSTILE = {
    "overflowing hex escape": 'msgid "a"\nmsgstr "\\xFFFFFFFFFFFFFFFFFFFFFFFFFFFF"\n',
    "huge plural index": (
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[99999999999999999999999] "y"\n'
    ),
    "plural forms out of order": 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\nmsgstr[0] "y"\n',
    "NUL escape": 'msgid "a"\nmsgstr "x\\0y"\n',
}


def hostile_catalog(entry: str) -> str:
    return HEADER.format(charset="UTF-8") + entry


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hostile") / "project")
    result = run_translate("run", "--mt", "off", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("name", HOSTILE)
def test_check_refuses_hostile_catalogs_in_one_line(tmp_path: Path, name: str) -> None:
    (tmp_path / "x.po").write_text(hostile_catalog(HOSTILE[name]), encoding="utf-8")
    result = run_translate("check", "--no-glossary", "x.po", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert re.fullmatch(r"translate: error: x\.po:\d+: [^\n]+\n", result.stderr), result.stderr


@pytest.mark.parametrize("name", ["overflowing hex escape", "huge plural index"])
def test_run_refuses_hostile_catalogs_and_writes_nothing(project: Path, name: str) -> None:
    ru = project / PO.format("ru")
    original = ru.read_bytes()
    try:
        ru.write_text(ru.read_text(encoding="utf-8") + "\n" + HOSTILE[name], encoding="utf-8")
        before = snapshot(project)
        result = run_translate("run", "--mt", "off", cwd=project)
        assert result.returncode == 2, result.stderr
        where = re.escape(PO.format("ru"))
        assert re.fullmatch(rf"translate: error: {where}:\d+: [^\n]+\n", result.stderr)
        assert snapshot(project) == before
    finally:
        ru.write_bytes(original)
