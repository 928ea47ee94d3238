"""A project's memory: its sources (the catalogs of the locales folder, the TMX files of the
memory folder) found on disk, read, and kept in the index at `<cache_dir>/memory.sqlite3`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from translate.catalog import Catalog
from translate.config import Config
from translate.files import catalog_paths, load_catalog
from translate.memory.index import INDEX_NAME, MemoryIndex, SourceFile, Unit
from translate.memory.model import Kind, remembered
from translate.memory.tmx import read_tmx


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
        SourceFile(path, config.display_path(path), Kind.catalog, language)
        for language in languages
        for path in catalog_paths(config, language)
    ] + [SourceFile(path, config.display_path(path), Kind.tmx, None) for path in tmx_paths(config)]


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
