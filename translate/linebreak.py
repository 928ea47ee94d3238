"""Line breaking as GNU gettext does it: the break opportunities of UAX #14 as libunistring 1.0
computes them (its pair table and rules LB4–LB30a), and libunistring's greedy choice among them
by column width (`ulc_width_linebreaks`).

Classes and widths come from `linebreak_table.py`, generated from Unicode data by
`tools/linebreak_table.py`. Most text takes a fast path: when it fits, nothing is computed but
its width; otherwise opportunities are found with regular expressions over a string of classes
(one character per class) and the lines are chosen by bisection over column positions, so the
cost per character is in C. Text with the few classes whose rules need state (Hebrew letters,
zero-width space and joiner, regional indicators, mandatory breaks, a combining mark that starts
a word) goes through `reference_breaks`, a line-for-line port of libunistring's loop.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from translate.linebreak_table import CLASS_NAMES, CLASS_RUNS, WIDTH_RUNS

_CLASS = {name: index for index, name in enumerate(CLASS_NAMES.split(" "))}
BA, HY, HL, RI, ZWJ = (_CLASS[n] for n in ("BA", "HY", "HL", "RI", "ZWJ"))
AL, BK, CR, LF, CM, ZW, SP = (_CLASS[n] for n in ("AL", "BK", "CR", "LF", "CM", "ZW", "SP"))

# libunistring's pair table (unilbrk/lbrktables.c), rows "before", columns "after", over the
# first 33 classes: D a direct break opportunity, I one only after spaces, P none.
_PAIRS = (
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # WJ
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # GL
    "PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # B2
    "PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # BA
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # BB
    "PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  # HY
    "PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD",  # CL
    "PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD",  # CP1
    "PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD",  # CP2
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # EX
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # IN
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OP1
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OP2
    "PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII",  # QU
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  # IS
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # NU
    "PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD",  # PO
    "PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII",  # PR
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD",  # SY
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # AL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  # H2
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  # H3
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  # ID1
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  # ID2
    "PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD",  # JL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  # JV
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  # JT
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # HL
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # RI
    "PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII",  # ZWJ
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  # EB
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  # EM
)


def _runs(words: str) -> tuple[list[int], list[str]]:
    starts: list[int] = []
    values: list[str] = []
    for word in words.split():
        start, value = word.split(":")
        starts.append(int(start, 16))
        values.append(value)
    return starts, values


_CLASS_STARTS, _CLASS_VALUES = _runs(CLASS_RUNS)
_CLASS_INDEXES = [_CLASS[value] for value in _CLASS_VALUES]
_WIDTH_STARTS, _WIDTH_VALUES = _runs(WIDTH_RUNS)
_WIDTH_INTS = [int(value) for value in _WIDTH_VALUES]


def char_class(char: str) -> int:
    """The line-break class (an index into CLASS_NAMES) libunistring uses for `char`."""
    return _CLASS_INDEXES[bisect_right(_CLASS_STARTS, ord(char)) - 1]


def char_width(char: str) -> int:
    """The columns libunistring's uc_width gives `char` (controls count 0)."""
    return _WIDTH_INTS[bisect_right(_WIDTH_STARTS, ord(char)) - 1]


# Each class as one character, so that a text's classes are one string that regular
# expressions can scan: class i is chr(0xC0 + i), a Latin-1 letter and no regular-expression syntax.
def _code(klass: int) -> str:
    return chr(0xC0 + klass)


class _ClassCodes(dict[int, str]):
    """Code point → class character, filled on first use (`str.translate` reads it)."""

    def __missing__(self, code: int) -> str:
        value = _code(char_class(chr(code)))
        self[code] = value
        return value


class _WidthCodes(dict[int, str]):
    """Code point → its width as a character (chr(0), chr(1) or chr(2)), filled on first use."""

    def __missing__(self, code: int) -> str:
        value = chr(char_width(chr(code)))
        self[code] = value
        return value


_CLASS_CODES = _ClassCodes()
_WIDTH_CODES = _WidthCodes()
_SPACE = _code(SP)
_GLUED_MARK = _code(CM)
# Classes whose rules need the state machine: HL (LB21a), ZW (LB8), ZWJ (LB8a), RI (LB30a),
# mandatory breaks; and a combining mark at the start or after a space (LB10).
_STATEFUL = re.compile(
    "[" + "".join(_code(k) for k in (HL, ZW, ZWJ, RI, BK, CR, LF)) + "]"
    f"|^{_GLUED_MARK}|{_SPACE}{_GLUED_MARK}"
)


def _following(before: int, row: str) -> str:
    """The pattern for one `before` class (empty sets left out: `[]` is no valid set)."""
    after_spaces = "".join(_code(after) for after, kind in enumerate(row) if kind in "DI")
    direct = "".join(_code(after) for after, kind in enumerate(row) if kind == "D")
    choices = [f"{_SPACE}+(?=[{after_spaces}])"] if after_spaces else []
    choices += [f"(?=[{direct}])"] if direct else []
    return f"{_code(before)}(?:{'|'.join(choices)})" if choices else ""


# A class, then either spaces and a class the pair table lets follow after spaces (D or I), or
# directly a class it lets follow without them (D): the match ends where the break goes.
_OPPORTUNITY = re.compile(
    "|".join(filter(None, (_following(before, row) for before, row in enumerate(_PAIRS))))
)


def columns(text: str) -> list[int] | range:
    """The column at which each index of `text` starts (one more index for its end)."""
    if text.isascii() and text.isprintable():
        return range(len(text) + 1)
    widths = text.translate(_WIDTH_CODES)
    if widths.count("\x01") == len(text):
        return range(len(text) + 1)
    return list(accumulate(widths.encode("latin-1"), initial=0))


