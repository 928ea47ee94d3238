"""Translation models: Argos Translate packages, listed, installed and removed.

`argostranslate.package` reads an installed package's tokenizer for the engine; this module
adds what a pipeline run needs around it:

* settings read when called, not when `argostranslate.settings` happens to be imported:
  `ARGOS_PACKAGES_DIR`, `ARGOS_PACKAGE_INDEX` (or Argos' `settings.json`), and `--index`;
* an index may be an http(s) or `file://` URL prefix or a plain folder, so an offline mirror
  is a folder holding `index.json` and the archives (links may be relative to the index);
  an http(s) index may not link `file:` URLs;
* untrusted input read within limits (`translate.limits`): the index and packages fetched
  with a size limit and a whole-request deadline (`translate.download`), JSON nesting and
  metadata size bounded, every malformed entry reported at its line;
* errors that say what failed, where Argos logs and returns None;
* archives validated before anything is written (a zip of one folder with `metadata.json`,
  `model/model.bin` and a tokenizer SentencePiece can load, no absolute or `..` paths or
  links, declared sizes within the limit and the free space, no zip bomb, the checksum when
  given) and installed atomically: extracted beside the target, then renamed into place.
  The archive's own metadata says what it is; an older version never replaces a newer one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from translate.download import FetchError, fetch
from translate.errors import BadArchiveError, InputError, LocatedError, ModelError, NetworkError
from translate.limits import (
    DOWNLOAD_DEADLINE,
    INDEX_DEADLINE,
    MAX_COMPRESSION_RATIO,
    MAX_INDEX_BYTES,
    MAX_METADATA_BYTES,
    MAX_NESTING,
    MAX_PACKAGE_BYTES,
    json_nesting_line,
    size,
)

if TYPE_CHECKING:
    from types import ModuleType

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
INDEX_FILE = "index.json"
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
LOCK_NAME = ".translate-models.lock"
OFFLINE_HINT = (
    "without network, install a downloaded package with "
    "`translate models install --file PATH.argosmodel`, or point --index "
    "(or ARGOS_PACKAGE_INDEX) at a mirror folder holding index.json and the packages"
)
_PAIR = re.compile(r"^([a-z]{2,3}(?:_[a-z]{2,4})?)[-_]([a-z]{2,3}(?:_[a-z]{2,4})?)\Z")
_SHA256 = re.compile(r"^[0-9a-f]{64}\Z")
# Argos versions are dotted numbers ("1.9", "1.9.6"); anything else cannot be ordered, so a
# newer package could not be told from an older one.
_VERSION = re.compile(r"^[0-9]{1,9}(?:\.[0-9]{1,9}){0,3}\Z")


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
    return newest(matches) if matches else None


def newest(packages: Iterable[PackageInfo]) -> PackageInfo:
    """The package of the highest version (dotted numbers compared as numbers)."""
    return max(packages, key=_version_key)


def _installed_pair(from_code: str, to_code: str) -> list[PackageInfo]:
    return [
        info
        for info in installed_packages()
        if info.from_code == from_code and info.to_code == to_code
    ]


def _read_installed(folder: Path) -> PackageInfo | None:
    metadata_path = folder / "metadata.json"
    try:
        if metadata_path.stat().st_size > MAX_METADATA_BYTES:
            return None
        metadata = parse_metadata(metadata_path.read_bytes(), str(metadata_path))
    except (OSError, InputError):  # no usable metadata.json: not a package
        return None
    return _info(metadata, path=folder)


def _info(fields: dict, path: Path | None = None, links: Sequence[str] = ()) -> PackageInfo:
    """A `PackageInfo` from validated metadata (`parse_metadata`) or index fields."""
    from_code, to_code = fields["from_code"], fields["to_code"]
    return PackageInfo(
        code=fields.get("code") or f"translate-{from_code}_{to_code}",
        from_code=from_code,
        to_code=to_code,
        package_version=fields["package_version"],
        from_name=fields.get("from_name") or "",
        to_name=fields.get("to_name") or "",
        path=path,
        links=tuple(links),
    )


def parse_metadata(data: bytes, where: str) -> dict:
    """A package's `metadata.json`, checked: size, nesting, the fields Dragoman reads.

    Raises `InputError` naming `where` (and the line, for JSON syntax)."""
    if len(data) > MAX_METADATA_BYTES:
        limit = size(MAX_METADATA_BYTES)
        raise InputError(f"{where}: {size(len(data))}, over the limit of {limit}")
    fields = _json(data, where)
    if not isinstance(fields, dict):
        raise InputError(f"{where}: not a JSON object")
    problem = _fields_problem(fields)
    if problem:
        raise InputError(f"{where}: {problem}")
    return fields


def _json(data: bytes, where: str) -> object:
    """JSON from untrusted bytes: UTF-8 (a BOM allowed), nesting bounded, errors located."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LocatedError(where, line, f"not valid UTF-8 (byte offset {error.start})") from None
    deep = json_nesting_line(text)
    if deep is not None:
        raise LocatedError(where, deep, f"nested deeper than {MAX_NESTING} levels")
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise LocatedError(where, error.lineno, f"not valid JSON: {error.msg}") from None
    except _LongNumber as error:
        line = text.count("\n", 0, text.find(error.digits)) + 1
        message = f"a number of {len(error.digits)} digits, more than Python reads"
        raise LocatedError(where, line, message) from None


