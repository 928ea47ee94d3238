"""The jobs the CLI runs, assembled from the stages; files are touched only here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translate.catalog import Catalog
from translate.config import Config
from translate.errors import InputError
from translate.files import load_catalog, save_catalog
from translate.segment import Segment, segment_document
from translate.source import Document, read_document
from translate.template import build_template, keep_volatile_fields, same_content


@dataclass(frozen=True)
class Source:
    """A source article read, validated and segmented."""

    path: Path
    document: Document
    segments: list[Segment]

    @property
    def stem(self) -> str:
        return self.document.stem


@dataclass(frozen=True)
class Written:
    """A file the job produced; `changed` is False when it already held that content."""

    path: Path
    changed: bool


def resolve_sources(config: Config, arguments: Sequence[Path]) -> list[Path]:
    if arguments:
        return [Path(argument) for argument in arguments]
    paths = config.source_paths()
    if not paths:
        patterns = ", ".join(config.sources)
        raise InputError(f"{config.root}: no source files match {patterns}")
    return paths


def load_sources(config: Config, paths: Sequence[Path]) -> list[Source]:
    """Read and segment every source before anything is written, so bad input writes nothing."""
    sources: list[Source] = []
    stems: dict[str, Path] = {}
    for path in paths:
        document = read_document(path, config.display_path(path))
        if document.stem in stems and stems[document.stem] != path.resolve():
            raise InputError(
                f"{document.name}: same name as {config.display_path(stems[document.stem])}; "
                "both would write the catalogs for domain " + repr(document.stem)
            )
        stems[document.stem] = path.resolve()
        sources.append(Source(path=path, document=document, segments=segment_document(document)))
    return sources


def template_path(config: Config, source: Source) -> Path:
    return config.locales_dir / f"{source.stem}.pot"


def write_catalog(path: Path, catalog: Catalog) -> Written:
    """Save `catalog` at `path`, leaving the file untouched when only volatile fields differ."""
    if path.exists():
        old = load_catalog(path)
        if same_content(old, catalog):
            keep_volatile_fields(old, catalog)
    return Written(path=path, changed=save_catalog(path, catalog))


def extract(config: Config, sources: Sequence[Source]) -> list[Written]:
    """Write one POT template per source into the locales folder."""
    return [
        write_catalog(
            template_path(config, source),
            build_template(
                source.segments, source.document.name, source.stem, config.source_language
            ),
        )
        for source in sources
    ]
