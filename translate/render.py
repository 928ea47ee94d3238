"""Rendering a translated article from a catalog, paragraphs laid out as in the source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translate.catalog import Catalog, Include
from translate.segment import Segment
from translate.source import Document


@dataclass(frozen=True)
class Rendered:
    text: str
    untranslated: list[Segment]
    segments: int


def render_document(
    document: Document, segments: Sequence[Segment], catalog: Catalog, include: Include
) -> Rendered:
    """The article in the catalog's language, from the document's `segments`; untranslated
    segments stay in the source text."""
    translations: dict[str, str] = {}
    for message in catalog:
        if include.admits(message):
            translations[message.msgid] = message.msgstr
    by_line: dict[int, list[str]] = {}
    untranslated: list[Segment] = []
    for segment in segments:
        text = translations.get(segment.text)
        if text is None:
            untranslated.append(segment)
            text = segment.text
        by_line.setdefault(segment.line, []).append(text)
    last = max(paragraph.line for paragraph in document.paragraphs)
    lines = [" ".join(by_line.get(number, [])) for number in range(1, last + 1)]
    return Rendered(text="\n".join(lines) + "\n", untranslated=untranslated, segments=len(segments))
