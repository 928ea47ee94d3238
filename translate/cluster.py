"""Machine translation on a Dask cluster: a `ModelProvider` whose translators send batches of
segments to Dask workers (`translate run --scheduler tcp://HOST:PORT`).

Who does what:

* The client, where `translate` runs, does everything a local run does except the model's
  work: it reads the sources, plans, consults memory, protects glossary names
  (`mt.translate_segments`), restores and verifies them, merges, and writes every file under
  the catalogs' lock. Review safety is exactly as it is locally, and a worker never sees the
  glossary or a catalog.
* Workers only turn already-protected segments into `MachineTranslation`s with an `Engine`.
  Each worker process keeps its engines in a WorkerPlugin (`EngineCache`): a model is loaded
  once per worker, with the run's engine settings, and kept for the next tasks and runs.
* Before the first segment is sent, every worker is asked (`Client.run`) which Argos packages
  it has and at which version. A worker without a needed model, or with another version than
  the others, stops the run with one line naming the worker and the install command. The
  provenance written into the catalogs is built from the workers' answer by the function a
  local engine uses (`engine.provenance`), so it reads the same as a local run's.

Segments go out in tasks of a few engine batches, longest first, so that workers start on
the slowest tasks and finish together; a worker lost mid-run has its tasks run elsewhere by
the scheduler, and the results are the same.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from dataclasses import dataclass, replace
from types import TracebackType
from typing import TYPE_CHECKING

from distributed import WorkerPlugin

from translate.engine import EngineSettings, MachineTranslation, physical_cores, provenance
from translate.errors import ClusterError, DragomanError, InputError, ModelError
from translate.limits import SCHEDULER_TIMEOUT

if TYPE_CHECKING:
    from distributed import Client, Future, Worker
    from distributed.security import Security

    from translate.engine import Engine
    from translate.packages import PackageInfo

SCHEMES = ("tcp", "tls")
PLUGIN_NAME = "dragoman-engines"
# How often a run looks whether a task finished: a task takes seconds.
POLL_SECONDS = 0.02
# Segments per task, in engine batches: 4 × 16 segments take about 2 s with a published-size
# model on 2 cores, against a few milliseconds of Dask overhead per task (benchmarks/cluster.py),
# while a 2,000-segment chunk still makes 31 tasks to spread over the workers.
TASK_BATCHES = 4


def check_address(address: str) -> str:
    """`address` if it is `tcp://HOST:PORT` or `tls://HOST:PORT`, else a usage error."""
    scheme, _, location = address.partition("://")
    host, _, port = location.rpartition(":")
    if scheme not in SCHEMES or not host or not port.isdigit():
        raise InputError(f"scheduler {address!r}: give it as tcp://HOST:PORT or tls://HOST:PORT")
    return address


# On the workers ------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerModels:
    """What one worker can translate with: its newest package per pair, and its CTranslate2."""

    ctranslate2: str
    packages_dir: str
    packages: dict[str, PackageInfo]


def worker_models() -> WorkerModels:
    """Run on each worker by `Client.run`: the packages it has installed."""
    import ctranslate2

    from translate.packages import find_installed, installed_packages, packages_dir

    pairs = {(info.from_code, info.to_code) for info in installed_packages()}
    found = [find_installed(from_code, to_code) for from_code, to_code in sorted(pairs)]
    return WorkerModels(
        ctranslate2=ctranslate2.__version__,
        packages_dir=str(packages_dir()),
        packages={info.pair: info for info in found if info is not None},
    )


@dataclass(frozen=True)
class ModelSpec:
    """The model a task needs and how to run it; `threads` None means the worker's cores."""

    from_code: str
    to_code: str
    package_version: str
    settings: EngineSettings
    threads: int | None


