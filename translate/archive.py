"""`translate run` over an archive: the articles in chunks, each chunk written before the next.

Articles are taken in order and grouped into chunks of whole articles holding at most
`chunk_segments` segments (an article longer than that is a chunk of its own). Each chunk
goes through the stages of `pipeline.py`: plan against memory, machine-translate (one batch
per language), enforce the glossary, merge; then its templates and catalogs are written all
or nothing before the next chunk is read. So a kill loses at most the chunk in flight, and
the catalogs written are memory for the rest of the run and for the next one: a re-run
machine-translates nothing twice. A kill among a chunk's renames is completed by the next
run (`files.write_files` journals them), so no chunk is ever half written: if it were, the
re-run would plan the rest of it against the catalogs already written, taking as memory
what a clean run machine-translates in the same batch. An article whose inputs have not
changed since the last run is skipped (`translate.run_state` says when that is exact). Only
one chunk's sources, templates and catalogs are held at a time; the memory of translated
entries is the index on disk (`memory/index.py`), which each chunk's catalogs enter as they
are written.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from translate import GENERATOR
from translate.config import Config
from translate.errors import ModelError
from translate.files import catalog_path, catalog_paths, catalogs_lock
from translate.glossary.model import Glossary
from translate.memory import Memory
from translate.memory.index import MemoryIndex
from translate.memory.project import open_memory, remember, tmx_paths
from translate.mt import Translator
from translate.pipeline import (
    CatalogReport,
    Job,
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
from translate.run_state import ArticleState, RunState, article_key, digest, file_digest, run_state
from translate.source import read_bytes
from translate.terms import GlossaryStage


class RunProgress(Protocol):
    """What the run tells a progress display."""

    def articles_done(self, articles: int, segments: int) -> None: ...

    def translated(self, segments: int) -> None: ...


@dataclass
class RunReport:
    articles: int  # in the archive
    done: int = 0  # articles whose catalogs are written (or already were)
    skipped: int = 0  # articles whose inputs had not changed since the last run
    chunks: int = 0  # chunks written
    templates: list[Written] = field(default_factory=list)
    catalogs: list[CatalogReport] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C; the chunks written stay written

    @property
    def updated(self) -> int:
        """Articles processed (their files written where they changed)."""
        return self.done - self.skipped

    @property
    def origins(self) -> Counter[str]:
        """Entries of the catalogs processed, by where their translation came from."""
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
    the chunks before it written. An article whose inputs are unchanged since the last run
    is skipped: processing it would write what is there. Under `--mt require` a missing
    model fails before the first chunk. Ctrl-C stops the run: a chunk being written is
    finished, one being translated is dropped; `interrupted` says so and `done` how far the
    run got.
    """
    report = RunReport(articles=len(paths))
    translators = _Translators(config, mt, models, report.notices)
    translators.check(languages)
    limit = chunk_segments or config.chunk_segments
    with (
        catalogs_lock(config.locales_dir),
        open_memory(config, languages) as memory,
        run_state(config.cache_dir) as state,
    ):
        archive = _ArchiveRun(
            config, languages, glossary, translators, memory, state, report, progress
        )
        try:
            for chunk in _chunks(config, paths, limit, state):
                archive.chunk(chunk)
            archive.finish()
        except KeyboardInterrupt:
            report.interrupted = True
    return report


@dataclass
class _Article:
    """A source in the run: its content digest and segment count, and the source itself
    once read (an unchanged source whose count the state knows is not segmented)."""

    path: Path
    digest: str
    segments: int
    source: Source | None

    @property
    def stem(self) -> str:
        return self.path.stem


def _chunks(
    config: Config, paths: Sequence[Path], limit: int, state: RunState
) -> Iterator[list[_Article]]:
    """The articles one by one, grouped into chunks of whole articles of at most `limit`
    segments; only the chunk being filled is held. The chunks are the same whatever the
    state knows, so an incremental run sees the memory a run from scratch sees."""
    chunk: list[_Article] = []
    size = 0
    for path in paths:
        value = digest(read_bytes(path, config.display_path(path)))
        segments = state.segments(path, value)
        source = None
        if segments is None:
            source = load_source(config, path)
            segments = len(source.segments)
        if chunk and size + segments > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(_Article(path, value, segments, source))
        size += segments
    if chunk:
        yield chunk


