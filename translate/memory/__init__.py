"""Translation memory: earlier translations of a language, reused before any MT.

`model` holds what a memory answers (`MemoryEntry`, `Match`, the `Memory` protocol) and the
exhaustive in-memory `TranslationMemory`; `index` the SQLite index a run looks up; `project`
finds a project's memory sources and keeps the index up to date with them.
"""

from translate.memory.model import (
    CLOSE_MATCH_THRESHOLD,
    Kind,
    Match,
    Memory,
    MemoryEntry,
    TranslationMemory,
    memory_from_catalogs,
)

__all__ = [
    "CLOSE_MATCH_THRESHOLD",
    "Kind",
    "Match",
    "Memory",
    "MemoryEntry",
    "TranslationMemory",
    "memory_from_catalogs",
]
