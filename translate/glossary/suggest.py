"""Name candidates for the glossary: what new articles name that the glossary does not cover.

A candidate is a sequence of capitalised words (`Khan Sheikhoun`, `Hayat Tahrir al-Sham`,
`Staffan de Mistura`), particles such as `al-`, `de`, `of` and `for` allowed inside it. What
the recogniser finds (a term, any of its variants, a possessive) is masked first, so known
names and their variants are never suggested. Capitalised words that are no names are
dropped from either end of a sequence:

* function words, weekdays and months, titles (`President`, `Minister`) and adjectives of
  nationality (`Syrian`, `Turkish`), from the short lists below;
* a word at the start of a sentence that the articles also write in lower case
  (`Rebels said` when `rebels` occurs elsewhere), or that never appears capitalised anywhere
  but at the start of a sentence: English capitalises every first word, so only a second
  sighting says it is a name.

The kind is a guess for the editors, from the words of the name (`Forces`, `Ministry`,
`District`) and from what stands around it (a title before a person, `in`/`near` before a
place, `said`/`told` after a person).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from translate.glossary.model import Concept, Glossary, Kind, SourceTerms, TargetTerms
from translate.glossary.recognize import Recognizer
from translate.segment import split_sentences
from translate.source import Document

# A capitalised word: `Hama`, `al-Numan` (the particle counts with its word), `U.N.`, `SDF`,
# `Shi'ite`; or a lowercase particle that may stand inside a name.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?[A-Z][\w'’\-]*|\w+")
_PARTICLES = frozenset({"al", "el", "de", "bin", "ibn", "abu", "van", "von", "of", "for", "the"})
_POSSESSIVE = re.compile(r"['’]s$")
# Where a sentence's first word stands: after opening quotes, or after a dateline
# (`IDLIB, Syria (Reuters) - `), whose words the recogniser knows or the editors see anyway.
_OPENING = re.compile(r"^(?:[A-Z]{2,}[^()]{0,80}\([^)]*\)\s*[-–—]\s*)?[\s“\"‘'(«\-–—]*")
# A dateline's place, in capitals before the first comma (`HAMA, Syria (Reuters) -`).
_DATELINE = re.compile(r"^[A-Z][A-Z'’\- ]*[A-Z],")
_INNER_START = re.compile(r"[.!?…][”\"’)]*\s+[“\"‘(]*")
# A compound adjective (`Turkish-based`, `Hezbollah-led`): only the part before it can be a name.
_COMPOUND = re.compile(r"^([A-Z][\w'’]*)-[a-z]+$")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised in English for reasons other than being a name.
_FUNCTION_WORDS = _word_set(
    """a an and as at but by despite during even for from he her his i if in it its many more
    most my no not nothing of on one or our outside she since so some such that the their them
    there these they this those to under until up we what when where which while who why with
    yet you your after before among against all also although another any both each every
    here how however meanwhile mr mrs ms dr"""
)
_CALENDAR = _word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december"""
)
# Titles before a person's name (`Turkish Foreign Minister`, `Secretary of State`): the run up
# to the last of them is dropped, and a person is expected after it.
_TITLES = _word_set(
    """president minister secretary state spokesman spokeswoman envoy ambassador general gen
    colonel col commander chief leader king queen prince mayor governor senator lieutenant
    emir foreign defense defence interior prime deputy vice former acting"""
)
# Adjectives of nationality and religion: alone they are no names (`Syrian`, `Kurdish`). Most
# end so; names ending in -i (`Hariri`, `Zinki`) are common, so those adjectives are listed.
_ADJECTIVE = re.compile(r"(?:ian|ish|ese|ean|ite)s?$")
_NATIONALITIES = _word_set(
    """american arab arabic kurd kurds sunni shia shiite shi'ite shi’ite iraqi israeli saudi
    yemeni kuwaiti emirati qatari omani pakistani afghan french dutch greek western"""
)
_ORGANIZATION = _word_set(
    """movement front brigade brigades army party group forces battalion battalions corps legion
    division militia alliance coalition helmets hayat harakat jaish liwa jabhat ahrar kataib
    faylaq tajammu hizb"""
)
_INSTITUTION = _word_set(
    """ministry council committee commission agency office organization organisation
    observatory union court bank university hospital department directorate authority
    institute fund program programme assembly parliament"""
)
_PLACE = _word_set(
    """district province governorate street square road mountain mountains river valley city
    camp village airport bridge gate castle citadel neighborhood neighbourhood region
    crossing base plain site"""
)
_BEFORE_PLACE = _word_set("in near from to at outside around into of toward towards via through")
_AFTER_PERSON = frozenset({"said", "told", "says", "added", "wrote", "aged"})
CONTEXT_WIDTH = 120


@dataclass(frozen=True)
class Occurrence:
    article: str  # the source as given (its display path)
    line: int  # 1-based line of the paragraph


