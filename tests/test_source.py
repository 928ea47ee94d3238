"""Bad source input: one clear line naming the file and place, exit 2, nothing written."""

import pytest

from tests.support.cli import SEED, make_project, run_translate
from translate.errors import SourceError
from translate.source import decode_text, parse_document

BAD_SOURCES = [
    ("empty.txt", b"", "seeds/empty.txt: empty: no text to translate"),
    ("blank.txt", b"  \n\t\n \r\n", "seeds/blank.txt: empty: no text to translate"),
    (
        "latin1.txt",
        "First line.\nCaf\u00e9 au lait.".encode("latin-1"),
        "seeds/latin1.txt:2: invalid UTF-8 at byte offset 15",
    ),
    ("nul.txt", b"Some text.\nMore\x00text.", "seeds/nul.txt:2: NUL byte at offset 15"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_SOURCES)
def test_bad_source_is_refused_and_nothing_written(tmp_path, name, content, message):
    project = make_project(tmp_path, sources={"good.txt": "A sentence.", name: content})
    result = run_translate("extract", cwd=project)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"translate: error: {message}")
    assert "Traceback" not in result.stderr
    assert not (project / "locales").exists()


def test_missing_file(tmp_path):
    project = make_project(tmp_path)
    result = run_translate("extract", "seeds/nope.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == "translate: error: seeds/nope.txt: no such file or folder"


def test_no_sources_match(tmp_path):
    project = make_project(tmp_path, sources={})
    result = run_translate("extract", cwd=project)
    assert result.returncode == 2
    assert "no source files match seeds/*.txt" in result.stderr


def test_bom_is_stripped_and_crlf_works(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    variant = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    project = make_project(tmp_path / "variant", sources={"aleppo-offensive.txt": variant})
    plain = make_project(tmp_path / "plain")
    for root in (project, plain):
        assert run_translate("extract", cwd=root).returncode == 0
    pot = "locales/aleppo-offensive.pot"
    strip_date = lambda t: [line for line in t.splitlines() if "POT-Creation-Date" not in line]  # noqa: E731
    assert strip_date((project / pot).read_text(encoding="utf-8")) == strip_date(
        (plain / pot).read_text(encoding="utf-8")
    )
    assert "\ufeff" not in (project / pot).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "paragraphs"),
    [
        (b"One.\n\nTwo.", [(1, "One."), (3, "Two.")]),
        (b"One.\r\nTwo.\r\n", [(1, "One."), (2, "Two.")]),
        (b"Old Mac\rline", [(1, "Old Mac"), (2, "line")]),
        (b"  Padded   text\t here  ", [(1, "Padded text here")]),
        ("No-break\u00a0space kept.".encode(), [(1, "No-break\u00a0space kept.")]),
    ],
)
def test_paragraphs_and_their_lines(data, paragraphs):
    document = parse_document(decode_text(data, "x.txt"), "x.txt", "x")
    assert [(p.line, p.text) for p in document.paragraphs] == paragraphs


def test_invalid_utf8_names_byte_offset():
    with pytest.raises(SourceError) as caught:
        decode_text(b"ab\ncd\xffef", "f.txt")
    assert str(caught.value) == "f.txt:2: invalid UTF-8 at byte offset 5 (invalid start byte)"