class EngineCache(WorkerPlugin):
    """Each worker's loaded engines, one per language pair, kept between tasks and runs.

    A pair's engine is replaced only when a run asks for another package version or other
    settings, so a worker holds at most one model per pair in memory.
    """

    def __init__(self) -> None:
        self._engines: dict[tuple[str, str], tuple[ModelSpec, Engine]] = {}
        self._lock: threading.Lock | None = None

    def setup(self, worker: Worker) -> None:
        # Created here, not in __init__: the plugin travels to the workers pickled.
        self._lock = threading.Lock()

    def teardown(self, worker: Worker) -> None:
        self._engines.clear()

    def engine(self, spec: ModelSpec, worker: str) -> Engine:
        assert self._lock is not None, "setup() runs before any task"
        with self._lock:  # two task threads must not load the same model twice
            key = (spec.from_code, spec.to_code)
            if key not in self._engines or self._engines[key][0] != spec:
                self._engines[key] = (spec, _load(spec, worker))
            return self._engines[key][1]


def _load(spec: ModelSpec, worker: str) -> Engine:
    from translate.engine import Engine
    from translate.packages import find_installed

    package = find_installed(spec.from_code, spec.to_code)
    if package is None or package.package_version != spec.package_version:
        # Installed or removed since the check at the start of the run.
        raise ModelError(
            _refusal(worker, spec.from_code, spec.to_code, package, spec.package_version)
        )
    threads = spec.threads or physical_cores()
    return Engine(package, replace(spec.settings, inter_threads=threads))


def translate_on_worker(spec: ModelSpec, texts: list[str]) -> list[MachineTranslation]:
    """One task: translate `texts` with this worker's engine for `spec`."""
    from distributed import get_worker

    worker = get_worker()
    cache = worker.plugins[PLUGIN_NAME]
    assert isinstance(cache, EngineCache)
    return cache.engine(spec, worker.address).translate(texts)


def _plugin_installed(dask_worker: Worker) -> bool:
    return PLUGIN_NAME in dask_worker.plugins


def _refusal(
    worker: str, from_code: str, to_code: str, package: PackageInfo | None, wanted: str
) -> str:
    arrow, pair = f"{from_code}→{to_code}", f"{from_code}-{to_code}"
    has = f"has no {arrow} model" if package is None else f"has {arrow} {package.package_version}"
    return (
        f"worker {worker} {has}, the run needs {arrow} {wanted}; install it there with "
        f"`translate models install {pair}`, or point the worker's ARGOS_PACKAGES_DIR at "
        "the folder the other workers use"
    )


# On the client -------------------------------------------------------------------------


