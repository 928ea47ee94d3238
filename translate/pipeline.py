"""The jobs the CLI runs, assembled from the stages; files are touched only here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from translate.catalog import Catalog
from translate.config import Config
from translate.errors import InputError
from translate.evaluate import Evaluation, reviewed_references, score
from translate.files import (
    JOURNAL_NAME,
    catalog_path,
    catalogs_lock,
    load_catalog,
    save_catalogs,
)
from translate.glossary.model import Glossary
from translate.memory import Memory
from translate.merge import Origin, Unit, merge_catalog, plan_units
from translate.mt import Translator, translate_segments
from translate.segment import Segment, segment_document
from translate.source import Document, read_document, source_files
from translate.template import (
    GLOSSARY_FIELD,
    MT_FIELD,
    build_template,
    po_header,
    po_header_comments,
)
from translate.terms import GlossaryStage


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
    """The source files of the arguments, else of `sources` in the config: each a file, a
    folder (its `*.txt` files, recursively, sorted) or a glob. Two files with the same stem
    would write the same catalogs: an `InputError` naming both, before anything is read."""
    if arguments:
        paths = source_files([str(argument) for argument in arguments], Path.cwd())
    else:
        paths = config.source_paths()
    stems: dict[str, Path] = {}
    for path in paths:
        first = stems.setdefault(path.stem, path)
        if first != path:
            raise InputError(
                f"{config.display_path(path)}: same name as {config.display_path(first)}; "
                "both would write the catalogs for domain " + repr(path.stem)
            )
    return paths


def load_source(config: Config, path: Path) -> Source:
    """Read, validate and segment one source article."""
    document = read_document(path, config.display_path(path))
    return Source(path=path, document=document, segments=segment_document(document))


def load_sources(config: Config, paths: Sequence[Path]) -> list[Source]:
    """Read and segment every source before anything is written, so bad input writes nothing."""
    return [load_source(config, path) for path in paths]


def template_path(config: Config, source: Source) -> Path:
    return config.locales_dir / f"{source.stem}.pot"


def build_templates(config: Config, sources: Sequence[Source]) -> dict[str, Catalog]:
    """The POT catalog of each source, by stem."""
    return {
        source.stem: build_template(
            source.segments, source.document.name, source.stem, config.source_language
        )
        for source in sources
    }


def existing_templates(config: Config, sources: Sequence[Source]) -> dict[str, Catalog]:
    """The POT files already there, read (and so validated) before anything is written."""
    found: dict[str, Catalog] = {}
    for source in sources:
        path = template_path(config, source)
        if path.exists():
            found[source.stem] = load_catalog(path, config.display_path(path))
    return found


def write_catalogs(
    config: Config, items: Sequence[tuple[Path, Catalog, Catalog | None]]
) -> list[Written]:
    """Save each `(path, catalog, old)`, `old` being what the file holds, all or nothing:
    every catalog is encoded before the first write, and a file whose content would change
    only in volatile header fields is left as it is. The caller holds the catalogs' lock:
    the renames are journalled, so a kill among them is completed by the next run."""
    journal = config.locales_dir / JOURNAL_NAME
    changed = save_catalogs(items, config.display_path, journal)
    return [Written(path, flag) for (path, _, _), flag in zip(items, changed, strict=True)]


def extract(config: Config, sources: Sequence[Source]) -> list[Written]:
    """Write one POT template per source into the locales folder, under its lock."""
    with catalogs_lock(config.locales_dir):
        old = existing_templates(config, sources)
        templates = build_templates(config, sources)
        return write_catalogs(
            config,
            [
                (template_path(config, source), templates[source.stem], old.get(source.stem))
                for source in sources
            ],
        )


# ---------------------------------------------------------------------------------------------
# translate run: segment → reuse memory → machine-translate → enforce glossary → merge → write


class ModelProvider(Protocol):
    """Finds and loads translation models for language pairs."""

    def available(self, source_language: str, target_language: str) -> bool: ...

    def load(self, source_language: str, target_language: str) -> Translator: ...

    def missing_message(self, source_language: str, target_language: str) -> str: ...


class MtPolicy(StrEnum):
    auto = "auto"  # translate where a model is installed, else leave entries untranslated
    require = "require"  # fail before writing anything when a model is missing
    off = "off"  # never machine-translate


@dataclass(frozen=True)
class CatalogReport:
    path: Path
    language: str
    changed: bool
    origins: dict[str, int]
    enforced: int = 0  # machine translations whose glossary names all verified
    with_names: int = 0  # machine translations of segments that name glossary concepts


@dataclass
class Job:
    """One (source, language) catalog being produced."""

    source: Source
    language: str
    path: Path
    template: Catalog
    existing: Catalog | None
    units: list[Unit]
    provenance: dict[str, str] = field(default_factory=dict)
    enforced: int = 0
    with_names: int = 0


Progress = Callable[[str, int], AbstractContextManager[Callable[[int], None]]]


def _bar(
    progress: Progress | None, language: str, total: int
) -> AbstractContextManager[Callable[[int], None] | None]:
    """The progress bar for translating `total` segments into `language`, if one is wanted."""
    return progress(f"en→{language}", total) if progress else nullcontext(None)


def annotated_templates(
    config: Config,
    sources: Sequence[Source],
    terms: GlossaryStage | None,
    glossary: Glossary | None,
) -> dict[str, Catalog]:
    """The POT catalog of each source, by stem, with the glossary's comments and version."""
    templates = build_templates(config, sources)
    if terms is None or glossary is None:
        return templates
    annotated = {stem: terms.annotate(t, None) for stem, t in templates.items()}
    for template in annotated.values():
        template.set_header_field(GLOSSARY_FIELD, glossary.version)
    return annotated


