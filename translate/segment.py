"""Sentence segmentation of English news text into translation units.

pysbd (a port of the Pragmatic Segmenter's rules) does the splitting; it scored best of the
maintained libraries on the Golden Rules (see the README). Corrections on top repair what it
gets wrong on wire copy, each decided by evidence about the words on both sides of a
boundary rather than by listing sentences:

* pysbd does not know guillemets, so `…changed.» The official…` is split after `.»`;
* boundaries pysbd misses are split: an abbreviation that often ends a sentence (`U.N.`,
  `Inc.`, `Jr.`, `p.m.`) followed by a word that usually starts one (`…the U.N. Most fled
  west.`), a street name followed by a new sentence (`on Main St. Police…`), and a sentence
  inside a quotation (`"I saw the planes. They came…"`, `"cowardly." "We will…"`);
* false boundaries are joined: a time followed by its day, month or time zone (`at 5 a.m.
  Friday`), and chained company suffixes (`Syria Trading Co. Ltd.`);
* a closing quotation mark that pysbd leaves at the start of the next segment is moved back
  to the sentence it closes;
* a quoted question or exclamation followed by its attribution (`…dying?” Kerry said …`)
  is one sentence;
* a fragment that ends in an abbreviation and is too short to be a sentence (`At 5 a.m.`)
  is joined to what follows.

pysbd's time grows with the square of the paragraph's length (it searches the whole text for
every sentence it found), so a paragraph longer than `MAX_PARAGRAPH_CHARS` is first cut, in
one linear pass, at boundaries no rule would undo, and each piece is segmented alone.

Invariant: the segments of a paragraph, joined with single spaces, give back the paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from translate.source import Document

# Beyond this many characters a paragraph is cut at safe points before pysbd sees it. pysbd
# costs 4.7 µs a character on 500-character paragraphs, 5.2 at 1,000, 6.3 at 2,000, 10.6 at
# 4,000 and 21 at 16,000 (measured on repeated seed text); wire paragraphs rarely exceed
# 1,000 characters, and cutting the seed or the news set at this limit changes no segment.
MAX_PARAGRAPH_CHARS = 1000

_OPENERS = "“‘\"'«"
_CLOSERS = "”’\"'»"
_LEADING_CLOSER = re.compile(rf"^([{_CLOSERS}]+)\s*")
_ENDS_WITH_QUOTED_QUESTION = re.compile(rf"[?!][{_CLOSERS}]+$")
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Evidence about the word before and after a full stop. Each list is of words whose role is
# settled in wire copy; a word on none of them leaves pysbd's decision as it was.
# Words that begin sentences far more often than they continue a name after `U.N.` or `Inc.`:
# pronouns, articles and determiners, quantifiers, and clause-opening adverbs and conjunctions.
_SENTENCE_STARTERS = _words(
    """
    A An The This That These Those Its It He She We They I You His Her Their Our My Your
    There Here Some Most Many Others Other Both All Several Few Each Every Neither Either
    None Nobody Another Such Much More Less Then Yet But And So Also Still However Meanwhile
    Instead Later Earlier Now Since While Although Though If When Where Why How What Who
    After Before In On At By As For"""
)
# Words that follow a time of day inside a sentence: `at 5 a.m. Friday`, `10 a.m. EST`.
_CALENDAR_WORDS = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST EET EEST MSK"""
)
_TIMES_OF_DAY = frozenset({"a.m.", "p.m."})
# Suffixes that end a company's name and may be chained: `Co. Ltd.`, `Bros. Inc.`.
_COMPANY_SUFFIXES = _words("Co. Cos. Corp. Inc. Ltd. Bros. LLC PLC Plc S.A. N.V. AG AB Oy GmbH SpA")
# Abbreviations that often end a sentence: a name that can close a clause, or a time.
_ENDS_SENTENCES = frozenset({"Jr.", "Sr.", "a.m.", "p.m."}) | _COMPANY_SUFFIXES
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$")  # U.N., U.S., D.C.
# After a capitalized name these are addresses (`Main St.`), and an address may end a sentence.
_STREET_SUFFIXES = frozenset({"St.", "Ave.", "Rd.", "Blvd."})
# A full stop, its closing quotes, spaces, and a capital letter (perhaps after an opening
# quote): where a sentence may end inside what pysbd kept together. pysbd's decisions on ? and
# ! stand.
_CANDIDATE = re.compile(rf"\.([{_CLOSERS}]*) +(?=([{_OPENERS}]?)[A-Z])")