class _LongNumber(Exception):
    def __init__(self, digits: str) -> None:
        self.digits = digits


def _integer(digits: str) -> int:
    """An integer of the JSON text; one longer than Python converts (4300 digits, a guard
    against quadratic conversion) is reported at its line rather than as a ValueError."""
    try:
        return int(digits)
    except ValueError:
        raise _LongNumber(digits) from None


def _fields_problem(fields: dict) -> str | None:
    """What is wrong with a package's metadata or index entry, if anything."""
    for key in ("from_code", "to_code"):
        value = fields.get(key)
        if not isinstance(value, str) or not value.strip():
            return f"no {key} (a language code)"
    version = fields.get("package_version")
    if not isinstance(version, str) or not _VERSION.match(version):
        return f'package_version {json.dumps(version)} is not a version like "1.9"'
    for key in ("code", "from_name", "to_name", "type", "target_prefix"):
        if fields.get(key) is not None and not isinstance(fields[key], str):
            return f"{key} must be text"
    return None


def available_packages(index: str | None = None) -> list[PackageInfo]:
    """Translation packages offered by the index, by pair."""
    return sorted(_fetch_index(index_url(index)), key=lambda info: (info.pair, _version_key(info)))


def _fetch_index(url: str) -> list[PackageInfo]:
    # Read here rather than through package.update_package_index(), which swallows every
    # error and would leave us listing a stale copy.
    buffer = io.BytesIO()
    deadline = INDEX_DEADLINE.value()
    try:
        fetch(url, buffer, limit=MAX_INDEX_BYTES, deadline=deadline, user_agent=_user_agent())
    except FetchError as error:
        raise NetworkError(
            f"cannot read the package index {url}: {error}; {OFFLINE_HINT}"
        ) from None
    return parse_index(buffer.getvalue(), url)


def parse_index(data: bytes, url: str) -> list[PackageInfo]:
    """The translation packages of an `index.json`, links made absolute against `url`.

    Every problem is `LocatedError` at the line of the entry: syntax, nesting, an entry that is
    not a package, a link that is not text or that an http(s) index may not give (`file:`).
    """
    text = _json_text(data, url)
    entries = _top_level_list(text, url)
    remote = urllib.parse.urlparse(url).scheme in ("http", "https")
    packages = []
    for line, entry in entries:
        if not isinstance(entry, dict):
            raise LocatedError(url, line, "an index entry must be a JSON object")
        if entry.get("type", "translate") != "translate":
            continue
        problem = _fields_problem(entry)
        if problem:
            raise LocatedError(url, line, problem)
        links = entry.get("links", [])
        if not isinstance(links, list) or not all(isinstance(link, str) for link in links):
            raise LocatedError(url, line, "links must be a list of URLs")
        try:
            absolute = [urllib.parse.urljoin(url, link) for link in links]
        except ValueError as error:  # urllib's own check, e.g. "Invalid IPv6 URL"
            raise LocatedError(url, line, f"a link is not a URL: {error}") from None
        for link in absolute:
            # A server must not point the installer at this machine's files.
            if remote and urllib.parse.urlparse(link).scheme == "file":
                raise LocatedError(url, line, f"an http(s) index may not link {link}")
        packages.append(_info(entry, links=absolute))
    return packages


