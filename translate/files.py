"""The edges: reading and writing catalogs and other outputs on disk.

Every write goes to a temporary file in the target's folder and is renamed over the target,
so a reader never sees half a file and a crash leaves the old file intact. Writes that belong
together (a run's catalogs, an import's glossary files) are all or nothing: every file is
first written in full beside its target, and only then are they renamed into place; the
disk filling up, a read-only folder or a missing permission (any `OSError`) shows while
writing the temporary files, which are then removed, so no target has changed. Catalogs are
encoded before that, in the charset their header declares, so text that cannot be written (a
character that charset lacks, a lone surrogate from an escape) is reported naming file and
entry and nothing is written.

A set of writes can be journalled (`journal=`): once every temporary file is on disk, the
renames still to do are recorded in the journal, which is removed when they are done. A
process killed while renaming (SIGKILL, a crash) leaves the journal, and the next holder of
the catalogs' lock finishes those renames before anything else (`catalogs_lock`), so a set
of catalogs is never left half renamed into place. A target that changed in between (a
translator saved it) is left as it is and its temporary file removed: their work wins over
the killed write. Temporary files of a write killed before its renames began are removed
then too; only files named as `_stage` names them, beside a catalog or template of the
locales folder, are touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from translate.catalog import Catalog, Message
from translate.config import Config
from translate.errors import CatalogError, LockError, WriteError
from translate.po import catalog_charset, decode_po_bytes, read_po, write_po

LOCK_NAME = ".translate.lock"
# Beside the lock: the renames of a journalled write still to do (module docstring).
JOURNAL_NAME = ".translate.journal"
LOCK_TIMEOUT_SECONDS = 30.0

# Header fields whose change alone does not make a catalog worth rewriting.
VOLATILE_HEADER_FIELDS = frozenset({"POT-Creation-Date", "PO-Revision-Date", "X-Generator"})


def write_files(
    contents: Sequence[tuple[Path, bytes]],
    display: Callable[[Path], str] = str,
    journal: Path | None = None,
) -> None:
    """Replace every file of `contents` with its bytes, or none of them (`WriteError`
    naming the file as `display` shows it). With `journal`, the renames are recorded there
    before the first, so that a process killed among them leaves what `finish_writes`
    completes; the caller holds the lock of the journal's folder."""
    staged: list[tuple[Path, Path]] = []
    journal = journal if len(contents) > 1 else None  # one rename is never half done
    path = Path()
    try:
        for path, data in contents:
            staged.append((_stage(path, data), path))
        if journal is not None:
            path = journal
            _write_journal(journal, staged)
        for temporary, path in staged:
            os.replace(temporary, path)
    except OSError as error:
        raise WriteError(display(path), error) from None
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        if journal is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(journal)


def _stage(path: Path, data: bytes) -> Path:
    """`data` in a temporary file beside `path`, flushed to disk, with `path`'s permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return Path(temporary)


# What `_stage` names a temporary file: mkstemp's eight random characters between the
# target's name and ".tmp".
_TEMPORARY = re.compile(r"\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp")


def _content_digest(path: Path) -> str | None:
    """The digest of a file's content, or None when there is no file."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except FileNotFoundError:
        return None


def _write_journal(journal: Path, staged: Sequence[tuple[Path, Path]]) -> None:
    """Record, atomically, each rename still to do with what its target holds now."""
    folder = journal.parent
    records = [
        {
            "temporary": os.path.relpath(temporary, folder),
            "target": os.path.relpath(target, folder),
            "before": _content_digest(target),
        }
        for temporary, target in staged
    ]
    os.replace(_stage(journal, json.dumps(records).encode("utf-8")), journal)


def _is_record(record: object) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("temporary"), str)
        and isinstance(record.get("target"), str)
        and isinstance(record.get("before"), str | None)
    )


