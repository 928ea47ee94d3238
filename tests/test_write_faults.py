"""Writing under faults: text that cannot be encoded, a full disk, a read-only folder, a
folder without write permission. Each is one line naming the file, a non-zero exit, and the
locales folder exactly as it was.

The disk faults are real errors from the kernel, not a patched `open`: the command runs in
its own mount namespace (`unshare`, see tests/support/faults.py) where `locales/` is a small
tmpfs that fills up (ENOSPC), or is bound read-only (EROFS), or where it runs as another user
against a folder without write permission (EACCES, which root would not get). /dev/full
would give ENOSPC only for a file opened there, while our writes go to a temporary file
beside the target, so a real full filesystem is the faithful test.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.catalogs import FIRST, PO, THIRD, snapshot
from tests.support.cli import REPO, make_project, run_translate
from tests.support.faults import namespaces, run_unprivileged, run_with_disk, translate_command
from translate.catalog import Catalog, Message
from translate.errors import CatalogError
from translate.files import JOURNAL_NAME, LOCK_NAME, catalog_bytes, catalogs_lock

needs_namespaces = pytest.mark.skipif(not namespaces(), reason="needs unshare and namespaces")


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "project")
    result = run_translate("run", "--mt", "off", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def change_the_source(root: Path) -> None:
    """An edit that changes the template and every catalog."""
    seed = root / "seeds" / "aleppo-offensive.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace(FIRST, "A new sentence."))


def one_line(stderr: str, prefix: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(prefix), stderr
    return lines[0]


def digests(listing: str) -> dict[str, str]:
    """`sha256sum` lines as {relative path: digest}."""
    found = {}
    for line in listing.splitlines():
        digest, _, name = line.partition("  ")
        if len(digest) == 64 and not name.rsplit("/", 1)[-1].startswith("."):
            found[name.split("locales/", 1)[1]] = digest
    return found


def on_disk(root: Path) -> dict[str, str]:
    return {
        name.removeprefix("locales/"): hashlib.sha256(data).hexdigest()
        for name, data in snapshot(root).items()
    }


def test_a_string_that_cannot_be_encoded_writes_nothing(project):
    """The issue's reproduction: `\\xDC00` in a catalog made a lone surrogate, and the POT
    and the Arabic catalog were rewritten before a traceback. The reader now refuses the
    escape; either way the run stops before any write. Every catalog is still encoded before
    the first write (`test_the_unencodable_entry_is_named`), whatever the route."""
    arabic = project / PO.format("ar")
    text = arabic.read_text(encoding="utf-8")
    entry = f'msgid "{THIRD}"\nmsgstr ""'
    assert entry in text
    arabic.write_text(text.replace(entry, f'msgid "{THIRD}"\nmsgstr "x\\xDC00"'))
    change_the_source(project)
    before = snapshot(project)
    result = run_translate("run", "--mt", "off", cwd=project)
    assert result.returncode == 2
    one_line(result.stderr, f"translate: error: {PO.format('ar')}")
    assert snapshot(project) == before


def test_the_unencodable_entry_is_named():
    catalog = Catalog(messages=[Message("Fine."), Message("Broken.", msgstr="x\udc00")])
    with pytest.raises(CatalogError) as raised:
        catalog_bytes(catalog, "locales/ar/LC_MESSAGES/a.po")
    assert str(raised.value) == (
        'locales/ar/LC_MESSAGES/a.po: entry "Broken." holds U+DC00, a lone surrogate that '
        "UTF-8 cannot encode; nothing was written"
    )


@needs_namespaces
@pytest.mark.parametrize("room", ["none", "one file"])
def test_a_full_disk_changes_no_file(project, room):
    """The locales folder on a tmpfs with no room, or room for the template only: before,
    a traceback, and with room for one file the template was replaced and the rest not."""
    locales = project / "locales"
    pot = (locales / "aleppo-offensive.pot").stat().st_size
    change_the_source(project)
    before = on_disk(project)
    keep = "" if room == "none" else f"truncate -s -{pot + 8192} {locales}/.filler"
    result = run_with_disk(
        [
            f"cp -a {locales} {project}/saved",
            f"mount -t tmpfs -o size=1m tmpfs {locales}",
            f"cp -a {project}/saved/. {locales}/",
            f"dd if=/dev/zero of={locales}/.filler bs=4k 2>/dev/null || true",
            keep,
        ],
        translate_command("run", "--mt", "off", "--quiet"),
        cwd=project,
        after=[f"find {locales} -type f ! -name '.*' -exec sha256sum {{}} +"],
    )
    assert result.stdout.splitlines()[-1] == "exit=1", result.stderr
    line = one_line(result.stderr, "translate: error: locales/")
    assert line.endswith(": cannot write: No space left on device; no file was changed")
    assert digests(result.stdout) == before


@needs_namespaces
def test_a_read_only_locales_folder_is_one_line(project):
    change_the_source(project)
    locales = project / "locales"
    result = run_with_disk(
        [f"mount --bind {locales} {locales}", f"mount -o remount,bind,ro {locales}"],
        translate_command("run", "--mt", "off"),
        cwd=project,
    )
    assert result.stdout.splitlines()[-1] == "exit=1", result.stderr
    assert one_line(result.stderr, "translate: error: ").endswith(
        "locales/.translate.lock: cannot write: Read-only file system; no file was changed"
    )


@needs_namespaces
def test_a_folder_without_write_permission_changes_no_file(project):
    """The template could be written, the Turkish catalog not: neither is."""
    change_the_source(project)
    folder = project / "locales" / "tr" / "LC_MESSAGES"
    before = snapshot(project)
    folder.chmod(0o555)
    try:
        result = run_unprivileged(translate_command("run", "--mt", "off", "-q"), cwd=project)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert one_line(result.stderr, "translate: error: ") == (
        f"translate: error: {PO.format('tr')}: cannot write: Permission denied; no file was changed"
    )
    assert snapshot(project) == before


@needs_namespaces
def test_an_unwritable_output_file_is_one_line(project, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    folder.chmod(0o555)
    command = translate_command(
        "render", "seeds/aleppo-offensive.txt", "--lang", "tr", "-o", folder / "tr.txt"
    )
    try:
        result = run_unprivileged(command, cwd=project)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1
    one_line(result.stderr, f"translate: error: {folder / 'tr.txt'}: cannot write: Permission")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "--glossary", "glossary", "--no-glossary"],
        ["check", "--bogus"],
        ["check", "--include", "nope"],
        ["run", "--mt", "maybe"],
        ["run", "--beam-size", "0"],
        ["models", "install", "--sha256"],
        ["no-such-command"],
        # Click lists the choices of a missing option on lines of their own.
        ["glossary", "export"],
        ["render", "seeds/aleppo-offensive.txt"],
    ],
    ids=" ".join,
)
def test_a_usage_error_is_exactly_one_line(project, arguments):
    result = run_translate(*arguments, cwd=project)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("translate: error: ")
    assert result.stdout == ""


# Writes a.po, b.po and c.po of `sys.argv[1]`/ar/LC_MESSAGES as one journalled set, and is
# killed right after a.po is renamed into place.
KILLED_WRITE = """
import os, signal, sys
from pathlib import Path
from translate.files import JOURNAL_NAME, write_files
replace = os.replace
def replace_then_die(source, target):
    replace(source, target)
    if str(target).endswith("a.po"):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace_then_die
