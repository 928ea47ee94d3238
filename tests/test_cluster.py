"""`translate run --scheduler`: machine translation on a real Dask cluster on 127.0.0.1.

One scheduler and two worker processes (with nannies, as `dask worker` starts them) serve the
module; the workers see the session's tiny Argos packages through ARGOS_PACKAGES_DIR. Tests
that need an odd worker start a real `dask worker` process beside them and stop it after.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from tests.support.argos_builder import PackageRecipe
from tests.support.catalogs import PO, REVIEWED, review, snapshot
from tests.support.cli import REPO, make_project, run_translate, with_models

distributed = pytest.importorskip("distributed")

DASK = Path(sys.executable).parent / "dask"
WAIT = 60  # seconds: the most any wait for a worker to come or go may take


@dataclass(frozen=True)
class Cluster:
    address: str
    client: distributed.Client


@pytest.fixture(scope="module")
def cluster(tiny_models: Path) -> Iterator[Cluster]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            env=with_models(tiny_models),
        ) as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        yield Cluster(local.scheduler_address, client)


def project(root: Path, sources: dict[str, str] | None = None) -> Path:
    made = make_project(root, sources=sources)
    shutil.copytree(REPO / "glossary", made / "glossary")
    return made


def picture(root: Path) -> dict[str, object]:
    """Every catalog under `root/locales`: its entries as a reviewer sees them, and its
    header but the dates, which say when the run happened."""
    dates = {"POT-Creation-Date", "PO-Revision-Date"}
    found: dict[str, object] = {}
    for path in sorted((root / "locales").rglob("*.po*")):
        catalog = polib.pofile(str(path))
        header = {key: value for key, value in catalog.metadata.items() if key not in dates}
        entries = [
            (entry.msgid, entry.msgstr, entry.flags, entry.tcomment, entry.comment)
            for entry in catalog
        ]
        found[str(path.relative_to(root))] = (header, entries)
    return found


def test_a_cluster_run_writes_the_catalogs_a_local_run_writes(cluster, tiny_models, tmp_path):
    local = project(tmp_path / "local")
    remote = project(tmp_path / "remote")
    ran = run_translate("run", "--mt", "require", cwd=local, env=with_models(tiny_models))
    assert ran.returncode == 0, ran.stderr
    # The client has no models: only the workers translate. The address comes from the
    # environment, as a newsroom's shell profile would set it.
    empty = tmp_path / "no-models"
    empty.mkdir()
    ran = run_translate(
        "run",
        "--mt",
        "require",
        cwd=remote,
        env={"DRAGOMAN_SCHEDULER": cluster.address, "ARGOS_PACKAGES_DIR": str(empty)},
    )
    assert ran.returncode == 0, ran.stderr
    assert picture(remote) == picture(local)
    header = polib.pofile(str(remote / "locales/ar/LC_MESSAGES/aleppo-offensive.po")).metadata
    assert header["X-Dragoman-MT"].startswith("Argos Translate translate-en_ar 1.0, CTranslate2")


def reviewed_project(root: Path) -> Path:
    """A project whose Turkish catalog has reviewed entries to score against."""
    made = project(root)
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=made).returncode == 0
    review(made / PO.format("tr"), REVIEWED)
    return made


def test_evaluate_on_the_cluster_scores_as_locally(cluster, tiny_models, tmp_path):
    root = reviewed_project(tmp_path / "project")
    command = ("evaluate", "--to", "tr", "--format", "json")
    local = run_translate(*command, cwd=root, env=with_models(tiny_models))
    remote = run_translate(*command, "--scheduler", cluster.address, cwd=root)
    assert local.returncode == remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout


def _numbered_sources(seed_segments: list[str], count: int) -> dict[str, str]:
    """`count` articles of the seed's sentences, each sentence made unique by a word, so a
    run sends many tasks."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    return {
        f"story-{words[n]}.txt": "".join(
            f"{segment[:-1]} {words[n]}{segment[-1]}\n" for segment in seed_segments
        )
        for n in range(count)
    }


