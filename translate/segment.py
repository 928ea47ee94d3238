"""Sentence segmentation of English news text into translation units.

pysbd (a port of the Pragmatic Segmenter's rules) does the splitting; it scored best of the
maintained libraries on the Golden Rules (see the README). A few targeted corrections repair
what it gets wrong on news copy:

* pysbd does not know guillemets, so `…changed.» The official…` is split after `.»`;
* a closing quotation mark that pysbd leaves at the start of the next segment is moved back
  to the sentence it closes;
* a quoted question or exclamation followed by its attribution (`…dying?” Kerry said …`)
  is one sentence;
* a fragment that ends in an abbreviation and is too short to be a sentence (`At 5 a.m.`)
  is joined to what follows.

Invariant: the segments of a paragraph, joined with single spaces, give back the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from translate.source import Document

CLOSING_QUOTES = "”’\"'»"
_LEADING_CLOSER = re.compile(r"^([”’»\"']+)\s*")
_ENDS_WITH_QUOTED_QUESTION = re.compile(r"[?!][”’\"'»]+$")
# An attribution after a quotation: `Kerry said`, `she asked`, `a Syrian source told Reuters`.
_SPEECH_VERBS = (
    "said|says|told|added|asked|asks|replied|wrote|writes|declared|insisted|continued|"
    "explained|recalled|shouted|cried|warned|stated|noted|remarked|tweeted|sang|whispered"
)
_ATTRIBUTION = re.compile(
    rf"^(?:[a-z]|(?:[A-Z][\w.’'-]*\s+){{1,4}}(?:{_SPEECH_VERBS})\b)",
)
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:[A-Z][a-z]{0,3}|[a-z]{1,4})\.$")
_FRAGMENT_MAX_WORDS = 3
_GUILLEMET_END = re.compile(r"(?<=[.?!]») +(?=[A-Z“«\"])")


@dataclass(frozen=True)
class Segment:
    """A translation unit: one sentence of a paragraph at source line `line`."""

    text: str
    line: int


@cache
def _segmenter():  # pysbd builds its rule tables on construction; do it once
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph (a single line of text) into sentences."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    raw = [piece.strip() for piece in _segmenter().segment(paragraph)]
    sentences = [piece for piece in raw if piece]
    corrections = (
        _split_after_guillemets,
        _reattach_closing_quotes,
        _join_attributions,
        _join_fragments,
    )
    for correction in corrections:
        sentences = correction(sentences)
    return sentences


def _split_after_guillemets(sentences: list[str]) -> list[str]:
    return [part for sentence in sentences for part in _GUILLEMET_END.split(sentence)]


def _reattach_closing_quotes(sentences: list[str]) -> list[str]:
    result: list[str] = []
    for sentence in sentences:
        match = _LEADING_CLOSER.match(sentence)
        if result and match and _closes_open_quote(result[-1], match.group(1)):
            result[-1] += match.group(1)
            sentence = sentence[match.end() :]
            if not sentence:
                continue
        result.append(sentence)
    return result


def _closes_open_quote(sentence: str, closer: str) -> bool:
    """Whether `closer`, found at the start of the next piece, belongs to `sentence`.

    Typographic closers (” ») never open a quotation, so they always belong to what precedes
    them, even when the quotation opened in an earlier paragraph. Straight quotes and ’ are
    ambiguous and move back only when they balance a quotation left open in `sentence`.
    """
    mark = closer[0]
    if mark in "”»":
        return True
    if mark == "’":
        return sentence.count("‘") > sentence.count("’")
    return sentence.count(mark) % 2 == 1


def _join_attributions(sentences: list[str]) -> list[str]:
    result: list[str] = []
    for sentence in sentences:
        if (
            result
            and _ENDS_WITH_QUOTED_QUESTION.search(result[-1])
            and _ATTRIBUTION.match(sentence)
        ):
            result[-1] = f"{result[-1]} {sentence}"
        else:
            result.append(sentence)
    return result


def _join_fragments(sentences: list[str]) -> list[str]:
    result: list[str] = []
    pending = ""
    for sentence in sentences:
        if pending:
            sentence = f"{pending} {sentence}"
            pending = ""
        words = sentence.split()
        if (
            len(words) <= _FRAGMENT_MAX_WORDS
            and _ABBREVIATION_END.search(words[-1])
            and _is_short_preposition_phrase(words)
        ):
            pending = sentence
            continue
        result.append(sentence)
    if pending:
        result.append(pending)
    return result


_PREPOSITIONS = {"at", "by", "on", "in", "from", "until", "after", "before", "since", "around"}


def _is_short_preposition_phrase(words: list[str]) -> bool:
    """`At 5 a.m.`: a time or place phrase, not a sentence, so it cannot stand alone."""
    return words[0].lower() in _PREPOSITIONS and len(words) >= 2


def segment_document(document: Document) -> list[Segment]:
    """All segments of a document in order, each with its paragraph's line number."""
    return [
        Segment(text=sentence, line=paragraph.line)
        for paragraph in document.paragraphs
        for sentence in split_sentences(paragraph.text)
    ]
