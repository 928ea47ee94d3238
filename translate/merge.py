"""Reuse and merge: what each template entry's translation will be, and the catalog it makes.

`plan_units` decides, for every entry of a template, whether an existing translation is kept,
one is taken from memory (exact, or as a fuzzy suggestion with the old source), or machine
translation is needed. `merge_catalog` then builds the new catalog as `msgmerge` would: the
template's order, references and extracted comments; translators' work untouched; entries whose
source disappeared kept as obsolete (`#~`) rather than deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from translate.catalog import FUZZY, Catalog, Message
from translate.memory import (
    CLOSE_MATCH_THRESHOLD,
    Kind,
    Match,
    Memory,
    MemoryEntry,
    TranslationMemory,
)


class Origin(StrEnum):
    kept = "kept"  # the catalog's own translation, untouched
    memory = "memory"  # exact match from another catalog of the language
    suggestion = "suggestion"  # close match, fuzzy, with the old source as #| msgid
    machine = "machine"  # machine translation, fuzzy
    missing = "missing"  # nothing found; left untranslated


@dataclass
class Unit:
    """One template entry on its way into a language's catalog."""

    template: Message
    origin: Origin = Origin.missing
    translation: str = ""
    fuzzy: bool = False
    previous_msgid: str | None = None
    translator_comments: list[str] = field(default_factory=list)
    kept: Message | None = None

    @property
    def msgid(self) -> str:
        return self.template.msgid

    @property
    def needs_translation(self) -> bool:
        return self.origin is Origin.missing


def plan_units(
    template: Catalog,
    existing: Catalog | None,
    memory: Memory,
    threshold: float = CLOSE_MATCH_THRESHOLD,
) -> list[Unit]:
    """For each template entry, the best translation already available (no MT here)."""
    # Active entries win over obsolete ones with the same key; obsolete ones can be revived.
    ordered = sorted(existing.messages, key=lambda m: not m.obsolete) if existing else []
    current = {m.key: m for m in ordered}
    template_keys = {m.key for m in template}
    # Old entries of this catalog whose source is gone: first in line for suggestions. A
    # suggestion from one of them carries its translator comments (`# check: ignore …`
    # included), as msgmerge's fuzzy match does.
    departed_messages = {
        (m.msgid, m.msgstr): m
        for m in current.values()
        if m.key not in template_keys and m.has_translation and m.msgid_plural is None
    }
    departed = TranslationMemory(
        MemoryEntry(msgid, msgstr, reviewed=not m.fuzzy, origin="")
        for (msgid, msgstr), m in departed_messages.items()
    )
    units: list[Unit] = []
    for message in template:
        unit = Unit(template=message)
        found = current.get(message.key)
        if found is not None:
            unit.translator_comments = list(found.translator_comments)
        if found is not None and found.has_any_translation:
            unit.origin, unit.kept = Origin.kept, found
        elif (entry := memory.exact(message.msgid)) is not None:
            unit.origin, unit.translation, unit.fuzzy = (
                Origin.memory,
                entry.target,
                not entry.reviewed,
            )
            _name_tmx(unit, entry)
        elif match := departed.closest(message.msgid, threshold):
            _suggest(unit, match)
            old = departed_messages[(match.entry.source, match.entry.target)]
            unit.translator_comments += [
                comment
                for comment in old.translator_comments
                if comment not in unit.translator_comments
            ]
        elif match := memory.closest(message.msgid, threshold):
            _suggest(unit, match)
        units.append(unit)
    return units


def _suggest(unit: Unit, match: Match) -> None:
    unit.origin, unit.translation, unit.fuzzy = Origin.suggestion, match.entry.target, True
    unit.previous_msgid = match.entry.source
    _name_tmx(unit, match.entry)


def _name_tmx(unit: Unit, entry: MemoryEntry) -> None:
    """A translation from a TMX file is someone else's work: fuzzy (it is never reviewed
    here), and a translator comment says where it came from."""
    if entry.kind is Kind.tmx:
        unit.fuzzy = True
        unit.translator_comments = [
            *unit.translator_comments,
            f"Translation memory: {entry.origin}; review before use.",
        ]


def merge_catalog(
    template: Catalog,
    existing: Catalog | None,
    units: Sequence[Unit],
    header: list[tuple[str, str]],
) -> Catalog:
    """The new catalog: the template's entries with their units' translations, then obsolete.

    An entry whose source is gone becomes obsolete when it holds a translator's work: any
    translation text (one plural form is enough) or a translator comment. It stays obsolete
    even when it served as a fuzzy suggestion, so the reviewed translation comes back as it
    was if the sentence returns.
    """
    messages = [_message(unit) for unit in units]
    live = {m.key for m in template}
    obsolete: list[Message] = []
    for message in existing.messages if existing else []:
        if message.key in live:
            continue
        if message.obsolete:
            obsolete.append(message)
        elif message.has_any_translation or message.translator_comments:
            obsolete.append(replace(message, obsolete=True, references=[], line=None))
    return Catalog(
        header=header,
        header_comments=list(existing.header_comments) if existing else [],
        header_extracted_comments=list(existing.header_extracted_comments) if existing else [],
        header_flags=[
            flag for flag in (existing.header_flags if existing else []) if flag != FUZZY
        ],
        messages=messages + obsolete,
    )


def _message(unit: Unit) -> Message:
    source = unit.template
    if unit.kept is not None:
        # The translator's entry keeps msgstr, flags and comments; the source side (references,
        # extracted comments) follows the template, as msgmerge does.
        return replace(
            unit.kept,
            references=list(source.references),
            extracted_comments=list(source.extracted_comments),
            obsolete=False,
            line=None,
        )
    message = Message(
        msgid=source.msgid,
        msgctxt=source.msgctxt,
        msgstr=unit.translation,
        references=list(source.references),
        extracted_comments=list(source.extracted_comments),
        translator_comments=list(unit.translator_comments),
        previous_msgid=unit.previous_msgid,
    )
    message.fuzzy = unit.fuzzy and bool(unit.translation)
    return message
