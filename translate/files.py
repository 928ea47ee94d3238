"""The edges: reading and writing catalogs and other outputs on disk.

Every write goes to a temporary file in the target's folder and is renamed over the target,
so a reader never sees half a file and a crash leaves the old file intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from translate.catalog import Catalog
from translate.errors import CatalogError, LockError
from translate.po import decode_po_bytes, read_po, write_po

LOCK_NAME = ".translate.lock"
LOCK_TIMEOUT_SECONDS = 30.0


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping the permissions of an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


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
    return read_po(decode_po_bytes(data, where), where)


def save_catalog(path: Path, catalog: Catalog) -> bool:
    """Write `catalog` unless the file already holds exactly that text; True if written."""
    text = write_po(catalog)
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return False
    atomic_write_text(path, text)
    return True


@contextlib.contextmanager
def catalogs_lock(directory: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock on a locales folder; a second run waits, then refuses clearly.

    A folder created only to hold the lock is removed again if the run wrote nothing.
    """
    from filelock import FileLock, Timeout

    created = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    lock = FileLock(directory / LOCK_NAME)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise LockError(
            f"{directory}: another translate run is writing these catalogs "
            f"(lock {LOCK_NAME} held for more than {timeout:g}s); try again when it ends"
        ) from None
    try:
        yield
    finally:
        lock.release()
        if created and [path.name for path in directory.iterdir()] == [LOCK_NAME]:
            (directory / LOCK_NAME).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                directory.rmdir()