def test_a_worker_killed_mid_run_changes_nothing_but_time(
    cluster, tiny_models, seed_segments, tmp_path
):
    sources = _numbered_sources(seed_segments, 4)
    local = project(tmp_path / "local", sources)
    remote = project(tmp_path / "remote", sources)
    ran = run_translate(
        "run", "--to", "ar", "--mt", "require", cwd=local, env=with_models(tiny_models)
    )
    assert ran.returncode == 0, ran.stderr
    pids = cluster.client.run(os.getpid)
    command = [
        str(Path(sys.executable).parent / "translate"),
        "run",
        "--to",
        "ar",
        "--mt",
        "require",
        "--scheduler",
        cluster.address,
    ]
    with subprocess.Popen(
        command, cwd=remote, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        killed = _kill_a_busy_worker(cluster, pids, process)
        _, stderr = process.communicate(timeout=300)
    assert killed, "the run ended before a worker was busy"
    assert process.returncode == 0, stderr
    assert picture(remote) == picture(local)
    cluster.client.wait_for_workers(2, timeout=WAIT)  # the nanny restarts the killed one


def _kill_a_busy_worker(cluster: Cluster, pids: dict[str, int], process) -> bool:
    """SIGKILL the first worker seen translating while `process` runs."""
    deadline = time.monotonic() + WAIT
    while process.poll() is None and time.monotonic() < deadline:
        for worker, keys in cluster.client.processing().items():
            if any("translate_on_worker" in str(key) for key in keys) and worker in pids:
                os.kill(pids[worker], signal.SIGKILL)
                return True
        time.sleep(0.005)
    return False


@pytest.fixture
def odd_worker(cluster, argos_package, tmp_path) -> Iterator[callable]:
    """`odd_worker(recipes)` starts a `dask worker` process whose packages folder holds
    only `recipes`, waits until the scheduler has it, and stops it after the test."""
    from translate.packages import install_file

    started: list[subprocess.Popen] = []

    def start(recipes: list[PackageRecipe]) -> None:
        packages = tmp_path / "odd-packages"
        packages.mkdir()
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("ARGOS_PACKAGES_DIR", str(packages))
            for recipe in recipes:
                install_file(argos_package(recipe))
        command = [str(DASK), "worker", cluster.address, "--nthreads", "1", "--no-nanny"]
        command += ["--host", "127.0.0.1", "--no-dashboard", "--name", "odd"]
        environment = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages)}
        started.append(
            subprocess.Popen(
                command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        cluster.client.wait_for_workers(3, timeout=WAIT)

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=WAIT)
    deadline = time.monotonic() + WAIT
    while len(cluster.client.nthreads()) > 2 and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.parametrize(
    ("recipes", "expected"),
    [
        ([PackageRecipe(to_code="tr"), PackageRecipe(to_code="ru")], "has no en→ar model"),
        (
            [PackageRecipe(to_code=language) for language in ("ar", "tr")]
            + [PackageRecipe(to_code="ru", version="1.1")],
            "has en→ru 1.0, the run needs en→ru 1.1",
        ),
    ],
    ids=["missing", "other-version"],
)
def test_a_worker_without_the_model_stops_the_run_before_anything_is_written(
    cluster, odd_worker, recipes, expected, tmp_path
):
    odd_worker(recipes)
    root = project(tmp_path / "project")
    ran = run_translate("run", "--scheduler", cluster.address, cwd=root)
    assert ran.returncode == 1
    lines = ran.stderr.splitlines()
    assert len(lines) == 1, ran.stderr
    assert expected in lines[0]
    assert "translate models install en-" in lines[0]
    assert not (root / "locales").exists()


@pytest.mark.parametrize(
    ("command", "address", "code", "message"),
    [
        ("run", "tcp://127.0.0.1:1", 1, "cannot reach the scheduler at tcp://127.0.0.1:1"),
        ("evaluate", "tls://127.0.0.1:1", 1, "cannot reach the scheduler at tls://127.0.0.1:1"),
        ("run", "http://127.0.0.1:8786", 2, "give it as tcp://HOST:PORT or tls://HOST:PORT"),
        ("evaluate", "tcp://127.0.0.1", 2, "give it as tcp://HOST:PORT or tls://HOST:PORT"),
    ],
)
def test_a_bad_address_is_one_line(command, address, code, message, tmp_path):
    root = reviewed_project(tmp_path / "project")
    before = snapshot(root)
    ran = run_translate(command, "--to", "tr", "--scheduler", address, cwd=root, timeout=60)
    assert ran.returncode == code
    assert len(ran.stderr.splitlines()) == 1, ran.stderr
    assert ran.stderr.startswith("translate: error: ")
    assert message in ran.stderr
    assert snapshot(root) == before


def _throwaway_ca(folder: Path) -> dict[str, Path]:
    """A CA and one certificate it signed for 127.0.0.1, made with the openssl command:
    the scheduler, the worker and the client all present it."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    subject = ("-days", "1", "-subj")
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        *subject,
        "/CN=dragoman-test-ca",
    )
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "node.key",
        "-out",
        "node.csr",
        "-subj",
        "/CN=127.0.0.1",
    )
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl(
        "x509",
        "-req",
        "-in",
        "node.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "node.pem",
        "-days",
        "1",
        "-extfile",
        "san.cnf",
    )
    return {name: folder / name for name in ("ca.pem", "node.pem", "node.key")}


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_tls_with_a_throwaway_ca(tiny_models, tmp_path):
    pki = tmp_path / "pki"
    pki.mkdir()
    files = _throwaway_ca(pki)
    tls = ["--tls-ca-file", str(files["ca.pem"]), "--tls-cert", str(files["node.pem"])]
    tls += ["--tls-key", str(files["node.key"])]
    environment = {**os.environ, **with_models(tiny_models)}
    security = distributed.security.Security(
        tls_ca_file=str(files["ca.pem"]),
        tls_client_cert=str(files["node.pem"]),
        tls_client_key=str(files["node.key"]),
        require_encryption=True,
    )
    with _dask_processes(tmp_path, environment, "tls", tls, security) as (address, _):
        _translate_over_tls(address, files, tmp_path)


@contextlib.contextmanager
def _dask_processes(
    folder: Path,
    environment: dict[str, str],
    scheme: str = "tcp",
    options: Sequence[str] = (),
    security: distributed.security.Security | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """A `dask scheduler` and one `dask worker` process on 127.0.0.1 (both given `options`),
    once the scheduler has the worker: its address and the scheduler's process. Both are
    killed after, stopped or not."""
    address_file = folder / "scheduler.json"
    scheduler = [str(DASK), "scheduler", "--host", f"{scheme}://127.0.0.1", "--port", "0"]
    scheduler += ["--no-dashboard", "--scheduler-file", str(address_file), *options]
    worker = [str(DASK), "worker", "--scheduler-file", str(address_file), "--nthreads", "1"]
    worker += ["--no-nanny", "--no-dashboard", "--host", "127.0.0.1", *options]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": environment}
    with subprocess.Popen(scheduler, **quiet) as started:
        try:
            address = _scheduler_address(address_file)
            with subprocess.Popen(worker, **quiet) as helper:
                try:
                    with distributed.Client(
                        address, security=security, timeout=WAIT, set_as_default=False
                    ) as client:
                        client.wait_for_workers(1, timeout=WAIT)
                    yield address, started
                finally:
                    helper.kill()
        finally:
            started.kill()


def _scheduler_address(path: Path) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size:
            import json

            return json.loads(path.read_text())["address"]
        time.sleep(0.1)
    raise AssertionError("the scheduler did not start")


def _translate_over_tls(address: str, files: dict[str, Path], tmp_path: Path) -> None:
    assert address.startswith("tls://127.0.0.1:")
    root = project(tmp_path / "project")
    # Without the certificates the client cannot even connect: one line, nothing written.
    ran = run_translate("run", "--to", "ar", "--scheduler", address, cwd=root, timeout=120)
    assert ran.returncode == 1
    assert len(ran.stderr.splitlines()) == 1, ran.stderr
    assert f"the scheduler at {address}" in ran.stderr
    assert not (root / "locales").exists()
    certificates = {
        "DASK_DISTRIBUTED__COMM__TLS__CA_FILE": str(files["ca.pem"]),
        "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT": str(files["node.pem"]),
        "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY": str(files["node.key"]),
        "DASK_DISTRIBUTED__COMM__REQUIRE_ENCRYPTION": "True",
    }
    command = ("run", "--to", "ar", "--mt", "require", "--scheduler", address)
    ran = run_translate(*command, cwd=root, env=certificates, timeout=120)
    assert ran.returncode == 0, ran.stderr
    header = polib.pofile(str(root / "locales/ar/LC_MESSAGES/aleppo-offensive.po")).metadata
    assert header["X-Dragoman-MT"].startswith("Argos Translate translate-en_ar 1.0")


@pytest.mark.parametrize("lose", [signal.SIGKILL, signal.SIGSTOP], ids=["killed", "stopped"])
def test_a_scheduler_lost_mid_run_keeps_the_finished_chunks_and_a_local_rerun_completes(
    tiny_models, seed_segments, tmp_path, lose
):
    """Kill the scheduler, or stop it (its connections stay open and it never answers), once
    the first chunk is written: the run stops with one line and exit 1, the written catalogs
    are whole, and a local re-run ends where a clean run does."""
    sources = _numbered_sources(seed_segments, 6)
    clean = project(tmp_path / "clean", sources)
    root = project(tmp_path / "remote", sources)
    # Each article is a chunk of its own, so a chunk is written long before the run ends.
    command = ("run", "--to", "ar", "--mt", "require", "--chunk-segments", "10")
    ran = run_translate(*command, cwd=clean, env=with_models(tiny_models))
    assert ran.returncode == 0, ran.stderr
    environment = {**os.environ, **with_models(tiny_models), "DRAGOMAN_SCHEDULER_TIMEOUT": "2"}
    written = root / "locales" / "ar" / "LC_MESSAGES"
    with _dask_processes(tmp_path, environment) as (address, scheduler):
        translate = [str(DASK.parent / "translate"), *command, "--scheduler", address]
        with subprocess.Popen(
            translate, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=environment,
        ) as process:  # fmt: skip
            deadline = time.monotonic() + WAIT
            while not list(written.glob("*.po")) and time.monotonic() < deadline:
                assert process.poll() is None, process.communicate()[1]
                time.sleep(0.01)
            scheduler.send_signal(lose)
            try:
                _, stderr = process.communicate(timeout=WAIT)
            except subprocess.TimeoutExpired:
                process.kill()
                raise AssertionError("the run outlived its scheduler") from None
    assert process.returncode == 1, stderr
    assert stderr.count("\n") == 1 and f"the scheduler at {address}" in stderr, stderr
    kept = sorted(written.glob("*.po"))
    assert 1 <= len(kept) < len(sources), "the run should stop between chunks"
    assert not list(root.rglob("*.tmp")), "a temporary file was left behind"
    clean_picture = picture(clean)
    for path in kept:
        name = str(path.relative_to(root))
        assert picture(root)[name] == clean_picture[name]
    ran = run_translate(*command, cwd=root, env=with_models(tiny_models))
    assert ran.returncode == 0, ran.stderr
    assert picture(root) == clean_picture


@pytest.mark.parametrize(
    ("timeout", "code", "message"),
    [
        ("1", 1, "no answer within 1 s (DRAGOMAN_SCHEDULER_TIMEOUT)"),
        ("soon", 2, "DRAGOMAN_SCHEDULER_TIMEOUT='soon': expected a positive number"),
        ("0", 2, "DRAGOMAN_SCHEDULER_TIMEOUT='0': expected a positive number"),
    ],
)
def test_a_scheduler_that_never_answers_fails_within_the_configured_timeout(
    timeout, code, message, tmp_path
):
    """A listener that completes the TCP handshake and then says nothing: only the timeout
    (DRAGOMAN_SCHEDULER_TIMEOUT, 10 s by default) ends the wait."""
    root = reviewed_project(tmp_path / "project")
    before = snapshot(root)
    with socket.create_server(("127.0.0.1", 0)) as silent:
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        ran = run_translate(
            "run", "--to", "tr", "--scheduler", address, cwd=root, timeout=60,
            env={"DRAGOMAN_SCHEDULER_TIMEOUT": timeout},
        )  # fmt: skip
    assert ran.returncode == code, ran.stderr
    assert len(ran.stderr.splitlines()) == 1, ran.stderr
    assert message in ran.stderr
    assert snapshot(root) == before
