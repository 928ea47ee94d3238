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


def _percent_directives(text: str, scan: Callable[[int], int]) -> Spans:
    """The spans of a printf-like string's directives: `scan(index)` reads the one whose `%`
    is at `index` and returns the index of its last character, or raises `_Invalid`."""
    spans: Spans = []
    start = text.find("%")
    try:
        while start >= 0:
            end = scan(start)
            spans.append((start, end))
            start = text.find("%", end + 1)
    except _Invalid:
        pass  # gettext keeps what it marked before the invalid directive
    return spans


class _Arguments:
    """Numbered (or named) and unnumbered arguments, which one string may not mix."""

    def __init__(self) -> None:
        self.numbered = self.unnumbered = False

    def add(self, numbered: bool) -> None:
        if (numbered and self.unnumbered) or (not numbered and self.numbered):
            raise _Invalid
        self.numbered = self.numbered or numbered
        self.unnumbered = self.unnumbered or not numbered


def _argument_number(text: str, index: int) -> int | None:
    """The index after an `m$` argument number at `index`, or None when there is none."""
    end = _digits(text, index)
    if end == index or _at(text, end) != "$":
        return None
    if int(text[index:end]) == 0:
        raise _Invalid
    return end + 1


def _width_and_precision(text: str, index: int, star: Callable[[int], int]) -> int:
    """The index after an optional width and `.precision` at `index`; `star` reads a `*`."""
    index = star(index) if _at(text, index) == "*" else _digits(text, index)
    if _at(text, index) == ".":
        index += 1
        index = star(index) if _at(text, index) == "*" else _digits(text, index)
    return index


def c_directives(text: str, translated: bool, objc: bool = False) -> Spans:
    """Directives of a c-format (or objc-format) string; `translated` for a msgstr, where
    glibc's `I` flag is allowed."""
    arguments = _Arguments()

    def star(index: int) -> int:
        """A `*` or `*m$` width or precision at `index`: its argument."""
        after_number = _argument_number(text, index + 1)
        arguments.add(after_number is not None)
        return after_number or index + 1

    def scan(index: int) -> int:
        index += 1
        after_number = _argument_number(text, index)
        number, index = after_number is not None, after_number or index
        while _at(text, index) and (
            _at(text, index) in _C_FLAGS or (translated and _at(text, index) == "I")
        ):
            index += 1
        index = _width_and_precision(text, index, star)
        if _at(text, index) == "<":
            index = _c_sysdep(text, index)
        else:
            while _at(text, index) and _at(text, index) in _C_SIZES:
                index += 1
            conversion = _at(text, index)
            if not conversion or not (conversion in _C_CONVERSIONS or (objc and conversion == "@")):
                raise _Invalid
            if conversion in "%m":  # no argument
                return index
        arguments.add(number)
        return index

    return _percent_directives(text, scan)


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
    arguments = _Arguments()  # named ones count as numbered

    def star(index: int) -> int:
        arguments.add(False)
        return index + 1

    def scan(index: int) -> int:
        index += 1
        name = _at(text, index) == "("
        if name:
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
            index += 1
        while _at(text, index) and _at(text, index) in "-+ #0":
            index += 1
        index = _width_and_precision(text, index, star)
        if _at(text, index) and _at(text, index) in "hlL":
            index += 1
        conversion = _at(text, index)
        if not conversion or conversion not in "%csrdiuoxXeEfgG":
            raise _Invalid
        if name or conversion != "%":
            arguments.add(name)
        return index

    return _percent_directives(text, scan)


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