def _json_text(data: bytes, where: str) -> str:
    _json(data, where)  # located errors for encoding, nesting and syntax
    return data.decode("utf-8").removeprefix("\ufeff")


def _top_level_list(text: str, where: str) -> list[tuple[int, object]]:
    """The items of a JSON list, each with the line it starts on."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if not text.startswith("[", position):
        line = text.count("\n", 0, position) + 1
        raise LocatedError(where, line, "not a package index: expected a JSON list of packages")
    position += 1
    line, counted = 1, 0
    items: list[tuple[int, object]] = []
    while True:
        position = _skip_space(text, position)
        if text.startswith("]", position):
            return items
        if items:
            position = _skip_space(text, position + 1)  # the comma; json.loads checked it
        line += text.count("\n", counted, position)
        counted = position
        item, position = decoder.raw_decode(text, position)
        items.append((line, item))


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _user_agent() -> str:
    from argostranslate import networking

    return networking.USER_AGENT


def _version_key(info: PackageInfo) -> tuple[int, ...]:
    """Orders "1.9" before "1.10" (versions are dotted numbers, checked when read)."""
    return tuple(int(part) for part in info.package_version.split("."))


# Installing ------------------------------------------------------------------------------


def install_pairs(
    pairs: Sequence[tuple[str, str]],
    index: str | None = None,
    announce: Callable[[PackageInfo], None] | None = None,
) -> list[Installation]:
    """Install the newest package for each pair from the index (a no-op where it is
    installed already). Every pair is looked up before anything is downloaded; what is
    installed is what the archive's own metadata says, whatever the index claimed."""
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
        chosen.append(max(candidates, key=_version_key))
    results = []
    for info in chosen:
        current = find_installed(info.from_code, info.to_code)
        if current is not None and _version_key(current) >= _version_key(info):
            results.append(Installation(current, unchanged=True))
            continue
        if announce is not None:
            announce(info)
        with _obtained(info) as archive:
            results.append(install_file(archive, announced=info))
    return results


@contextlib.contextmanager
def _obtained(package: PackageInfo) -> Iterator[Path]:
    """The package archive on local disk: a `file://` link is used in place, an http(s)
    link downloaded (size and time bounded) into a temporary folder removed afterwards."""
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
    limit, deadline = int(MAX_PACKAGE_BYTES.value()), DOWNLOAD_DEADLINE.value()
    reasons = []
    with tempfile.TemporaryDirectory(prefix="translate-download-") as scratch:
        archive = Path(scratch) / f"{package.code}.argosmodel"
        for link in remote:
            try:
                with archive.open("wb") as sink:
                    fetch(link, sink, limit=limit, deadline=deadline, user_agent=_user_agent())
            except FetchError as error:
                reasons.append(f"{link}: {error}")
                continue
            yield archive
            return
        raise NetworkError(
            f"cannot download {package.code} {package.package_version} from "
            f"{'; '.join(reasons)}; {OFFLINE_HINT}"
        )


@dataclass(frozen=True)
class _Archive:
    folder: str
    metadata: dict
    unpacked: int  # bytes, as declared (and enforced by zipfile)


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
            unpacked = _check_sizes(path, members)
            metadata = _metadata(path, bundle, f"{folder}/metadata.json")
            # Decompresses every member and checks its CRC; zipfile never reads past a
            # member's declared size, so the sizes checked above bound this and extraction.
            damaged = bundle.testzip()
            if damaged is None and f"{folder}/sentencepiece.model" in names:
                check_tokenizer(
                    bundle.read(f"{folder}/sentencepiece.model"),
                    f"{path}: {folder}/sentencepiece.model",
                )
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
    return _Archive(folder, metadata, unpacked)


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> int:
    """The declared unpacked size, refused over the limit or at a zip bomb's compression."""
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    limit = MAX_PACKAGE_BYTES.value()
    if unpacked > limit:
        raise BadArchiveError(
            f"{path}: unpacks to {size(unpacked)}, over the limit of {size(limit)} "
            f"({MAX_PACKAGE_BYTES.variable})"
        )
    if unpacked > MAX_COMPRESSION_RATIO * max(packed, 1) and unpacked > 1 << 20:
        raise BadArchiveError(
            f"{path}: {size(packed)} unpacking to {size(unpacked)}, compressed over "
            f"{MAX_COMPRESSION_RATIO}:1 (a zip bomb, not model weights)"
        )
    return unpacked