class ClusterModels:
    """The pipeline's model provider on a Dask cluster; use it as a context manager, which
    closes the connection it may have made."""

    def __init__(
        self,
        address: str,
        settings: EngineSettings,
        threads: int | None = None,
        *,
        security: Security | None = None,
        timeout: float | None = None,
    ) -> None:
        self.address = check_address(address)
        self.settings = settings
        self.threads = threads
        self.workers = 0  # workers seen at the last task, for the progress bar
        self._security = security
        # Seconds to reach the scheduler (and to say goodbye) before the run stops with one line.
        self._timeout = timeout if timeout is not None else SCHEDULER_TIMEOUT.value()
        self._client: Client | None = None
        self._inventory: dict[str, WorkerModels] | None = None

    def __enter__(self) -> ClusterModels:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        client, self._client = self._client, None
        if client is not None:
            # The scheduler may be gone: then there is nothing left to close.
            with contextlib.suppress(OSError, TimeoutError):
                client.close(timeout=self._timeout)

    @property
    def client(self) -> Client:
        """The connection, made when first needed: a run with nothing to translate does
        not need the scheduler."""
        if self._client is None:
            self._client = connect(self.address, self._security, self._timeout)
        return self._client

    def status(self) -> str:
        """For the progress bar: how many workers translate."""
        return f"{self.workers} worker{'s' if self.workers != 1 else ''}"

    def available(self, source_language: str, target_language: str) -> bool:
        """True when every worker has the pair at one version; a worker without it while
        others have it, or with another version, stops the run (`ModelError`)."""
        return self._package(source_language, target_language) is not None

    def load(self, source_language: str, target_language: str) -> ClusterTranslator:
        package = self._package(source_language, target_language)
        if package is None:
            raise ModelError(self.missing_message(source_language, target_language))
        inventory = self._workers()
        versions = {models.ctranslate2 for models in inventory.values()}
        if len(versions) > 1:
            raise ModelError(
                f"the workers of {self.address} run different CTranslate2 versions "
                f"({', '.join(sorted(versions))}); install one version on every worker"
            )
        self._install_plugin()
        spec = ModelSpec(
            source_language, target_language, package.package_version, self.settings, self.threads
        )
        return ClusterTranslator(self, spec, provenance(package, versions.pop(), self.settings))

    def missing_message(self, source_language: str, target_language: str) -> str:
        pair = f"{source_language}-{target_language}"
        return (
            f"no worker of {self.address} has a {source_language}→{target_language} model; "
            f"install it on every worker with `translate models install {pair}`"
        )

    def _package(self, from_code: str, to_code: str) -> PackageInfo | None:
        from translate.packages import newest

        pair = f"{from_code}-{to_code}"
        found = {worker: models.packages.get(pair) for worker, models in self._workers().items()}
        present = [package for package in found.values() if package is not None]
        if not present:
            return None
        wanted = newest(present)
        for worker, package in sorted(found.items()):
            if package is None or package.package_version != wanted.package_version:
                raise ModelError(
                    _refusal(worker, from_code, to_code, package, wanted.package_version)
                )
        return wanted

    def _workers(self) -> dict[str, WorkerModels]:
        """Every worker's packages, asked once per run, before anything is translated."""
        if self._inventory is None:
            with self.lost_scheduler():
                replies = self.client.run(worker_models, on_error="return")
            if not replies:
                raise ClusterError(
                    f"the scheduler at {self.address} has no workers; start one with "
                    f"`dask worker {self.address} --nthreads 1`"
                )
            for worker, reply in sorted(replies.items()):
                if isinstance(reply, BaseException):
                    raise ClusterError(
                        f"worker {worker} cannot list its models ({type(reply).__name__}: "
                        f"{reply}); install Dragoman with `pip install 'dragoman[distributed]'` "
                        "there"
                    )
            self._inventory = replies
            self.workers = len(replies)
        return self._inventory

    def _install_plugin(self) -> None:
        """Register the engine cache unless every worker has it: registering again would
        replace it and drop the models the workers already hold."""
        with self.lost_scheduler():
            present = self.client.run(_plugin_installed)
            if not all(present.values()):
                self.client.register_plugin(EngineCache(), name=PLUGIN_NAME)

    def lost_scheduler(self) -> _SchedulerLost:
        return _SchedulerLost(self.address)

    def refresh_workers(self) -> None:
        """Ask the scheduler how many workers it has; no answer within the timeout is a lost
        scheduler (one that stopped answering keeps its connections open, and Dask waits)."""
        with self.lost_scheduler():
            self.workers = len(self.client.nthreads(callback_timeout=self._timeout))

    def results(self, futures: Sequence[Future]) -> Iterator[Future]:
        """`futures` as they finish. While none finishes for the timeout, the scheduler is
        asked whether it is still there (`refresh_workers`), so a scheduler that stops
        answering ends the run instead of holding it forever."""
        pending = list(futures)
        asked = time.monotonic()
        while pending:
            finished = [future for future in pending if future.done()]
            if not finished:
                if time.monotonic() - asked > self._timeout:
                    self.refresh_workers()
                    asked = time.monotonic()
                time.sleep(POLL_SECONDS)
                continue
            pending = [future for future in pending if not future.done()]
            yield from finished
            asked = time.monotonic()