@dataclass(frozen=True)
class Segment:
    """A translation unit: one sentence of a paragraph at source line `line`."""

    text: str
    line: int


@cache
def _segmenter():  # pysbd builds its rule tables on construction; do it once
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


@cache
def _abbreviations() -> frozenset[str]:
    """pysbd's English abbreviations (`gen`, `corp`, `dec`), lowercase, without the stop."""
    from pysbd.lang.english import English

    return frozenset(English.Abbreviation.ABBREVIATIONS)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph (a single line of text) into sentences."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    return [sentence for piece in _pieces(paragraph) for sentence in _split_piece(piece)]


def _split_piece(text: str) -> list[str]:
    raw = [piece.strip() for piece in _segmenter().segment(text)]
    sentences = [piece for piece in raw if piece]
    corrections: tuple[Callable[[list[str]], list[str]], ...] = (
        _split_after_guillemets,
        _split_missed_boundaries,
        _reattach_closing_quotes,
        _join_false_boundaries,
        _join_attributions,
        _join_fragments,
    )
    for correction in corrections:
        sentences = correction(sentences)
    return sentences


def _pieces(paragraph: str) -> list[str]:
    """`paragraph` cut into pieces of at most `MAX_PARAGRAPH_CHARS`, in linear time.

    A piece ends where a sentence surely ends (see `_SAFE_END`); a stretch with no such point
    is cut at its last space, and a single word longer than the limit is a piece of its own.
    """
    if len(paragraph) <= MAX_PARAGRAPH_CHARS:
        return [paragraph]
    safe = [
        match.end()
        for match in _SAFE_END.finditer(paragraph)
        if match.group(1) not in _abbreviations()
    ]
    pieces: list[str] = []
    start = 0
    while len(paragraph) - start > MAX_PARAGRAPH_CHARS:
        limit = start + MAX_PARAGRAPH_CHARS
        index = bisect.bisect_right(safe, limit) - 1
        if index >= 0 and safe[index] > start:
            cut = safe[index]
        else:
            cut = paragraph.rfind(" ", start, limit + 1)
            if cut <= start:
                cut = paragraph.find(" ", limit)
                if cut < 0:
                    break
        pieces.append(paragraph[start:cut].strip())
        start = cut
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


# A lowercase word of three letters or more that is not an abbreviation (`etc.`), a full stop,
# one space and a capitalized word: `…the city. Rebels…`. Nothing in pysbd or the corrections
# joins across such a point (other abbreviations are capitalized or dotted), so cutting there
# changes no segment. The end of the match is the start of the next sentence.
_SAFE_END = re.compile(r"(?<![\w.])([a-z]{3,})\. (?=[A-Z][a-z])")


def _split_after_guillemets(sentences: list[str]) -> list[str]:
    return [part for sentence in sentences for part in _GUILLEMET_END.split(sentence)]


def _split_missed_boundaries(sentences: list[str]) -> list[str]:
    return [part for sentence in sentences for part in _split_at_evidence(sentence)]


def _split_at_evidence(sentence: str) -> list[str]:
    parts: list[str] = []
    start = 0
    quotes = _QuoteDepth()
    for match in _CANDIDATE.finditer(sentence):
        quotes.read_to(sentence, match.start())
        if _ends_here(sentence, match, inside_quote=quotes.open):
            parts.append(sentence[start : match.end()].rstrip())
            start = match.end()
    parts.append(sentence[start:])
    return parts


class _QuoteDepth:
    """Whether a quotation is open at a point of a sentence, read once from left to right."""

    def __init__(self) -> None:
        self.position = 0
        self.curly = 0
        self.straight = 0
        self.guillemets = 0

    def read_to(self, sentence: str, position: int) -> None:
        text = sentence[self.position : position]
        self.position = position
        self.curly += text.count("“") - text.count("”")
        self.straight += text.count('"')
        self.guillemets += text.count("«") - text.count("»")

    @property
    def open(self) -> bool:
        return self.curly > 0 or self.straight % 2 == 1 or self.guillemets > 0