@dataclass(frozen=True)
class Candidate:
    """A name the glossary does not cover, with where the articles use it."""

    term: str
    kind: Kind
    count: int  # how often the articles write it
    occurrences: tuple[Occurrence, ...]  # each line once, in the order of the articles
    context: str  # the sentence of its first occurrence, shortened around the name

    def where(self) -> str:
        """The lines per article: `a.txt:1, 2, 12; b.txt:3`."""
        lines: dict[str, list[str]] = {}
        for found in self.occurrences:
            lines.setdefault(found.article, []).append(str(found.line))
        return "; ".join(f"{article}:{', '.join(numbers)}" for article, numbers in lines.items())

    def as_dict(self) -> dict[str, object]:
        return {
            "term": self.term,
            "count": self.count,
            "kind": self.kind.value,
            "occurrences": [
                {"article": found.article, "line": found.line} for found in self.occurrences
            ],
            "articles": list(dict.fromkeys(found.article for found in self.occurrences)),
            "context": self.context,
        }


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    capitalised: bool


@dataclass
class _Sighting:
    term: str
    occurrence: Occurrence
    sentence: str
    start: int
    kind_hints: list[Kind]


def suggest(documents: Sequence[Document], glossary: Glossary) -> list[Candidate]:
    """Candidates in the articles the glossary does not cover, most frequent first."""
    recognizer = Recognizer(glossary)
    sentences = [
        (Occurrence(document.name, paragraph.line), sentence)
        for document in documents
        for paragraph in document.paragraphs
        for sentence in split_sentences(paragraph.text)
    ]
    lowercase, inside = _vocabulary(sentence for _, sentence in sentences)
    sightings: list[_Sighting] = []
    for occurrence, sentence in sentences:
        sightings.extend(_sightings(sentence, occurrence, recognizer, lowercase, inside))
    grouped: dict[str, list[_Sighting]] = {}
    for sighting in sightings:
        grouped.setdefault(sighting.term, []).append(sighting)
    candidates = [_candidate(term, found) for term, found in grouped.items()]
    order = {term: index for index, term in enumerate(grouped)}
    return sorted(candidates, key=lambda c: (-c.count, order[c.term]))


