"""`translate models` against hostile packages, indexes and servers: versions, sizes,
deadlines and malformed input, each through the real CLI. Servers are on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from tests.support.argos_builder import PackageRecipe, index_entry, make_mirror, serve_directory
from tests.support.cli import make_project, run_translate
from tests.support.faults import (
    declared,
    endless,
    namespaces,
    run_with_disk,
    serve,
    translate_command,
    trickle,
)
from translate.packages import find_installed

OLD, NEW = PackageRecipe(version="0.5", seed=3), PackageRecipe(version="1.0")


def one_line_error(result, code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("translate: error: "), result.stderr
    return lines[0]


def rezip(good: Path, path: Path, change) -> Path:
    """A copy of the package `good` with `change(name, data)` applied to each member."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                out.writestr(info.filename, data)
    return path


def replacing(suffix: str, data: bytes):
    return lambda name, old: data if name.endswith(suffix) else old


# Versions: the archive's metadata decides, an older package never replaces a newer --------


def test_an_older_file_never_replaces_a_newer_install(argos_home, argos_package, tmp_path):
    assert (
        run_translate("models", "install", "--file", argos_package(NEW), cwd=tmp_path).returncode
        == 0
    )
    before = argos_home.listing()
    result = run_translate("models", "install", "--file", argos_package(OLD), cwd=tmp_path)
    line = one_line_error(result, 1)
    assert "holds en→xx 0.5, older than the installed 1.0, which stays" in line
    assert "translate models remove en-xx" in line
    assert argos_home.listing() == before
    assert find_installed("en", "xx").package_version == "1.0"


def test_the_archive_not_the_index_says_which_version(argos_home, argos_package, tmp_path):
    """An index that announces 2.0 for a 0.5 archive installs 0.5 where nothing is
    installed, and refuses it over 1.0."""
    mirror = tmp_path / "mirror"
    make_mirror(mirror, [(OLD, argos_package(OLD))])
    entry = index_entry(OLD, [argos_package(OLD).name]) | {"package_version": "2.0"}
    (mirror / "index.json").write_text(json.dumps([entry]))

    fresh = run_translate("models", "install", "en-xx", "--index", mirror, "-q", cwd=tmp_path)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout.startswith("installed en→xx 0.5 in ")
    assert find_installed("en", "xx").package_version == "0.5"

    assert (
        run_translate("models", "install", "--file", argos_package(NEW), cwd=tmp_path).returncode
        == 0
    )
    before = argos_home.listing()
    result = run_translate("models", "install", "en-xx", "--index", mirror, "-q", cwd=tmp_path)
    line = one_line_error(result, 1)
    assert "holds en→xx 0.5 (the index announced 2.0), older than the installed 1.0" in line
    assert argos_home.listing() == before


def test_an_archive_of_another_pair_than_announced_is_refused(argos_home, argos_package, tmp_path):
    arabic = PackageRecipe(to_code="ar")
    mirror = tmp_path / "mirror"
    make_mirror(mirror, [(arabic, argos_package(arabic))])
    entry = index_entry(PackageRecipe(), [argos_package(arabic).name])
    (mirror / "index.json").write_text(json.dumps([entry]))
    result = run_translate("models", "install", "en-xx", "--index", mirror, "-q", cwd=tmp_path)
    assert "holds a en→ar package; the index announced en→xx" in one_line_error(result, 2)
    assert argos_home.listing() == []


# Sizes ---------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_extraction(argos_home, tiny_package, tmp_path):
    bomb = rezip(
        tiny_package, tmp_path / "bomb.argosmodel", replacing("model.bin", bytes(64 << 20))
    )
    assert bomb.stat().st_size < 1 << 20
    result = run_translate("models", "install", "--file", bomb, cwd=tmp_path)
    assert "compressed over 100:1 (a zip bomb" in one_line_error(result, 2)
    assert argos_home.listing() == []


def test_the_declared_unpacked_size_has_a_configurable_limit(argos_home, tiny_package, tmp_path):
    environment = {"DRAGOMAN_MAX_PACKAGE_BYTES": "100000"}
    result = run_translate(
        "models", "install", "--file", tiny_package, cwd=tmp_path, env=environment
    )
    line = one_line_error(result, 2)
    assert "unpacks to 625 KiB, over the limit of 97.7 KiB (DRAGOMAN_MAX_PACKAGE_BYTES)" in line
    assert argos_home.listing() == []
    bad = run_translate("models", "list", cwd=tmp_path, env={"DRAGOMAN_MAX_PACKAGE_BYTES": "lots"})
    assert bad.returncode == 0  # listing reads no limit
    wrong = run_translate(
        "models",
        "install",
        "--file",
        tiny_package,
        cwd=tmp_path,
        env={"DRAGOMAN_MAX_PACKAGE_BYTES": "lots"},
    )
    assert "DRAGOMAN_MAX_PACKAGE_BYTES='lots': expected a positive number" in one_line_error(
        wrong, 2
    )


