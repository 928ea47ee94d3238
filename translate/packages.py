"""Translation models: Argos Translate packages, listed, installed and removed.

`argostranslate.package` reads package metadata and tokenizers, parses index entries and
downloads over http(s); this module adds what a pipeline run needs around it:

* settings read when called, not when `argostranslate.settings` happens to be imported:
  `ARGOS_PACKAGES_DIR`, `ARGOS_PACKAGE_INDEX` (or Argos' `settings.json`), and `--index`;
* an index may be an http(s) or `file://` URL prefix or a plain folder, so an offline mirror
  is a folder holding `index.json` and the archives (links may be relative to the index);
* errors that say what failed, where Argos logs and returns None;
* archives validated before anything is written (a zip of one folder with `metadata.json`,
  `model/model.bin` and a tokenizer, no absolute or `..` paths or links, the checksum when
  given) and installed atomically: extracted beside the target, then renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import stat
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from translate.errors import BadArchiveError, InputError, ModelError, NetworkError

if TYPE_CHECKING:
    from types import ModuleType

    from argostranslate.package import AvailablePackage

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
INDEX_FILE = "index.json"
# Published packages are 100-300 MB; a stalled connection should fail, not hang the run.
NETWORK_TIMEOUT_SECONDS = 60.0
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
LOCK_NAME = ".translate-models.lock"
OFFLINE_HINT = (
    "without network, install a downloaded package with "
    "`translate models install --file PATH.argosmodel`, or point --index "
    "(or ARGOS_PACKAGE_INDEX) at a mirror folder holding index.json and the packages"
)
_PAIR = re.compile(r"^([a-z]{2,3}(?:_[a-z]{2,4})?)[-_]([a-z]{2,3}(?:_[a-z]{2,4})?)$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class PackageInfo:
    """An Argos package, installed (`path` set) or offered by an index (`links` set)."""

    code: str
    from_code: str
    to_code: str
    package_version: str
    from_name: str = ""
    to_name: str = ""
    path: Path | None = None
    links: tuple[str, ...] = ()

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def arrow(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    def as_json(self) -> dict[str, object]:
        fields: dict[str, object] = {
            "pair": self.pair,
            "code": self.code,
            "from_code": self.from_code,
            "to_code": self.to_code,
            "from_name": self.from_name,
            "to_name": self.to_name,
            "package_version": self.package_version,
        }
        if self.path is not None:
            fields["path"] = str(self.path)
        if self.links:
            fields["links"] = list(self.links)
        return fields


@dataclass(frozen=True)
class Installation:
    """What `install_*` did: `replaced` is the version it superseded, if any."""

    package: PackageInfo
    replaced: PackageInfo | None = None
    unchanged: bool = False


def parse_pair(text: str) -> tuple[str, str]:
    """`en-ar` (or `en_ar`) to `("en", "ar")`."""
    match = _PAIR.match(text.strip().lower())
    if not match:
        raise InputError(f"{text!r} is not a language pair; write it as FROM-TO, e.g. en-ar")
    return match.group(1), match.group(2)


# Settings --------------------------------------------------------------------------------


def argos_settings() -> ModuleType:
    """`argostranslate.settings`, pointed at our packages folder.

    Argos reads its environment once, at import; we read it on every call, so a test or a
    long-lived process that changes `ARGOS_PACKAGES_DIR` gets what it asked for.
    """
    from argostranslate import settings

    directory = packages_dir()
    settings.package_data_dir = directory
    settings.package_dirs = [directory]
    # Argos logs download failures through the last-resort handler (bare lists on stderr);
    # we report failures ourselves, in one line.
    logger = logging.getLogger("argostranslate.utils")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    return settings


def packages_dir() -> Path:
    """Where packages are installed: `ARGOS_PACKAGES_DIR`, else Argos' default."""
    from argostranslate import settings

    configured = settings.get_setting("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser().absolute()
    return Path(settings.data_dir) / "packages"


def index_url(index: str | None = None) -> str:
    """The `index.json` URL for `--index`, else `ARGOS_PACKAGE_INDEX`, else the public index.

    Accepts an http(s) or `file://` URL prefix (as Argos does), a URL of the JSON file itself,
    or a plain folder or file path.
    """
    from argostranslate import settings

    base = index or settings.get_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    if "://" not in base:
        base = Path(base).expanduser().absolute().as_uri()
    if base.endswith(".json"):
        return base
    return base.rstrip("/") + "/" + INDEX_FILE


# Listing ---------------------------------------------------------------------------------


def installed_packages() -> list[PackageInfo]:
    """Packages installed in `packages_dir()`, by pair; folders that are not packages
    (no readable `metadata.json`, or our own staging folders) are skipped."""
    directory = packages_dir()
    if not directory.is_dir():
        return []
    found = []
    for folder in sorted(directory.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        info = _read_installed(folder)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda info: (info.pair, info.package_version))


def find_installed(from_code: str, to_code: str) -> PackageInfo | None:
    """The installed package for a pair, if any, without loading its model."""
    matches = _installed_pair(from_code, to_code)
    return max(matches, key=_version_key) if matches else None


def _installed_pair(from_code: str, to_code: str) -> list[PackageInfo]:
    return [
        info
        for info in installed_packages()
        if info.from_code == from_code and info.to_code == to_code
    ]


def _read_installed(folder: Path) -> PackageInfo | None:
    from argostranslate.package import Package

    try:
        package = Package(folder)
    except (OSError, ValueError, AttributeError, TypeError):  # no usable metadata.json
        return None
    if package.from_code is None or package.to_code is None:
        return None
    return _info(package, path=folder)


def _info(package, path: Path | None = None, links: Sequence[str] = ()) -> PackageInfo:
    return PackageInfo(
        code=package.code or f"translate-{package.from_code}_{package.to_code}",
        from_code=package.from_code,
        to_code=package.to_code,
        package_version=str(package.package_version),
        from_name=package.from_name or "",
        to_name=package.to_name or "",
        path=path,
        links=tuple(links),
    )


def available_packages(index: str | None = None) -> list[PackageInfo]:
    """Translation packages offered by the index, by pair."""
    url = index_url(index)
    return sorted(
        (_info(package, links=package.links) for package in _fetch_index(url)),
        key=lambda info: (info.pair, _version_key(info)),
    )


def _fetch_index(url: str) -> list[AvailablePackage]:
    # Read here rather than through package.update_package_index(), which swallows every
    # error and would leave us listing a stale copy.
    from argostranslate import networking
    from argostranslate.package import AvailablePackage

    request = urllib.request.Request(url, headers={"User-Agent": networking.USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=NETWORK_TIMEOUT_SECONDS) as response:
            data = response.read()
    except (OSError, ValueError) as error:
        raise NetworkError(
            f"cannot read the package index {url}: {_reason(error)}; {OFFLINE_HINT}"
        ) from None
    try:
        entries = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{url}: not a package index: {error}") from None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ModelError(f"{url}: not a package index: expected a JSON list of packages")
    packages = []
    for entry in entries:
        if entry.get("type", "translate") != "translate":
            continue
        if not entry.get("from_code") or not entry.get("to_code"):
            continue
        package = AvailablePackage(entry)
        package.links = [urllib.parse.urljoin(url, str(link)) for link in entry.get("links", [])]
        packages.append(package)
    return packages


def _reason(error: BaseException) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        return getattr(reason, "strerror", None) or str(reason)
    return getattr(error, "strerror", None) or str(error)


def _version_key(info: PackageInfo) -> tuple:
    """Orders "1.9" before "1.10"; a version that is not dotted numbers sorts first."""
    parts = info.package_version.split(".")
    if all(part.isdigit() for part in parts):
        return (1, tuple(int(part) for part in parts))
    return (0, info.package_version)


# Installing ------------------------------------------------------------------------------


def install_pairs(
    pairs: Sequence[tuple[str, str]],
    index: str | None = None,
    announce: Callable[[PackageInfo], None] | None = None,
) -> list[Installation]:
    """Install the newest package for each pair from the index (a no-op where it is
    installed already). Every pair is looked up before anything is downloaded."""
    url = index_url(index)
    offered = _fetch_index(url)
    chosen = []
    for from_code, to_code in pairs:
        candidates = [p for p in offered if p.from_code == from_code and p.to_code == to_code]
        if not candidates:
            targets = sorted({p.to_code for p in offered if p.from_code == from_code})
            hint = f"it has {from_code}→{', '.join(targets)}" if targets else "see its list"
            raise InputError(
                f"no {from_code}→{to_code} package in {url} ({hint}: translate models list "
                "--available)"
            )
        chosen.append(max(candidates, key=lambda p: _version_key(_info(p))))
    results = []
    for package in chosen:
        info = _info(package, links=package.links)
        current = find_installed(info.from_code, info.to_code)
        if current is not None and _version_key(current) >= _version_key(info):
            results.append(Installation(current, unchanged=True))
            continue
        if announce is not None:
            announce(info)
        with _obtained(package) as archive:
            results.append(install_file(archive))
    return results


@contextlib.contextmanager
def _obtained(package: AvailablePackage) -> Iterator[Path]:
    """The package archive on local disk: a `file://` link is used in place, an http(s)
    link downloaded by Argos into a temporary folder that is removed afterwards."""
    local = [link for link in package.links if link.startswith("file:")]
    for link in local:
        path = Path(urllib.request.url2pathname(urllib.parse.urlparse(link).path))
        if path.is_file():
            yield path
            return
    remote = [link for link in package.links if link.startswith(("http://", "https://"))]
    if not remote:
        where = ", ".join(package.links) or "no links"
        raise ModelError(f"cannot download {package.code} {package.package_version}: {where}")
    settings = argos_settings()
    saved = settings.downloads_dir
    previous_timeout = socket.getdefaulttimeout()
    with tempfile.TemporaryDirectory(prefix="translate-download-") as scratch:
        settings.downloads_dir = Path(scratch)
        socket.setdefaulttimeout(NETWORK_TIMEOUT_SECONDS)
        package.links = remote
        try:
            archive = package.download()
        except Exception:  # Argos raises a bare Exception when every link failed
            raise NetworkError(
                f"cannot download {package.code} {package.package_version} from "
                f"{', '.join(remote)}; {OFFLINE_HINT}"
            ) from None
        finally:
            settings.downloads_dir = saved
            socket.setdefaulttimeout(previous_timeout)
        yield archive


@dataclass(frozen=True)
class _Archive:
    folder: str
    metadata: dict


def _validate(path: Path, sha256: str | None) -> _Archive:
    """Check that `path` is a package Argos can load and nothing in it escapes its folder.

    Raises `BadArchiveError` naming the file and the problem; writes nothing.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    if sha256 is not None:
        expected = sha256.strip().lower()
        if not _SHA256.match(expected):
            raise InputError(f"--sha256 {sha256!r}: expected 64 hexadecimal digits")
        actual = _sha256(path)
        if actual != expected:
            raise BadArchiveError(f"{path}: SHA-256 is {actual}, expected {expected}")
    if not zipfile.is_zipfile(path):
        raise BadArchiveError(f"{path}: not a zip archive (or truncated); a package is a zip")
    try:
        with zipfile.ZipFile(path) as bundle:
            members = bundle.infolist()
            folder = _single_folder(path, members)
            names = {member.filename.rstrip("/") for member in members}
            _require(path, names, folder)
            metadata = _metadata(path, bundle, f"{folder}/metadata.json")
            damaged = bundle.testzip()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        RuntimeError,
    ) as error:
        raise BadArchiveError(f"{path}: damaged zip archive: {error}") from None
    if damaged is not None:
        raise BadArchiveError(f"{path}: damaged zip archive: bad checksum for {damaged}")
    return _Archive(folder, metadata)


def _single_folder(path: Path, members: list[zipfile.ZipInfo]) -> str:
    if not members:
        raise BadArchiveError(f"{path}: empty archive")
    tops = set()
    for member in members:
        name = member.filename
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or "\\" in name:
            raise BadArchiveError(f"{path}: unsafe path {name!r} (absolute)")
        if ".." in parts:
            raise BadArchiveError(f"{path}: unsafe path {name!r} (contains ..)")
        if stat.S_ISLNK(member.external_attr >> 16):
            raise BadArchiveError(f"{path}: unsafe member {name!r} (a symbolic link)")
        if len(parts) == 1 and not member.is_dir():
            raise BadArchiveError(
                f"{path}: file {name!r} outside the package folder; a package holds one folder"
            )
        tops.add(parts[0])
    if len(tops) != 1:
        listed = ", ".join(sorted(tops))
        raise BadArchiveError(f"{path}: {len(tops)} top-level folders ({listed}); expected one")
    folder = tops.pop()
    if folder in (".", "") or folder.startswith("."):
        raise BadArchiveError(f"{path}: package folder {folder!r} is not a usable name")
    return folder


def _require(path: Path, names: set[str], folder: str) -> None:
    if f"{folder}/metadata.json" not in names:
        raise BadArchiveError(f"{path}: no {folder}/metadata.json")
    if f"{folder}/model/model.bin" not in names:
        raise BadArchiveError(f"{path}: no {folder}/model/model.bin (the CTranslate2 model)")
    if not any(f"{folder}/{tokenizer}" in names for tokenizer in TOKENIZER_FILES):
        raise BadArchiveError(
            f"{path}: no tokenizer ({folder}/sentencepiece.model or {folder}/bpe.model)"
        )


def _metadata(path: Path, bundle: zipfile.ZipFile, name: str) -> dict:
    try:
        metadata = json.loads(bundle.read(name).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadArchiveError(f"{path}: {name} is not valid JSON: {error}") from None
    if not isinstance(metadata, dict):
        raise BadArchiveError(f"{path}: {name} is not a JSON object")
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise BadArchiveError(f"{path}: {name} has no {key}")
    if metadata.get("type", "translate") != "translate":
        raise BadArchiveError(f"{path}: {name} describes a {metadata['type']!r} package")
    return metadata


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install_file(path: Path, sha256: str | None = None) -> Installation:
    """Install a `.argosmodel` file, checking its SHA-256 when given: validated, then
    installed atomically, replacing an installed package for the same pair."""
    archive = _validate(path, sha256)
    from_code, to_code = archive.metadata["from_code"], archive.metadata["to_code"]
    directory = packages_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory):
        previous = _installed_pair(from_code, to_code)
        target = directory / archive.folder
        if target.exists() and all(info.path != target for info in previous):
            raise ModelError(
                f"{target} exists and is not the {from_code}→{to_code} package; "
                "move it away before installing"
            )
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=directory))
        try:
            with zipfile.ZipFile(path) as bundle:
                bundle.extractall(staging)
            installed = _read_installed(staging / archive.folder)
            if installed is None:
                raise BadArchiveError(f"{path}: Argos cannot read the package's metadata.json")
            retired = staging / ".previous"
            retired.mkdir()
            for index, info in enumerate(previous):
                assert info.path is not None
                os.replace(info.path, retired / str(index))
            try:
                os.replace(staging / archive.folder, target)
            except OSError:
                for index, info in enumerate(previous):
                    assert info.path is not None
                    os.replace(retired / str(index), info.path)
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    package = _read_installed(target)
    assert package is not None
    return Installation(package, replaced=max(previous, key=_version_key) if previous else None)


def remove(from_code: str, to_code: str) -> PackageInfo:
    """Uninstall the package for a pair: renamed out of sight first, then deleted."""
    directory = packages_dir()
    with _locked(directory):
        package = find_installed(from_code, to_code)
        if package is None or package.path is None:
            raise ModelError(f"no {from_code}→{to_code} model is installed in {directory}")
        trash = Path(tempfile.mkdtemp(prefix=".remove-", dir=directory))
        os.replace(package.path, trash / package.path.name)
        shutil.rmtree(trash, ignore_errors=True)
    return package


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    from filelock import FileLock

    directory.mkdir(parents=True, exist_ok=True)
    with FileLock(directory / LOCK_NAME):
        yield
