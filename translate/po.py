"""Reading and writing PO/POT files.

The writer reproduces GNU gettext's layout byte for byte (`msgcat`'s default width of 79
columns, its line-breaking at Unicode line-break opportunities, its comment order), so that a
catalog saved by Poedit, Lokalize or `msgcat` after us differs only where a person changed it.
polib and Babel wrap differently, which would make every save a noisy diff.

The reader is a single pass over lines that keeps the line number of every entry, so errors
read `file:line: message` and checks can point at the entry.
"""

from __future__ import annotations

import codecs
import functools
import gc
import re
import sys
from collections.abc import Iterable

from translate.catalog import FUZZY, Catalog, Message
from translate.directives import FORMAT_LANGUAGES, inside_directives
from translate.errors import CatalogError
from translate.linebreak import Breaker

PAGE_WIDTH = 79

# ---------------------------------------------------------------------------------------------
# Escapes

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}
_UNESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "?": "?",
}
_ESCAPE_SEQUENCE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
# Octal and hex escapes stand for bytes of the file's charset, as in GNU gettext: `\303\251`
# is "é" in a UTF-8 catalog. `unescape` keeps a byte above 0x7F as the lone surrogate
# U+DC80..U+DCFF (Python's surrogateescape convention) until the string's lines are joined,
# since a character's bytes may be split across lines; `decode_escaped_bytes` then decodes them.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def unescape(text: str) -> str:
    """Decode the C escapes of a PO string literal's body; `ValueError` on an unknown one."""
    if "\\" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        octal, hexa, char = match.groups()
        if octal or hexa:
            digits = hexa.lstrip("0") if hexa else ""
            # Bounded before int(): GNU silently truncates `\xFFFFFFFFFFFF` to one byte.
            value = int(octal, 8) if octal else int(digits or "0", 16) if len(digits) <= 2 else 256
            if value > 0xFF:
                raise ValueError(f"escape sequence {match.group(0)[:12]} is above one byte")
            if value == 0:
                raise ValueError(f"escape sequence {match.group(0)} is a NUL byte")
            return chr(value) if value < 0x80 else chr(0xDC00 + value)
        if char in _UNESCAPES:
            return _UNESCAPES[char]
        raise ValueError(f"invalid escape sequence \\{char}")

    return _ESCAPE_SEQUENCE.sub(replace, text)


def decode_escaped_bytes(text: str, charset: str) -> str:
    """`text` with the bytes that `unescape` kept as surrogates decoded in `charset`;
    `ValueError` if they are not valid there."""
    if _ESCAPED_BYTE.search(text) is None:
        return text
    try:
        return text.encode(charset, "surrogateescape").decode(charset)
    except UnicodeError:
        raise ValueError(f"escaped bytes are not valid {charset}") from None


# ---------------------------------------------------------------------------------------------
# String layout: `keyword "value"` lines cut where GNU gettext cuts them (`linebreak`).

_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_ESCAPE_PAIR = re.compile(r"\\.", re.DOTALL)


def _escaped_portion(portion: str, directives: set[int]) -> tuple[str, set[int]]:
    """One portion escaped, and the indexes where gettext forbids a break: inside an escape,
    before a final `\\n`, and before the characters at `directives` (indexes of `portion`
    inside a format directive)."""
    text = portion.translate(_ESCAPE_TABLE)
    prohibited = (
        {match.start() + 1 for match in _ESCAPE_PAIR.finditer(text)} if "\\" in text else set()
    )
    if portion.endswith("\n"):
        prohibited.add(len(text) - 2)
    if directives:
        shift = 0  # characters the escapes before this one added
        for index, char in enumerate(portion):
            if index in directives:
                prohibited.add(index + shift)
            shift += char in _ESCAPES
    return text, prohibited


