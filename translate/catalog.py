"""The gettext catalog model: messages and header, no I/O (see `translate.po` for that)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

FUZZY = "fuzzy"


@dataclass
class Message:
    """One catalog entry, as in a PO file. `line` is where its `msgid` stood when read."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int | None = None

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and FUZZY not in self.flags:
            self.flags.insert(0, FUZZY)
        elif not value:
            self.flags = [flag for flag in self.flags if flag != FUZZY]

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def has_translation(self) -> bool:
        """Some translation text is present (fuzzy or not)."""
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return self.msgstr != ""

    @property
    def has_any_translation(self) -> bool:
        """Some translation text is present, if only one plural form: a translator's work."""
        if self.msgid_plural is not None:
            return any(self.msgstr_plural.values())
        return self.msgstr != ""

    @property
    def translated(self) -> bool:
        """Translated and reviewed: what gettext would use at run time."""
        return self.has_translation and not self.fuzzy and not self.obsolete

    def translations(self) -> list[str]:
        """Every translation string of the entry (one, or one per plural form)."""
        if self.msgid_plural is not None:
            return [self.msgstr_plural[index] for index in sorted(self.msgstr_plural)]
        return [self.msgstr]


class Include(StrEnum):
    """Which translated entries a command uses: `--include` of `render` and `check`."""

    reviewed = "reviewed"  # translated and not fuzzy: what gettext uses and what ships
    drafts = "drafts"  # fuzzy only: machine translations and suggestions awaiting review
    all = "all"  # reviewed and drafts

    def admits(self, message: Message) -> bool:
        if not message.has_translation or message.obsolete:
            return False
        if self is Include.reviewed:
            return not message.fuzzy
        if self is Include.drafts:
            return message.fuzzy
        return True


@dataclass
class Catalog:
    """A PO or POT file's content. The header is the ordered list of its fields."""

    header: list[tuple[str, str]] = field(default_factory=list)
    header_comments: list[str] = field(default_factory=list)
    # `#.` lines above the header: msgcat and msgmerge keep them, so a rewrite must too.
    header_extracted_comments: list[str] = field(default_factory=list)
    header_flags: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)

    def header_field(self, name: str) -> str | None:
        for key, value in self.header:
            if key.lower() == name.lower():
                return value
        return None

    def set_header_field(self, name: str, value: str) -> None:
        for index, (key, _) in enumerate(self.header):
            if key.lower() == name.lower():
                self.header[index] = (key, value)
                return
        self.header.append((name, value))

    @property
    def language(self) -> str | None:
        return self.header_field("Language") or None

    def __iter__(self) -> Iterator[Message]:
        """The active (non-obsolete) messages, in file order."""
        return (message for message in self.messages if not message.obsolete)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def find(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        for message in self:
            if message.msgid == msgid and message.msgctxt == msgctxt:
                return message
        return None

    def translated_entries(self) -> list[Message]:
        return [message for message in self if message.translated]

    def fuzzy_entries(self) -> list[Message]:
        return [message for message in self if message.fuzzy and message.has_translation]

    def untranslated_entries(self) -> list[Message]:
        return [message for message in self if not message.has_translation]

    def obsolete_entries(self) -> list[Message]:
        return [message for message in self.messages if message.obsolete]

    def percent_translated(self) -> float:
        total = len(self)
        return 100.0 * len(self.translated_entries()) / total if total else 100.0
