"""Shared fixtures: small real Argos packages and an Argos environment isolated from the user's.

At import, before anything imports `argostranslate` (whose settings module creates folders
under the home directory), HOME, the XDG folders and ARGOS_PACKAGES_DIR are pointed into a
temporary sandbox for the whole session, and ARGOS_PACKAGE_INDEX at a folder that does not
exist: no test touches the real home, finds models installed there, or reaches the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.argos_builder import COPYING, PackageRecipe, build_package
from tests.support.cli import SEED

_SANDBOX = Path(tempfile.mkdtemp(prefix="dragoman-tests-"))
for _variable, _folder in {
    "HOME": "home",
    "XDG_DATA_HOME": "data",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "ARGOS_PACKAGES_DIR": "packages",
}.items():
    (_SANDBOX / _folder).mkdir()
    os.environ[_variable] = str(_SANDBOX / _folder)
os.environ["ARGOS_PACKAGE_INDEX"] = str(_SANDBOX / "no-index")

# The languages the project translates into; every tiny package is en→<language>.
TINY_LANGUAGES = ("ar", "tr", "ru", "xx")
PROJECT_LANGUAGES = ("ar", "tr", "ru")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SANDBOX, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_segments() -> list[str]:
    """The seed article's 63 segments, as the pipeline feeds them to the engine."""
    from translate.segment import segment_document
    from translate.source import read_document

    return [segment.text for segment in segment_document(read_document(SEED))]


@pytest.fixture(scope="session")
def argos_package(
    seed_text: str, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[PackageRecipe], Path]:
    """`argos_package(recipe)` builds (once per recipe) a small real `.argosmodel` file."""
    directory = tmp_path_factory.mktemp("argos-packages")
    built: dict[PackageRecipe, Path] = {}

    def build(recipe: PackageRecipe) -> Path:
        if recipe not in built:
            built[recipe] = build_package(recipe, seed_text, directory / str(len(built)))
        return built[recipe]

    return build


@pytest.fixture(scope="session")
def tiny_package(argos_package: Callable[[PackageRecipe], Path]) -> Path:
    """The en→xx test package (tiny Transformer, random weights): `translate-en_xx-1_0`."""
    return argos_package(PackageRecipe())


@dataclass(frozen=True)
class ArgosHome:
    """An empty packages folder, set as ARGOS_PACKAGES_DIR for the test and its subprocesses."""

    packages: Path

    def listing(self) -> list[str]:
        """Everything under the packages folder, to compare before and after."""
        return sorted(str(path.relative_to(self.packages)) for path in self.packages.rglob("*"))


@pytest.fixture
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ArgosHome:
    packages = tmp_path / "argos-packages"
    packages.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    return ArgosHome(packages)


def _packages_folder(
    name: str,
    recipes: list[PackageRecipe],
    argos_package: Callable[[PackageRecipe], Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """A new packages folder with the packages of `recipes` installed."""
    from translate.packages import install_file

    packages = tmp_path_factory.mktemp(name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packages))
        for recipe in recipes:
            install_file(argos_package(recipe))
    return packages


@pytest.fixture(scope="session")
def tiny_models(
    argos_package: Callable[[PackageRecipe], Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A packages folder with en→ar, en→tr, en→ru and en→xx tiny packages installed.

    Shared by the session: point ARGOS_PACKAGES_DIR at it (monkeypatch.setenv, or the env of
    a subprocess) and do not install into or remove from it.
    """
    recipes = [PackageRecipe(to_code=language) for language in TINY_LANGUAGES]
    return _packages_folder("tiny-models", recipes, argos_package, tmp_path_factory)


@pytest.fixture(scope="session")
def copy_models(
    argos_package: Callable[[PackageRecipe], Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A packages folder with en→ar, en→tr and en→ru copying packages installed: real
    Transformers whose output is their input, so glossary placeholders survive MT.

    Shared by the session and read-only, as `tiny_models`.
    """
    recipes = [
        PackageRecipe(to_code=language, shape=COPYING, copying=True)
        for language in PROJECT_LANGUAGES
    ]
    return _packages_folder("copy-models", recipes, argos_package, tmp_path_factory)


@pytest.fixture(scope="session")
def toolkit() -> Path:
    """translate-toolkit, installed once beside the venv and never on its import path.

    Its import package is also called `translate`, so it cannot be installed into the
    project's environment; a subprocess puts this folder first on its path instead.
    """
    target = Path(sys.prefix) / "isolated" / "translate-toolkit-3.20.4"
    if not (target / "translate" / "storage" / "tbx.py").exists():
        staging = target.with_name(target.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--target", str(staging),
             "translate-toolkit==3.20.4", "unicode-segmentation-rs>=0.2,<1.1"],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            pytest.skip(f"translate-toolkit could not be installed: {result.stderr[-300:]}")
        staging.rename(target)
    return target
