"""Where the format directives of a string are, as GNU gettext's format parsers find them.

gettext's writer never breaks a line inside a directive of the entry's format (the first of its
`#, x-format` flags in gettext's order), so `%(percent)s%%` stays whole under `python-format`.
These are ports of the scanning part of gettext 0.21's `format-c-parse.h`, `format-python.c`
and `format-python-brace.c`: each returns the (first, last) index of every directive scanned
before the first invalid one, since gettext keeps the directives it marked before an error.
"""

from __future__ import annotations

from collections.abc import Callable

Spans = list[tuple[int, int]]

_C_FLAGS = " +-#0'"
_C_SIZES = "hlLqjzZt"
_C_CONVERSIONS = "%mcCsSdiuoxXeEfFgGaApn"


class _Invalid(Exception):
    """The directive being scanned is invalid: gettext stops there."""


def _digits(text: str, index: int) -> int:
    while index < len(text) and "0" <= text[index] <= "9":
        index += 1
    return index


def _at(text: str, index: int) -> str:
    return text[index] if index < len(text) else ""


def c_directives(text: str, translated: bool, objc: bool = False) -> Spans:
    """Directives of a c-format (or objc-format) string; `translated` for a msgstr, where
    glibc's `I` flag is allowed."""
    spans: Spans = []
    numbered = unnumbered = False
    index = 0
    try:
        while index < len(text):
            if text[index] != "%":
                index += 1
                continue
            start = index
            index += 1
            number = False
            end = _digits(text, index)
            if end > index and _at(text, end) == "$":
                if int(text[index:end]) == 0:
                    raise _Invalid
                number, index = True, end + 1
            while _at(text, index) in _C_FLAGS or (translated and _at(text, index) == "I"):
                if not _at(text, index):
                    break
                index += 1
            for _field in ("width", "precision"):
                if _field == "precision":
                    if _at(text, index) != ".":
                        break
                    index += 1
                if _at(text, index) == "*":
                    index += 1
                    end = _digits(text, index)
                    argument_numbered = end > index and _at(text, end) == "$"
                    if argument_numbered:
                        if int(text[index:end]) == 0:
                            raise _Invalid
                        index = end + 1
                    if (argument_numbered and unnumbered) or (not argument_numbered and numbered):
                        raise _Invalid
                    numbered = numbered or argument_numbered
                    unnumbered = unnumbered or not argument_numbered
                else:
                    index = _digits(text, index)
            if _at(text, index) == "<":
                index = _c_sysdep(text, index)
                is_argument = True
            else:
                while _at(text, index) and _at(text, index) in _C_SIZES:
                    index += 1
                conversion = _at(text, index)
                if not conversion or not (
                    conversion in _C_CONVERSIONS or (objc and conversion == "@")
                ):
                    raise _Invalid
                is_argument = conversion not in "%m"
            if is_argument:
                if (number and unnumbered) or (not number and numbered):
                    raise _Invalid
                numbered = numbered or number
                unnumbered = unnumbered or not number
            spans.append((start, index))
            index += 1
    except _Invalid:
        pass
    return spans


def _c_sysdep(text: str, index: int) -> int:
    """The index of the `>` ending an ISO C 99 `<PRIdMAX>`-style directive at `index`."""
    index += 1
    if text[index : index + 3] != "PRI" or _at(text, index + 3) not in tuple("diouxX"):
        raise _Invalid
    index += 4
    for word in ("MAX", "PTR", "LEAST", "FAST", ""):
        if text.startswith(word, index):
            index += len(word)
            break
    if word in ("LEAST", "FAST", ""):
        for bits in ("8", "16", "32", "64"):
            if text.startswith(bits, index):
                index += len(bits)
                break
        else:
            raise _Invalid
    if _at(text, index) != ">":
        raise _Invalid
    return index


def python_directives(text: str, translated: bool) -> Spans:
    """Directives of a python-format string: `%(name)s`, `%5.2f`, `%%`…"""
    spans: Spans = []
    named = unnamed = False
    index = 0
    try:
        while index < len(text):
            if text[index] != "%":
                index += 1
                continue
            start = index
            index += 1
            name = False
            if _at(text, index) == "(":
                depth = 0
                index += 1
                while index < len(text):
                    if text[index] == "(":
                        depth += 1
                    elif text[index] == ")":
                        if depth == 0:
                            break
                        depth -= 1
                    index += 1
                if index >= len(text):
                    raise _Invalid
                name, index = True, index + 1
            while _at(text, index) and _at(text, index) in "-+ #0":
                index += 1
            for field in ("width", "precision"):
                if field == "precision":
                    if _at(text, index) != ".":
                        break
                    index += 1
                if _at(text, index) == "*":
                    if named:
                        raise _Invalid
                    unnamed, index = True, index + 1
                else:
                    index = _digits(text, index)
            if _at(text, index) and _at(text, index) in "hlL":
                index += 1
            conversion = _at(text, index)
            if not conversion or conversion not in "%csrdiuoxXeEfgG":
                raise _Invalid
            if name:
                if unnamed:
                    raise _Invalid
                named = True
            elif conversion != "%":
                if named:
                    raise _Invalid
                unnamed = True
            spans.append((start, index))
            index += 1
    except _Invalid:
        pass
    return spans