# The POT and every language's catalog write the same msgids, and a re-run writes the same
# strings again: a bounded cache saves most of the layout work of a run.
@functools.lru_cache(maxsize=16384)
def format_string(
    keyword: str,
    value: str,
    prefix: str = "",
    width: int = PAGE_WIDTH,
    *,
    wrap: bool = True,
    language: str | None = None,
) -> str:
    """`keyword "value"` lines as GNU gettext writes them, each line starting with `prefix`:
    cut to `width` unless `wrap` is false (`#, no-wrap`), and never inside a directive of the
    format `language` (`python` for `#, python-format`)."""
    portions = _portions(value)
    after_break = len(prefix) + 1
    line_width = (width if wrap else sys.maxsize) - 1 - after_break
    inside = inside_directives(value, language, keyword.startswith("msgstr"))
    lines: list[str] = []
    first_line = True
    offset = 0  # index in `value` of the portion's first character
    for position, portion in enumerate(portions):
        directives = {i - offset for i in inside if offset <= i < offset + len(portion)}
        offset += len(portion)
        text, prohibited = _escaped_portion(portion, directives)
        breaker = Breaker(text, prohibited)
        more_follow = position < len(portions) - 1
        start = (len(prefix) + len(keyword) + 2 - after_break) if first_line else 0
        breaks = breaker.breaks(line_width, start)
        if first_line and text and (more_follow or start > line_width or breaks):
            lines.append(f'{prefix}{keyword} ""')
            first_line = False
            breaks = breaker.breaks(line_width, 0)
        for piece in _split_at(text, breaks):
            if first_line:
                lines.append(f'{prefix}{keyword} "{piece}"')
                first_line = False
            else:
                lines.append(f'{prefix}"{piece}"')
    if first_line:
        lines.append(f'{prefix}{keyword} ""')
    return "\n".join(lines) + "\n"


def _portions(value: str) -> list[str]:
    """The value cut after each newline: gettext starts a new line after every `\\n`."""
    if not value:
        return []
    portions = value.split("\n")
    result = [portion + "\n" for portion in portions[:-1]]
    if portions[-1]:
        result.append(portions[-1])
    return result


def _split_at(text: str, breaks: list[int]) -> list[str]:
    starts = [0, *breaks]
    ends = [*breaks, len(text)]
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


# ---------------------------------------------------------------------------------------------
# Writing


def _references(references: Iterable[str], width: int) -> list[str]:
    lines: list[str] = []
    current = "#:"
    column = 2
    for reference in references:
        length = len(reference) + 1
        if column > 2 and column + length > width:
            lines.append(current)
            current = "#:"
            column = 2
        current += " " + reference
        column += length
    if column > 2:
        lines.append(current)
    return lines


def _comment(marker: str, text: str) -> str:
    if not text:
        return marker
    # gettext's reader joins a line ending in a backslash with the next one (po-lex.c), so
    # `# C:\` would swallow the `#:` or `msgid` line after it in msgcat, msgfmt and Poedit.
    # A trailing blank stops that; `_Parser.comment_into` takes it off again.
    return f"{marker} {text} " if text.endswith("\\") else f"{marker} {text}"


NO_WRAP = "no-wrap"
# Flags gettext knows, by the place it writes them in (`message_print_comment_flags`): fuzzy,
# each format language's flag in its order, the range, no-wrap. It reads `possible-x-format`
# and writes it as `x-format`, and writes no `wrap` flag (wrapping is the default).
_FLAG_PLACES = {
    FUZZY: 0,
    **{
        f"{negation}{language}-format": 1 + place
        for place, language in enumerate(FORMAT_LANGUAGES)
        for negation in ("", "no-", "possible-")
    },
    NO_WRAP: 2 + len(FORMAT_LANGUAGES),
}
_LAST_PLACE = 3 + len(FORMAT_LANGUAGES)


def gnu_flags(flags: Iterable[str]) -> list[str]:
    """`flags` in the order and spelling msgcat writes them; flags gettext does not know (it
    drops them) are kept, after the others."""
    written: list[str] = []
    for flag in flags:
        flag = flag.removeprefix("possible-") if flag.startswith("possible-") else flag
        if flag != "wrap" and flag not in written:
            written.append(flag)

    def place(flag: str) -> int:
        if flag.startswith("range:"):
            return 1 + len(FORMAT_LANGUAGES)
        return _FLAG_PLACES.get(flag, _LAST_PLACE)

    return sorted(written, key=place)


def directive_language(flags: Iterable[str]) -> str | None:
    """The format whose directives gettext keeps whole: the first, in its order, that the
    flags say the strings are (or may be)."""
    marked = {flag.removeprefix("possible-") for flag in flags}
    for language in FORMAT_LANGUAGES:
        if f"{language}-format" in marked:
            return language
    return None


