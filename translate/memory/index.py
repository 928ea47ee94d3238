"""The memory index: every translation of the project's memory sources in one SQLite file.

`<cache_dir>/memory.sqlite3` is derived data: deleted, corrupt or written by another schema
version, it is rebuilt from the sources. A sync re-reads only the files whose content
changed: a file whose size and modification time are unchanged is skipped, and one whose
stamp changed is hashed (SHA-256) and re-read only when the hash differs.

Exact matches are one indexed query. Close matches are found in two steps: the index proposes
candidates, and rapidfuzz scores them with the measure and threshold of the exhaustive scan
(`CLOSE_MATCH_THRESHOLD`). The index keeps, for every word, the ids of the sources holding it
(`postings`, packed 32-bit integers). A query reads the postings of its words and counts, for
every source, the characters of the words it shares with the query: that over the two
lengths estimates the ratio rapidfuzz computes (2·LCS over the two lengths). The `CANDIDATES`
best estimates among the sources of a length that can reach the threshold are scored. Words
most sources hold (`COMMON_SHARE`) are left out; every other word counts, so the source that
differs from the query in its rare words (the same attack in another town) is found as
surely as the one that shares them. Reading postings costs time linear in the archive,
about 8 ms a query at 300k sources. On the generated news archives of the test and the
benchmark the suggestion equals the exhaustive scan's best score on every query (README,
"Measured").

Postings are appended when a source is first indexed and never rewritten for a deletion: a
source no entry uses any more is deleted from `texts` (ids are never reused) and skipped at
query time, and the postings are rebuilt from `texts` once such stale ids outnumber a quarter
of the live ones.

Where sources overlap, an exact source is answered by, in this order: a reviewed entry of a
catalog, an entry of a TMX file (a translator's work from elsewhere, never reviewed here),
then a fuzzy entry of a catalog (mostly machine translation awaiting review); within one
class, the first file in path order, and the first entry in the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from translate.memory.model import (
    CLOSE_MATCH_THRESHOLD,
    Kind,
    Match,
    MemoryEntry,
)

INDEX_NAME = "memory.sqlite3"
# Bump whenever the tables change: an index of another version is rebuilt.
SCHEMA_VERSION = "3"
# Sources scored with rapidfuzz per query, best estimates first: news copy has many sentences
# that share all their words but one or two (the same attack in another town), whose
# estimates tie. Of 300 queries at 300k sources (README, "Measured"), 400 and 500 found the
# best on all, 300 on 299, 200 on 296.
CANDIDATES = 500
# Words held by more than this share of the sources are left out of the estimate.
COMMON_SHARE = 0.3
# Sources whose postings are held in memory while indexing before they are written out.
PENDING_SOURCES = 100_000
# Stale ids (of deleted sources) tolerated in the postings before they are rebuilt, as a share
# of the live sources, and at least.
STALE_SHARE = 0.25
STALE_MINIMUM = 10_000
_ID = np.dtype("<i4")
_WORD = re.compile(r"\w+")
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');
INSERT INTO meta VALUES ('stale', '0');
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,  -- as the project displays it; also the entries' origin
    kind TEXT NOT NULL,
    language TEXT,  -- a catalog's language; NULL for a TMX file, which may hold any
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL
);
-- AUTOINCREMENT: an id is never reused, so a stale posting can only name a deleted source.
CREATE TABLE texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL UNIQUE
);
-- The length of every source by id (0 for an id no source has), little-endian 32-bit
-- integers in one row: a query needs them all, and one blob reads in a millisecond.
CREATE TABLE lengths (data BLOB NOT NULL);
INSERT INTO lengths VALUES (x'00000000');
-- The ids of the sources holding `word`, little-endian 32-bit integers, in the order indexed.
CREATE TABLE postings (word TEXT PRIMARY KEY, ids BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE entries (
    file_id INTEGER NOT NULL REFERENCES files(id),
    position INTEGER NOT NULL,
    language TEXT NOT NULL,
    text_id INTEGER NOT NULL REFERENCES texts(id),
    target TEXT NOT NULL,
    reviewed INTEGER NOT NULL,
    created TEXT,
    PRIMARY KEY (file_id, position, language)
);
CREATE INDEX entries_by_text ON entries (text_id, language);
"""
# The documented order among entries of one source (module docstring).
_PRECEDENCE = (
    "CASE WHEN f.kind = 'catalog' AND e.reviewed THEN 0 WHEN f.kind = 'tmx' THEN 1 ELSE 2 END"
)


@dataclass(frozen=True)
class Unit:
    """One translation a memory source holds."""

    source: str
    target: str
    language: str
    reviewed: bool
    created: str | None = None


