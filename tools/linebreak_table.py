"""Generate `translate/linebreak_table.py`: line-break classes and column widths per code point.

    python tools/linebreak_table.py            # write the table
    python tools/linebreak_table.py --check    # compare it with the system's libunistring

GNU gettext lays out PO files with libunistring; Debian 12's `msgcat` (gettext 0.21) links
libunistring 1.0, whose tables are Unicode 14.0.0. The data comes from Unicode itself:
- line-break classes (UAX #14, `LineBreak.txt`) through the `regex` package's `Line_Break`
  property;
- which code points Unicode 14 assigns, general categories, bidi classes, names and East Asian
  widths through Python 3.11's `unicodedata`, which is Unicode 14.0.0 like libunistring 1.0.

libunistring resolves some classes when it builds its tables and at run time; `resolve` does
the same, so the table holds the classes its pair-table algorithm actually uses. Characters
that `regex`'s newer Unicode classifies differently from Unicode 14 are mapped back (below).
`--check` reads libunistring's own table and widths through ctypes and lists every code point
where this table differs; it reports none for libunistring 1.0.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import sys
import unicodedata
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "translate" / "linebreak_table.py"
UNICODE_VERSION = "14.0.0"
MAX_CODE = 0x10FFFF
# Every Line_Break value of Unicode 14 and later.
VALUE_NAMES = (
    "BK CR LF CM NL SG WJ ZW GL SP ZWJ B2 BA BB HY CB CL CP EX IN NS OP QU IS NU PO PR SY "
    "AI AL CJ EB EM H2 H3 HL ID JL JV JT RI SA XX AK AP AS VF VI HH"
)

# The classes of libunistring's pair table, in its order (unilbrk/lbrktables.h), then the ones
# its algorithm treats outside the table. The generated table stores these names' indices.
CLASS_NAMES = (
    "WJ GL B2 BA BB HY CL CP1 CP2 EX IN NS OP1 OP2 QU IS NU PO PR SY AL H2 H3 ID1 ID2 JL JV JT "
    "HL RI ZWJ EB EM BK CR LF CM ZW SP"
)
CLASSES = tuple(CLASS_NAMES.split(" "))

# Line_Break values of Unicode 15.1 and later (Aksara classes, the unambiguous hyphen) as
# Unicode 14 classed those characters.
NEWER_VALUES = {"AK": "AL", "AP": "AL", "AS": "AL", "VI": "CM", "VF": "CM", "HH": "BA"}
# Code points whose Line_Break value changed after Unicode 14 (Unicode 15.0, 15.1 and 16.0
# reclassified them), with the class libunistring 1.0 gives them: (first, last, class).
UNICODE_14_CLASSES = (
    (0x00B7, 0x00B7, "AL"),
    (0x034F, 0x034F, "GL"),
    (0x0387, 0x0387, "AL"),
    (0x0600, 0x0605, "AL"),
    (0x06DD, 0x06DD, "AL"),
    (0x0890, 0x0891, "AL"),
    (0x08E2, 0x08E2, "AL"),
    (0x19DA, 0x19DA, "AL"),
    (0x1B50, 0x1B59, "NU"),
    (0x1B5C, 0x1B5C, "AL"),
    (0x1B61, 0x1B6A, "AL"),
    (0x1B74, 0x1B7C, "AL"),
    (0x1DCD, 0x1DCD, "CM"),
    (0x1DFC, 0x1DFC, "CM"),
    (0x2057, 0x2057, "AL"),
    (0x2800, 0x2800, "AL"),
    (0x2E56, 0x2E56, "CL"),
    (0x2E58, 0x2E58, "CL"),
    (0x2E5A, 0x2E5A, "CL"),
    (0x2E5C, 0x2E5C, "CL"),
    (0xA9C1, 0xA9C6, "AL"),
    (0xA9CA, 0xA9CD, "AL"),
    (0xA9CF, 0xA9CF, "AL"),
    (0xA9D0, 0xA9D9, "NU"),
    (0xA9DE, 0xA9DF, "AL"),
    (0xAA40, 0xAA42, "AL"),
    (0xAA44, 0xAA4B, "AL"),
    (0xAA50, 0xAA59, "NU"),
    (0xAA5C, 0xAA5C, "AL"),
    (0xFE10, 0xFE10, "IS"),
    (0xFE13, 0xFE14, "IS"),
    (0xFE20, 0xFE20, "CM"),
    (0xFE22, 0xFE22, "CM"),
    (0xFE24, 0xFE24, "CM"),
    (0xFE26, 0xFE27, "CM"),
    (0xFE29, 0xFE29, "CM"),
    (0xFE2B, 0xFE2B, "CM"),
    (0xFE2D, 0xFE2E, "CM"),
    (0xFE51, 0xFE51, "ID1"),
    (0x11049, 0x1104D, "AL"),
    (0x11052, 0x11065, "AL"),
    (0x11066, 0x1106F, "NU"),
    (0x1107F, 0x1107F, "CM"),
    (0x110BD, 0x110BD, "AL"),
    (0x110CD, 0x110CD, "AL"),
    (0x1133D, 0x1133D, "AL"),
    (0x1135D, 0x1135D, "AL"),
    (0x11950, 0x11959, "NU"),
    (0x11EF2, 0x11EF2, "AL"),
    (0x11EF7, 0x11EF8, "AL"),
    (0x1F10D, 0x1F10F, "ID1"),
    (0x1F16D, 0x1F16F, "ID1"),
    (0x1F1AD, 0x1F1AD, "ID1"),
    (0x1F8B0, 0x1F8B1, "ID1"),
)
# Unicode 14's defaults for code points it leaves unassigned (the @missing lines of
# LineBreak.txt and EastAsianWidth.txt): ideographs, currency symbols and pictographs.
UNASSIGNED_ID = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
)
UNASSIGNED_PR = ((0x20A0, 0x20CF),)
UNASSIGNED_PICTOGRAPHIC = ((0x1F000, 0x1FAFF), (0x1FC00, 0x1FFFD))
UNASSIGNED_WIDE = (
    (0x2E80, 0x303E),
    (0x3040, 0xA4CF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0x1F200, 0x1F2FF),
    (0x20000, 0x3FFFF),
)


def line_break_values() -> list[str]:
    """The Line_Break value of every code point, as the `regex` package's Unicode has it."""
    values = ["XX"] * (MAX_CODE + 1)
    everything = "".join(chr(code) for code in range(MAX_CODE + 1) if not 0xD800 <= code < 0xE000)
    names = VALUE_NAMES.split(" ")
    for name in names:
        try:
            pattern = regex.compile(rf"\p{{Line_Break={name}}}")
        except regex.error:
            continue  # a value this Unicode version does not have
        for char in pattern.findall(everything):
            values[ord(char)] = name
    return values