def format_message(message: Message, width: int = PAGE_WIDTH) -> str:
    out: list[str] = []
    out.extend(_comment("#", text) + "\n" for text in message.translator_comments)
    out.extend(_comment("#.", text) + "\n" for text in message.extracted_comments)
    if not message.obsolete:
        out.extend(line + "\n" for line in _references(message.references, width))
    flags = gnu_flags(message.flags)
    # gettext drops the fuzzy flag when the (first) translation is empty.
    first_form = message.msgstr if message.msgid_plural is None else message.msgstr_plural.get(0)
    if not first_form and not message.is_header and FUZZY in flags:
        flags.remove(FUZZY)
    if flags:
        out.append("#, " + ", ".join(flags) + "\n")
    prefix = "#~ " if message.obsolete else ""
    previous = "#~| " if message.obsolete else "#| "
    layout = {"wrap": NO_WRAP not in flags, "language": directive_language(flags)}

    def string(keyword: str, value: str, line_prefix: str) -> None:
        out.append(format_string(keyword, value, line_prefix, width, **layout))

    if message.previous_msgctxt is not None:
        string("msgctxt", message.previous_msgctxt, previous)
    if message.previous_msgid is not None:
        string("msgid", message.previous_msgid, previous)
    if message.previous_msgid_plural is not None:
        string("msgid_plural", message.previous_msgid_plural, previous)
    if message.msgctxt is not None:
        string("msgctxt", message.msgctxt, prefix)
    string("msgid", message.msgid, prefix)
    if message.msgid_plural is not None:
        string("msgid_plural", message.msgid_plural, prefix)
        for index in sorted(message.msgstr_plural):
            string(f"msgstr[{index}]", message.msgstr_plural[index], prefix)
    else:
        string("msgstr", message.msgstr, prefix)
    return "".join(out)


def header_message(catalog: Catalog) -> Message:
    return Message(
        msgid="",
        msgstr="".join(f"{key}: {value}\n" for key, value in catalog.header),
        flags=list(catalog.header_flags),
        translator_comments=list(catalog.header_comments),
        extracted_comments=list(catalog.header_extracted_comments),
    )


def write_po(catalog: Catalog, width: int = PAGE_WIDTH) -> str:
    """The catalog as PO text, laid out as GNU gettext lays it out."""
    blocks = [format_message(header_message(catalog), width)]
    active = [message for message in catalog.messages if not message.obsolete]
    obsolete = [message for message in catalog.messages if message.obsolete]
    blocks.extend(format_message(message, width) for message in active + obsolete)
    return "\n".join(blocks)


# ---------------------------------------------------------------------------------------------
# Reading

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9]+)\])?)[ \t]*"(.*)"[ \t]*$')
_CONTINUATION = re.compile(r'^"(.*)"[ \t]*$')
# The common entry, read in one go by `_Parser.simple_entry`: comment lines (not `#~`, `#|`),
# msgid and msgstr each with continuation lines, then a blank line or the end. Anything else
# (msgctxt, plurals, previous or obsolete entries, other whitespace) is read line by line.
_SIMPLE_ENTRY = re.compile(
    r"((?:[ \t]*#(?![~|])[^\n]*\n)*)"
    r'[ \t]*msgid[ \t]*"([^\n]*)"[ \t]*\r?\n'
    r'((?:[ \t]*"[^\n]*"[ \t]*\r?\n)*)'
    r'[ \t]*msgstr[ \t]*"([^\n]*)"[ \t]*\r?(?:\n|\Z)'
    r'((?:[ \t]*"[^\n]*"[ \t]*\r?(?:\n|\Z))*)'
    r"[ \t\r]*(?:\n|\Z)"
)
# The body of each continuation line the simple entry's pattern accepted.
_BODIES = re.compile(r'^[ \t]*"(.*)"[ \t]*\r?$', re.MULTILINE)
# The header entry (`msgid ""` straight after a line start, then msgstr lines) and the charset
# its Content-Type names, found in the bytes before decoding them.
_HEADER_ENTRY = re.compile(
    rb'^[ \t]*msgid[ \t]*""[ \t]*\r?\n[ \t]*msgstr[ \t]*((?:"[^\n]*"[ \t]*\r?\n?[ \t]*)+)',
    re.MULTILINE,
)
_CHARSET = re.compile(rb"charset=([^\s\"\\]+)")
_CHARSET_FIELD = re.compile(r"charset=([^\s\"\\]+)")