def test_a_member_larger_than_declared_is_never_unpacked(argos_home, tiny_package, tmp_path):
    """zipfile stops at the declared size; the CRC check then refuses the member."""
    liar = tmp_path / "liar.argosmodel"
    liar.write_bytes(tiny_package.read_bytes())
    raw = bytearray(liar.read_bytes())
    with zipfile.ZipFile(tiny_package) as bundle:
        info = bundle.getinfo("translate-en_xx-1_0/model/model.bin")
    struct.pack_into("<I", raw, info.header_offset + 22, 1000)  # local header
    central = raw.find(b"PK\x01\x02" + raw[info.header_offset + 4 : info.header_offset + 16])
    struct.pack_into("<I", raw, central + 24, 1000)  # central directory
    liar.write_bytes(bytes(raw))
    result = run_translate("models", "install", "--file", liar, cwd=tmp_path)
    assert "damaged zip archive" in one_line_error(result, 2)
    assert argos_home.listing() == []


def test_a_large_metadata_json_is_refused(argos_home, tiny_package, tmp_path):
    metadata = NEW.metadata() | {"note": "x" * (2 << 20)}
    big = rezip(
        tiny_package,
        tmp_path / "big.argosmodel",
        replacing("metadata.json", json.dumps(metadata).encode()),
    )
    result = run_translate("models", "install", "--file", big, cwd=tmp_path)
    assert "metadata.json is 2 MiB, over the limit of 1 MiB" in one_line_error(result, 2)
    assert argos_home.listing() == []
    # Nor is one already in the folder read: that folder is not a package.
    folder = argos_home.packages / "translate-en_xx-9_0"
    folder.mkdir()
    (folder / "metadata.json").write_text(json.dumps(metadata))
    listed = run_translate("models", "list", "--format", "json", cwd=tmp_path)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


@pytest.mark.skipif(not namespaces(), reason="needs unshare and user namespaces")
def test_a_package_larger_than_the_free_space_is_refused(tiny_package, tmp_path):
    packages = tmp_path / "packages"
    packages.mkdir()
    result = run_with_disk(
        [f"mount -t tmpfs -o size=512k tmpfs {packages}"],
        translate_command("models", "install", "--file", tiny_package),
        cwd=tmp_path,
        env={"ARGOS_PACKAGES_DIR": str(packages)},
        after=[f"find {packages} -mindepth 1"],
    )
    assert result.stdout.splitlines()[-1] == "exit=1", result.stderr
    assert result.stderr.splitlines() == [
        f"translate: error: {packages}: 512 KiB free, the package unpacks to 625 KiB"
    ]
    assert [line for line in result.stdout.splitlines()[:-1] if ".lock" not in line] == []


# Downloads: size and whole-request deadline -------------------------------------------------


def test_an_endless_index_is_cut_at_its_limit(argos_home, tmp_path):
    with serve(endless(at_most=24 << 20)) as url:
        result = run_translate("models", "list", "--available", "--index", url, cwd=tmp_path)
    line = one_line_error(result, 1)
    assert f"cannot read the package index {url}index.json: more than the limit of 16 MiB" in line


@pytest.mark.parametrize("headers", [True, False], ids=["slow body", "slow headers"])
def test_an_index_trickling_a_byte_at_a_time_meets_the_deadline(argos_home, tmp_path, headers):
    body = json.dumps([index_entry(NEW, ["x.argosmodel"])]).encode()
    with serve(trickle(body, interval=0.05, headers=headers)) as url:
        result = run_translate(
            "models",
            "list",
            "--available",
            "--index",
            url,
            cwd=tmp_path,
            env={"DRAGOMAN_INDEX_DEADLINE": "1"},
        )
    line = one_line_error(result, 1)
    assert f"cannot read the package index {url}index.json: not complete within 1 s" in line


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (endless(at_most=8 << 20), "more than the limit of 1 MiB"),
        (declared(5 << 30), "announces 5 GiB, over the limit of 1 MiB"),
        (trickle(b"PK" * 1000, interval=0.05), "not complete within 1 s"),
    ],
    ids=["endless", "declared too large", "trickle"],
)
def test_a_package_download_is_bounded(argos_home, tmp_path, behaviour, reason):
    with serve(behaviour) as url:
        mirror = tmp_path / "mirror"
        mirror.mkdir()
        (mirror / "index.json").write_text(json.dumps([index_entry(NEW, [url + "p.argosmodel"])]))
        result = run_translate(
            "models",
            "install",
            "en-xx",
            "--index",
            mirror,
            "--quiet",
            cwd=tmp_path,
            env={"DRAGOMAN_MAX_PACKAGE_BYTES": str(1 << 20), "DRAGOMAN_DOWNLOAD_DEADLINE": "1"},
        )
    line = one_line_error(result, 1)
    assert f"cannot download translate-en_xx 1.0 from {url}p.argosmodel: {reason}" in line
    assert argos_home.listing() == []


