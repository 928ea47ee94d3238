"""A progress bar on stderr for long runs, shared by the commands that translate."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from translate.cli.common import diagnostics


@contextlib.contextmanager
def progress_bar(
    description: str, total: int, quiet: bool = False
) -> Iterator[Callable[[int], None]]:
    """Yield a callback that advances a bar of `total` steps by its argument.

    Fits `Engine.translate(texts, progress=...)`. With `--quiet`, or nothing to do, the
    callback does nothing; when stderr is not a terminal Rich prints only the final state.
    """
    if quiet or total <= 0:
        yield lambda advance: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=diagnostics()) as bar:
        task = bar.add_task(description, total=total)
        yield lambda advance: bar.advance(task, advance)


class ArchiveBar:
    """One bar across an archive run: articles done, segments done, MT rate and ETA.

    Implements `translate.archive.RunProgress`. It is shown on a terminal only, and goes
    when the run ends (the summary says what was done); with `--quiet`, never.
    """

    def __init__(self, articles: int, quiet: bool = False) -> None:
        self._console = diagnostics()
        self._quiet = quiet or articles <= 0 or not self._console.is_terminal
        self._articles = articles
        self._segments = 0
        self._translated = 0
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> ArchiveBar:
        if self._quiet:
            return self
        columns = (
            TextColumn("articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[segments]} segments, MT {task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        self._bar = Progress(*columns, console=self._console, transient=True)
        self._bar.__enter__()
        self._task = self._bar.add_task("run", total=self._articles, segments=0, rate="–")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def articles_done(self, articles: int, segments: int) -> None:
        self._segments += segments
        self._update(articles)

    def translated(self, segments: int) -> None:
        self._translated += segments
        self._update(0)

    def _update(self, articles: int) -> None:
        if self._bar is None:
            return
        elapsed = self._bar.tasks[0].elapsed or 0.0
        rate = f"{self._translated / elapsed:.1f} seg/s" if self._translated and elapsed else "–"
        self._bar.update(self._task, advance=articles, segments=self._segments, rate=rate)