locales = Path(sys.argv[1])
folder = locales / "ar" / "LC_MESSAGES"
write_files(
    [(folder / name, b"new " + name.encode()) for name in ("a.po", "b.po", "c.po")],
    journal=locales / JOURNAL_NAME,
)
"""


def test_a_write_killed_among_its_renames_is_finished_without_overwriting_a_translator(
    tmp_path,
):
    """The next holder of the lock renames the rest into place, except over a catalog a
    translator saved after the kill: theirs stays. Only our temporary files are removed."""
    locales = tmp_path / "locales"
    folder = locales / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for name in ("a.po", "b.po", "c.po"):
        (folder / name).write_bytes(b"old " + name.encode())
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WRITE, str(locales)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (folder / "a.po").read_bytes() == b"new a.po"
    assert (folder / "c.po").read_bytes() == b"old c.po"
    assert (locales / JOURNAL_NAME).exists()
    (folder / "b.po").write_bytes(b"reviewed b.po")  # a translator saves, before the re-run
    theirs = [
        folder / ".b.po.swp",
        folder / "notes.tmp",
        locales / ".a.pot.backup.tmp",
        locales / ".notes.txt.abcd1234.tmp",  # named as ours, but beside no catalog
    ]
    for path in theirs:
        path.write_bytes(b"not ours")
    with catalogs_lock(locales):
        pass
    assert {path.name: path.read_bytes() for path in sorted(folder.glob("*.po"))} == {
        "a.po": b"new a.po",
        "b.po": b"reviewed b.po",
        "c.po": b"new c.po",
    }
    assert not (locales / JOURNAL_NAME).exists()
    left = sorted(p for p in locales.rglob("*") if p.is_file() and p.name != LOCK_NAME)
    assert left == sorted([*folder.glob("*.po"), *theirs])


@pytest.mark.parametrize(
    "journal",
    ['{"not": "a list"}', '[{"target": "ar/LC_MESSAGES/a.po"}]', '[5]', '[{"temporary": 1, '
     '"target": "a.po", "before": null}]', "not json"],
    ids=["object", "no-temporary", "number", "wrong-type", "not-json"],
)  # fmt: skip
def test_a_hand_edited_journal_is_set_aside_and_touches_nothing(tmp_path, journal):
    locales = tmp_path / "locales"
    folder = locales / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "a.po").write_bytes(b"translated a.po")
    (locales / JOURNAL_NAME).write_text(journal, encoding="utf-8")
    with catalogs_lock(locales):
        pass
    assert (folder / "a.po").read_bytes() == b"translated a.po"
    assert not (locales / JOURNAL_NAME).exists()
