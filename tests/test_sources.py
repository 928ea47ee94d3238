"""Which sources `extract` and `run` take: files, folders (recursively) and globs, from the
command line or `sources` in the config; one clear line for what cannot be used."""

import pytest

from tests.support.cli import make_project, run_translate

ARCHIVE = {
    "2026/01/a.txt": "First article.",
    "2026/02/b.txt": "Second article.",
    "2026/02/notes.md": "Not an article.",
    "c.txt": "Third article.",
}


def archive_project(tmp_path, sources: list[str] | None = None):
    root = make_project(tmp_path / "project", sources={})
    for name, text in ARCHIVE.items():
        path = root / "archive" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if sources is not None:
        listed = ", ".join(f'"{source}"' for source in sources)
        pyproject = root / "pyproject.toml"
        pyproject.write_text(
            pyproject.read_text(encoding="utf-8").replace('["seeds/*.txt"]', f"[{listed}]"),
            encoding="utf-8",
        )
    return root


def templates(result) -> list[str]:
    return [line.split(":")[0] for line in result.stderr.splitlines()]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["archive"], ["a", "b", "c"]),
        (["archive/2026"], ["a", "b"]),
        (["archive/**/b.txt", "archive/c.txt"], ["b", "c"]),
        (["archive/c.txt", "archive/2026/*/*.txt"], ["c", "a", "b"]),
        (["archive/c.txt", "archive"], ["c", "a", "b"]),  # named twice: once
    ],
)
def test_folders_globs_and_files_on_the_command_line(tmp_path, arguments, expected):
    root = archive_project(tmp_path)
    result = run_translate("extract", *arguments, cwd=root)
    assert result.returncode == 0, result.stderr
    assert templates(result) == [f"locales/{stem}.pot" for stem in expected]


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (["archive"], ["a", "b", "c"]),
        (["archive/2026/**/*.txt"], ["a", "b"]),
        (["archive/c.txt", "archive/2026/01"], ["c", "a"]),
    ],
)
def test_folders_globs_and_files_in_the_config(tmp_path, sources, expected):
    root = archive_project(tmp_path, sources)
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in (root / "locales/tr/LC_MESSAGES").glob("*.po")) == sorted(
        expected
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["archive/nope.txt"], "archive/nope.txt: no such file or folder"),
        (["archive/nope"], "archive/nope: no such file or folder"),
        (["archive/*.po"], "no source files match archive/*.po"),
        (["empty"], "empty: no *.txt files in this folder"),
        (
            ["archive", "elsewhere"],
            "elsewhere/c.txt: same name as archive/c.txt; both would write the catalogs "
            "for domain 'c'",
        ),
    ],
)
def test_unusable_sources_are_one_line_and_write_nothing(tmp_path, arguments, message):
    root = archive_project(tmp_path)
    (root / "empty").mkdir()
    (root / "elsewhere").mkdir()
    (root / "elsewhere/c.txt").write_text("Another third.", encoding="utf-8")
    for command in ("extract", "run"):
        result = run_translate(command, *arguments, cwd=root)
        assert result.returncode == 2
        assert result.stderr == f"translate: error: {message}\n"
    assert not (root / "locales").exists()
