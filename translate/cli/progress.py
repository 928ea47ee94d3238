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
