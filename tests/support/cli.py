"""Running the real `translate` console script in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TRANSLATE = Path(sys.executable).parent / "translate"
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "aleppo-offensive.txt"


def run_translate(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run `translate ARGS` in `cwd`; never raises on a non-zero exit."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [str(TRANSLATE), *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def with_models(models: Path) -> dict[str, str]:
    """The environment for `run_translate` that uses the packages installed in `models`."""
    return {"ARGOS_PACKAGES_DIR": str(models)}


def make_project(root: Path, *, sources: dict[str, str | bytes] | None = None) -> Path:
    """A minimal project folder: pyproject with [tool.translate] and the given sources."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        '[tool.translate]\nsource_language = "en"\ntarget_languages = ["ar", "tr", "ru"]\n'
        'sources = ["seeds/*.txt"]\nlocales_dir = "locales"\nglossary_dir = "glossary"\n',
        encoding="utf-8",
    )
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    if sources is None:
        sources = {"aleppo-offensive.txt": SEED.read_bytes()}
    for name, content in sources.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return root