def check_tokenizer(data: bytes, where: str) -> None:
    """Refuse a SentencePiece model that SentencePiece cannot load, or one without pieces.

    SentencePiece's C++ logging writes to file descriptor 2 directly, so it is silenced while
    the untrusted model is probed: the user gets one line from us instead.
    """
    import sentencepiece

    with _quiet_stderr():
        try:
            processor = sentencepiece.SentencePieceProcessor(model_proto=data)
            pieces = processor.get_piece_size()
        except (RuntimeError, OSError, ValueError):
            pieces = 0
    if pieces == 0:
        raise BadArchiveError(f"{where}: not a SentencePiece model SentencePiece can load")


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    import sys

    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


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
    declared = bundle.getinfo(name).file_size
    if declared > MAX_METADATA_BYTES:
        raise BadArchiveError(
            f"{path}: {name} is {size(declared)}, over the limit of {size(MAX_METADATA_BYTES)}"
        )
    try:
        metadata = parse_metadata(bundle.read(name), f"{path}: {name}")
    except InputError as error:
        raise BadArchiveError(str(error)) from None
    if metadata.get("type", "translate") != "translate":
        raise BadArchiveError(f"{path}: {name} describes a {metadata['type']!r} package")
    return metadata


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install_file(
    path: Path, sha256: str | None = None, announced: PackageInfo | None = None
) -> Installation:
    """Install a `.argosmodel` file, checking its SHA-256 when given: validated, then
    installed atomically, replacing an installed older package for the same pair.

    The archive's own metadata decides the pair and version; `announced` is what an index
    said it holds. A package older than the installed one is refused.
    """
    archive = _validate(path, sha256)
    package = _info(archive.metadata)
    if announced is not None and package.pair != announced.pair:
        raise BadArchiveError(
            f"{path}: holds a {package.arrow} package; the index announced {announced.arrow}"
        )
    directory = packages_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(directory).free
    except OSError as error:
        raise ModelError(f"{directory}: cannot install there: {error.strerror}") from None
    if archive.unpacked > free:
        raise ModelError(
            f"{directory}: {size(free)} free, the package unpacks to {size(archive.unpacked)}"
        )
    with _locked(directory):
        previous = _installed_pair(package.from_code, package.to_code)
        newest = max(previous, key=_version_key) if previous else None
        if newest is not None and _version_key(newest) > _version_key(package):
            claimed = (
                f" (the index announced {announced.package_version})"
                if announced is not None and announced.package_version != package.package_version
                else ""
            )
            raise ModelError(
                f"{path}: holds {package.arrow} {package.package_version}{claimed}, older than "
                f"the installed {newest.package_version}, which stays; to go back, "
                f"`translate models remove {package.pair}` first"
            )
        target = directory / archive.folder
        if target.exists() and all(info.path != target for info in previous):
            raise ModelError(
                f"{target} exists and is not the {package.arrow} package; "
                "move it away before installing"
            )
        try:
            _replace_installed(path, archive, previous, target)
        except OSError as error:
            where = error.filename or directory
            raise ModelError(f"{where}: cannot install: {error.strerror}") from None
    installed = _read_installed(target)
    assert installed is not None
    return Installation(installed, replaced=newest)


def _replace_installed(
    path: Path, archive: _Archive, previous: list[PackageInfo], target: Path
) -> None:
    """Extract beside the target, then rename into place; on failure the old stays."""
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=target.parent))
    try:
        with zipfile.ZipFile(path) as bundle:
            bundle.extractall(staging)
        _check_argos_reads(path, staging / archive.folder)
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


def _check_argos_reads(path: Path, folder: Path) -> None:
    from argostranslate.package import Package

    try:
        Package(folder)
    except (OSError, ValueError, AttributeError, TypeError):
        raise BadArchiveError(f"{path}: Argos cannot read the package's metadata.json") from None


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