def _ends_here(sentence: str, match: re.Match[str], *, inside_quote: bool) -> bool:
    """Whether a sentence ends at `match`, judged by the words on either side."""
    word_start = sentence.rfind(" ", 0, match.start()) + 1
    word = sentence[word_start : match.start() + 1].lstrip("([" + _OPENERS)
    following = _next_word(sentence, match.end())
    if following in _CALENDAR_WORDS:
        return False
    if _is_abbreviation(word):
        if _DOTTED_ACRONYM.match(word) or word in _ENDS_SENTENCES:
            return following in _SENTENCE_STARTERS
        return word in _STREET_SUFFIXES and _after_name(sentence, word_start)
    if not word[:-1] or not word[-2].isalpha():
        return False
    closes_and_opens = bool(match.group(1)) and bool(match.group(2))
    return inside_quote or closes_and_opens


def _next_word(sentence: str, start: int) -> str:
    end = sentence.find(" ", start)
    word = sentence[start : end if end >= 0 else len(sentence)]
    return word.lstrip(_OPENERS).rstrip(",;:.?!" + _CLOSERS)


def _is_abbreviation(word: str) -> bool:
    stem = word[:-1]
    return (
        len(stem) == 1 or "." in stem or word in _ENDS_SENTENCES or stem.lower() in _abbreviations()
    )


def _after_name(sentence: str, word_start: int) -> bool:
    """`Main St.`, `5th St.`: the street suffix follows a capitalized word or an ordinal."""
    if word_start == 0:
        return False
    previous_start = sentence.rfind(" ", 0, word_start - 1) + 1
    previous = sentence[previous_start : word_start - 1]
    return bool(previous) and (previous[0].isupper() or previous[0].isdigit())


def _reattach_closing_quotes(sentences: list[str]) -> list[str]:
    result: list[str] = []
    for sentence in sentences:
        match = _LEADING_CLOSER.match(sentence)
        if result and match and _closes_open_quote(result[-1], match):
            result[-1] += match.group(1)
            sentence = sentence[match.end() :]
            if not sentence:
                continue
        result.append(sentence)
    return result


def _closes_open_quote(sentence: str, closer: re.Match[str]) -> bool:
    """Whether `closer`, found at the start of the next piece, belongs to `sentence`.

    Typographic closers (” ») never open a quotation, so they always belong to what precedes
    them, even when the quotation opened in an earlier paragraph. Straight quotes and ’ are
    ambiguous: one touching the next word opens it (`"We hid…"`); otherwise it moves back
    only when it balances a quotation left open in `sentence`.
    """
    mark = closer.group(1)[0]
    if mark in "”»":
        return True
    if closer.end() == closer.end(1) < len(closer.string):
        return False
    if mark == "’":
        return sentence.count("‘") > sentence.count("’")
    return sentence.count(mark) % 2 == 1


def _join_false_boundaries(sentences: list[str]) -> list[str]:
    """Join what pysbd split inside a time (`5 a.m. | Friday`) or a company (`Co. | Ltd.`).

    pysbd reads `…ended Sept. 30. Profits… until Jan. 31. Sales…` as a numbered list and
    splits before the day; the day goes back to its month, and what follows it stays apart.
    """
    result: list[str] = []
    for sentence in sentences:
        day = _LEADING_DAY.match(sentence)
        if result and day and _MONTH_END.search(result[-1]):
            result[-1] = f"{result[-1]} {day.group(1)}"
            sentence = sentence[day.end() :]
            if not sentence:
                continue
        if result and _continues(result[-1], sentence):
            result[-1] = f"{result[-1]} {sentence}"
        else:
            result.append(sentence)
    return result


_LEADING_DAY = re.compile(r"^([0-3]?\d\.)(?: +|$)")
_MONTH_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$")


def _continues(previous: str, sentence: str) -> bool:
    last = previous.rsplit(maxsplit=1)[-1]
    first = sentence.split(maxsplit=1)[0].rstrip(",;:")
    if last in _TIMES_OF_DAY:
        return first.rstrip(".") in _CALENDAR_WORDS
    return last in _COMPANY_SUFFIXES and first in _COMPANY_SUFFIXES


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