# The classes of ASCII characters as a bytes.translate table: most msgids are ASCII, and
# bytes.translate costs a fraction of str.translate through a dictionary.
_ASCII_CLASSES = bytes(0xC0 + char_class(chr(code)) for code in range(128)) + bytes(128)


def class_string(text: str) -> str:
    """`text` with each character replaced by its class's character."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_CLASSES).decode("latin-1")
    return text.translate(_CLASS_CODES)


class Breaker:
    """One string's columns and break opportunities, computed once for the layouts gettext
    tries (after the keyword, then on lines of its own). `prohibited` are indexes where gettext
    overrides the break rules (inside an escape, before a final `\\n`)."""

    def __init__(self, text: str, prohibited: set[int]) -> None:
        self.text = text
        self.prohibited = prohibited
        self.columns = columns(text)
        self.classes: str | None = None
        self.opportunities: list[int] | None = None  # None: needs libunistring's loop

    def breaks(self, line_width: int, start_column: int) -> list[int]:
        """Indexes before which to break so that lines fit `line_width` columns, the first
        starting at `start_column`, as libunistring's ulc_width_linebreaks chooses them."""
        if start_column + self.columns[-1] <= line_width:
            return []
        if self.classes is None:
            self.classes = class_string(self.text)
            if _STATEFUL.search(self.classes) is None:
                found = _opportunities(self.classes)
                if self.prohibited:
                    found = [i for i in found if i not in self.prohibited]
                self.opportunities = found
        if self.opportunities is None:
            return _reference_wrap(
                self.text, self.classes, self.prohibited, line_width, start_column
            )
        return _choose(self.opportunities, self.columns, line_width, start_column)


def _opportunities(classes: str) -> list[int]:
    """Break opportunities of text whose classes need no state beyond the last non-space."""
    kept: list[int] | None = None
    if _GLUED_MARK in classes:
        # A combining mark after a letter takes its class (LB9): no break before it, and the
        # next character pairs with the letter. Drop the marks, and map positions back.
        kept = [i for i, code in enumerate(classes) if code != _GLUED_MARK]
        classes = classes.replace(_GLUED_MARK, "")
    found = [match.end() for match in _OPPORTUNITY.finditer(classes)]
    return found if kept is None else [kept[i] for i in found]


def _choose(
    opportunities: list[int], columns: list[int] | range, width: int, start: int
) -> list[int]:
    """libunistring's greedy choice: a line takes pieces (text between opportunities) while
    they fit, and always its first piece."""
    end = len(columns) - 1
    candidates = [*opportunities, end]
    positions = [columns[i] for i in candidates]
    breaks: list[int] = []
    offset = -start  # column of index i on the current line: columns[i] - offset
    first = 0  # index into candidates of the current line's first opportunity
    while candidates[first] != end:
        over = bisect_right(positions, width + offset, lo=first + 1)
        if over == len(candidates):
            break
        line_end = candidates[over - 1]
        breaks.append(line_end)
        offset = columns[line_end]
        first = over
    return breaks


_UNDEFINED, _PROHIBITED, _POSSIBLE, _MANDATORY = range(4)


def reference_breaks(classes: list[int]) -> list[int]:
    """For each position, whether a break may come before it: libunistring 1.0's
    u8_possible_linebreaks loop, statement for statement."""
    result = [_PROHIBITED] * len(classes)
    prev_prop = last_prop = BK
    seen_space = False
    ri_count = 0
    for index, prop in enumerate(classes):
        if prop in (BK, LF, CR):
            result[index] = _MANDATORY
            prev_prop, last_prop, seen_space = prop, BK, False
        else:
            if prop == SP:
                seen_space = True
            elif prop == ZW:
                last_prop, seen_space = ZW, False
            elif prop in (CM, ZWJ):
                if last_prop == BK:
                    last_prop, seen_space = AL, False
                elif last_prop == ZW or seen_space:
                    result[index] = _POSSIBLE
                    last_prop, seen_space = AL, False
            else:
                if last_prop == BK:
                    pass
                elif last_prop == ZW:
                    result[index] = _POSSIBLE
                elif prev_prop == ZWJ:
                    pass
                elif last_prop == RI and prop == RI:
                    if seen_space or ri_count % 2 == 0:
                        result[index] = _POSSIBLE
                elif prev_prop == _HL_BA:
                    pass
                else:
                    pair = _PAIRS[last_prop][prop]
                    if pair == "D" or (pair == "I" and seen_space):
                        result[index] = _POSSIBLE
                last_prop, seen_space = prop, False
            prev_prop = _HL_BA if prev_prop == HL and prop in (HY, BA) else prop
        ri_count = ri_count + 1 if prop == RI else 0
    return result


_HL_BA = 100  # libunistring's run-time class for a Hebrew letter's hyphen (LB21a)


def _reference_wrap(
    text: str, classes: str, prohibited: set[int], width: int, start_column: int
) -> list[int]:
    """libunistring's u8_width_linebreaks over `reference_breaks`, statement for statement."""
    states = reference_breaks([ord(code) - 0xC0 for code in classes])
    breaks: list[int] = []
    last_break: int | None = None
    last_column = start_column
    piece_width = 0
    for index, char in enumerate(text):
        state = _PROHIBITED if index in prohibited else states[index]
        fits = last_column + piece_width <= width
        if state in (_POSSIBLE, _MANDATORY) and last_break is not None and not fits:
            breaks.append(last_break)
            last_column = 0
        if state == _MANDATORY:
            last_break, last_column, piece_width = None, 0, 0
        else:
            if state == _POSSIBLE:
                last_break = index
                last_column += piece_width
                piece_width = 0
            piece_width += ord(_WIDTH_CODES[ord(char)])
    if last_break is not None and last_column + piece_width > width:
        breaks.append(last_break)
    return breaks
