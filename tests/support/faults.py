"""Real faults for tests: hostile HTTP servers on 127.0.0.1, and a full or read-only disk.

Servers loop a bounded number of times, so a test whose deadline does not work ends anyway
(and fails on the message). Disks are real: a command runs in its own user and mount
namespace (`unshare`, no root needed) where a small tmpfs is mounted, or a folder is bound
read-only, or the command runs as another user so that permissions apply; the kernel then
returns ENOSPC, EROFS or EACCES exactly as a full disk, a read-only mount or a foreign
folder would.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shlex
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from tests.support.cli import TRANSLATE

Behaviour = Callable[[http.server.BaseHTTPRequestHandler], None]


@contextlib.contextmanager
def serve(behaviour: Behaviour) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 answering every GET with `behaviour(handler)`; yields
    its base URL. A client that hangs up ends the answer (BrokenPipe)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                behaviour(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def endless(chunk: bytes = b" " * 65536, at_most: int = 64 << 20) -> Behaviour:
    """A 200 answer without Content-Length whose body does not end (up to `at_most`)."""

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        sent = 0
        while sent < at_most:
            handler.wfile.write(chunk)
            sent += len(chunk)

    return answer


def trickle(body: bytes, interval: float = 0.1, headers: bool = True) -> Behaviour:
    """An answer sent a byte every `interval` seconds: the headers at once and then `body`,
    or (headers=False) the status line and headers themselves byte by byte."""

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        head = f"HTTP/1.0 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        if headers:
            handler.wfile.write(head)
            slow = body
        else:
            slow = head + body
        for byte in slow:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(interval)

    return answer


def declared(length: int) -> Behaviour:
    """A 200 answer announcing `length` bytes and sending a few."""

    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(length))
        handler.end_headers()
        handler.wfile.write(b"PK")

    return answer


# Disks --------------------------------------------------------------------------------------


@functools.cache
def namespaces() -> bool:
    """Whether this machine lets an unprivileged process mount in its own namespace."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt 2>/dev/null"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def translate_command(*args: str | Path) -> str:
    return shlex.join([str(TRANSLATE), *map(str, args)])


def run_with_disk(
    setup: Sequence[str],
    command: str,
    *,
    cwd: Path,
    env: dict[str, str] | None = None,
    after: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run shell lines `setup` (e.g. `mount -t tmpfs -o size=64k tmpfs DIR`, or `mount --bind
    DIR DIR` then `mount -o remount,bind,ro DIR`), then `command`, then `after` (to look at
    what the command left on a tmpfs that disappears with the namespace), in a new user and
    mount namespace. The command's exit status is printed last on stdout as `exit=N`."""
    script = "\n".join(
        ["set -e", *setup, "set +e", command, "status=$?", *after, 'echo "exit=$status"']
    )
    return _run(["unshare", "-rm", "sh", "-c", script], cwd, env)


def run_unprivileged(
    command: str, *, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `command` as a user other than root (our own files stay ours): permissions apply
    even when the tests run as root."""
    return _run(["unshare", "--map-user=65534", "--map-group=65534", "sh", "-c", command], cwd, env)


def _run(
    argv: list[str], cwd: Path, env: dict[str, str] | None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        argv,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