def plan_jobs(
    config: Config,
    sources: Sequence[Source],
    languages: Sequence[str],
    templates: dict[str, Catalog],
    terms: GlossaryStage | None,
    memory: Callable[[str], Memory],
) -> list[Job]:
    """A job per source and language: its catalog read (and so validated) and its entries
    planned against `memory(language)`, before any machine translation."""
    jobs: list[Job] = []
    for language in languages:
        lookup = memory(language)
        for source in sources:
            path = catalog_path(config, language, source.stem)
            template = templates[source.stem]
            if terms is not None:
                template = terms.annotate(template, language)
            existing = load_catalog(path, config.display_path(path)) if path.exists() else None
            jobs.append(
                Job(
                    source=source,
                    language=language,
                    path=path,
                    template=template,
                    existing=existing,
                    units=plan_units(template, existing, lookup),
                )
            )
    return jobs


def machine_translate(
    jobs: Sequence[Job],
    translator: Translator,
    terms: GlossaryStage | None,
    advance: Callable[[int], None] | None = None,
) -> None:
    """Translate every pending unit of one language in one batched call; `advance` is told
    how many segments are done as batches finish."""
    units = [unit for job in jobs for unit in job.units if unit.needs_translation]
    if not units:
        return
    language = jobs[0].language
    first = _first_mentions(jobs, terms) if terms is not None else {}
    results = translate_segments(
        [unit.msgid for unit in units],
        language,
        translator,
        terms,
        advance,
        first=[first.get(id(unit), frozenset()) for unit in units],
    )
    note = f"Machine translation ({translator.provenance}); review before use."
    owner = {id(unit): job for job in jobs for unit in job.units}
    for unit, result in zip(units, results, strict=True):
        if not result.text:
            continue
        unit.origin, unit.translation, unit.fuzzy = Origin.machine, result.text, True
        unit.translator_comments = [
            *unit.translator_comments,
            note,
            *(f"MT quality: {flag}" for flag in result.flags),
            *(f"Glossary: {problem}" for problem in result.problems),
        ]
        job = owner[id(unit)]
        job.provenance[MT_FIELD] = translator.provenance
        if result.names:
            job.with_names += 1
            job.enforced += result.glossary_clean


def _first_mentions(jobs: Sequence[Job], terms: GlossaryStage) -> dict[int, frozenset[str]]:
    """The concepts at their first mention in each unit (by `id`), per catalog: the units
    already translated count with their translations, the others with their sources."""
    first: dict[int, frozenset[str]] = {}
    for job in jobs:
        entries = [(unit.template, unit.translation) for unit in job.units]
        for unit, concepts in zip(
            job.units, terms.first_mentions(entries, job.language), strict=True
        ):
            if concepts:
                first[id(unit)] = concepts
    return first


def merge_job(job: Job) -> Catalog:
    header = po_header(
        job.existing.header if job.existing else [],
        job.template.header,
        job.language,
        job.provenance,
    )
    catalog = merge_catalog(job.template, job.existing, job.units, header)
    if job.existing is None:
        catalog.header_comments = po_header_comments(job.source.document.name, job.language)
    return catalog


def catalog_report(job: Job, changed: bool) -> CatalogReport:
    origins: dict[str, int] = {}
    for unit in job.units:
        origins[unit.origin.value] = origins.get(unit.origin.value, 0) + 1
    return CatalogReport(
        path=job.path,
        language=job.language,
        changed=changed,
        origins=origins,
        enforced=job.enforced,
        with_names=job.with_names,
    )


# ---------------------------------------------------------------------------------------------
# translate evaluate: machine-translate the sources, score against reviewed catalogs


def evaluate(
    config: Config,
    sources: Sequence[Source],
    languages: Sequence[str],
    references: Path,
    *,
    models: ModelProvider,
    glossary: Glossary | None = None,
    enforce: bool = True,
    progress: Progress | None = None,
) -> list[Evaluation]:
    """Score MT of every source against the reviewed entries of `references/<lang>/…`.

    Catalogs are only read. The MT stage is the one `run` uses, glossary enforcement included
    unless `enforce` is False.
    """
    terms = GlossaryStage(glossary) if glossary is not None else None
    reviewed = config.with_overrides(locales_dir=references)
    plan: list[tuple[str, list]] = []
    for language in languages:
        pairs = []
        for source in sources:
            path = catalog_path(reviewed, language, source.stem)
            catalog = load_catalog(path, config.display_path(path))
            pairs.extend(reviewed_references(catalog, [s.text for s in source.segments]))
        if not pairs:
            where = config.display_path(references / language)
            raise InputError(f"{where}: no reviewed translations of these sources to score")
        plan.append((language, pairs))
    evaluations: list[Evaluation] = []
    for language, pairs in plan:
        translator = models.load(config.source_language, language)
        with _bar(progress, language, len(pairs)) as advance:
            results = translate_segments(
                [pair.source for pair in pairs],
                language,
                translator,
                terms,
                advance,
                enforce=enforce,
            )
        evaluations.append(score(language, translator.provenance, pairs, results))
    return evaluations
