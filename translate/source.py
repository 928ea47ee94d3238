"""Reading source articles: plain UTF-8 text, one paragraph per non-empty line."""

from __future__ import annotations

import codecs
import glob
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translate.errors import InputError, SourceError

_BLANKS = re.compile(r"[ \t\f\v]+")


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the source; `line` is 1-based."""

    line: int
    text: str


@dataclass(frozen=True)
class Document:
    """A source article. `name` is how references cite it (relative to the project root)."""

    name: str
    stem: str
    paragraphs: tuple[Paragraph, ...]


def decode_text(data: bytes, path: Path | str) -> str:
    """Bytes of a text file to `str`: UTF-8 (a BOM is dropped), no NUL, LF line endings."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            path, line, f"invalid UTF-8 at byte offset {error.start} ({error.reason})"
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise SourceError(path, line, f"NUL byte at offset {nul}: not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path, display: str | None = None) -> bytes:
    """The bytes of a regular file, or a `SourceError` naming it."""
    where = display or str(path)
    if not path.exists():
        raise SourceError(where, None, "no such file")
    if path.is_dir():
        raise SourceError(where, None, "is a directory, expected a text file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise SourceError(where, None, f"cannot read: {error.strerror}") from None


def normalize_space(text: str) -> str:
    """Collapse runs of ASCII blanks; no-break and other typographic spaces are kept."""
    return _BLANKS.sub(" ", text).strip(" ")


def parse_document(text: str, name: str, stem: str) -> Document:
    """Split decoded text into paragraphs (non-empty lines, surrounding space trimmed)."""
    paragraphs = tuple(
        Paragraph(line=number, text=normalize_space(line))
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    )
    if not paragraphs:
        raise SourceError(name, None, "empty: no text to translate")
    return Document(name=name, stem=stem, paragraphs=paragraphs)


def read_document(path: Path, name: str | None = None) -> Document:
    """Read and validate a source article; `name` defaults to the path as given."""
    display = name or str(path)
    text = decode_text(read_bytes(path, display), display)
    return parse_document(text, display, path.stem)


def source_files(specs: Sequence[str], base: Path) -> list[Path]:
    """The files named by `specs`, each a file, a folder (its `*.txt` files, recursively) or
    a glob, relative to `base`; in the order given, each folder's and glob's files sorted,
    a file named twice kept once. A name that matches nothing is an `InputError`."""
    found: dict[Path, None] = {}
    for spec in specs:
        for path in _expand(spec, base):
            found.setdefault(path)
    return list(found)


def _expand(spec: str, base: Path) -> list[Path]:
    if glob.has_magic(spec):
        matches = sorted(glob.glob(spec, root_dir=base, recursive=True))
        paths = [
            file for match in matches for file in _files_under((base / match).resolve(), match)
        ]
        if not paths:
            raise InputError(f"no source files match {spec}")
        return paths
    path = (base / spec).resolve()
    if not path.exists():
        raise SourceError(spec, None, "no such file or folder")
    paths = _files_under(path, spec)
    if not paths:
        raise SourceError(spec, None, "no *.txt files in this folder")
    return paths


def _files_under(path: Path, spec: str) -> list[Path]:
    """`path` itself, or the `*.txt` files under it (sorted) when it is a folder."""
    if not path.is_dir():
        return [path]
    return sorted(file.resolve() for file in path.rglob("*.txt") if file.is_file())
