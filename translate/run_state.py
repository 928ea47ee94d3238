"""What the last runs left, so a re-run skips the articles it would not change.

Kept in `<cache_dir>/state.sqlite3`, a cache: deleting it only costs time, and one that is
missing, unreadable or of another schema version is started afresh. Per source, its digest
and segment count (chunks are cut the same way without segmenting unchanged sources); per
memory file (a catalog, or a TMX file of the memory folder, which counts for every language),
its content digest and the sequence number at which the run last saw that content;
per article and language, a key over everything that decides its output (source, template
and catalog by content digest, glossary version, tool version, settings, model provenance)
and the msgids its catalog still lacks, with the sequence number of the memory they were
last looked up in. A lacking msgid is the only way memory reaches a catalog on a re-run
(every translated entry is kept), so an article stays skippable exactly while its key is
the same and no memory file newer than that memory has an exact or close match for one of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STATE_NAME = "state.sqlite3"
# Bump when the tables or what the key covers change: an older file is then started afresh.
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE sources (path TEXT PRIMARY KEY, digest TEXT NOT NULL, segments INTEGER NOT NULL);
CREATE TABLE catalogs (
    path TEXT NOT NULL, language TEXT NOT NULL, digest TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (path, language)
);
CREATE TABLE articles (
    stem TEXT NOT NULL, language TEXT NOT NULL, key TEXT NOT NULL, lacking TEXT NOT NULL,
    checked INTEGER NOT NULL, PRIMARY KEY (stem, language)
);
"""


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_digest(path: Path) -> str:
    """The content digest of a file, or "" when there is none."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return ""


def article_key(*parts: str) -> str:
    return digest("\0".join(parts).encode("utf-8"))


@dataclass(frozen=True)
class ArticleState:
    key: str
    lacking: tuple[str, ...]
    checked: int


class RunState:
    """The state file, open for one run (under the catalogs' lock)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._db = _open(path)
        self.seq = self._meta("seq")

    def close(self) -> None:
        self._db.close()

    # Sources -------------------------------------------------------------------------------

    def segments(self, path: Path, source_digest: str) -> int | None:
        """The segment count recorded for this content of the source, if any."""
        row = self._db.execute(
            "SELECT segments FROM sources WHERE path = ? AND digest = ?",
            (str(path), source_digest),
        ).fetchone()
        return row[0] if row else None

    def record_source(self, path: Path, source_digest: str, segments: int) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?)", (str(path), source_digest, segments)
        )

    # Catalogs ------------------------------------------------------------------------------

    def observe_catalogs(self, language: str, found: dict[Path, str]) -> None:
        """Take the memory files of `language` as found on disk (`path → digest`): its
        catalogs and the TMX files, which serve every language. Content not seen before gets
        a new sequence number; files gone are forgotten."""
        known = dict(
            self._db.execute(
                "SELECT path, digest FROM catalogs WHERE language = ?", (language,)
            ).fetchall()
        )
        changed = [path for path, value in found.items() if known.get(str(path)) != value]
        if changed:
            self.seq += 1
        for path in changed:
            self._record_catalog(path, language, found[path], self.seq)
        gone = set(known) - {str(path) for path in found}
        self._db.executemany(
            "DELETE FROM catalogs WHERE path = ? AND language = ?", [(p, language) for p in gone]
        )

    def wrote_catalog(self, path: Path, language: str, value: str) -> None:
        """A catalog the run just wrote, with content `value`, at the sequence number `seq`."""
        self._record_catalog(path, language, value, self.seq)

    def _record_catalog(self, path: Path, language: str, value: str, seq: int) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO catalogs VALUES (?, ?, ?, ?)", (str(path), language, value, seq)
        )

    def changed_since(self, language: str, seq: int) -> bool:
        """Whether a catalog of `language` has content newer than memory `seq`."""
        return (
            self._db.execute(
                "SELECT 1 FROM catalogs WHERE language = ? AND seq > ? LIMIT 1", (language, seq)
            ).fetchone()
            is not None
        )

    # Articles ------------------------------------------------------------------------------

    def article(self, stem: str, language: str) -> ArticleState | None:
        row = self._db.execute(
            "SELECT key, lacking, checked FROM articles WHERE stem = ? AND language = ?",
            (stem, language),
        ).fetchone()
        return ArticleState(row[0], tuple(json.loads(row[1])), row[2]) if row else None

    def record_article(self, stem: str, language: str, state: ArticleState) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?)",
            (stem, language, state.key, json.dumps(state.lacking), state.checked),
        )

    def unchecked(self, language: str, seq: int) -> Iterator[tuple[str, ArticleState]]:
        """The articles of `language` with msgids they lack last looked up in a memory
        older than `seq`; rows are read one at a time, so the lists of msgids are not all
        held at once (and may be recorded again meanwhile)."""
        stems = self._db.execute(
            "SELECT stem FROM articles WHERE language = ? AND checked < ? AND lacking != '[]'",
            (language, seq),
        ).fetchall()
        for (stem,) in stems:
            row = self.article(stem, language)
            if row is not None:
                yield stem, row

    def commit(self) -> None:
        """Make what was recorded since the last commit durable, all of it or none."""
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('seq', ?)", (self.seq,))
        self._db.commit()

    def _meta(self, name: str) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else 0


def _open(path: Path) -> sqlite3.Connection:
    """The state database, started afresh when missing, unreadable or of another version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(sqlite3.DatabaseError):
        db = sqlite3.connect(path)
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                db.execute("SELECT count(*) FROM articles").fetchone()
                return db
        except sqlite3.DatabaseError:
            pass
        db.close()
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.commit()
    return db


@contextlib.contextmanager
def run_state(cache_dir: Path) -> Iterator[RunState]:
    state = RunState(cache_dir / STATE_NAME)
    try:
        yield state
    finally:
        state.close()
