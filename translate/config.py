"""Project configuration from `[tool.translate]` in `pyproject.toml`.

The nearest `pyproject.toml` with a `[tool.translate]` table, searching upwards from the
working directory, defines the project. Outside a project the defaults apply relative to the
working directory. Command-line options override both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from translate.errors import ConfigError

DEFAULT_SOURCE_LANGUAGE = "en"
DEFAULT_TARGET_LANGUAGES = ("ar", "tr", "ru")
DEFAULT_SOURCES = ("seeds/*.txt",)
DEFAULT_LOCALES_DIR = "locales"
DEFAULT_GLOSSARY_DIR = "glossary"
# Derived data (memory index, run state): safe to delete, git-ignored.
DEFAULT_CACHE_DIR = ".dragoman-cache"
# TMX files imported as translation memory.
DEFAULT_MEMORY_DIR = "memory"
# Segments machine-translated and written per chunk of an archive run: a kill loses at most
# one chunk, and each chunk is one MT batch per language.
DEFAULT_CHUNK_SEGMENTS = 2000
SCHEDULER_ENVIRONMENT_VARIABLE = "DRAGOMAN_SCHEDULER"

_KNOWN_KEYS = {
    "source_language",
    "target_languages",
    "sources",
    "locales_dir",
    "glossary_dir",
    "allow_identical",
    "cache_dir",
    "memory_dir",
    "chunk_segments",
    "scheduler",
}


@dataclass(frozen=True)
class Config:
    """Resolved settings; paths are absolute."""

    root: Path
    source_language: str = DEFAULT_SOURCE_LANGUAGE
    target_languages: tuple[str, ...] = DEFAULT_TARGET_LANGUAGES
    sources: tuple[str, ...] = DEFAULT_SOURCES
    locales_dir: Path = field(default=Path(DEFAULT_LOCALES_DIR))
    glossary_dir: Path = field(default=Path(DEFAULT_GLOSSARY_DIR))
    # Terms `translate check` accepts unchanged in a translation (brands, product names).
    allow_identical: tuple[str, ...] = ()
    cache_dir: Path = field(default=Path(DEFAULT_CACHE_DIR))
    memory_dir: Path = field(default=Path(DEFAULT_MEMORY_DIR))
    chunk_segments: int = DEFAULT_CHUNK_SEGMENTS
    # A Dask scheduler address (tcp:// or tls://); None runs machine translation locally.
    scheduler: str | None = None
    pyproject: Path | None = None

    def source_paths(self) -> list[Path]:
        """The configured sources (files, folders, globs) under the project root, expanded."""
        from translate.source import source_files

        return source_files(self.sources, self.root)

    def display_path(self, path: Path) -> str:
        """`path` relative to the project root when inside it, POSIX-style, else absolute."""
        resolved = path.resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.as_posix()

    def with_overrides(
        self,
        *,
        locales_dir: Path | None = None,
        glossary_dir: Path | None = None,
        target_languages: tuple[str, ...] | None = None,
    ) -> Config:
        return replace(
            self,
            locales_dir=(locales_dir.resolve() if locales_dir else self.locales_dir),
            glossary_dir=(glossary_dir.resolve() if glossary_dir else self.glossary_dir),
            target_languages=target_languages or self.target_languages,
        )


def find_pyproject(start: Path) -> Path | None:
    """The nearest `pyproject.toml` holding `[tool.translate]`, from `start` upwards."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and _has_translate_table(candidate):
            return candidate
    return None


def _has_translate_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "translate" in data.get("tool", {})


def load_config(start: Path | None = None) -> Config:
    """Configuration for the project containing `start` (default: the working directory)."""
    start = (start or Path.cwd()).resolve()
    pyproject = find_pyproject(start)
    if pyproject is None:
        return _resolve(Config(root=start))
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(pyproject, getattr(error, "lineno", None), str(error)) from None
    table = data["tool"]["translate"]
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(pyproject, None, f"unknown key in [tool.translate]: {unknown[0]}")
    config = Config(
        root=pyproject.parent,
        source_language=_string(table, "source_language", DEFAULT_SOURCE_LANGUAGE, pyproject),
        target_languages=_strings(table, "target_languages", DEFAULT_TARGET_LANGUAGES, pyproject),
        sources=_strings(table, "sources", DEFAULT_SOURCES, pyproject),
        locales_dir=Path(_string(table, "locales_dir", DEFAULT_LOCALES_DIR, pyproject)),
        glossary_dir=Path(_string(table, "glossary_dir", DEFAULT_GLOSSARY_DIR, pyproject)),
        allow_identical=_strings(table, "allow_identical", (), pyproject, empty=True),
        cache_dir=Path(_string(table, "cache_dir", DEFAULT_CACHE_DIR, pyproject)),
        memory_dir=Path(_string(table, "memory_dir", DEFAULT_MEMORY_DIR, pyproject)),
        chunk_segments=_positive(table, "chunk_segments", DEFAULT_CHUNK_SEGMENTS, pyproject),
        scheduler=(_string(table, "scheduler", "", pyproject) if "scheduler" in table else None),
        pyproject=pyproject,
    )
    return _resolve(config)


def _resolve(config: Config) -> Config:
    return replace(
        config,
        locales_dir=(config.root / config.locales_dir).resolve(),
        glossary_dir=(config.root / config.glossary_dir).resolve(),
        cache_dir=(config.root / config.cache_dir).resolve(),
        memory_dir=(config.root / config.memory_dir).resolve(),
        scheduler=os.environ.get(SCHEDULER_ENVIRONMENT_VARIABLE) or config.scheduler,
    )


def _string(table: dict, key: str, default: str, path: Path) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(path, None, f"[tool.translate] {key} must be a non-empty string")
    return value


def _positive(table: dict, key: str, default: int, path: Path) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(path, None, f"[tool.translate] {key} must be a positive integer")
    return value


def _strings(
    table: dict, key: str, default: tuple[str, ...], path: Path, *, empty: bool = False
) -> tuple[str, ...]:
    value = table.get(key, list(default))
    if (
        not isinstance(value, list)
        or not (value or empty)
        or not all(isinstance(v, str) for v in value)
    ):
        raise ConfigError(path, None, f"[tool.translate] {key} must be a list of strings")
    return tuple(value)