# Malformed indexes and metadata -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[" * 100_000, "index.json:1: nested deeper than 100 levels"),
        (
            b'[\n{"from_code": "en", "to_code": "xx", "package_version": "1.0", "links": 5}]',
            "index.json:2: links must be a list of URLs",
        ),
        (
            b'[{"from_code": "en", "to_code": "xx", "package_version": [1, 2], "links": []}]',
            'index.json:1: package_version [1, 2] is not a version like "1.9"',
        ),
        (b"[\x00\xff\xfe]", "index.json:1: not valid UTF-8 (byte offset 2)"),
        (b'[\n\n{"a": 1,}]', "index.json:3: not valid JSON: Expecting property name"),
        (b"[1]", "index.json:1: an index entry must be a JSON object"),
    ],
    ids=["deep", "links 5", "version list", "not UTF-8", "syntax", "not an object"],
)
def test_a_malformed_index_is_one_located_line(argos_home, tmp_path, content, message):
    (tmp_path / "index.json").write_bytes(content)
    result = run_translate("models", "list", "--available", "--index", tmp_path, cwd=tmp_path)
    line = one_line_error(result, 2)
    assert message in line and "UTF-16" not in line


def test_an_http_index_may_not_link_local_files(argos_home, tiny_package, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.json").write_text(json.dumps([index_entry(NEW, [tiny_package.as_uri()])]))
    with serve_directory(site) as url:
        result = run_translate("models", "install", "en-xx", "--index", url, cwd=tmp_path)
    line = one_line_error(result, 2)
    assert line.endswith(f"index.json:1: an http(s) index may not link {tiny_package.as_uri()}")
    assert argos_home.listing() == []


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        (NEW.metadata() | {"package_version": [1, 2]}, "package_version [1, 2] is not a version"),
        ("[" * 5000, "metadata.json:1: nested deeper than 100 levels"),
    ],
    ids=["version list", "deep"],
)
def test_malformed_metadata_is_refused(argos_home, tiny_package, tmp_path, metadata, message):
    data = (metadata if isinstance(metadata, str) else json.dumps(metadata)).encode()
    bad = rezip(tiny_package, tmp_path / "bad.argosmodel", replacing("metadata.json", data))
    result = run_translate("models", "install", "--file", bad, cwd=tmp_path)
    assert message in one_line_error(result, 2)
    assert argos_home.listing() == []


@pytest.mark.parametrize("tokenizer", [b"garbage, not a protobuf", b""], ids=["garbage", "empty"])
def test_a_tokenizer_sentencepiece_cannot_load_is_refused(
    argos_home, tiny_package, tmp_path, tokenizer
):
    bad = rezip(
        tiny_package, tmp_path / "bad.argosmodel", replacing("sentencepiece.model", tokenizer)
    )
    result = run_translate("models", "install", "--file", bad, cwd=tmp_path)
    line = one_line_error(result, 2)
    assert line.endswith(
        "translate-en_xx-1_0/sentencepiece.model: not a SentencePiece model SentencePiece can load"
    )
    assert argos_home.listing() == []


def test_an_installed_tokenizer_that_cannot_load_stops_the_run_first(tiny_models, tmp_path):
    packages = tmp_path / "packages"
    shutil.copytree(tiny_models, packages)
    [folder] = packages.glob("translate-en_tr-*")
    (folder / "sentencepiece.model").write_bytes(b"garbage")
    project = make_project(tmp_path / "project")
    result = run_translate(
        "run",
        "--mt",
        "require",
        "--to",
        "tr",
        cwd=project,
        env={"ARGOS_PACKAGES_DIR": str(packages)},
    )
    line = one_line_error(result, 2)
    assert line.endswith("sentencepiece.model: not a SentencePiece model SentencePiece can load")
    assert not (project / "locales").exists()