def _name(text: str, index: int) -> int:
    """The end of the field name at `index` (`index` itself when there is none)."""
    char = _at(text, index)
    if char and (char.isascii() and (char.isalpha() or char == "_")):
        index += 1
        while _at(text, index) and _at(text, index).isascii():
            char = text[index]
            if not (char.isalnum() or char == "_"):
                break
            index += 1
    return index


def _brace_directive(text: str, index: int, top: bool) -> int:
    """Scan the directive whose `{` is at `index`; the index of its `}`, or of the second `{`
    of a literal `{{`. `_Invalid` carries the error's offset from the directive's `{`."""
    start = index
    index += 1
    if _at(text, index) == "{":
        return index
    try:
        end = _name(text, index)
        if end == index:
            end = _digits(text, index)
        if end == index:
            raise _Invalid
        index = end
        while _at(text, index) in (".", "["):
            bracket = text[index] == "["
            index += 1
            end = _name(text, index)
            if end == index and bracket:
                end = _digits(text, index)
            if end == index:
                raise _Invalid
            index = end
            if bracket:
                if _at(text, index) != "]":
                    raise _Invalid
                index += 1
        if _at(text, index) == ":":
            if not top:
                raise _Invalid
            index += 1
            if _at(text, index) == "{":
                index = _brace_directive(text, index, False) + 1
            else:
                index = _standard_format_spec(text, index)
            if _at(text, index) != "}":
                raise _Invalid
        if _at(text, index) != "}":
            raise _Invalid
    except _Invalid as error:
        raise error if error.args else _Invalid(index - start) from None
    return index


def _standard_format_spec(text: str, index: int) -> int:
    """The end of `[[fill]align][sign][#][0][width][.precision][type]` at `index`."""
    if _at(text, index + 1) in tuple("<>=^"):
        index += 2
    elif _at(text, index) in tuple("<>=^"):
        index += 1
    for optional in ("+- ", "#", "0"):
        if _at(text, index) and _at(text, index) in optional:
            index += 1
    index = _digits(text, index)
    if _at(text, index) == ".":
        index = _digits(text, index + 1)
    if _at(text, index) and _at(text, index) in "bcdoxXneEfFgG%":
        index += 1
    return index


def python_brace_directives(text: str, translated: bool) -> Spans:
    """Directives of a python-brace-format string (`{name}`, `{0:>5}`, `{a.b[0]}`) as gettext
    0.21 marks them. Its parser records each mark at the offset from the directive's own `{`
    instead of from the string's start, so all directives start at index 0: the one span is
    the string's first characters, as long as the shortest directive, unless an error mark
    comes first (and msgcat then breaks inside `{count:>10}` anywhere else)."""
    ends: list[int] = []
    error: int | None = None
    index = 0
    try:
        while index < len(text):
            if text[index] == "{":
                start = index
                index = _brace_directive(text, index, True)
                if text[index] == "}":
                    ends.append(index - start)
            index += 1
    except _Invalid as invalid:
        error = invalid.args[0]
    if not ends or (error is not None and error <= min(ends)):
        return []
    return [(0, min(ends))]


def _objc_directives(text: str, translated: bool) -> Spans:
    return c_directives(text, translated, objc=True)


# gettext's format languages, in the order it writes their flags and picks the one whose
# directives it keeps whole.
_LANGUAGE_NAMES = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp librep "
    "ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl perl "
    "perl-brace php gcc-internal gfc-internal ycp"
)
FORMAT_LANGUAGES = tuple(_LANGUAGE_NAMES.split(" "))
PARSERS: dict[str, Callable[[str, bool], Spans]] = {
    "c": c_directives,
    "objc": _objc_directives,
    "python": python_directives,
    "python-brace": python_brace_directives,
}


def inside_directives(text: str, language: str | None, translated: bool) -> set[int]:
    """Indexes of `text` inside a directive (not its first character): gettext forbids a line
    break before them."""
    parser = PARSERS.get(language) if language else None
    if parser is None or not text:
        return set()
    return {
        index for first, last in parser(text, translated) for index in range(first + 1, last + 1)
    }
