"""`translate models`: list, install and remove Argos Translate packages.

Also the engine options that the translating commands (`run`, `evaluate`) share, and the
function that turns them into `EngineSettings`.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from translate.cli.common import FormatOption, OutputFormat, QuietOption, diagnostics
from translate.engine import (
    ARGOS_BEAM_SIZE,
    DEFAULT_COMPUTE_TYPE,
    DEFAULT_MAX_BATCH_SIZE,
    EngineSettings,
    InstalledModels,
    physical_cores,
)
from translate.errors import InputError

if TYPE_CHECKING:
    from translate.cluster import ClusterModels
    from translate.packages import Installation
    from translate.pipeline import Progress

app = typer.Typer(
    name="models",
    help="List, install and remove the Argos Translate models used for machine translation.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

IndexOption = Annotated[
    str | None,
    typer.Option(
        "--index",
        metavar="URL",
        help="Package index: an http(s) or file:// URL prefix holding index.json, or a "
        "folder (an offline mirror). Default: ARGOS_PACKAGE_INDEX, else the public Argos index.",
    ),
]

# Engine options for the commands that translate ------------------------------------------

BeamSizeOption = Annotated[
    int, typer.Option("--beam-size", min=1, help="Beam search width (4, as Argos Translate).")
]
ThreadsOption = Annotated[
    int | None,
    typer.Option(
        "--threads",
        min=1,
        help="Batches translated in parallel, one CPU thread each (default: physical cores).",
    ),
]
BatchSizeOption = Annotated[
    int,
    typer.Option(
        "--batch-size",
        min=1,
        help=f"Segments per batch ({DEFAULT_MAX_BATCH_SIZE}: fastest measured on 2 cores).",
    ),
]
ComputeTypeOption = Annotated[
    str,
    typer.Option(
        "--compute-type",
        help="CTranslate2 compute type: int8 (default; the published models are int8), "
        "int8_float32, int16, float32.",
    ),
]


def engine_settings(
    beam_size: int = ARGOS_BEAM_SIZE,
    threads: int | None = None,
    batch_size: int = DEFAULT_MAX_BATCH_SIZE,
    compute_type: str = DEFAULT_COMPUTE_TYPE,
) -> EngineSettings:
    """`EngineSettings` from the engine options; use the option types above with these
    defaults, e.g. `beam_size: BeamSizeOption = ARGOS_BEAM_SIZE`."""
    return EngineSettings(
        beam_size=beam_size,
        compute_type=compute_type,
        inter_threads=threads or physical_cores(),
        max_batch_size=batch_size,
    )


SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Machine-translate on the Dask cluster of this scheduler, tcp://HOST:PORT or "
        "tls://HOST:PORT (default: DRAGOMAN_SCHEDULER, else scheduler in [tool.translate], "
        "else on this machine).",
        show_default=False,
    ),
]


@contextlib.contextmanager
def translation_models(
    scheduler: str | None, settings: EngineSettings, threads: int | None
) -> Iterator[InstalledModels | ClusterModels]:
    """The models a translating command uses: installed here, or on a cluster's workers
    (connected for the command and closed after it)."""
    if scheduler is None:
        yield InstalledModels(settings)
        return
    try:
        from translate.cluster import ClusterModels
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'dragoman[distributed]'") from None
    # Dask logs its reconnect attempts and worker losses on stderr, some of its loggers
    # with their own level; the command reports what matters in one line.
    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name.split(".")[0] == "distributed":
            logging.getLogger(name).setLevel(logging.CRITICAL)
    with ClusterModels(scheduler, settings, threads) as models:
        yield models


def models_status(models: InstalledModels | ClusterModels) -> Callable[[], str] | None:
    """What a progress bar shows about where MT runs: a cluster's number of workers."""
    return None if isinstance(models, InstalledModels) else models.status


def model_progress(models: InstalledModels | ClusterModels, quiet: bool) -> Progress:
    """The progress bars of a translating command; a cluster's also show its workers."""
    from translate.cli.progress import progress_bar

    status = models_status(models)
    return lambda description, total: progress_bar(description, total, quiet, status=status)


