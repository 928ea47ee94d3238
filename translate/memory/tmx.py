"""TMX 1.4b: translation memories from other tools, read safely and in bounded memory, and
the project's memory written for them.

Reading streams the file (lxml's iterparse; every `<tu>` is dropped once read), so a TMX of
a million units takes the memory of one. It never expands an entity, never loads a DTD
(internal subset aside) and never touches the network: a document that declares entities
(the "billion laughs" bomb, external entities naming local files or URLs) is refused before
its body is read. Anything else that is not TMX (a truncated file, another root, a `<tuv>`
without `xml:lang`) is refused as one located line, `TmxError`, and nothing of the file is
used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from lxml import etree

from translate.errors import TmxError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is the original document's markup, not text.
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
# libxml2 ends its messages with the position, which the error's `file:line` already gives.
_PO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)([+-])(\d\d)(\d\d)")
_POSITION = re.compile(r", line \d+, column \d+$")


@dataclass(frozen=True)
class TmxUnit:
    """One `<tu>`: its source text and the targets in the project's languages."""

    source: str
    targets: dict[str, str]
    created: str | None  # creationdate of the tu (TMX's YYYYMMDDThhmmssZ), if given
    line: int


def language_key(code: str) -> str:
    """`pt-BR`, `pt_br` → `pt_br`: how TMX and project language codes are compared."""
    return code.replace("-", "_").casefold()


def project_language(code: str, languages: Sequence[str]) -> str | None:
    """The project language a TMX `xml:lang` is: the same code, or, for a regional code
    (`tr-TR`), the project's language without region (`tr`)."""
    key = language_key(code)
    by_key = {language_key(language): language for language in languages}
    if key in by_key:
        return by_key[key]
    return by_key.get(key.split("_")[0])


def read_tmx(
    path: Path, display: str, source_language: str, languages: Sequence[str]
) -> Iterator[TmxUnit]:
    """The units of a TMX file that have a source in `source_language` and a translation in
    one of `languages`. Raises `TmxError` at the first problem."""
    try:
        yield from _read(path, display, source_language, languages)
    except etree.XMLSyntaxError as error:
        message = _POSITION.sub("", error.msg)
        raise TmxError(display, error.lineno, f"not well-formed XML: {message}") from None
    except OSError as error:
        raise TmxError(display, None, f"cannot read: {error.strerror or error}") from None


def _read(
    path: Path, display: str, source_language: str, languages: Sequence[str]
) -> Iterator[TmxUnit]:
    events = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    seen_header = False
    for event, element in events:
        if event == "start":
            if element.getparent() is None:
                _check_root(element, display)
            continue
        tag = element.tag
        if tag == "header":
            seen_header = True
        elif tag == "tu":
            if not seen_header:
                raise TmxError(display, element.sourceline, "<tu> before <header>")
            unit = _unit(element, display, source_language, languages)
            if unit is not None:
                yield unit
            # Keep memory bounded: drop the unit and what came before it.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]


def _check_root(root: etree._Element, display: str) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and (entity := next(iter(dtd.iterentities()), None)) is not None:
        raise TmxError(
            display, 1, f"entity declarations are not allowed (<!ENTITY {entity.name} …>)"
        )
    if root.tag != "tmx":
        raise TmxError(display, root.sourceline, f"the root element is <{root.tag}>, not <tmx>")


def _unit(
    tu: etree._Element, display: str, source_language: str, languages: Sequence[str]
) -> TmxUnit | None:
    source: str | None = None
    targets: dict[str, str] = {}
    for tuv in tu.iter("tuv"):
        code = tuv.get(XML_LANG) or tuv.get("lang")  # TMX 1.1 wrote `lang`
        if not code:
            raise TmxError(display, tuv.sourceline, "<tuv> without xml:lang")
        seg = tuv.find("seg")
        if seg is None:
            raise TmxError(display, tuv.sourceline, "<tuv> without <seg>")
        text = _text(seg)
        if project_language(code, [source_language]) is not None:
            source = source or text
        elif (language := project_language(code, languages)) is not None and text:
            targets.setdefault(language, text)
    if not source or not targets:
        return None
    return TmxUnit(source, targets, tu.get("creationdate"), tu.sourceline)


def _text(element: etree._Element) -> str:
    """A segment's text: inline markup codes left out, highlighted text kept."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass(frozen=True)
class Translation:
    """One target of an exported unit, with where it came from."""

    language: str
    text: str
    reviewed: bool
    origin: str  # the catalog, as the project displays its path
    changed: str | None  # the catalog's PO-Revision-Date in TMX form, if it has one


def tmx_date(po_date: str) -> str | None:
    """`2024-03-01 12:30+0000` (a PO header date) → `20240301T123000Z`; None if not one."""
    match = _PO_DATE.fullmatch(po_date.strip())
    if not match:
        return None
    year, month, day, hour, minute, sign, offset_h, offset_m = match.groups()
    zone = timezone(
        (1 if sign == "+" else -1) * timedelta(hours=int(offset_h), minutes=int(offset_m))
    )
    moment = datetime(int(year), int(month), int(day), int(hour), int(minute), tzinfo=zone)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def write_tmx(
    units: Iterable[tuple[str, Sequence[Translation]]],
    source_language: str,
    tool_version: str,
    properties: dict[str, str],
) -> bytes:
    """TMX 1.4b: one `<tu>` per source with a `<tuv>` per language; each translation's
    status and catalog are `<prop>`s of its `<tuv>`, the export's settings of the header."""
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": "Dragoman", "creationtoolversion": tool_version,
        "segtype": "sentence", "o-tmf": "gettext PO", "adminlang": "en",
        "srclang": _tmx_code(source_language), "datatype": "plaintext",
    })  # fmt: skip
    for name, value in properties.items():
        _prop(header, name, value)
    body = etree.SubElement(root, "body")
    for source, translations in units:
        tu = etree.SubElement(body, "tu")
        dates = [t.changed for t in translations if t.changed]
        if dates:
            tu.set("creationdate", min(dates))
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: _tmx_code(source_language)})
        etree.SubElement(tuv, "seg").text = source
        for translation in translations:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: _tmx_code(translation.language)})
            if translation.changed:
                tuv.set("changedate", translation.changed)
            _prop(tuv, "x-dragoman-status", "reviewed" if translation.reviewed else "fuzzy")
            _prop(tuv, "x-dragoman-origin", translation.origin)
            etree.SubElement(tuv, "seg").text = translation.text
    return etree.tostring(
        root, encoding="UTF-8", xml_declaration=True, pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )  # fmt: skip


def _prop(parent: etree._Element, name: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=name).text = value


def _tmx_code(language: str) -> str:
    return language.replace("_", "-")
