"""Catalogs in end-to-end tests: where `translate run` writes them, what a translator does
to them, and a picture of the locales folder to compare before and after."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib

PO = "locales/{}/LC_MESSAGES/aleppo-offensive.po"

# Three seed sentences and their reviewed Turkish translations.
FIRST = "Reuters journalists, rebels and a monitor confirmed the military thrust."
SECOND = "There were no reports the Syrian army had made significant gains."
THIRD = "This could not be independently verified."
REVIEWED = {
    FIRST: "Gazeteciler, isyancılar ve bir gözlemci askeri harekâtı doğruladı.",
    SECOND: "Suriye ordusunun önemli ilerleme kaydettiğine dair haber yoktu.",
    THIRD: "Bu bilgi bağımsız olarak doğrulanamadı.",
}


# The header's dates: a catalog written again a minute later differs in them alone.
_DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


def without_dates(data: bytes) -> bytes:
    """A catalog's or template's bytes without the header's dates."""
    return _DATES.sub(b"", data)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root/locales` (but the lock and other dot files), by path."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted((root / "locales").rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def review(path: Path, translations: dict[str, str]) -> None:
    """What a translator does in a PO editor: fill msgstr, clear fuzzy, save (polib layout)."""
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.tcomment = "Reviewed by hand."
    catalog.save()


def msgfmt_check(path: Path) -> None:
    """GNU msgfmt accepts the catalog: `msgfmt --check`, which checks headers, plural forms
    and format strings as well as syntax."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
