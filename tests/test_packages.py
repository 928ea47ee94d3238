"""`translate models`: list, install (index over http, file:// mirror, file) and remove.

Every install uses a real package built by tests/support/argos_builder.py; nothing is
downloaded from outside 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import json
import socket
import stat
import zipfile
from pathlib import Path

import pytest

from tests.support.argos_builder import PackageRecipe, make_mirror, serve_directory
from tests.support.cli import REPO, run_translate
from translate.errors import BadArchiveError, InputError, ModelError, NetworkError
from translate.packages import (
    DEFAULT_INDEX,
    argos_settings,
    available_packages,
    find_installed,
    index_url,
    install_file,
    install_pairs,
    installed_packages,
    parse_pair,
    remove,
)

REAL_INDEX = REPO / "tests" / "data" / "argos-index.json"


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens: a connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize(
    ("text", "pair"),
    [("en-ar", ("en", "ar")), ("en_tr", ("en", "tr")), (" EN-RU ", ("en", "ru"))],
)
def test_parse_pair(text, pair):
    assert parse_pair(text) == pair


@pytest.mark.parametrize("text", ["english", "en", "en-", "en-ar-tr", "e-ar", "en/ar"])
def test_parse_pair_rejects(text):
    with pytest.raises(InputError, match="FROM-TO"):
        parse_pair(text)


@pytest.mark.parametrize(
    ("option", "environment", "expected"),
    [
        (None, None, DEFAULT_INDEX + "index.json"),
        ("http://mirror.example/argos", None, "http://mirror.example/argos/index.json"),
        ("http://mirror.example/argos/", None, "http://mirror.example/argos/index.json"),
        ("file:///srv/mirror/", None, "file:///srv/mirror/index.json"),
        ("https://x.example/list.json", None, "https://x.example/list.json"),
        ("/srv/mirror", None, "file:///srv/mirror/index.json"),
        (None, "file:///srv/env/", "file:///srv/env/index.json"),
        ("http://option.example/", "file:///srv/env/", "http://option.example/index.json"),
    ],
)
def test_index_url(monkeypatch, option, environment, expected):
    if environment is None:
        monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    else:
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", environment)
    assert index_url(option) == expected


def test_list_available_parses_the_real_index(argos_home):
    result = run_translate(
        "models", "list", "--available", "--index", REAL_INDEX, "--format", "json", cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert len(entries) == 96
    versions = {entry["pair"]: entry["package_version"] for entry in entries}
    assert (versions["en-ar"], versions["en-tr"], versions["en-ru"]) == ("1.0", "1.5", "1.9")
    english_arabic = next(entry for entry in entries if entry["pair"] == "en-ar")
    assert english_arabic["links"][0] == "https://argos-net.com/v1/translate-en_ar-1_0.argosmodel"
    assert english_arabic["installed_version"] is None

    text = run_translate("models", "list", "--available", "--index", REAL_INDEX, cwd=REPO)
    assert text.returncode == 0
    assert text.stdout.count("\n") == 96
    assert any(line.split()[:2] == ["en-ru", "1.9"] for line in text.stdout.splitlines())
    assert "96 packages" in text.stderr


def test_install_from_an_http_mirror(argos_home, tiny_package, tmp_path, seed_segments):
    recipe = PackageRecipe()
    with serve_directory(tmp_path / "mirror") as url:
        make_mirror(tmp_path / "mirror", [(recipe, tiny_package)], base_url=url)
        result = run_translate("models", "install", "en-xx", "--index", url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = argos_home.packages / recipe.folder_name
    assert result.stdout == f"installed en→xx 1.0 in {target}\n"
    assert f"fetching translate-en_xx 1.0 from {url}{tiny_package.name}\n" in result.stderr

    listed = run_translate("models", "list", "--format", "json", cwd=tmp_path)
    assert [entry["path"] for entry in json.loads(listed.stdout)] == [str(target)]
    # What Argos itself sees in that folder, read by Argos' own code.
    from argostranslate.package import get_installed_packages

    argos_settings()
    [package] = get_installed_packages()
    assert (package.from_code, package.to_code, package.package_version) == ("en", "xx", "1.0")
    assert argos_home.listing().count(recipe.folder_name) == 1


@pytest.mark.parametrize("style", ["folder in ARGOS_PACKAGE_INDEX", "file:// URL in --index"])
def test_install_from_a_file_mirror(argos_home, tiny_package, tmp_path, monkeypatch, style):
    mirror = tmp_path / "mirror folder"
    if style.startswith("folder"):
        make_mirror(mirror, [(PackageRecipe(), tiny_package)])  # links relative to the index
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", str(mirror))
        options: list[str | Path] = []
    else:
        make_mirror(mirror, [(PackageRecipe(), tiny_package)], base_url=mirror.as_uri() + "/")
        options = ["--index", mirror.as_uri()]
    result = run_translate("models", "install", "en-xx", *options, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    installed = find_installed("en", "xx")
    assert installed is not None and installed.package_version == "1.0"
    assert (installed.path / "model" / "model.bin").is_file()
    assert (mirror / tiny_package.name).is_file()  # a file:// link is read, not moved


def test_reinstall_is_a_no_op_and_a_newer_version_replaces(argos_home, argos_package, tmp_path):
    first, second = PackageRecipe(version="1.9"), PackageRecipe(version="1.10", seed=2)
    make_mirror(tmp_path / "old", [(first, argos_package(first))])
    make_mirror(tmp_path / "new", [(second, argos_package(second))])

    [installed] = install_pairs([("en", "xx")], str(tmp_path / "old"))
    assert not installed.unchanged and installed.replaced is None
    [again] = install_pairs([("en", "xx")], str(tmp_path / "old"))
    assert again.unchanged and again.package == installed.package

    result = run_translate("models", "install", "en-xx", "--index", tmp_path / "new", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "installed en→xx 1.10" in result.stdout and "(replaced 1.9)" in result.stdout
    assert [package.package_version for package in installed_packages()] == ["1.10"]
    assert [path.name for path in argos_home.packages.iterdir() if path.is_dir()] == [
        second.folder_name
    ]
    [older] = install_pairs([("en", "xx")], str(tmp_path / "old"))
    assert older.unchanged and older.package.package_version == "1.10"  # never a downgrade


def test_install_file_checks_the_sha256(argos_home, tiny_package, tmp_path):
    digest = hashlib.sha256(tiny_package.read_bytes()).hexdigest()
    wrong = "0" * 64
    result = run_translate(
        "models", "install", "--file", tiny_package, "--sha256", wrong, cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"translate: error: {tiny_package}: SHA-256 is {digest}, expected {wrong}\n"
    )
    assert argos_home.listing() == []

    result = run_translate(
        "models", "install", "--file", tiny_package, "--sha256", digest.upper(), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert find_installed("en", "xx") is not None


# Bad archives: each is the good package with one thing wrong ------------------------------


def _members(archive: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(archive) as bundle:
        return [(info, bundle.read(info)) for info in bundle.infolist()]


def _write(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        for info, data in members:
            bundle.writestr(info, data)
    return path


def _without(suffix: str):
    def change(members):
        return [(info, data) for info, data in members if not info.filename.endswith(suffix)]

    return change


def _with(name: str, data: bytes = b"x", mode: int | None = None):
    def change(members):
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.external_attr = mode << 16
        return [*members, (info, data)]

    return change


def _metadata(text: bytes):
    def change(members):
        return [
            (info, text if info.filename.endswith("metadata.json") else data)
            for info, data in members
        ]

    return change


def _second_folder(members):
    return [*members, *((f"other/{info.filename}", data) for info, data in members[:2])]


BAD_ARCHIVES = {
    "not a zip": ("not a zip archive", None),
    "truncated": ("not a zip archive (or truncated)", None),
    "two top-level folders": ("2 top-level folders (other, translate-en_xx-1_0)", _second_folder),
    "a file at the root": ("outside the package folder", _with("README.md")),
    "no metadata.json": ("no translate-en_xx-1_0/metadata.json", _without("metadata.json")),
    "no model.bin": ("no translate-en_xx-1_0/model/model.bin", _without("model.bin")),
    "no tokenizer": ("no tokenizer", _without("sentencepiece.model")),
    "metadata without to_code": ("metadata.json: no to_code", _metadata(b'{"from_code": "en"}')),
    "metadata not JSON": ("metadata.json:1: not valid JSON", _metadata(b"{from_code")),
    "an absolute path": ("unsafe path '/tmp/evil' (absolute)", _with("/tmp/evil")),
    "a .. path": (
        "unsafe path 'translate-en_xx-1_0/../../evil' (contains ..)",
        _with("translate-en_xx-1_0/../../evil"),
    ),
    "a symbolic link": (
        "unsafe member 'translate-en_xx-1_0/link' (a symbolic link)",
        _with("translate-en_xx-1_0/link", b"/etc/passwd", stat.S_IFLNK | 0o777),
    ),
    "a damaged member": ("damaged zip archive: bad checksum for", None),
}


def make_bad_archive(kind: str, good: Path, directory: Path) -> Path:
    path = directory / f"{kind.replace(' ', '-')}.argosmodel"
    if kind == "not a zip":
        path.write_text("<html>404 Not Found</html>")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "a damaged member":
        members = _members(good)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as bundle:
            for info, data in members:
                bundle.writestr(info.filename, data)
        raw = bytearray(path.read_bytes())
        spot = raw.find(b"Random weights for tests")  # inside README.md's stored bytes
        raw[spot] ^= 0xFF
        path.write_bytes(bytes(raw))
    else:
        path = _write(path, BAD_ARCHIVES[kind][1](_members(good)))
    return path


@pytest.mark.parametrize("kind", BAD_ARCHIVES)
def test_bad_archive_is_refused_and_nothing_changes(kind, argos_home, argos_package, tmp_path):
    keep = PackageRecipe(to_code="ar")
    install_file(argos_package(keep))
    before = argos_home.listing()
    bad = make_bad_archive(kind, argos_package(PackageRecipe()), tmp_path)
    with pytest.raises(BadArchiveError) as raised:
        install_file(bad)
    message = str(raised.value)
    assert message.startswith(f"{bad}: ") and BAD_ARCHIVES[kind][0] in message
    assert "\n" not in message
    assert argos_home.listing() == before
    assert not (tmp_path.parent / "evil").exists() and not Path("/tmp/evil").exists()


def test_bad_archive_through_the_cli(argos_home, tiny_package, tmp_path):
    bad = make_bad_archive("a .. path", tiny_package, tmp_path)
    result = run_translate("models", "install", "--file", bad, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"translate: error: {bad}: unsafe path 'translate-en_xx-1_0/../../evil' (contains ..)\n"
    )
    assert result.stdout == "" and argos_home.listing() == []


# No network, wrong pairs, usage ----------------------------------------------------------


def test_install_without_network_names_the_offline_alternatives(argos_home, tmp_path):
    url = closed_port_url()
    result = run_translate("models", "install", "en-ar", "--index", url, cwd=tmp_path)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"translate: error: cannot read the package index {url}index.json: ")
    assert "--file PATH.argosmodel" in line and "--index" in line and "mirror" in line
    assert argos_home.listing() == []


def test_unreachable_package_link(argos_home, tiny_package, tmp_path):
    make_mirror(tmp_path / "mirror", [(PackageRecipe(), tiny_package)], base_url=closed_port_url())
    with pytest.raises(NetworkError, match=r"cannot download translate-en_xx 1\.0 from http"):
        install_pairs([("en", "xx")], str(tmp_path / "mirror"))
    assert argos_home.listing() == []


def test_unknown_pair_is_refused_before_any_download(argos_home, argos_package, tmp_path):
    make_mirror(tmp_path / "mirror", [(PackageRecipe(), argos_package(PackageRecipe()))])
    with pytest.raises(InputError, match=r"no en→zz package in .* \(it has en→xx"):
        install_pairs([("en", "xx"), ("en", "zz")], str(tmp_path / "mirror"))
    assert argos_home.listing() == []


def test_not_an_index(argos_home, tmp_path):
    (tmp_path / "index.json").write_text('\n{"packages": []}')
    with pytest.raises(InputError, match=r"index.json:2: not a package index: expected a JSON"):
        available_packages(str(tmp_path))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["install"], "name the pairs to install"),
        (["install", "en-ar", "--file", "x.argosmodel"], "give language pairs or --file, not both"),
        (["install", "en-ar", "--sha256", "00"], "--sha256 checks a --file archive"),
        (["install", "english"], "'english' is not a language pair"),
        (["install", "--file", "missing.argosmodel"], "missing.argosmodel: no such file"),
    ],
)
def test_usage_errors(arguments, message, argos_home, tmp_path):
    result = run_translate("models", *arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("translate: error: ") and message in result.stderr
    assert argos_home.listing() == []


def test_remove(argos_home, tiny_package, tmp_path):
    install_file(tiny_package)
    result = run_translate("models", "remove", "en-xx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("removed en→xx 1.0 from ")
    assert find_installed("en", "xx") is None
    assert [path for path in argos_home.packages.iterdir() if path.is_dir()] == []

    again = run_translate("models", "remove", "en-xx", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr == (
        f"translate: error: no en→xx model is installed in {argos_home.packages}\n"
    )
    with pytest.raises(ModelError):
        remove("en", "xx")


def test_list_installed(argos_home, argos_package, tmp_path):
    empty = run_translate("models", "list", cwd=tmp_path)
    assert empty.returncode == 0 and empty.stdout == ""
    assert (
        "no models installed" in empty.stderr and "translate models install en-ar" in empty.stderr
    )
    for language in ("ru", "ar"):
        install_file(argos_package(PackageRecipe(to_code=language)))
    (argos_home.packages / "not-a-package").mkdir()  # ignored, as Argos would choke on it
    listed = run_translate("models", "list", cwd=tmp_path)
    lines = listed.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [["en-ar", "1.0"], ["en-ru", "1.0"]]
    assert "English → Arabic" in lines[0]
