"""TBX-Basic interchange in both dialects in use.

* `TBX2008`: TBX v2 (ISO 30042:2008), `martif`/`termEntry`/`langSet`/`tig`, no namespace:
  what Weblate and translate-toolkit read.
* `TBX2019`: TBX v3 (ISO 30042:2019), `tbx`/`conceptEntry`/`langSec`/`termSec` in the
  `urn:iso:std:iso:30042:ed-2` namespace, TBX-Basic dialect in DCA style.

Both carry the same data with TBX-Basic's own data categories where it has them: the English
term and variants and each language's renderings are terms whose `administrativeStatus` is
preferred (the preferred rendering first, then its accepted forms), admitted or deprecated;
the reason for a choice is `<admin type="source">`. What TBX-Basic has no category for travels
in `<note>`s that people read as they are and this module reads back: `Kind: place`,
`Grammar: ...`, `Pronunciation: be-me` (on a term), `First reference: ...` and `Required
label: ...` (one note per form, in order), and the flags `Do not translate.`,
`Indeclinable.`, `Suffixes join without an apostrophe.`, `Case-insensitive.`. Any other note
is the concept's or the language's note.

A glossary from elsewhere (a client's TBX-Basic file) is read through TBX's own data
categories:

* `administrativeStatus`, or else `normativeAuthorization`: preferred, standardized, legal
  and regulated terms are preferred (the first one the preferred rendering, more of them
  forms); admitted and not-recommended terms are admitted; deprecated, superseded and
  obsolete ones (and Weblate's `forbidden`) are deprecated.
* `termType`: without a status, a `fullForm` is the preferred rendering and a `shortForm`,
  `abbreviation`, `acronym`, `variant` (or another TBX term type) is a form, accepted like
  it; in English they are the term and its variants.
* `partOfSpeech`: a term that is not a noun (`adjective`, `verb`…) is named in the language's
  grammar note (`российский: adjective`); nouns, what names are, say nothing more.
* `subjectField`: the concept's kind when it names one (`place`, `people`), else part of
  its note (`Subject field: Politics`). `definition` and `note`: the concept's or the
  language's note.
* With neither a `Kind:` note nor a kind-naming subject field (nor `--kind`), an entry is a
  `term` (`DEFAULT_KIND`), reported as a note by `translate glossary validate`.

Reading is lenient so that term bases from other tools import: `ntig`/`termGrp` are read like
`tig`, a missing status and type make the first term preferred and the others admitted,
regional language tags (`tr-TR`) fold to the language (`tr`), and an id that is not a glossary
id is replaced by a slug of it (with a note).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from lxml import etree

from translate.glossary.model import (
    DEFAULT_KIND,
    Concept,
    Glossary,
    Kind,
    Location,
    SourceTerms,
    Status,
    TargetTerms,
)
from translate.glossary.validate import ID_PATTERN, Problem
from translate.glossary.yamlfile import ReadResult

NAMESPACE_2019 = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_VALUES = {
    Status.preferred: "preferredTerm-admn-sts",
    Status.admitted: "admittedTerm-admn-sts",
    Status.deprecated: "deprecatedTerm-admn-sts",
}
_READ_STATUS = {
    "preferredterm-admn-sts": Status.preferred,
    "preferred": Status.preferred,
    "standardizedterm-admn-sts": Status.preferred,
    "legalterm-admn-sts": Status.preferred,
    "regulatedterm-admn-sts": Status.preferred,
    "admittedterm-admn-sts": Status.admitted,
    "admitted": Status.admitted,
    "notrecommendedterm-admn-sts": Status.admitted,
    "deprecatedterm-admn-sts": Status.deprecated,
    "supersededterm-admn-sts": Status.deprecated,
    "obsoleteterm-admn-sts": Status.deprecated,
    "deprecated": Status.deprecated,
    "forbidden": Status.deprecated,
    "obsolete": Status.deprecated,
    # normativeAuthorization's values (TBX-Default): the same statuses without the suffix
    "preferredterm": Status.preferred,
    "standardizedterm": Status.preferred,
    "legalterm": Status.preferred,
    "regulatedterm": Status.preferred,
    "admittedterm": Status.admitted,
    "deprecatedterm": Status.deprecated,
    "supersededterm": Status.deprecated,
}
_STATUS_CATEGORIES = ("administrativeStatus", "normativeAuthorization")
FULL_FORM = "fullform"
# termType values whose terms are other forms of the preferred one (TBX's picklist).
_FORM_TYPES = frozenset({
    "shortform", "abbreviation", "acronym", "variant", "initialism", "clippedterm",
    "abbreviatedform", "shortcut", "transcribedform", "transliteratedform", "symbol",
})  # fmt: skip
_NOUNS = frozenset({"noun", "propernoun"})
# subjectField values that name a kind (plurals as glossaries write them).
_SUBJECT_KINDS = {
    **{kind.value: kind for kind in Kind},
    **{f"{kind.value}s": kind for kind in Kind},
    "people": Kind.person,
}
SUBJECT_LABEL = "Subject field: "
KIND_LABEL = "Kind: "
GRAMMAR_LABEL = "Grammar: "
PRONUNCIATION_LABEL = "Pronunciation: "
FIRST_REFERENCE_LABEL = "First reference: "
REQUIRED_LABEL = "Required label: "
DO_NOT_TRANSLATE = "Do not translate."
INDECLINABLE = "Indeclinable."
NO_APOSTROPHE = "Suffixes join without an apostrophe."
CASE_INSENSITIVE = "Case-insensitive."
_PROCESSING_2019 = (
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"',
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"',
)


class TbxDialect(StrEnum):
    TBX2019 = "tbx"
    TBX2008 = "tbx2008"


@dataclass(frozen=True)
class _Names:
    root: str
    header: str
    entry: str
    language: str
    term_group: str
    part_of_speech: str
    namespace: str | None


NAMES = {
    TbxDialect.TBX2008: _Names(
        "martif", "martifHeader", "termEntry", "langSet", "tig", "properNoun", None
    ),
    TbxDialect.TBX2019: _Names(
        "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", "noun", NAMESPACE_2019
    ),
}


def write_tbx(glossary: Glossary, dialect: TbxDialect) -> bytes:
    """The glossary as a TBX-Basic document in `dialect`, UTF-8, deterministic."""
    names = NAMES[dialect]
    maker = _Maker(names.namespace)
    root = maker.element(names.root, {"type": "TBX-Basic", XML_LANG: glossary.source_language})
    if dialect is TbxDialect.TBX2019:
        root.set("style", "dca")
    header = maker.sub(root, names.header)
    description = maker.sub(maker.sub(header, "fileDesc"), "sourceDesc")
    maker.sub(description, "p").text = (
        f"Dragoman glossary {glossary.version}: {len(glossary)} concepts, "
        f"{glossary.source_language} to {', '.join(glossary.languages) or '-'}"
    )
    if dialect is TbxDialect.TBX2008:
        encoding = maker.sub(header, "encodingDesc")
        maker.sub(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = maker.sub(maker.sub(root, "text"), "body")
    for concept in glossary:
        _write_concept(maker, names, body, concept, glossary.source_language)
    document = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    if dialect is TbxDialect.TBX2019:
        declaration, _, rest = document.partition(b"\n")
        models = b"".join(f"<?xml-model {pi}?>\n".encode() for pi in _PROCESSING_2019)
        document = declaration + b"\n" + models + rest
    return document


class _Maker:
    def __init__(self, namespace: str | None) -> None:
        self.namespace = namespace

    def tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    def element(self, name: str, attributes: dict[str, str] | None = None) -> etree._Element:
        nsmap = {None: self.namespace} if self.namespace else None
        return etree.Element(self.tag(name), attributes or {}, nsmap=nsmap)

    def sub(
        self, parent: etree._Element, name: str, attributes: dict[str, str] | None = None
    ) -> etree._Element:
        return etree.SubElement(parent, self.tag(name), attributes or {})

    def text(self, parent: etree._Element, name: str, text: str, **attributes: str) -> None:
        self.sub(parent, name, attributes).text = text


def _write_concept(
    maker: _Maker, names: _Names, body: etree._Element, concept: Concept, source_language: str
) -> None:
    entry = maker.sub(body, names.entry, {"id": concept.id})
    maker.text(entry, "note", KIND_LABEL + concept.kind.value)
    if concept.note:
        maker.text(entry, "note", concept.note)
    source = maker.sub(entry, names.language, {XML_LANG: source_language})
    if not concept.source.case_sensitive:
        maker.text(source, "note", CASE_INSENSITIVE)
    _write_term(maker, names, source, concept.source.term, Status.preferred)
    for variant in concept.source.variants:
        _write_term(maker, names, source, variant, Status.admitted)
    for language, target in concept.targets.items():
        section = maker.sub(entry, names.language, {XML_LANG: language})
        if target.grammar:
            maker.text(section, "note", GRAMMAR_LABEL + target.grammar)
        if target.note:
            maker.text(section, "note", target.note)
        for text in target.first_reference:
            maker.text(section, "note", FIRST_REFERENCE_LABEL + text)
        for text in target.label:
            maker.text(section, "note", REQUIRED_LABEL + text)
        for flag, label in (
            (target.do_not_translate, DO_NOT_TRANSLATE),
            (target.indeclinable, INDECLINABLE),
            (not target.apostrophe, NO_APOSTROPHE),
        ):
            if flag:
                maker.text(section, "note", label)
        if target.source:
            maker.text(section, "admin", target.source, type="source")
        for term in target.terms():
            _write_term(maker, names, section, term.text, term.status, target.reading(term.text))


def _write_term(
    maker: _Maker,
    names: _Names,
    parent: etree._Element,
    text: str,
    status: Status,
    reading: str | None = None,
) -> None:
    group = maker.sub(parent, names.term_group)
    maker.text(group, "term", text)
    maker.text(group, "termNote", STATUS_VALUES[status], type="administrativeStatus")
    maker.text(group, "termNote", names.part_of_speech, type="partOfSpeech")
    if reading:
        maker.text(group, "note", PRONUNCIATION_LABEL + reading)


def read_tbx(
    data: bytes, path: str, source_language: str = "en", default_kind: Kind | None = None
) -> ReadResult:
    """Concepts of a TBX document in either dialect; problems name `path` and the line.

    An entry without a kind takes `default_kind`, else `DEFAULT_KIND` with a note."""
    result = ReadResult()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        reason = " ".join(error.msg.split())  # libxml2 may end a reason with a line break
        result.problems.append(Problem(path, line, f"not well-formed XML: {reason}"))
        return result
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        line = root.sourceline
        result.problems.append(Problem(path, line, "entity declarations are not allowed"))
        return result
    if _local(root) not in ("martif", "tbx"):
        result.problems.append(
            Problem(path, root.sourceline, f"<{_local(root)}> is not a TBX document")
        )
        return result
    used: set[str] = set()
    for entry in root.iter():
        if _local(entry) in ("termEntry", "conceptEntry"):
            reader = _EntryReader(path, source_language, default_kind, result)
            concept = reader.read(entry, used)
            if concept is not None:
                used.add(concept.id)
                result.concepts.append(concept)
    return result


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, *names: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) in names)


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _language(element: etree._Element) -> str:
    tag = element.get(XML_LANG) or element.get("lang") or ""
    return tag.split("-")[0].split("_")[0].lower()


@dataclass(frozen=True)
class _Found:
    """One term of a language section with what TBX says about it."""

    text: str
    status: Status | None
    term_type: str  # lower-case, "" when not given
    part_of_speech: str
    line: int | None


@dataclass
class _Terms:
    """The terms of one language section, in document order, with their details."""

    entries: list[_Found] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)

    def ordered(self) -> list[_Found]:
        """The terms with the one that should lead first: the first preferred term, else the
        first full form without a status, else document order."""
        lead = next((t for t in self.entries if t.status is Status.preferred), None)
        if lead is None:
            lead = next(
                (t for t in self.entries if t.status is None and t.term_type == FULL_FORM), None
            )
        if lead is None:
            return list(self.entries)
        return [lead, *(t for t in self.entries if t is not lead)]

    def grammar(self) -> str:
        """The terms that are not nouns, with their part of speech."""
        return "; ".join(
            f"{t.text}: {t.part_of_speech}"
            for t in self.entries
            if t.part_of_speech and t.part_of_speech.lower() not in _NOUNS
        )


class _EntryReader:
    def __init__(
        self, path: str, source_language: str, default_kind: Kind | None, result: ReadResult
    ) -> None:
        self.path = path
        self.source_language = source_language
        self.default_kind = default_kind
        self.result = result
        self.lines: dict[str, int] = {}

    def problem(self, element: etree._Element, message: str) -> None:
        self.result.problems.append(Problem(self.path, element.sourceline, message))

    def note(self, element: etree._Element, message: str) -> None:
        self.result.notes.append(Problem(self.path, element.sourceline, message))

    def read(self, entry: etree._Element, used: set[str]) -> Concept | None:
        kind: Kind | None = None
        notes: list[str] = []
        subject_kind: Kind | None = None
        for note in _children(entry, "note", "descrip", "descripGrp"):
            for element in _children(note, "descrip") if _local(note) == "descripGrp" else [note]:
                text = _text(element)
                category = element.get("type")
                if _local(element) == "note" and text.startswith(KIND_LABEL):
                    kind = self.kind(element, text.removeprefix(KIND_LABEL))
                elif category == "subjectField":
                    subject_kind = _SUBJECT_KINDS.get(text.lower())
                    if subject_kind is None:
                        notes.append(_subject(text))
                elif _local(element) == "note" or category == "definition":
                    notes.append(text)
        sections = list(_children(entry, "langSet", "langSec"))
        source = next((s for s in sections if _language(s) == self.source_language), None)
        if source is None:
            self.problem(entry, f"entry has no '{self.source_language}' language section")
            return None
        source_terms = self.source_terms(source)
        if source_terms is None:
            return None
        notes.extend(self.source_notes(source))
        concept_id = self.concept_id(entry, source_terms.term, used)
        kind = kind or subject_kind or self.default_kind
        if kind is None:
            kind = DEFAULT_KIND
            named = "|".join(k.value for k in Kind if k is not DEFAULT_KIND)
            self.note(
                entry,
                f"entry '{concept_id}' has no kind, so it is a '{kind.value}' (name one of "
                f"{named} in a subjectField or a <note>{KIND_LABEL}…</note>, or import with "
                "--kind)",
            )
        targets: dict[str, TargetTerms] = {}
        for section in sections:
            language = _language(section)
            if section is source:
                continue
            if not language:
                self.problem(section, "language section without xml:lang")
                continue
            if language in targets or language == self.source_language:
                self.problem(section, f"second '{language}' section in entry '{concept_id}'")
                continue
            target = self.target(section, language)
            if target is not None:
                targets[language] = target
        return Concept(
            id=concept_id,
            kind=kind,
            source=source_terms,
            targets=targets,
            note=" ".join(notes),
            origin=Location(self.path, entry.sourceline),
            lines=self.lines,
        )

    def kind(self, note: etree._Element, value: str) -> Kind | None:
        try:
            return Kind(value.strip())
        except ValueError:
            known = ", ".join(kind.value for kind in Kind)
            self.problem(note, f"bad kind '{value}' (expected one of {known})")
            return None

    def concept_id(self, entry: etree._Element, term: str, used: set[str]) -> str:
        given = entry.get("id") or ""
        if given:
            self.lines["id"] = entry.sourceline
            if ID_PATTERN.match(given):
                return given
            replacement = _unused(slug(given), used)
            self.note(entry, f"id '{given}' is not a glossary id; using '{replacement}'")
            return replacement
        return _unused(slug(term), used)

    def terms(self, section: etree._Element, language: str) -> _Terms:
        found = _Terms()
        self.lines[language] = section.sourceline
        for group in section.iter():
            if _local(group) not in ("tig", "ntig", "termSec"):
                continue
            term = next((e for e in group.iter() if _local(e) == "term"), None)
            if term is None:
                self.problem(group, f"<{_local(group)}> without a <term>")
                continue
            text = _text(term)
            statuses: dict[str, Status] = {}
            term_type = part_of_speech = ""
            for note in group.iter():
                name, value, category = _local(note), _text(note), note.get("type")
                if name == "termNote" and category in _STATUS_CATEGORIES:
                    status = _READ_STATUS.get(value.lower())
                    if status is None:
                        self.problem(note, f"unknown {category} '{value}'")
                    else:
                        statuses[category] = status
                elif name == "termNote" and category == "termType":
                    term_type = value.lower()
                elif name == "termNote" and category == "partOfSpeech":
                    part_of_speech = value
                elif name == "note" and value.startswith(PRONUNCIATION_LABEL):
                    found.readings[text] = value.removeprefix(PRONUNCIATION_LABEL)
            status = next((statuses[c] for c in _STATUS_CATEGORIES if c in statuses), None)
            found.entries.append(_Found(text, status, term_type, part_of_speech, group.sourceline))
        return found

    def source_terms(self, section: etree._Element) -> SourceTerms | None:
        language = self.source_language
        found = self.terms(section, language)
        accepted = [t for t in found.ordered() if t.status is not Status.deprecated]
        if not accepted:
            self.problem(section, f"'{language}' section has no term")
            return None
        self.lines[f"{language}.term"] = accepted[0].line or section.sourceline
        for index, term in enumerate(accepted[1:]):
            self.lines[f"{language}.variants[{index}]"] = term.line or section.sourceline
        insensitive = any(_text(note) == CASE_INSENSITIVE for note in _children(section, "note"))
        return SourceTerms(
            term=accepted[0].text,
            variants=tuple(t.text for t in accepted[1:]),
            case_sensitive=not insensitive,
        )

    def source_notes(self, section: etree._Element) -> Iterator[str]:
        """Definitions and notes in the English section belong to the concept."""
        for element in _children(section, "note", "descrip", "descripGrp"):
            text = _text(element)
            if _local(element) == "descripGrp":
                yield from (_text(e) for e in _children(element, "descrip"))
            elif _local(element) == "descrip":
                yield _subject(text) if element.get("type") == "subjectField" else text
            elif text != CASE_INSENSITIVE:
                yield text

    def target(self, section: etree._Element, language: str) -> TargetTerms | None:
        found = self.terms(section, language)
        preferred: str | None = None
        lists: dict[str, list[str]] = {"forms": [], "admitted": [], "deprecated": []}
        for term in found.ordered():
            status = term.status
            if status is None:
                typed = term.term_type == FULL_FORM or term.term_type in _FORM_TYPES
                status = Status.preferred if preferred is None or typed else Status.admitted
            if status is Status.preferred and preferred is None:
                preferred = term.text
                self.lines[f"{language}.preferred"] = term.line or section.sourceline
                continue
            name = {"preferred": "forms"}.get(status.value, status.value)
            self.lines[f"{language}.{name}[{len(lists[name])}]"] = term.line or section.sourceline
            lists[name].append(term.text)
        if preferred is None and lists["admitted"]:
            preferred = lists["admitted"].pop(0)
        if preferred is None:
            self.problem(section, f"'{language}' section has no preferred or admitted term")
            return None
        details = self.details(section)
        if grammar := found.grammar():
            details["grammar"] = "; ".join(filter(None, (str(details.get("grammar", "")), grammar)))
        readings = dict(found.readings)
        return TargetTerms(
            language=language,
            preferred=preferred,
            forms=tuple(lists["forms"]),
            admitted=tuple(lists["admitted"]),
            deprecated=tuple(lists["deprecated"]),
            pronunciation=readings.pop(preferred, None),
            readings=readings,
            **details,
        )

    def details(self, section: etree._Element) -> dict[str, object]:
        details: dict[str, object] = {}
        notes: list[str] = []
        first_reference: list[str] = []
        label: list[str] = []
        for element in _children(section, "note", "admin", "descrip", "descripGrp"):
            text = _text(element)
            name = _local(element)
            if name == "admin" and element.get("type") == "source":
                details["source"] = text
            elif name == "descripGrp":
                notes.extend(_text(e) for e in _children(element, "descrip"))
            elif name == "descrip" and element.get("type") == "definition":
                notes.append(text)
            elif name == "descrip" and element.get("type") == "subjectField":
                notes.append(_subject(text))
            elif name != "note":
                continue
            elif text.startswith(GRAMMAR_LABEL):
                details["grammar"] = text.removeprefix(GRAMMAR_LABEL)
            elif text.startswith(FIRST_REFERENCE_LABEL):
                first_reference.append(text.removeprefix(FIRST_REFERENCE_LABEL))
            elif text.startswith(REQUIRED_LABEL):
                label.append(text.removeprefix(REQUIRED_LABEL))
            elif text == DO_NOT_TRANSLATE:
                details["do_not_translate"] = True
            elif text == INDECLINABLE:
                details["indeclinable"] = True
            elif text == NO_APOSTROPHE:
                details["apostrophe"] = False
            else:
                notes.append(text)
        if notes:
            details["note"] = " ".join(notes)
        if first_reference:
            details["first_reference"] = tuple(first_reference)
        if label:
            details["label"] = tuple(label)
        return details


def _subject(text: str) -> str:
    return f"{SUBJECT_LABEL}{text}{'' if text.endswith(('.', '!', '?')) else '.'}"


def _unused(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def slug(text: str) -> str:
    """A glossary id made from a term: `Nour al-Din al-Zinki` → `nour-al-din-al-zinki`."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    candidate = "-".join(words) or "concept"
    return candidate if candidate[0].isalpha() else f"c-{candidate}"
