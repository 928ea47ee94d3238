"""Limits on what Dragoman reads from outside: how big, how deeply nested, how long.

Every limit is here with the reason for its value; the README's Reliability section lists
them. The ones a machine may need to change (a slow link, a bigger model) are read from the
environment each time they are used, so a test or a long-lived process sees a change.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from translate.errors import InputError

MIB = 1 << 20
GIB = 1 << 30

# JSON (package index, metadata.json), glossary YAML and TBX XML. The deepest real document
# is a TBX file at about 10 levels; Python's parsers recurse and fail near 1,000.
MAX_NESTING = 100
# The public Argos index is about 60 KB for 96 packages.
MAX_INDEX_BYTES = 16 * MIB
# A package's metadata.json is a few hundred bytes; every command that lists models reads it.
MAX_METADATA_BYTES = 1 * MIB
# Deflate packs a bomb of zeros about 1,000:1; model weights barely compress (the published
# int8 packages by under 2:1, the test packages by 4:1).
MAX_COMPRESSION_RATIO = 100
_JSON_SPECIAL = re.compile(r'[\[\]{}"\\\n]|(?<=\\).')

# A stalled connection fails after this long without a byte, whatever the deadline.
READ_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Setting:
    """A limit that the environment variable `variable` may override (a positive number)."""

    variable: str
    default: float
    what: str

    def value(self) -> float:
        text = os.environ.get(self.variable, "").strip()
        if not text:
            return self.default
        try:
            number = float(text)
        except ValueError:
            number = 0.0
        if not number > 0 or number == float("inf"):
            raise InputError(f"{self.variable}={text!r}: expected a positive number ({self.what})")
        return number


# Published packages are 100-300 MB; the largest multilingual ones under 1 GB.
MAX_PACKAGE_BYTES = Setting(
    "DRAGOMAN_MAX_PACKAGE_BYTES", 4 * GIB, "bytes a model package may take, downloaded or unpacked"
)
# Whole requests, not single reads: a server that trickles a byte a second would otherwise
# hold a command forever.
INDEX_DEADLINE = Setting(
    "DRAGOMAN_INDEX_DEADLINE", 60.0, "seconds for fetching the whole package index"
)
DOWNLOAD_DEADLINE = Setting(
    "DRAGOMAN_DOWNLOAD_DEADLINE", 3600.0, "seconds for downloading one whole package"
)
# Generous for a loaded LAN, short enough for someone waiting at a prompt; a cluster across a
# slow link may need more.
SCHEDULER_TIMEOUT = Setting(
    "DRAGOMAN_SCHEDULER_TIMEOUT",
    10.0,
    "seconds to reach the Dask scheduler",
)


def size(count: float) -> str:
    """A byte count for messages: `1.5 GiB`, `16 MiB`, `812 bytes`."""
    for unit, scale in (("GiB", GIB), ("MiB", MIB), ("KiB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count:g} bytes"


def json_nesting_line(text: str, limit: int = MAX_NESTING) -> int | None:
    """The line where JSON `text` nests deeper than `limit`, or None: checked in one linear
    pass over the structural characters, skipping strings, before a recursive parser sees the
    text. Balance is not checked here; the parser reports that."""
    depth = 0
    line = 1
    in_string = escaped = False
    for match in _JSON_SPECIAL.finditer(text):
        char = match.group()
        if escaped:
            escaped = False
        elif char == "\n":
            line += 1
        elif in_string:
            escaped = char == "\\"
            in_string = char != '"'
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth -= 1
    return None
