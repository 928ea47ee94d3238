"""A progress bar on stderr for long runs, shared by the commands that translate."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from translate.cli.common import diagnostics


@contextlib.contextmanager
def progress_bar(
    description: str,
    total: int,
    quiet: bool = False,
    status: Callable[[], str] | None = None,
) -> Iterator[Callable[[int], None]]:
    """Yield a callback that advances a bar of `total` segments by its argument.

    Fits `Engine.translate(texts, progress=...)`. The bar shows the throughput, and
    `status()` after it when given (a cluster's number of workers). With `--quiet`, or
    nothing to do, the callback does nothing; when stderr is not a terminal Rich prints only
    the final state.
    """
    if quiet or total <= 0:
        yield lambda advance: None
        return
    columns: list[ProgressColumn] = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Throughput(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    if status is not None:
        columns.append(_Status(status))
    with Progress(*columns, console=diagnostics()) as bar:
        task = bar.add_task(description, total=total)
        yield lambda advance: bar.advance(task, advance)


class ArchiveBar:
    """One bar across an archive run: articles done, segments done, MT rate and ETA.

    Implements `translate.archive.RunProgress`. It is shown on a terminal only, and goes
    when the run ends (the summary says what was done); with `--quiet`, never.
    """

    def __init__(
        self, articles: int, quiet: bool = False, status: Callable[[], str] | None = None
    ) -> None:
        self._console = diagnostics()
        self._status = status  # a cluster's workers, shown after the MT rate
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
        if self._status is not None:
            rate += f" on {self._status()}"
        self._bar.update(self._task, advance=articles, segments=self._segments, rate=rate)


class _Throughput(ProgressColumn):
    """Segments per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("– seg/s" if speed is None else f"{speed:.1f} seg/s")


class _Status(ProgressColumn):
    def __init__(self, status: Callable[[], str]) -> None:
        super().__init__()
        self._status = status

    def render(self, task: Task) -> Text:
        return Text(self._status())
