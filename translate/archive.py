"""`translate run` over an archive: the articles in chunks, each chunk written before the next.

Articles are taken in order and grouped into chunks of whole articles holding at most
`chunk_segments` segments (an article longer than that is a chunk of its own). Each chunk
goes through the stages of `pipeline.py`: plan against memory, machine-translate (one batch
per language), enforce the glossary, merge; then its templates and catalogs are written all
or nothing before the next chunk is read. So a kill loses at most the chunk in flight, and
the catalogs written are memory for the rest of the run and for the next one: a re-run
machine-translates nothing twice. Only one chunk's sources, templates and catalogs are held
at a time; the memory of translated entries is the index on disk (`memory/index.py`), which
each chunk's catalogs enter as they are written.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from translate.config import Config
from translate.errors import ModelError
from translate.files import catalogs_lock
from translate.glossary.model import Glossary
from translate.memory.project import open_memory, remember
from translate.mt import Translator
from translate.pipeline import (
    CatalogReport,
    ModelProvider,
    MtPolicy,
    Source,
    Written,
    annotated_templates,
    catalog_report,
    existing_templates,
    load_source,
    machine_translate,
    merge_job,
    plan_jobs,
    template_path,
    write_catalogs,
)
from translate.terms import GlossaryStage


class RunProgress(Protocol):
    """What the run tells a progress display."""

    def articles_done(self, articles: int, segments: int) -> None: ...

    def translated(self, segments: int) -> None: ...


@dataclass
class RunReport:
    articles: int  # in the archive
    done: int = 0  # articles whose catalogs are written (or already were)
    chunks: int = 0  # chunks written
    templates: list[Written] = field(default_factory=list)
    catalogs: list[CatalogReport] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C; the chunks written stay written

    @property
    def origins(self) -> Counter[str]:
        """Entries of the catalogs written, by where their translation came from."""
        total: Counter[str] = Counter()
        for entry in self.catalogs:
            total.update(entry.origins)
        return total


def run(
    config: Config,
    paths: Sequence[Path],
    languages: Sequence[str],
    *,
    mt: MtPolicy = MtPolicy.auto,
    models: ModelProvider | None = None,
    glossary: Glossary | None = None,
    chunk_segments: int | None = None,
    progress: RunProgress | None = None,
) -> RunReport:
    """Produce or update the templates and catalogs of the articles at `paths` × `languages`.

    Each chunk is read, planned, translated, merged and encoded before its first write, and
    its files are then written all or nothing (`write_catalogs`): bad input, text that cannot
    be encoded, a full disk or a read-only folder leave the chunk's files as they were, and
    the chunks before it written. Under `--mt require` a missing model fails before the
    first chunk. Ctrl-C stops the run: a chunk being written is finished, one being
    translated is dropped; `interrupted` says so and `done` how far the run got.
    """
    report = RunReport(articles=len(paths))
    terms = GlossaryStage(glossary) if glossary is not None else None
    limit = chunk_segments or config.chunk_segments
    translators = _Translators(config, mt, models, report.notices)
    translators.check(languages)
    with catalogs_lock(config.locales_dir), open_memory(config, languages) as memory:
        try:
            for chunk in _chunks(config, paths, limit):
                templates = annotated_templates(config, chunk, terms, glossary)
                old_templates = existing_templates(config, chunk)
                jobs = plan_jobs(
                    config,
                    chunk,
                    languages,
                    templates,
                    terms,
                    memory.memory,
                )
                for language in languages:
                    language_jobs = [job for job in jobs if job.language == language]
                    translator = translators.get(language, language_jobs)
                    if translator is not None:
                        advance = progress.translated if progress else None
                        machine_translate(language_jobs, translator, terms, advance)
                items = [
                    (template_path(config, s), templates[s.stem], old_templates.get(s.stem))
                    for s in chunk
                ]
                catalogs = [(job.path, merge_job(job), job.existing) for job in jobs]
                with _interrupt_deferred():
                    written = write_catalogs(config, items + catalogs)
                for job, (path, catalog, _) in zip(jobs, catalogs, strict=True):
                    remember(memory, config, path, catalog, job.language)
                report.templates += written[: len(chunk)]
                report.catalogs += [
                    catalog_report(job, result.changed)
                    for job, result in zip(jobs, written[len(chunk) :], strict=True)
                ]
                report.done += len(chunk)
                report.chunks += 1
                if progress:
                    progress.articles_done(len(chunk), sum(len(s.segments) for s in chunk))
        except KeyboardInterrupt:
            report.interrupted = True
    return report


def _chunks(config: Config, paths: Sequence[Path], limit: int) -> Iterator[list[Source]]:
    """The articles read and segmented one by one, grouped into chunks of whole articles of
    at most `limit` segments; only the chunk being filled is held."""
    chunk: list[Source] = []
    size = 0
    for path in paths:
        source = load_source(config, path)
        if chunk and size + len(source.segments) > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(source)
        size += len(source.segments)
    if chunk:
        yield chunk


class _Translators:
    """The run's models, one per language, loaded when a chunk first needs one."""

    def __init__(
        self, config: Config, mt: MtPolicy, models: ModelProvider | None, notices: list[str]
    ) -> None:
        self._source = config.source_language
        self._mt = mt
        self._models = models
        self._notices = notices
        self._loaded: dict[str, Translator | None] = {}

    def check(self, languages: Sequence[str]) -> None:
        """Before anything is written, ask the provider about every language: under
        `--mt require` a missing model is a `ModelError`, and a cluster refuses a worker
        without a model or with another version than the others (`translate.cluster`)."""
        if self._mt is MtPolicy.off or self._models is None:
            return
        for language in languages:
            available = self._models.available(self._source, language)
            if not available and self._mt is MtPolicy.require:
                raise ModelError(self._models.missing_message(self._source, language))

    def get(self, language: str, jobs: Sequence) -> Translator | None:
        """The model for `language` if these jobs have entries to translate and MT is on."""
        if self._mt is MtPolicy.off or self._models is None:
            return None
        if not any(unit.needs_translation for job in jobs for unit in job.units):
            return None
        if language not in self._loaded:
            if self._models.available(self._source, language):
                self._loaded[language] = self._models.load(self._source, language)
            else:
                self._loaded[language] = None
                self._notices.append(
                    self._models.missing_message(self._source, language)
                    + "; its untranslated entries stay empty"
                )
        return self._loaded[language]


@contextlib.contextmanager
def _interrupt_deferred() -> Iterator[None]:
    """Ctrl-C while a chunk's files are renamed into place takes effect once they all are,
    so a chunk is never left half written by an interrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *frame: pressed.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt
