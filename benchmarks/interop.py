"""Real catalogs from elsewhere: identity with `msgcat` per project and per script, and reader
speed against polib and Babel.

Run by hand: `.venv/bin/python benchmarks/interop.py [--cache DIR] [--differences N]`.
Downloads pinned releases of projects that ship their translations (`pip download --no-deps`
into `--cache`, default `.dragoman-cache/interop`), extracts every `.po` file, and for each:
- reads it with Dragoman and writes it back (in its declared charset), and compares the bytes
  with what `msgcat` (GNU gettext, on PATH) writes for the same file;
- times reading it with Dragoman, polib and Babel (best of `--runs`, all files).
Prints Markdown tables, then up to `--differences` differing files with their first
differing line. A file msgcat itself refuses is counted apart.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import polib
from babel.messages.pofile import read_po as babel_read_po
from timing import best

from translate.errors import CatalogError
from translate.files import catalog_bytes, load_catalog
from translate.po import decode_po_bytes, read_po

REPO = Path(__file__).resolve().parents[1]
PROJECTS = {
    "Django": "Django==5.1.4",
    "Sphinx": "Sphinx==8.1.3",
    "django-allauth": "django-allauth==65.3.0",
    "Weblate": "Weblate==5.8.4",
}
LANGUAGES_OF_NOTE = ("ar", "tr", "ru", "fa", "he", "en")


def download(requirement: str, cache: Path) -> Path:
    """The release file of `requirement`, fetched once into `cache`."""
    name, version = requirement.split("==")
    prefix = f"{name.lower().replace('_', '-')}-{version}"
    for attempt in range(2):
        for path in sorted(cache.iterdir()):
            if path.name.lower().replace("_", "-").startswith(prefix):
                return path
        if attempt == 0:
            command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d"]
            subprocess.run([*command, str(cache), requirement], check=True)
    raise SystemExit(f"{requirement}: downloaded, but no file named {prefix}* in {cache}")


def po_files(archive: Path) -> dict[str, bytes]:
    """Every `.po` file of a wheel or source archive, by its path inside."""
    found: dict[str, bytes] = {}
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            for name in wheel.namelist():
                if name.endswith(".po"):
                    found[name] = wheel.read(name)
    else:
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.endswith(".po"):
                    stream = tar.extractfile(member)
                    assert stream is not None
                    found[member.name] = stream.read()
    return found


def language_of(name: str) -> str:
    """The locale folder's language: `…/locale/pt_BR/LC_MESSAGES/django.po` → `pt`."""
    parts = name.split("/")
    if "LC_MESSAGES" in parts:
        return parts[parts.index("LC_MESSAGES") - 1].split("_")[0].split("@")[0].lower()
    return Path(name).stem.split("_")[0].lower()


def script_of(text: str) -> str:
    """The script most letters of `text` are written in (first word of their Unicode names)."""
    counts: collections.Counter[str] = collections.Counter()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            counts["CJK" if name in ("CJK", "HIRAGANA", "KATAKANA") else name] += 1
    return counts.most_common(1)[0][0].title() if counts else "None"


def msgcat(data: bytes) -> bytes | None:
    result = subprocess.run(["msgcat", "-"], input=data, capture_output=True)
    return result.stdout if result.returncode == 0 else None


def first_difference(ours: bytes, theirs: bytes) -> str:
    for number, (a, b) in enumerate(
        zip(ours.splitlines(), theirs.splitlines(), strict=False), start=1
    ):
        if a != b:
            return f"line {number}: ours {a[:70]!r} msgcat {b[:70]!r}"
    return "length differs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=REPO / ".dragoman-cache" / "interop")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--differences", type=int, default=40)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)

    files: list[tuple[str, str, bytes]] = []  # project, path, bytes
    for project, requirement in PROJECTS.items():
        for name, data in sorted(po_files(download(requirement, args.cache)).items()):
            files.append((project, name, data))

    by_project: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    by_script: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    by_language: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    differing: list[str] = []
    entries = 0
    for project, name, data in files:
        theirs = msgcat(data)
        try:
            text, codec = decode_po_bytes(data, name)
            catalog = read_po(text, name, codec)
            ours = catalog_bytes(catalog, name)
        except CatalogError as error:
            ours, catalog = None, None
            differing.append(f"{project} {name}: we refuse it: {error}")
        language = language_of(name)
        translations = " ".join(m.msgstr for m in catalog.messages) if catalog else ""
        script = script_of(translations)
        entries += len(catalog.messages) if catalog else 0
        for tally in (by_project[project], by_script[script], by_language[language]):
            if theirs is None:
                tally[2] += 1
                continue
            tally[0] += 1
            tally[1] += ours == theirs
        if theirs is not None and ours is not None and ours != theirs:
            differing.append(f"{project} {name}: {first_difference(ours, theirs)}")

    def table(title: str, tallies: dict[str, list[int]], keys: list[str]) -> None:
        print(f"| {title} | files | identical to msgcat | refused by msgcat |\n|---|---|---|---|")
        for key in keys:
            files_, same, refused = tallies[key]
            share = f"{100 * same / files_:.1f}%" if files_ else "–"
            print(f"| {key} | {files_} | {same} ({share}) | {refused} |")
        print()

    total = [sum(t[i] for t in by_project.values()) for i in range(3)]
    by_project["all"] = total
    print(f"{len(files)} PO files, {entries} entries\n")
    table("project", by_project, [*PROJECTS, "all"])
    table("script", by_script, sorted(by_script, key=lambda s: -by_script[s][0]))
    table("language", by_language, [lang for lang in LANGUAGES_OF_NOTE if lang in by_language])

    folder = args.cache / "extracted"
    paths: list[Path] = []
    for project, name, data in files:
        path = folder / project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)

    def ours_read() -> None:
        for path in paths:
            with contextlib.suppress(CatalogError):  # counted above
                load_catalog(path)

    def polib_read() -> None:
        for path in paths:
            polib.pofile(str(path))

    def babel_read() -> None:
        for path in paths:
            with path.open("rb") as stream:
                babel_read_po(stream)

    timings = {
        "Dragoman": best(args.runs, ours_read),
        "polib": best(args.runs, polib_read),
        "Babel": best(args.runs, babel_read),
    }
    print("| reader | seconds (all files) | ratio to Dragoman |\n|---|---|---|")
    for reader, seconds in timings.items():
        print(f"| {reader} | {seconds:.2f} | {seconds / timings['Dragoman']:.2f} |")
    print()
    for line in differing[: args.differences]:
        print(line)
    if len(differing) > args.differences:
        print(f"… and {len(differing) - args.differences} more")


if __name__ == "__main__":
    main()