@dataclass(frozen=True)
class SourceFile:
    """A file the index reads: `read` returns its units (and raises on bad content)."""

    path: Path
    display: str
    kind: Kind
    language: str | None  # a catalog's language; None for a TMX file

    def stamp(self) -> tuple[int, int]:
        status = self.path.stat()
        return status.st_size, status.st_mtime_ns


Reader = Callable[[SourceFile], Iterable[Unit]]


@dataclass(frozen=True)
class SyncReport:
    read: list[str]  # files (re)indexed
    removed: list[str]  # files gone from the index


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


class MemoryIndex:
    """The open index; `memory(language)` answers the run's lookups for one language."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = _open(path)
        self.last_sync = SyncReport(read=[], removed=[])
        self._pending: dict[str, array] = {}  # postings not yet written, by word
        self._pending_sources = 0
        self._lengths: np.ndarray | None = None  # the `lengths` table, read when needed
        self._new_lengths: dict[int, int] = {}  # by id, not yet written; 0 for a deletion

    @property
    def connection(self) -> sqlite3.Connection:
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> MemoryIndex:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def sync(
        self, files: Sequence[SourceFile], read: Reader, languages: Iterable[str]
    ) -> SyncReport:
        """Bring the index up to date with `files`: new and changed ones are (re)read;
        indexed TMX files and catalogs of `languages` missing from `files` are dropped. All
        in one transaction: a file that fails to read leaves the index as it was."""
        scope = set(languages)
        with self._transaction() as db:
            known = {
                row[0]: (row[1], row[2], row[3], row[4])
                for row in db.execute("SELECT path, id, size, mtime_ns, hash FROM files")
            }
            wanted = {file.display for file in files}
            removed = sorted(
                path
                for path, language in db.execute("SELECT path, language FROM files")
                if path not in wanted and (language is None or language in scope)
            )
            orphans: set[int] = set()
            for display in removed:
                orphans |= self._drop(known[display][0])
            changed: list[str] = []
            for file in files:
                size, mtime_ns = file.stamp()
                if display_known := known.get(file.display):
                    file_id, old_size, old_mtime, old_hash = display_known
                    if (old_size, old_mtime) == (size, mtime_ns):
                        continue
                    digest = _hash(file.path)
                    if digest == old_hash:
                        db.execute(
                            "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
                            (size, mtime_ns, file_id),
                        )
                        continue
                    orphans |= self._drop(file_id)
                else:
                    digest = _hash(file.path)
                self._store(file, (size, mtime_ns, digest), read(file))
                changed.append(file.display)
            self._collect(orphans)
        self.last_sync = SyncReport(read=changed, removed=removed)
        return self.last_sync

    def replace(self, file: SourceFile, units: Iterable[Unit]) -> None:
        """Index `units` as the content of `file`, just written: no need to read it back."""
        with self._transaction() as db:
            row = db.execute("SELECT id FROM files WHERE path = ?", (file.display,)).fetchone()
            orphans = self._drop(row[0]) if row else set()
            self._store(file, (*file.stamp(), _hash(file.path)), units)
            self._collect(orphans)

    def memory(self, language: str) -> IndexedMemory:
        return IndexedMemory(self, language)

    def languages(self) -> list[tuple[str, str, int]]:
        """(language, file, entries) for every file of the index."""
        return self._db.execute(
            "SELECT e.language, f.path, count(*) FROM entries e JOIN files f ON f.id = e.file_id "
            "GROUP BY e.language, f.path ORDER BY e.language, f.path"
        ).fetchall()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            self._flush()
        except BaseException:
            self._pending.clear()
            self._pending_sources = 0
            db.execute("ROLLBACK")
            self._lengths = None  # it may hold ids rolled back
            self._new_lengths.clear()
            raise
        db.execute("COMMIT")

    def _store(self, file: SourceFile, stamp: tuple[int, int, str], units: Iterable[Unit]) -> None:
        db = self._db
        file_id = db.execute(
            "INSERT INTO files (path, kind, language, size, mtime_ns, hash) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (file.display, file.kind.value, file.language, *stamp),
        ).lastrowid
        numbered = enumerate(units)
        # In batches, so a file of a million units never sits in memory whole.
        while batch := list(itertools.islice(numbered, 10_000)):
            db.executemany(
                "INSERT OR IGNORE INTO entries "
                "(file_id, position, language, text_id, target, reviewed, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (file_id, position, unit.language, self._text_id(unit.source),
                     unit.target, unit.reviewed, unit.created)
                    for position, unit in batch
                ],
            )  # fmt: skip

    def _text_id(self, text: str) -> int:
        db = self._db
        row = db.execute("SELECT id FROM texts WHERE text = ?", (text,)).fetchone()
        if row is not None:
            return row[0]
        text_id = db.execute("INSERT INTO texts (text) VALUES (?)", (text,)).lastrowid
        self._new_lengths[text_id] = len(text)
        self._post(text_id, text)
        return text_id

    def _post(self, text_id: int, text: str) -> None:
        for word in words(text):
            self._pending.setdefault(word, array("i")).append(text_id)
        self._pending_sources += 1
        if self._pending_sources >= PENDING_SOURCES:
            self._flush()

    def _flush(self) -> None:
        """Append the pending postings to the index's, and write the lengths that changed."""
        db = self._db
        for word in sorted(self._pending):
            row = db.execute("SELECT ids FROM postings WHERE word = ?", (word,)).fetchone()
            added = np.frombuffer(self._pending[word], dtype=np.int32).astype(_ID).tobytes()
            db.execute(
                "INSERT OR REPLACE INTO postings VALUES (?, ?)",
                (word, (row[0] if row else b"") + added),
            )
        self._pending.clear()
        self._pending_sources = 0
        if self._new_lengths:
            self._write_lengths()

    def _drop(self, file_id: int) -> set[int]:
        """Remove a file and its entries; the texts they used, which may now be orphans."""
        db = self._db
        texts = {
            row[0]
            for row in db.execute(
                "SELECT DISTINCT text_id FROM entries WHERE file_id = ?", (file_id,)
            )
        }
        db.execute("DELETE FROM entries WHERE file_id = ?", (file_id,))
        db.execute("DELETE FROM files WHERE id = ?", (file_id,))
        return texts

    def _collect(self, candidates: set[int]) -> None:
        """Delete the texts no entry uses any more; rebuild the postings once the ids of
        deleted texts in them outnumber `STALE_SHARE` of the live ones."""
        db = self._db
        deleted = 0
        for text_id in sorted(candidates):
            if db.execute("SELECT 1 FROM entries WHERE text_id = ? LIMIT 1", (text_id,)).fetchone():
                continue
            db.execute("DELETE FROM texts WHERE id = ?", (text_id,))
            self._new_lengths[text_id] = 0  # out of every length window: never a candidate
            deleted += 1
        if not deleted:
            return
        stale = int(db.execute("SELECT value FROM meta WHERE key = 'stale'").fetchone()[0])
        stale += deleted
        (live,) = db.execute("SELECT count(*) FROM texts").fetchone()
        if stale > max(STALE_MINIMUM, live * STALE_SHARE):
            self._rebuild_postings()
            stale = 0
        db.execute("UPDATE meta SET value = ? WHERE key = 'stale'", (str(stale),))

    def _rebuild_postings(self) -> None:
        db = self._db
        self._pending.clear()
        self._pending_sources = 0
        db.execute("DELETE FROM postings")
        for text_id, text in db.execute("SELECT id, text FROM texts ORDER BY id").fetchall():
            self._post(text_id, text)
        self._flush()

    def source_lengths(self) -> np.ndarray:
        """The length of every indexed source, by id (0 where no source has the id)."""
        if self._lengths is None:
            (data,) = self._db.execute("SELECT data FROM lengths").fetchone()
            self._lengths = np.frombuffer(data, dtype=_ID).astype(np.int32)
        return self._lengths

    def _write_lengths(self) -> None:
        lengths = self.source_lengths()
        top = max(self._new_lengths) + 1
        if top > len(lengths):
            lengths = np.concatenate([lengths, np.zeros(top - len(lengths), dtype=np.int32)])
        lengths[list(self._new_lengths)] = list(self._new_lengths.values())
        self._db.execute("UPDATE lengths SET data = ?", (lengths.astype(_ID).tobytes(),))
        self._lengths = lengths
        self._new_lengths.clear()