class _ArchiveRun:
    """The stages applied chunk by chunk, and the state that lets unchanged articles be."""

    def __init__(
        self,
        config: Config,
        languages: Sequence[str],
        glossary: Glossary | None,
        translators: _Translators,
        memory: MemoryIndex,
        state: RunState,
        report: RunReport,
        progress: RunProgress | None,
    ) -> None:
        self.config = config
        self.languages = languages
        self.glossary = glossary
        self.translators = translators
        self.state = state
        self.report = report
        self.progress = progress
        self.memory = memory
        # What decides every article's output besides its files, memory and the model.
        self.settings = "\0".join(
            (GENERATOR, config.source_language, glossary.version if glossary else "")
        )
        memory_files = tmx_paths(config)
        for language in languages:
            files = catalog_paths(config, language) + memory_files
            state.observe_catalogs(language, {path: file_digest(path) for path in files})

    def chunk(self, articles: list[_Article]) -> None:
        mark = self.state.seq  # the memory this chunk sees: every catalog up to here
        checked: list[tuple[str, str, ArticleState]] = []
        pending = [a for a in articles if not self._unchanged(a, mark, checked)]
        digests = {a.stem: a.digest for a in pending}
        jobs: list[Job] = []
        if pending:
            sources = [a.source or load_source(self.config, a.path) for a in pending]
            jobs = self._process(sources, mark)
            for article, source in zip(pending, sources, strict=True):
                self.state.record_source(article.path, article.digest, len(source.segments))
        for stem, language, row in checked:
            self.state.record_article(stem, language, row)
        for job in jobs:
            lacking = tuple(sorted({unit.msgid for unit in job.units if unit.needs_translation}))
            key = self._key(job.source.stem, job.language, digests[job.source.stem], lacking)
            self.state.record_article(
                job.source.stem, job.language, ArticleState(key, lacking, mark)
            )
        with _interrupt_deferred():
            self.state.commit()
        self.report.done += len(articles)
        self.report.skipped += len(articles) - len(pending)
        self.report.chunks += 1
        if self.progress:
            self.progress.articles_done(len(articles), sum(a.segments for a in articles))

    def _unchanged(
        self, article: _Article, mark: int, checked: list[tuple[str, str, ArticleState]]
    ) -> bool:
        """Whether processing the article would write what is there: for every language its
        key is the one recorded, and no catalog newer than the memory its lacking msgids were
        looked up in has a match for one of them (lookups done now are added to `checked`)."""
        found: list[tuple[str, str, ArticleState]] = []
        for language in self.languages:
            row = self.state.article(article.stem, language)
            if row is None or row.key != self._key(
                article.stem, language, article.digest, row.lacking
            ):
                return False
            if not row.lacking or row.checked >= mark:
                continue
            if self._found(language, row):
                return False
            found.append((article.stem, language, replace(row, checked=mark)))
        checked += found
        return True

    def _key(self, stem: str, language: str, source: str, lacking: Sequence[str]) -> str:
        """Everything but memory that decides the article's catalog in `language`: the source,
        template and catalog by content, the settings and glossary, and the model, which
        matters only while some entry lacks a translation."""
        return article_key(
            source,
            file_digest(self.config.locales_dir / f"{stem}.pot"),
            file_digest(catalog_path(self.config, language, stem)),
            self.settings,
            self.translators.provenance(language) if lacking else "",
        )

    def _process(self, chunk: list[Source], mark: int) -> list[Job]:
        config = self.config
        # A glossary stage per chunk: it remembers the names found in every text it saw.
        terms = GlossaryStage(self.glossary) if self.glossary is not None else None
        templates = annotated_templates(config, chunk, terms, self.glossary)
        old_templates = existing_templates(config, chunk)
        jobs = plan_jobs(
            config,
            chunk,
            self.languages,
            templates,
            terms,
            self.memory.memory,
        )
        for language in self.languages:
            language_jobs = [job for job in jobs if job.language == language]
            translator = self.translators.get(language, language_jobs)
            if translator is not None:
                advance = self.progress.translated if self.progress else None
                machine_translate(language_jobs, translator, terms, advance)
        items = [
            (template_path(config, s), templates[s.stem], old_templates.get(s.stem)) for s in chunk
        ]
        catalogs = [(job.path, merge_job(job), job.existing) for job in jobs]
        with _interrupt_deferred():
            written = write_catalogs(config, items + catalogs)
        # The catalogs written now are memory newer than `mark`, for the articles after them.
        self.state.seq = mark + 1
        for job, (path, catalog, _), result in zip(
            jobs, catalogs, written[len(chunk) :], strict=True
        ):
            remember(self.memory, config, path, catalog, job.language)
            if result.changed:
                self.state.wrote_catalog(path, job.language, file_digest(path))
        self.report.templates += written[: len(chunk)]
        self.report.catalogs += [
            catalog_report(job, result.changed)
            for job, result in zip(jobs, written[len(chunk) :], strict=True)
        ]
        return jobs

    def _found(self, language: str, row: ArticleState) -> bool:
        """Whether memory now has a match for a msgid the article lacks. Only catalogs newer
        than its last lookup can hold one (else planning would have taken it then), so with
        none there is nothing to look up."""
        if not self.state.changed_since(language, row.checked):
            return False
        memory = self.memory.memory(language)
        return any(_has_match(memory, msgid) for msgid in row.lacking)

    def finish(self) -> None:
        """Look the lacking msgids of every article up in the memory the run ends with, so
        that the next run needs no lookups unless catalogs change in between."""
        seq = self.state.seq
        for language in self.languages:
            for stem, row in self.state.unchecked(language, seq):
                if not self._found(language, row):
                    self.state.record_article(stem, language, replace(row, checked=seq))
        with _interrupt_deferred():
            self.state.commit()


def _has_match(memory: Memory, msgid: str) -> bool:
    """Whether planning would take something from `memory` for an untranslated `msgid`."""
    return memory.exact(msgid) is not None or memory.closest(msgid) is not None


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

    def get(self, language: str, jobs: Sequence[Job]) -> Translator | None:
        """The model for `language` if these jobs have entries to translate and MT is on."""
        if not any(unit.needs_translation for job in jobs for unit in job.units):
            return None
        return self._load(language)

    def provenance(self, language: str) -> str:
        """Which model would translate into `language` (loading it), or why none would."""
        translator = self._load(language)
        if translator is not None:
            return translator.provenance
        return "mt off" if self._mt is MtPolicy.off or self._models is None else "no model"

    def _load(self, language: str) -> Translator | None:
        if self._mt is MtPolicy.off or self._models is None:
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
    """Ctrl-C while a chunk's files are renamed into place (or its state recorded) takes
    effect once that is done, so an interrupt never leaves a chunk half written. A run
    started with Ctrl-C ignored (`nohup`, a background job of a script) keeps ignoring it."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    ):
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