def finish_writes(journal: Path) -> None:
    """Do the renames a process killed while writing left in `journal`, then remove it.

    A rename is done only while its temporary file is there (else it was done) and its
    target holds what it held when the journal was written; a target changed since (a
    translator saved it) keeps its content and the temporary file is removed. Only
    temporary files named as `_stage` names them, beside their target, are touched."""
    try:
        records = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except ValueError:  # written atomically, so only a hand-edited journal gets here
        records = []
    if not isinstance(records, list) or not all(_is_record(record) for record in records):
        records = []  # hand-edited too: the next run re-plans the chunk instead
    folder = journal.parent
    for record in records:
        temporary = folder / record["temporary"]
        target = folder / record["target"]
        found = _TEMPORARY.fullmatch(temporary.name)
        if temporary.parent != target.parent or not found or found["target"] != target.name:
            continue
        if not temporary.is_file():
            continue
        if _content_digest(target) == record["before"]:
            os.replace(temporary, target)
        else:
            temporary.unlink()
    journal.unlink()


def remove_temporaries(directory: Path) -> None:
    """Remove the temporary files a killed write left in the locales folder `directory`:
    those `_stage` names for a template (`*.pot`), a catalog (`*/LC_MESSAGES/*.po`) or the
    journal. Run under the folder's lock, which every writer of these files holds, so none
    is another run's write in progress."""
    folders = [(directory, (".pot", JOURNAL_NAME))]
    folders += [(folder, (".po",)) for folder in sorted(directory.glob("*/LC_MESSAGES"))]
    for folder, targets in folders:
        for path in sorted(folder.glob(".*.tmp")):
            found = _TEMPORARY.fullmatch(path.name)
            if found and found["target"].endswith(targets) and path.is_file():
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping the permissions of an existing file."""
    write_files([(path, data)])


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def catalog_path(config: Config, language: str, stem: str) -> Path:
    return config.locales_dir / language / "LC_MESSAGES" / f"{stem}.po"


def catalog_paths(config: Config, language: str) -> list[Path]:
    """The PO files of a language in the locales folder, sorted."""
    folder = config.locales_dir / language / "LC_MESSAGES"
    return [path for path in sorted(folder.glob("*.po")) if path.is_file()]


def load_catalog(path: Path, display: str | None = None) -> Catalog:
    """Read a PO/POT file; syntax errors raise `CatalogError` naming file and line."""
    where = display or str(path)
    if path.is_dir():
        raise CatalogError(where, None, "is a directory, expected a PO file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError(where, None, "no such file") from None
    except OSError as error:
        raise CatalogError(where, None, f"cannot read: {error.strerror}") from None
    text, charset = decode_po_bytes(data, where)
    return read_po(text, where, charset)


def save_catalog(path: Path, catalog: Catalog) -> bool:
    """Write `catalog` unless the file already holds exactly that text; True if written."""
    [changed] = save_catalogs([(path, catalog, None)], str)
    return changed


def save_catalogs(
    items: Sequence[tuple[Path, Catalog, Catalog | None]],
    display: Callable[[Path], str],
    journal: Path | None = None,
) -> list[bool]:
    """Write each `(path, catalog, old)`, all or nothing; for each, whether it was written.
    With `journal`, a kill among the renames is completed by the next run (`write_files`).

    `old` is what the file holds (None: unknown or new); when only volatile header fields
    (dates, generator) would change, the old values are kept and the file stays as it is.
    Every catalog is encoded before the first write (`catalog_bytes`).
    """
    planned: list[tuple[Path, bytes]] = []
    for path, catalog, old in items:
        if old is not None and same_content(old, catalog):
            keep_volatile_fields(old, catalog)
        planned.append((path, catalog_bytes(catalog, display(path))))
    changed = [not _holds(path, data, display) for path, data in planned]
    write_files(
        [item for item, change in zip(planned, changed, strict=True) if change], display, journal
    )
    return changed


def _holds(path: Path, data: bytes, display: Callable[[Path], str]) -> bool:
    try:
        return path.read_bytes() == data
    except FileNotFoundError:
        return False
    except OSError as error:
        raise WriteError(display(path), error) from None


def catalog_bytes(catalog: Catalog, where: str) -> bytes:
    """The catalog as the bytes of its PO file, in the charset its header declares (as msgcat
    writes it back); `CatalogError` naming `where` and the entry when some text cannot be
    encoded there (a character the charset lacks, or a lone surrogate, which only an escape
    such as `\\uDC00` in some input can produce)."""
    text = write_po(catalog)
    try:
        name, codec = catalog_charset(catalog)
    except LookupError:
        name = catalog.header_field("Content-Type") or ""
        raise CatalogError(
            where, None, f"the header declares an unknown charset ({name}); nothing was written"
        ) from None
    try:
        return text.encode(codec)
    except UnicodeEncodeError as error:
        found = error.object[error.start]
        holder = _holder(catalog, found)
        if "\ud800" <= found <= "\udfff":
            problem = f"U+{ord(found):04X}, a lone surrogate that {name} cannot encode"
        else:
            problem = f"{found!r} (U+{ord(found):04X}), which the header's {name} cannot encode"
        raise CatalogError(where, None, f"{holder} holds {problem}; nothing was written") from None


def _holder(catalog: Catalog, char: str) -> str:
    """Which part of `catalog` holds `char`: the header, or an entry named by its msgid."""
    header_texts = [
        *catalog.header_comments,
        *catalog.header_extracted_comments,
        *(f"{k}{v}" for k, v in catalog.header),
    ]
    if any(char in text for text in header_texts):
        return "the header"
    for message in catalog.messages:
        if any(char in text for text in _texts(message)):
            shown = message.msgid if len(message.msgid) <= 60 else message.msgid[:57] + "..."
            return "entry " + shown.encode("ascii", "backslashreplace").decode().join('""')
    return "the catalog"


def _texts(message: Message) -> list[str]:
    optional = (
        message.msgctxt,
        message.msgid_plural,
        message.previous_msgctxt,
        message.previous_msgid,
        message.previous_msgid_plural,
    )
    return [
        message.msgid,
        message.msgstr,
        *message.msgstr_plural.values(),
        *message.flags,
        *message.references,
        *message.translator_comments,
        *message.extracted_comments,
        *(text for text in optional if text is not None),
    ]


def same_content(old: Catalog, new: Catalog) -> bool:
    """Equal but for volatile header fields (dates, generator version)."""

    def stable(catalog: Catalog) -> list[tuple[str, str]]:
        return [(k, v) for k, v in catalog.header if k not in VOLATILE_HEADER_FIELDS]

    return (
        stable(old) == stable(new)
        and old.header_comments == new.header_comments
        and old.header_extracted_comments == new.header_extracted_comments
        and old.header_flags == new.header_flags
        and _unplaced(old) == _unplaced(new)
    )


def keep_volatile_fields(old: Catalog, new: Catalog) -> None:
    """Carry the old dates and generator into `new`, so an unchanged catalog stays byte-equal."""
    for name in VOLATILE_HEADER_FIELDS:
        value = old.header_field(name)
        if value is not None and new.header_field(name) is not None:
            new.set_header_field(name, value)


def _unplaced(catalog: Catalog) -> list[Message]:
    """The messages without the line numbers they were read at."""
    return [replace(message, line=None) for message in catalog.messages]


@contextlib.contextmanager
def catalogs_lock(directory: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock on a locales folder; a second run waits, then refuses clearly.

    Once the lock is held, a journalled write a killed run left unfinished is finished and
    its temporary files removed (module docstring), so the holder sees whole sets of files.
    A folder created only to hold the lock is removed again if the run wrote nothing.
    """
    from filelock import FileLock, Timeout

    created = not directory.exists()
    lock = FileLock(directory / LOCK_NAME)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        lock.acquire(timeout=timeout)
    except Timeout:  # an OSError too: before the general case
        raise LockError(
            f"{directory}: another translate run is writing these catalogs "
            f"(lock {LOCK_NAME} held for more than {timeout:g}s); try again when it ends"
        ) from None
    except OSError as error:
        raise WriteError(directory / LOCK_NAME, error) from None
    try:
        journal = directory / JOURNAL_NAME
        try:
            finish_writes(journal)
            remove_temporaries(directory)
        except OSError as error:
            raise WriteError(journal, error) from None
        yield
    finally:
        lock.release()
        if created and [path.name for path in directory.iterdir()] == [LOCK_NAME]:
            (directory / LOCK_NAME).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                directory.rmdir()