def within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def resolve(code: int, value: str) -> str:
    """The class libunistring 1.0 gives the code point, in a UTF-8 (not CJK) locale."""
    for low, high, klass in UNICODE_14_CLASSES:
        if low <= code <= high:
            return klass
    char = chr(code)
    if unicodedata.category(char) == "Cn":  # unassigned in Unicode 14
        if within(code, UNASSIGNED_PICTOGRAPHIC):
            return "ID2"  # libunistring's ID2: a pictograph that may become an emoji
        if within(code, UNASSIGNED_ID):
            return "ID1"
        return "PR" if within(code, UNASSIGNED_PR) else "AL"
    value = NEWER_VALUES.get(value, value)
    east_asian = unicodedata.east_asian_width(char) in ("F", "W", "H")
    if value == "NL":
        return "BK"
    if value in ("AI", "SA", "XX", "SG"):
        return "AL"  # ambiguous as alphabetic outside CJK; complex scripts not handled
    if value == "CJ":
        return "NS"  # UAX #14's strict default for conditional Japanese starters
    if value == "CB":
        return "ID1"
    if value == "CP":
        return "CP2" if east_asian else "CP1"
    if value == "OP":
        return "OP2" if east_asian else "OP1"
    if value == "ID":
        return "ID1"
    return value


def width(code: int) -> int:
    """libunistring's uc_width in a UTF-8 locale: 0 for non-spacing marks (bidi class NSM),
    format characters, ZERO WIDTH characters, conjoining Hangul vowels and finals, and
    controls; 2 for East Asian wide and fullwidth characters and the CJK blocks; else 1."""
    char = chr(code)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return 0
    if code == 0xE0001 or 0xE0020 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF:
        return 0
    if unicodedata.category(char) != "Cn" and (
        unicodedata.bidirectional(char) == "NSM"
        or unicodedata.category(char) == "Cf"
        or unicodedata.name(char, "").startswith("ZERO WIDTH ")
        or 0x1160 <= code < 0x1200
        or 0xD7B0 <= code < 0xD800
    ):
        return 0
    # Python 3.11's east_asian_width answers "F" for some unassigned code points.
    if unicodedata.category(char) != "Cn" and unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    if unicodedata.category(char) == "Cn" and within(code, UNASSIGNED_WIDE):
        return 2
    return 1