class IndexedMemory:
    """The `Memory` of one language, answered from the index."""

    def __init__(self, index: MemoryIndex, language: str) -> None:
        self._index = index
        self._db = index.connection
        self.language = language

    def __len__(self) -> int:
        return self._db.execute(
            "SELECT count(DISTINCT text_id) FROM entries WHERE language = ?", (self.language,)
        ).fetchone()[0]

    def exact(self, source: str) -> MemoryEntry | None:
        row = self._db.execute(
            "SELECT t.text, e.target, e.reviewed, f.path, f.kind FROM texts t "
            "JOIN entries e ON e.text_id = t.id JOIN files f ON f.id = e.file_id "
            f"WHERE t.text = ? AND e.language = ? ORDER BY {_PRECEDENCE}, f.path, e.position "
            "LIMIT 1",
            (source, self.language),
        ).fetchone()
        return _entry(row) if row else None

    def closest(self, source: str, threshold: float = CLOSE_MATCH_THRESHOLD) -> Match | None:
        """The most similar different source above `threshold`; among equal scores, the one
        whose entry comes first in the documented order."""
        found = self.matches(source, threshold, limit=1)
        return found[0] if found else None

    def matches(
        self, source: str, threshold: float = CLOSE_MATCH_THRESHOLD, limit: int = 5
    ) -> list[Match]:
        """The `limit` most similar different sources above `threshold`, best first."""
        from rapidfuzz import fuzz, process

        found = [
            (score, text)
            for text, score, _ in process.extract(
                source,
                self.candidates(source, threshold),
                scorer=fuzz.ratio,
                score_cutoff=threshold,
                limit=None,
            )
            if text != source
        ]
        if not found:
            return []
        found.sort(reverse=True)
        # Equal scores are ordered by precedence, looked up only for the ones that can make it.
        floor = found[min(limit, len(found)) - 1][0]
        best = sorted(
            ((score, text) for score, text in found if score >= floor),
            key=lambda pair: (-pair[0], self._rank(pair[1])),
        )[:limit]
        return [Match(entry=self.exact(text), score=score) for score, text in best]

    def candidates(self, source: str, threshold: float = CLOSE_MATCH_THRESHOLD) -> list[str]:
        """Sources of this language that may score above `threshold`, best estimates first."""
        query_words = sorted(words(source))
        if not query_words:
            return []
        lengths = self._index.source_lengths()
        # A word most sources hold adds about as much to every plausible candidate: leaving
        # it out changes no ranking that matters and saves most of the postings read (SQLite
        # gives a blob's length without reading it).
        common = int(len(lengths) * COMMON_SHARE) * _ID.itemsize
        marks = ",".join("?" * len(query_words))
        postings = (
            self._db.execute(
                f"SELECT word, ids FROM postings WHERE word IN ({marks}) AND length(ids) <= ?",
                (*query_words, common),
            ).fetchall()
            or self._db.execute(
                f"SELECT word, ids FROM postings WHERE word IN ({marks})", query_words
            ).fetchall()
        )
        if not postings:
            return []
        # Characters shared with the query: each word with the blank after it (a word's
        # postings name a source once, so the scatter adds once per source).
        shared = np.zeros(len(lengths), dtype=np.int32)
        for word, ids in postings:
            shared[np.frombuffer(ids, dtype=_ID)] += len(word) + 1
        # Lengths a source can have and still reach the threshold: ratio = 2·LCS / (m + n).
        share = threshold / (200 - threshold)
        size = len(source)
        found = np.flatnonzero((shared > 0) & (lengths >= size * share) & (lengths <= size / share))
        estimate = shared[found] / (size + lengths[found])
        if len(found) > CANDIDATES:
            best = np.argpartition(-estimate, CANDIDATES - 1)[:CANDIDATES]
            found, estimate = found[best], estimate[best]
        ranked = found[np.argsort(-estimate, kind="stable")].tolist()
        marks = ",".join("?" * len(ranked))
        rows = dict(
            self._db.execute(
                f"SELECT t.id, t.text FROM texts t WHERE t.id IN ({marks}) AND EXISTS "
                "(SELECT 1 FROM entries e WHERE e.text_id = t.id AND e.language = ?)",
                (*ranked, self.language),
            ).fetchall()
        )
        return [rows[text_id] for text_id in ranked if text_id in rows]

    def _rank(self, text: str) -> tuple[int, str, int]:
        return self._db.execute(
            f"SELECT {_PRECEDENCE}, f.path, e.position FROM texts t "
            "JOIN entries e ON e.text_id = t.id JOIN files f ON f.id = e.file_id "
            f"WHERE t.text = ? AND e.language = ? ORDER BY 1, 2, 3 LIMIT 1",
            (text, self.language),
        ).fetchone()


def _entry(row: tuple) -> MemoryEntry:
    text, target, reviewed, path, kind = row
    return MemoryEntry(source=text, target=target, reviewed=bool(reviewed), origin=path,
                       kind=Kind(kind))  # fmt: skip


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _open(path: Path) -> sqlite3.Connection:
    """The index at `path`, created, or rebuilt when it is corrupt or of another version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = _connect(path)
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version == (SCHEMA_VERSION,):
            return db
        db.close()
    except sqlite3.DatabaseError:
        pass
    for leftover in (
        path,
        path.with_name(path.name + "-journal"),
        path.with_name(path.name + "-wal"),
    ):
        leftover.unlink(missing_ok=True)
    db = _connect(path)
    db.executescript(_SCHEMA)
    return db


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None, timeout=30.0)