class _Entry:
    """The entry being read: comments, previous (`#|`) fields and fields, in order."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}
        self.previous: dict[str, list[str]] = {}
        self.flags: list[str] = []
        self.references: list[str] = []
        self.translator: list[str] = []
        self.extracted: list[str] = []
        self.obsolete = False
        self.msgid_line: int | None = None
        self.escapes = False  # a string has a backslash escape (to decode escaped bytes)
        self.first_line: int | None = None
        self.continues: list[str] | None = None

    @property
    def has_msgstr(self) -> bool:
        return any(key.startswith("msgstr") for key in self.fields)

    @property
    def empty(self) -> bool:
        return self.first_line is None


class _Parser:
    def __init__(self, path: str, charset: str) -> None:
        self.path = path
        self.charset = charset
        self.catalog = Catalog()
        self.seen: dict[tuple[str | None, str], int] = {}
        self.entry = _Entry()

    def error(self, line: int, message: str) -> CatalogError:
        return CatalogError(self.path, line, message)

    def parse(self, text: str) -> Catalog:
        # Reading makes many objects and no cycles; the cyclic collector running over them
        # again and again would cost a third of the time on a large catalog.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self.parse_lines(text)
        finally:
            if collecting:
                gc.enable()

    def parse_lines(self, text: str) -> Catalog:
        position, number = 0, 1  # where the next line starts, and its number
        while position < len(text):
            if self.entry.empty:
                match = _SIMPLE_ENTRY.match(text, position)
                if match is not None:
                    self.simple_entry(match, number)
                    number += text.count("\n", position, match.end())
                    position = match.end()
                    continue
            newline = text.find("\n", position)
            end = len(text) if newline == -1 else newline
            # Trailing blanks are kept: msgcat keeps them in comments.
            self.feed(text[position:end].lstrip().rstrip("\r"), number)
            position, number = end + 1, number + 1
        self.flush(text.count("\n") + 1)
        return self.catalog

    def simple_entry(self, match: re.Match[str], number: int) -> None:
        """Add the common entry `_SIMPLE_ENTRY` matched, as `feed` would have read it line by
        line (same message, same errors at the same lines), without its per-line work."""
        comments, msgid, msgid_more, msgstr, msgstr_more = match.groups()
        entry = _Entry()
        if comments:
            lines = comments.split("\n")
            lines.pop()
            for line in lines:
                self.comment_into(entry, line.lstrip().rstrip("\r"))
            number += len(lines)
        msgid_line = number
        text, number = self.joined(msgid, msgid_more, number)
        translation, _ = self.joined(msgstr, msgstr_more, number + 1)
        self.add(
            Message(
                msgid=text,
                msgstr=translation,
                flags=entry.flags,
                references=entry.references,
                translator_comments=entry.translator,
                extracted_comments=entry.extracted,
                line=msgid_line,
            )
        )

    def joined(self, first: str, more: str, number: int) -> tuple[str, int]:
        """A string's first line body and its continuation lines, decoded; the number of its
        last line. `first` is on line `number`."""
        parts = [first]
        if more:
            parts.extend(_BODIES.findall(more))
        text = "".join(parts)
        if "\\" in text or '"' in text:  # escapes to decode, or errors to report by line
            text = "".join(self.decode(part, number + index) for index, part in enumerate(parts))
            text = self.escaped_bytes(text, number)
        return text, number + len(parts) - 1

    def escaped_bytes(self, text: str, number: int) -> str:
        try:
            return decode_escaped_bytes(text, self.charset)
        except ValueError as error:
            raise self.error(number, str(error)) from None

    def feed(self, line: str, number: int) -> None:
        if not line:
            if self.entry.fields:
                self.flush(number)
            return
        if line.startswith("#~"):
            body = line[2:].lstrip()
            if body.startswith("|"):
                if previous := body[1:].lstrip():  # an empty `#~ |` says nothing, as in msgcat
                    self.string(previous, number, obsolete=True, previous=True)
            elif body and not body.startswith("#"):
                self.string(body, number, obsolete=True, previous=False)
        elif line.startswith("#|"):
            if previous := line[2:].lstrip():  # an empty `#|` says nothing, as in msgcat
                self.string(previous, number, obsolete=False, previous=True)
        elif line.startswith("#"):
            if self.entry.has_msgstr:
                self.flush(number)
            self.comment(line, number)
        else:
            self.string(line, number, obsolete=False, previous=False)

    def comment(self, line: str, number: int) -> None:
        entry = self.entry
        if entry.first_line is None:
            entry.first_line = number
        entry.continues = None
        self.comment_into(entry, line)

    @staticmethod
    def comment_into(entry: _Entry, line: str) -> None:
        marker = line[1:2]
        if marker == ",":
            entry.flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
        elif marker == ":":
            entry.references.extend(line[2:].split())
        elif marker == ".":
            entry.extracted.append(_comment_text(line[2:]))
        else:
            # `# text` and unknown kinds (`#=`) alike are kept as translator comments.
            entry.translator.append(_comment_text(line[1:]))

    def string(self, line: str, number: int, *, obsolete: bool, previous: bool) -> None:
        match = _KEYWORD.match(line)
        if match is None:
            self.continuation(line, number)
            return
        keyword, index, body = match.groups()
        starts_entry = previous or keyword in ("msgctxt", "msgid")
        if starts_entry and self.entry.has_msgstr:
            self.flush(number)
        entry = self.entry
        if entry.first_line is None:
            entry.first_line = number
        if entry.fields and obsolete != entry.obsolete and not previous:
            raise self.error(number, "obsolete (#~) and active lines mixed in one entry")
        if not previous:
            entry.obsolete = obsolete
        target = entry.previous if previous else entry.fields
        if keyword in target:
            raise self.error(number, f"duplicate {keyword} in one entry")
        if index is not None:
            self.check_plural_index(target, index, number)
        if not previous:
            if keyword.startswith("msgstr") and "msgid" not in entry.fields:
                raise self.error(number, f"{keyword} without a msgid before it")
            if keyword == "msgid_plural" and "msgid" not in entry.fields:
                raise self.error(number, "msgid_plural without a msgid before it")
            if keyword == "msgid":
                entry.msgid_line = number
        target[keyword] = [self.decode(body, number)]
        entry.continues = target[keyword]
        entry.escapes = entry.escapes or "\\" in body

    def check_plural_index(self, fields: dict[str, list[str]], index: str, number: int) -> None:
        """msgstr[N] must count 0, 1, 2… as msgfmt requires (an index is compared as text, so
        that a hostile `msgstr[99999…]` costs nothing). Their number is not held against the
        header's nplurals: msgfmt refuses a mismatch only under --check, and Django's own fr,
        es, it and pt catalogs have three forms under nplurals=2."""
        expected = str(sum(1 for key in fields if key.startswith("msgstr[")))
        if index != expected:
            shown = index if len(index) <= 12 else index[:12] + "…"
            raise self.error(
                number,
                f"plural form msgstr[{shown}] where msgstr[{expected}] is expected"
                " (indices count up from 0)",
            )

    def continuation(self, line: str, number: int) -> None:
        match = _CONTINUATION.match(line)
        if match is None:
            word = line.split(None, 1)[0]
            if word.startswith(("msg", '"')):
                raise self.error(number, "unterminated or malformed string")
            raise self.error(number, f"unexpected text {word[:20]!r}")
        if self.entry.continues is None:
            raise self.error(number, "string continuation without a keyword before it")
        self.entry.continues.append(self.decode(match.group(1), number))
        self.entry.escapes = self.entry.escapes or "\\" in line

    def decode(self, body: str, number: int) -> str:
        if _has_unescaped_quote(body):
            raise self.error(number, "unescaped double quote inside a string")
        try:
            return unescape(body)
        except ValueError as error:
            raise self.error(number, str(error)) from None

    def flush(self, number: int) -> None:
        entry, self.entry = self.entry, _Entry()
        if entry.empty:
            return
        if not entry.fields:
            if entry.previous or entry.flags or entry.references:
                raise self.error(entry.first_line or number, "comments without an entry")
            return  # trailing free comments are tolerated, as by msgfmt
        where = entry.msgid_line or entry.first_line or number
        fields = {key: "".join(parts) for key, parts in entry.fields.items()}
        previous = {key: "".join(parts) for key, parts in entry.previous.items()}
        if entry.escapes:
            fields = {key: self.escaped_bytes(value, where) for key, value in fields.items()}
            previous = {key: self.escaped_bytes(value, where) for key, value in previous.items()}
        plural_forms = {
            int(key[7:-1]): value for key, value in fields.items() if key.startswith("msgstr[")
        }
        if "msgstr" not in fields and not plural_forms:
            raise self.error(where, "msgid without msgstr")
        if "msgid_plural" in fields and not plural_forms:
            raise self.error(where, "msgid_plural without msgstr[0]")
        if "msgid_plural" not in fields and plural_forms:
            raise self.error(where, "msgstr[N] without msgid_plural")
        if "msgstr" in fields and plural_forms:
            raise self.error(where, "both msgstr and msgstr[N] in one entry")
        self.add(
            Message(
                msgid=fields["msgid"],
                msgstr=fields.get("msgstr", ""),
                msgctxt=fields.get("msgctxt"),
                msgid_plural=fields.get("msgid_plural"),
                msgstr_plural=plural_forms,
                flags=entry.flags,
                references=entry.references,
                translator_comments=entry.translator,
                extracted_comments=entry.extracted,
                previous_msgctxt=previous.get("msgctxt"),
                previous_msgid=previous.get("msgid"),
                previous_msgid_plural=previous.get("msgid_plural"),
                obsolete=entry.obsolete,
                line=where,
            )
        )

    def add(self, message: Message) -> None:
        line = message.line or 0
        if message.obsolete:
            self.catalog.messages.append(message)
            return
        first = self.seen.get(message.key)
        if first is not None:
            what = "header entry" if message.is_header else "message definition"
            raise self.error(line, f"duplicate {what} (first defined at line {first})")
        self.seen[message.key] = line
        if message.is_header:
            self.catalog.header = _parse_header(message.msgstr)
            self.catalog.header_comments = message.translator_comments
            self.catalog.header_extracted_comments = message.extracted_comments
            self.catalog.header_flags = message.flags
        else:
            self.catalog.messages.append(message)


def _comment_text(rest: str) -> str:
    """A comment line's text: without the blank after the marker, nor the one `_comment`
    writes after a final backslash."""
    text = rest.removeprefix(" ")
    return text[:-1] if text.endswith("\\ ") else text


def _has_unescaped_quote(body: str) -> bool:
    if '"' not in body:
        return False
    backslashes = 0
    for char in body:
        if char == "\\":
            backslashes += 1
            continue
        if char == '"' and backslashes % 2 == 0:
            return True
        backslashes = 0
    return False


def _parse_header(text: str) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        key, separator, value = line.partition(":")
        if separator:
            fields.append((key.strip(), value.strip()))
    return fields


def declared_charset(data: bytes, path: str) -> tuple[str, str]:
    """The charset a PO file's header declares, as written there and as a Python codec name
    (UTF-8 when it declares none, or gettext's placeholder `CHARSET`)."""
    header = _HEADER_ENTRY.search(data)
    declared = _CHARSET.search(header.group(1)) if header else None
    name = declared.group(1).decode("ascii", "replace") if declared else None
    try:
        return charset_codec(name)
    except LookupError:
        line = data.count(b"\n", 0, header.start(1)) + 1 if header else None
        raise CatalogError(path, line, f"unknown charset {name!r} in the header") from None


def catalog_charset(catalog: Catalog) -> tuple[str, str]:
    """The charset a catalog's header declares, as written and as a Python codec name, the
    one its file is written in (`LookupError` when Python has no such codec)."""
    declared = _CHARSET_FIELD.search(catalog.header_field("Content-Type") or "")
    return charset_codec(declared.group(1) if declared else None)


def charset_codec(name: str | None) -> tuple[str, str]:
    """A declared charset name and its Python codec; UTF-8 for none or `CHARSET`."""
    if name is None or name.upper() == "CHARSET":
        return "UTF-8", "utf-8"
    return name, codecs.lookup(name).name


def decode_po_bytes(data: bytes, path: str) -> tuple[str, str]:
    """A PO file's text, decoded in the charset its header declares, and that charset's
    Python codec name."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    name, codec = declared_charset(data, path)
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CatalogError(
            path, line, f"invalid {name} at byte offset {error.start} ({error.reason})"
        ) from None


def read_po(text: str, path: str = "<string>", charset: str = "utf-8") -> Catalog:
    """Parse PO text; a syntax error raises `CatalogError` with the file and line. `charset`
    is the file's, in which octal and hex escapes are bytes."""
    return _Parser(path, charset).parse(text)