def build() -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Runs of equal class and of equal width: (first code point, value) pairs."""
    values = line_break_values()
    classes: list[tuple[int, str]] = []
    widths: list[tuple[int, int]] = []
    for code in range(MAX_CODE + 1):
        if 0xD800 <= code < 0xE000:
            klass, columns = "AL", 1
        else:
            klass = resolve(code, values[code])
            columns = width(code)
        if not classes or classes[-1][1] != klass:
            classes.append((code, klass))
        if not widths or widths[-1][1] != columns:
            widths.append((code, columns))
    return classes, widths


def render(classes: list[tuple[int, str]], widths: list[tuple[int, int]]) -> str:
    def runs(pairs: list[tuple[int, str]] | list[tuple[int, int]]) -> list[str]:
        words = [f"{code:X}:{value}" for code, value in pairs]
        return [f'    "{" ".join(words[i : i + 8])} "' for i in range(0, len(words), 8)]

    lines = [
        f'"""Line-break classes and column widths of Unicode {UNICODE_VERSION}, as',
        "libunistring 1.0 (GNU gettext's line breaker) resolves them.",
        "",
        "Generated by `tools/linebreak_table.py` from Unicode data: do not edit.",
        "Each word is `first code point (hex):value`; the value holds up to the next word.",
        '"""',
        "",
        f'UNICODE_VERSION = "{UNICODE_VERSION}"',
        "# The class names, space-separated, in the order of libunistring's pair table.",
        "CLASS_NAMES = (",
        f'    "{" ".join(CLASSES[:20])} "',
        f'    "{" ".join(CLASSES[20:])}"',
        ")",
        "CLASS_RUNS = (",
        *runs(classes),
        ")",
        "WIDTH_RUNS = (",
        *runs(widths),
        ")",
    ]
    return "\n".join(lines) + "\n"


def check() -> int:
    """Differences between the committed table and the system's libunistring."""
    sys.path.insert(0, str(REPO))
    from translate import linebreak

    library = ctypes.CDLL(ctypes.util.find_library("unistring") or "libunistring.so.2")
    table = ctypes.cast(library.libunistring_unilbrkprop, ctypes.POINTER(ctypes.c_int))
    level1 = [table[i] for i in range(15)]
    level2 = ctypes.cast(ctypes.byref(table.contents, 15 * 4), ctypes.POINTER(ctypes.c_int))
    level3 = ctypes.cast(
        ctypes.byref(table.contents, (15 + (4 << 9)) * 4), ctypes.POINTER(ctypes.c_ubyte)
    )
    library.uc_width.argtypes = (ctypes.c_uint32, ctypes.c_char_p)
    # libunistring's enum (unilbrk/lbrktables.h) by value.
    names = {i: name for i, name in enumerate(CLASSES[:33])}
    names.update({33: "BK", 34: "CR", 35: "LF", 36: "CM", 37: "ZW", 38: "SP", 39: "CB"})
    names.update({40: "AI", 41: "SA", 42: "XX"})
    runtime = {"AI": "AL", "SA": "AL", "XX": "AL", "CB": "ID1"}
    differences = 0
    for code in range(MAX_CODE + 1):
        if 0xD800 <= code < 0xE000:
            continue
        index1 = code >> 16
        theirs = "XX"
        if index1 < 15 and level1[index1] >= 0:
            lookup2 = level2[level1[index1] + ((code >> 7) & 511)]
            if lookup2 >= 0:
                theirs = names[level3[lookup2 + (code & 127)]]
        theirs = runtime.get(theirs, theirs)
        ours = CLASSES[linebreak.char_class(chr(code))]
        their_width = max(library.uc_width(code, b"UTF-8"), 0)
        our_width = linebreak.char_width(chr(code))
        if ours != theirs or our_width != their_width:
            differences += 1
            if differences <= 60:
                print(f"U+{code:04X} class {ours} / {theirs}, width {our_width} / {their_width}")
    print(f"{differences} code points differ from libunistring")
    return 1 if differences else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with libunistring")
    args = parser.parse_args()
    if args.check:
        raise SystemExit(check())
    if unicodedata.unidata_version != UNICODE_VERSION:
        raise SystemExit(f"needs Python's unicodedata {UNICODE_VERSION} (Python 3.11)")
    classes, widths = build()
    OUTPUT.write_text(render(classes, widths), encoding="utf-8")
    print(f"{OUTPUT.relative_to(REPO)}: {len(classes)} class runs, {len(widths)} width runs")


if __name__ == "__main__":
    main()