def _vocabulary(sentences: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the articles write in lower case, and capitalised words seen inside a sentence
    (not first): a first word is a name only if it is also capitalised elsewhere."""
    lowercase: set[str] = set()
    inside: set[str] = set()
    for sentence in sentences:
        starts = _starts(sentence)
        for token in _tokens(sentence):
            if not token.capitalised:
                lowercase.add(token.text)
            elif token.start not in starts:
                inside.add(token.text)
    return frozenset(lowercase), frozenset(inside)


def _starts(sentence: str) -> frozenset[int]:
    """Where the sentence's words that English capitalises anyway start: the first word, and
    one after a full stop the segmenter left inside (`… panic.” Dozens of …`)."""
    opening = _OPENING.match(sentence)
    starts = {opening.end() if opening else 0}
    starts.update(match.end() for match in _INNER_START.finditer(sentence))
    return frozenset(starts)


def _tokens(sentence: str) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(sentence):
        text = _POSSESSIVE.sub("", match.group())
        if compound := _COMPOUND.match(text):
            text = compound.group(1)
        capitalised = text[:1].isupper() or (
            text[:1].islower()
            and "-" in text[:4]
            and any(part[:1].isupper() for part in text.split("-")[1:])
        )
        tokens.append(_Token(text, match.start(), match.start() + len(text), capitalised))
    return tokens


def _sightings(
    sentence: str,
    occurrence: Occurrence,
    recognizer: Recognizer,
    lowercase: frozenset[str],
    inside: frozenset[str],
) -> list[_Sighting]:
    known = [(match.start, match.end) for match in recognizer.find(sentence)]
    starts = _starts(sentence)
    tokens = _tokens(sentence)
    found: list[_Sighting] = []
    run: list[int] = []

    def close() -> None:
        if run:
            found.extend(_name(sentence, tokens, run, occurrence, starts, lowercase, inside))
        run.clear()

    for index, token in enumerate(tokens):
        if any(start < token.end and token.start < end for start, end in known):
            close()
            continue
        adjacent = not run or _joined(sentence, tokens[run[-1]], token)
        if adjacent and (token.capitalised or (run and token.text.lower() in _PARTICLES)):
            run.append(index)
        else:
            close()
            if token.capitalised:
                run.append(index)
    close()
    return found


def _joined(sentence: str, previous: _Token, token: _Token) -> bool:
    """Only spaces between two words: a comma or a quotation mark ends a name."""
    return sentence[previous.end : token.start].strip() == ""


def _name(
    sentence: str,
    tokens: list[_Token],
    run: list[int],
    occurrence: Occurrence,
    starts: frozenset[int],
    lowercase: frozenset[str],
    inside: frozenset[str],
) -> list[_Sighting]:
    """The name in a run of capitalised words, common words dropped from its ends."""
    hints: list[Kind] = []
    words = [tokens[index] for index in run]
    titles = [i for i, word in enumerate(words[:-1]) if word.text.lower().rstrip(".") in _TITLES]
    if titles:
        hints.append(Kind.person)
        words = words[titles[-1] + 1 :]
    _trim_end(words)
    while words:
        head = words[0]
        lower = head.text.lower()
        at_start = head.start in starts
        if not (
            lower in _FUNCTION_WORDS
            or lower in _CALENDAR
            or lower in _PARTICLES
            or (at_start and lower in lowercase)
            or (at_start and len(words) == 1 and head.text not in inside)
        ):
            break
        words.pop(0)
    _trim_end(words)
    if not words or (len(words) == 1 and _is_adjective(words[0].text, words)):
        return []
    if len(words) == 1 and words[0].text.lower() in lowercase:
        return []  # a common noun written with a capital (`Government`)
    term = sentence[words[0].start : words[-1].end]
    if words[0].start == 0 and _DATELINE.match(sentence) and term.isupper():
        term = term.title()  # the glossary's form: the recogniser accepts it in capitals
        hints.append(Kind.place)
    position = run.index(tokens.index(words[0]))
    before = tokens[run[0] - 1].text.lower() if run[0] > 0 and position == 0 else ""
    after_index = tokens.index(words[-1]) + 1
    after = tokens[after_index].text.lower() if after_index < len(tokens) else ""
    if before in _BEFORE_PLACE:
        hints.append(Kind.place)
    if after in _AFTER_PERSON:
        hints.append(Kind.person)
    return [_Sighting(term, occurrence, sentence, words[0].start, hints)]


def _trim_end(words: list[_Token]) -> None:
    """Drop particles, function words and titles that end a run (`Dozens of`, `… Minister`)."""
    while words and words[-1].text.lower() in _PARTICLES | _FUNCTION_WORDS | _CALENDAR | _TITLES:
        words.pop()


def _is_adjective(word: str, words: list[_Token]) -> bool:
    """An adjective of nationality standing alone or before the name (`Syrian` in `Syrian
    Observatory` stays: a name ends in its own noun, so only a single word is judged)."""
    lower = word.lower()
    return len(words) == 1 and (lower in _NATIONALITIES or bool(_ADJECTIVE.search(lower)))


def _candidate(term: str, sightings: list[_Sighting]) -> Candidate:
    first = sightings[0]
    occurrences = tuple(dict.fromkeys(sighting.occurrence for sighting in sightings))
    return Candidate(
        term=term,
        kind=_kind(term, [hint for sighting in sightings for hint in sighting.kind_hints]),
        count=len(sightings),
        occurrences=occurrences,
        context=_context(first.sentence, first.start, len(term)),
    )


def _kind(term: str, hints: list[Kind]) -> Kind:
    words = {word.lower() for word in re.findall(r"[\w']+", term)}
    if words & _INSTITUTION:
        return Kind.institution
    if words & _ORGANIZATION or (term.isupper() and len(term) > 1):
        return Kind.organization
    if words & _PLACE:
        return Kind.place
    if hints:
        # The most frequent hint; a title or a verb of saying outweighs a preposition.
        return max(set(hints), key=lambda kind: (hints.count(kind), kind is Kind.person))
    return Kind.person if len(term.split()) >= 2 else Kind.term


def _context(sentence: str, start: int, length: int) -> str:
    """The sentence, cut to about CONTEXT_WIDTH characters around the name."""
    if len(sentence) <= CONTEXT_WIDTH:
        return sentence
    margin = max(0, (CONTEXT_WIDTH - length) // 2)
    left, right = max(0, start - margin), min(len(sentence), start + length + margin)
    if left:  # whole words only
        left = sentence.find(" ", left, start) + 1 or left
    if right < len(sentence):
        right = max(sentence.rfind(" ", start + length, right), start + length)
    return (
        ("…" if left else "")
        + sentence[left:right].strip()
        + ("…" if right < len(sentence) else "")
    )


def glossary_stub(candidates: Iterable[Candidate], languages: Sequence[str]) -> str:
    """The candidates as glossary YAML to paste into a file of `glossary/`: id, guessed kind,
    the English term and, per language, an empty preferred rendering for the editors; the
    note says where the name was seen, for the editors to replace."""
    from translate.glossary.yamlfile import concepts_yaml

    concepts: dict[str, Concept] = {}
    for candidate in candidates:
        concept_id = _unique(_slug(candidate.term), concepts)
        concepts[concept_id] = Concept(
            id=concept_id,
            kind=candidate.kind,
            source=SourceTerms(candidate.term),
            targets={language: TargetTerms(language, preferred="") for language in languages},
            note=f"Suggested: {candidate.count}× ({candidate.where()}): “{candidate.context}”",
        )
    return concepts_yaml(concepts.values())


def _slug(term: str) -> str:
    """An id in the glossary's pattern: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "-".join(words) or "name"
    return slug if slug[0].isalpha() else f"name-{slug}"


def _unique(concept_id: str, taken: Mapping[str, object]) -> str:
    number, unique = 2, concept_id
    while unique in taken:
        unique, number = f"{concept_id}-{number}", number + 1
    return unique