# Commands ----------------------------------------------------------------------------------


@app.command("list")
def list_command(
    available: Annotated[
        bool, typer.Option("--available", help="List the index's packages, not the installed.")
    ] = False,
    index: IndexOption = None,
    output_format: FormatOption = OutputFormat.text,
) -> None:
    """List installed models, or with --available the models the package index offers."""
    from translate.packages import available_packages, index_url, installed_packages, packages_dir

    installed = installed_packages()
    if available:
        offered = available_packages(index)
        versions = {package.pair: package.package_version for package in installed}
        if output_format is OutputFormat.json:
            entries = [
                package.as_json() | {"installed_version": versions.get(package.pair)}
                for package in offered
            ]
            _print_json(entries)
            return
        rows = [
            (
                package.pair,
                package.package_version,
                f"{package.from_name} → {package.to_name}",
                f"installed {versions[package.pair]}" if package.pair in versions else "",
            )
            for package in offered
        ]
        _print_table(rows)
        diagnostics().print(f"{len(offered)} packages in {index_url(index)}")
        return
    if output_format is OutputFormat.json:
        _print_json([package.as_json() for package in installed])
        return
    if not installed:
        diagnostics().print(
            f"no models installed in {packages_dir()}; install one with "
            "`translate models install en-ar` (see `translate models list --available`)"
        )
        return
    _print_table(
        [
            (
                package.pair,
                package.package_version,
                f"{package.from_name} → {package.to_name}",
                str(package.path),
            )
            for package in installed
        ]
    )


@app.command("install")
def install_command(
    pairs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PAIR", help="Language pairs to install from the index, e.g. en-ar."
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="PATH", help="Install a downloaded .argosmodel file."),
    ] = None,
    sha256: Annotated[
        str | None,
        typer.Option("--sha256", metavar="HEX", help="Expected SHA-256 of the --file archive."),
    ] = None,
    index: IndexOption = None,
    quiet: QuietOption = False,
) -> None:
    """Install models from the package index (or a mirror), or from a file.

    Archives are validated before anything is written and installed atomically; an
    installed older version of the pair is replaced.
    """
    from translate.packages import install_file, install_pairs, parse_pair

    if file is not None and pairs:
        raise InputError("give language pairs or --file, not both")
    if file is None and not pairs:
        raise InputError("name the pairs to install (e.g. en-ar en-tr en-ru) or give --file PATH")
    if sha256 is not None and file is None:
        raise InputError("--sha256 checks a --file archive")
    console = diagnostics(quiet)
    if file is not None:
        results = [install_file(file, sha256)]
    else:
        wanted = [parse_pair(pair) for pair in pairs or []]
        results = install_pairs(
            wanted,
            index,
            announce=lambda package: console.print(
                f"fetching {package.code} {package.package_version} from {package.links[0]}"
                + (f" (+{len(package.links) - 1} more)" if len(package.links) > 1 else "")
            ),
        )
    for result in results:
        typer.echo(_describe(result))


@app.command("remove")
def remove_command(
    pair: Annotated[str, typer.Argument(metavar="PAIR", help="The pair to remove, e.g. en-ar.")],
) -> None:
    """Remove an installed model."""
    from translate.packages import parse_pair, remove

    package = remove(*parse_pair(pair))
    typer.echo(f"removed {package.arrow} {package.package_version} from {package.path}")


def _describe(result: Installation) -> str:
    package = result.package
    if result.unchanged:
        return f"{package.arrow} {package.package_version} is already installed in {package.path}"
    if result.replaced is not None:
        return (
            f"installed {package.arrow} {package.package_version} in {package.path} "
            f"(replaced {result.replaced.package_version})"
        )
    return f"installed {package.arrow} {package.package_version} in {package.path}"


def _print_table(rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        typer.echo("  ".join([*cells, row[-1]]).rstrip())


def _print_json(entries: list[dict]) -> None:
    typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