class _SchedulerLost:
    """Turns the ways Dask reports a lost scheduler into one `ClusterError`."""

    def __init__(self, address: str) -> None:
        self.address = address

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        from distributed import KilledWorker

        if error is None or isinstance(error, DragomanError):
            return
        if isinstance(error, KilledWorker):
            raise ClusterError(
                f"{self.address}: a task ended the workers that ran it ({error}); "
                "the files written so far stay"
            ) from None
        if isinstance(error, (OSError, TimeoutError, CancelledError)):
            # Dask cancels the pending tasks when the connection is gone for good; their
            # reason names a task, not the cause.
            reason = "" if isinstance(error, CancelledError) else str(error).strip()
            raise ClusterError(
                f"lost the scheduler at {self.address}{f' ({reason})' if reason else ''}; "
                "the files written so far stay"
            ) from None


class ClusterTranslator:
    """An `mt.Translator` for one language pair whose engine runs on the cluster's workers."""

    def __init__(self, cluster: ClusterModels, spec: ModelSpec, provenance: str) -> None:
        self._cluster = cluster
        self._spec = spec
        self._provenance = provenance

    @property
    def provenance(self) -> str:
        return self._provenance

    def translate(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[MachineTranslation]:
        """Translate `texts`, in their order; `progress(n)` as tasks finish, adding up to
        `len(texts)` as `Engine.translate` does."""
        occurrences: dict[str, int] = {}
        for text in texts:
            occurrences[text] = occurrences.get(text, 0) + 1
        # Longest first, as the engine orders its batches: the slowest tasks start first.
        unique = sorted(occurrences, key=len, reverse=True)
        size = TASK_BATCHES * self._spec.settings.max_batch_size
        chunks = [unique[start : start + size] for start in range(0, len(unique), size)]
        client = self._cluster.client
        done: dict[str, MachineTranslation] = {}
        with self._cluster.lost_scheduler():
            futures = {
                client.submit(translate_on_worker, self._spec, chunk, pure=False): chunk
                for chunk in chunks
            }
            for future in self._cluster.results(list(futures)):
                for translation in future.result():
                    done[translation.source] = translation
                self._cluster.refresh_workers()
                if progress is not None:
                    progress(sum(occurrences[text] for text in futures[future]))
        return [done[text] for text in texts]


def connect(address: str, security: Security | None, timeout: float) -> Client:
    """A client of the scheduler at `address`, or one `ClusterError` within `timeout`.

    A refused or unroutable address fails at once on a plain socket; Dask's own connect
    would retry it until the timeout.
    """
    from distributed import Client

    host, _, port = address.partition("://")[2].rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise ClusterError(f"cannot reach the scheduler at {address}: {reason}") from None
    if security is None:
        from distributed.security import Security

        security = Security()  # from Dask's configuration (DASK_DISTRIBUTED__COMM__TLS__…)
    if address.startswith("tls://") and not (security.tls_ca_file and security.tls_client_cert):
        raise ClusterError(
            f"cannot connect to the scheduler at {address}: tls:// needs a CA and a client "
            "certificate; set DASK_DISTRIBUTED__COMM__TLS__CA_FILE, "
            "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT and "
            "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY (or the same keys in Dask's config)"
        )
    made: list[Client] = []
    failed: list[BaseException] = []

    def make() -> None:
        try:
            made.append(Client(address, timeout=timeout, security=security, set_as_default=False))
        except BaseException as error:  # raised again in the caller's thread
            failed.append(error)

    # Dask bounds the TCP connect by `timeout` but not the wait for the scheduler's first
    # reply: a listener that accepts and never answers would hold the run forever. A thread
    # left waiting is a daemon and ends with the process.
    attempt = threading.Thread(target=make, name="dragoman-connect", daemon=True)
    attempt.start()
    attempt.join(timeout)
    if attempt.is_alive():
        raise ClusterError(
            f"cannot connect to the scheduler at {address}: no answer within {timeout:g} s "
            "(DRAGOMAN_SCHEDULER_TIMEOUT)"
        )
    if failed and isinstance(failed[0], (OSError, TimeoutError, ValueError)):
        error = failed[0]
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ClusterError(f"cannot connect to the scheduler at {address}: {reason}") from None
    if failed:
        raise failed[0]
    return made[0]
