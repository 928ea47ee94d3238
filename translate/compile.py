"""Compiling catalogs to binary `.mo` files, as `msgfmt` does (reviewed entries only)."""

from __future__ import annotations

from pathlib import Path

from translate.files import atomic_write_bytes, load_catalog
from translate.po import write_po


def compile_catalog(po_path: Path, display: str | None = None) -> Path:
    """Write `<name>.mo` beside `po_path`; fuzzy, untranslated and obsolete entries are left out.

    The catalog is validated by our reader first (errors as `file:line`), then polib encodes
    the GNU MO format.
    """
    import polib

    catalog = load_catalog(po_path, display)
    mo_path = po_path.with_suffix(".mo")
    binary = polib.pofile(write_po(catalog)).to_binary()
    atomic_write_bytes(mo_path, binary)
    return mo_path
