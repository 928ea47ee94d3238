"""Reading reference segmentations kept as text in tests/data."""

from __future__ import annotations

from pathlib import Path


def read_reference(path: Path) -> list[list[str]]:
    """Paragraphs as lists of reference sentences.

    The format is reviewable as plain text: one sentence per line, a blank line between
    paragraphs, `#` lines before the first paragraph as a header. A paragraph is its sentences
    joined with single spaces.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]
