"""Domain exceptions. The CLI maps each to a one-line message and an exit code.

Exit codes follow the house convention: 0 ok, 1 findings or failure, 2 usage or bad input.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
# Stopped by Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130


# Every character Python's str.splitlines() breaks a line at, shown as its escape.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ESCAPED_BREAKS = {ord(char): char.encode("unicode_escape").decode() for char in _LINE_BREAKS}


def one_line(text: str) -> str:
    """`text` with its line breaks escaped (`\\n`), so that a message quoting the input (a
    key, a cell, a term) stays one line however hostile the input."""
    return text.translate(_ESCAPED_BREAKS)


class DragomanError(Exception):
    """Base of every expected error; `str()` is the one-line message shown to the user."""

    exit_code = EXIT_FAILURE

    def __str__(self) -> str:
        return one_line(super().__str__())


class InputError(DragomanError):
    """Bad input from the user: a missing, unreadable or malformed file or option."""

    exit_code = EXIT_BAD_INPUT


class LocatedError(InputError):
    """An input error at a place in a file, rendered as `file:line: message`."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class SourceError(LocatedError):
    """A source document cannot be read or is not usable text."""


class CatalogError(LocatedError):
    """A PO/POT catalog cannot be parsed; the file is left untouched."""


class GlossaryError(LocatedError):
    """A glossary file cannot be read or does not validate."""


class TmxError(LocatedError):
    """A TMX file is not safe, well-formed TMX; nothing of it is used."""


class ConfigError(LocatedError):
    """The `[tool.translate]` configuration is invalid."""


class ModelError(DragomanError):
    """A translation model is missing, invalid or cannot be installed."""


class ModelNotInstalled(ModelError):
    """No model is installed for a language pair; the message names the install command."""

    def __init__(self, from_code: str, to_code: str, packages_dir: Path | str) -> None:
        self.from_code = from_code
        self.to_code = to_code
        self.install_command = f"translate models install {from_code}-{to_code}"
        super().__init__(
            f"no {from_code}→{to_code} model is installed in {packages_dir}; install it with "
            f"`{self.install_command}` (offline: `translate models install --file "
            "PATH.argosmodel`, or a mirror folder via --index URL or ARGOS_PACKAGE_INDEX)"
        )


class BadArchiveError(ModelError):
    """A model archive failed validation; nothing was installed."""

    exit_code = EXIT_BAD_INPUT


class NetworkError(ModelError):
    """The package index or a package could not be fetched."""


class WriteError(DragomanError):
    """A file could not be written (disk full, read-only, no permission); nothing was
    replaced. The message names the file and the system's reason."""

    def __init__(self, path: Path | str, error: OSError) -> None:
        self.path = str(path)
        reason = error.strerror or str(error)
        super().__init__(f"{self.path}: cannot write: {reason}; no file was changed")


class LockError(DragomanError):
    """Another run holds the lock on the catalogs."""


class ClusterError(DragomanError):
    """The Dask scheduler cannot be reached, was lost during the run, or has no usable
    workers; the message names the address."""
