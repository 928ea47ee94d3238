"""A project's memory: its sources (the catalogs of the locales folder, the TMX files of the
memory folder) found on disk, read, and kept in the index at `<cache_dir>/memory.sqlite3`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from translate import __version__
from translate.catalog import Catalog, Include
from translate.config import Config
from translate.errors import InputError
from translate.files import catalog_paths, load_catalog, write_files
from translate.memory.index import INDEX_NAME, MemoryIndex, SourceFile, Unit
from translate.memory.model import Kind, remembered
from translate.memory.tmx import Translation, read_tmx, tmx_date, write_tmx


def open_memory(config: Config, languages: Sequence[str]) -> MemoryIndex:
    """The project's memory index, brought up to date with the catalogs of `languages`.

    The index is a cache: when SQLite finds it damaged, it is deleted and built again from
    the sources. A catalog that does not parse raises `CatalogError` and the index keeps
    what it held."""
    path = config.cache_dir / INDEX_NAME
    try:
        index = MemoryIndex(path)
        _sync(index, config, languages)
    except sqlite3.DatabaseError:
        path.unlink(missing_ok=True)
        index = MemoryIndex(path)
        _sync(index, config, languages)
    return index


def _sync(index: MemoryIndex, config: Config, languages: Sequence[str]) -> None:
    try:
        index.sync(source_files(config, languages), lambda f: read_units(config, f), languages)
    except BaseException:
        index.close()
        raise


def remember(
    index: MemoryIndex, config: Config, path: Path, catalog: Catalog, language: str
) -> None:
    """Index a catalog the run has just written at `path`, from what it wrote."""
    file = SourceFile(path, config.display_path(path), Kind.catalog, language)
    index.replace(file, catalog_units(catalog, language))


def source_files(config: Config, languages: Sequence[str]) -> list[SourceFile]:
    """The catalogs of `languages`, then the TMX files of the memory folder."""
    return [
        SourceFile(path, display, Kind.catalog, language)
        for language in languages
        for path, display in _displayed(config, catalog_paths(config, language))
    ] + [
        SourceFile(path, display, Kind.tmx, None)
        for path, display in _displayed(config, tmx_paths(config))
    ]


def _displayed(config: Config, paths: Sequence[Path]) -> Iterable[tuple[Path, str]]:
    """Each path with `config.display_path(path)`, resolving each folder once rather than
    every file (thousands of catalogs in one folder), except for a file that is a link."""
    folders: dict[Path, str] = {}
    for path in paths:
        if path.is_symlink():
            yield path, config.display_path(path)
            continue
        if path.parent not in folders:
            folders[path.parent] = config.display_path(path.parent)
        folder = folders[path.parent]
        yield path, path.name if folder == "." else f"{folder}/{path.name}"


def tmx_paths(config: Config) -> list[Path]:
    return [path for path in sorted(config.memory_dir.glob("*.tmx")) if path.is_file()]


def read_units(config: Config, file: SourceFile) -> Iterable[Unit]:
    if file.language is not None:
        return catalog_units(load_catalog(file.path, file.display), file.language)
    # A TMX unit feeds every project language it has a translation in; never "reviewed".
    return (
        Unit(unit.source, target, language, reviewed=False, created=unit.created)
        for unit in read_tmx(
            file.path, file.display, config.source_language, config.target_languages
        )
        for language, target in unit.targets.items()
    )


def catalog_units(catalog: Catalog, language: str) -> list[Unit]:
    return [
        Unit(message.msgid, message.msgstr, language, reviewed=not message.fuzzy)
        for message in remembered(catalog)
    ]


def export_tmx(config: Config, languages: Sequence[str], include: Include) -> bytes:
    """The catalogs' translations of `languages` that `include` admits, as TMX 1.4b: one
    unit per source, the reviewed translation of each language first, else the first found
    in path order."""
    units: dict[str, dict[str, Translation]] = {}
    for language in languages:
        for path in catalog_paths(config, language):
            catalog = load_catalog(path, config.display_path(path))
            changed = tmx_date(catalog.header_field("PO-Revision-Date") or "")
            for message in remembered(catalog):
                if not include.admits(message):
                    continue
                found = units.setdefault(message.msgid, {})
                current = found.get(language)
                if current is None or (not message.fuzzy and not current.reviewed):
                    found[language] = Translation(
                        language, message.msgstr, not message.fuzzy,
                        config.display_path(path), changed,
                    )  # fmt: skip
    return write_tmx(
        ((source, list(found.values())) for source, found in units.items()),
        config.source_language,
        __version__,
        {"x-dragoman-include": include.value, "x-dragoman-languages": ",".join(languages)},
    )


def import_tmx(config: Config, paths: Sequence[Path]) -> list[tuple[Path, int]]:
    """Check each TMX file whole, then copy them all into the memory folder (all or none).
    Returns each destination with the number of units the project can use."""
    staged: list[tuple[Path, bytes]] = []
    counted: list[tuple[Path, int]] = []
    for path in paths:
        display = config.display_path(path)
        units = sum(
            1 for _ in read_tmx(path, display, config.source_language, config.target_languages)
        )
        if not units:
            raise InputError(
                f"{display}: no unit has a source in {config.source_language} and a "
                f"translation into {', '.join(config.target_languages)}"
            )
        target = config.memory_dir / path.name
        data = path.read_bytes()
        if target.exists() and target.read_bytes() != data:
            raise InputError(
                f"{display}: {config.display_path(target)} already exists with other content; "
                "rename the file to import it beside it"
            )
        staged.append((target, data))
        counted.append((target, units))
    write_files(staged, config.display_path)
    return counted
