"""Fetching a URL (http, https or file) within a size limit and a whole-request deadline.

urllib's timeout applies to each socket operation: a server that sends a byte a second, or
headers that never end, holds the caller forever, and a body without an end fills memory or
disk. Here the request runs in a worker thread that the caller waits for until the deadline;
past it the caller gets an error at once and the worker stops at its next read (or at the
per-read timeout), writing nothing more. Every read is counted against the limit.
"""

from __future__ import annotations

import threading
import urllib.request
from typing import BinaryIO

from translate.limits import READ_TIMEOUT_SECONDS, size

CHUNK_BYTES = 1 << 16


class FetchError(Exception):
    """The URL could not be fetched in full; `str()` says why, without the URL."""


def fetch(url: str, sink: BinaryIO, *, limit: int, deadline: float, user_agent: str) -> None:
    """Copy what `url` serves into `sink`: at most `limit` bytes, all within `deadline`
    seconds (connecting, headers and body). Raises `FetchError`; `sink` may then hold a part,
    which the caller discards."""
    cancelled = threading.Event()
    failure: list[BaseException] = []

    def work() -> None:
        try:
            _copy(url, sink, limit, min(deadline, READ_TIMEOUT_SECONDS), user_agent, cancelled)
        except BaseException as error:  # handed to the waiting caller, never printed here
            failure.append(error)

    worker = threading.Thread(target=work, name=f"fetch {url}", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        cancelled.set()
        raise FetchError(f"not complete within {deadline:g} s")
    if failure:
        error = failure[0]
        if isinstance(error, FetchError):
            raise error
        if isinstance(error, OSError | ValueError):
            raise FetchError(_reason(error)) from None
        raise error


def _copy(
    url: str,
    sink: BinaryIO,
    limit: int,
    timeout: float,
    user_agent: str,
    cancelled: threading.Event,
) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"announces {size(int(declared))}, over the limit of {size(limit)}")
        received = 0
        while not cancelled.is_set():
            # read1 returns what one read brings; read(n) would wait for all n bytes.
            chunk = response.read1(CHUNK_BYTES)
            if not chunk:
                return
            received += len(chunk)
            if received > limit:
                raise FetchError(f"more than the limit of {size(limit)}")
            if cancelled.is_set():
                return
            sink.write(chunk)


def _reason(error: BaseException) -> str:
    import urllib.error

    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        return getattr(reason, "strerror", None) or str(reason)
    return getattr(error, "strerror", None) or str(error)
