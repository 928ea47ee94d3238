from pathlib import Path

import pytest

from translate.config import load_config
from translate.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_project_configuration_is_found_from_a_subfolder(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        '[tool.translate]\ntarget_languages = ["ru"]\nlocales_dir = "po"\n',
    )
    (tmp_path / "deep" / "er").mkdir(parents=True)
    config = load_config(tmp_path / "deep" / "er")
    assert config.root == tmp_path
    assert config.target_languages == ("ru",)
    assert config.locales_dir == tmp_path / "po"
    assert config.glossary_dir == tmp_path / "glossary"
    assert config.source_language == "en"


def test_pyproject_without_our_table_is_not_a_project(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "other"\n')
    config = load_config(tmp_path)
    assert config.pyproject is None
    assert config.target_languages == ("ar", "tr", "ru")
    assert config.locales_dir == tmp_path / "locales"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('colour = "blue"', "unknown key in [tool.translate]: colour"),
        ("target_languages = []", "[tool.translate] target_languages must be a list of strings"),
        ('target_languages = "ar"', "[tool.translate] target_languages must be a list of strings"),
        ("locales_dir = 3", "[tool.translate] locales_dir must be a non-empty string"),
        (
            'allow_identical = "Reuters"',
            "[tool.translate] allow_identical must be a list of strings",
        ),
    ],
)
def test_invalid_configuration_is_reported(tmp_path, table, message):
    write(tmp_path / "pyproject.toml", f"[tool.translate]\n{table}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'pyproject.toml'}: {message}"


def test_allow_identical_is_a_list_of_terms(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.translate]\n")
    assert load_config(tmp_path).allow_identical == ()
    write(tmp_path / "pyproject.toml", '[tool.translate]\nallow_identical = ["Reuters", "BBC"]\n')
    assert load_config(tmp_path).allow_identical == ("Reuters", "BBC")
    write(tmp_path / "pyproject.toml", "[tool.translate]\nallow_identical = []\n")
    assert load_config(tmp_path).allow_identical == ()


def test_overrides_take_precedence(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.translate]\n")
    config = load_config(tmp_path).with_overrides(
        locales_dir=tmp_path / "elsewhere", target_languages=("tr",)
    )
    assert config.locales_dir == tmp_path / "elsewhere"
    assert config.target_languages == ("tr",)


def test_repository_configuration():
    config = load_config(Path(__file__).resolve().parents[1])
    assert config.target_languages == ("ar", "tr", "ru")
    assert [p.name for p in config.source_paths()] == ["aleppo-offensive.txt"]


def test_archive_memory_and_cluster_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("DRAGOMAN_SCHEDULER", raising=False)
    write(
        tmp_path / "pyproject.toml",
        "[tool.translate]\n"
        'cache_dir = "cache"\nmemory_dir = "tm"\nchunk_segments = 50\n'
        'scheduler = "tcp://127.0.0.1:8786"\n',
    )
    config = load_config(tmp_path)
    assert config.cache_dir == tmp_path / "cache"
    assert config.memory_dir == tmp_path / "tm"
    assert config.chunk_segments == 50
    assert config.scheduler == "tcp://127.0.0.1:8786"
    monkeypatch.setenv("DRAGOMAN_SCHEDULER", "tls://10.0.0.1:8786")
    assert load_config(tmp_path).scheduler == "tls://10.0.0.1:8786"


def test_cache_and_memory_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv("DRAGOMAN_SCHEDULER", raising=False)
    config = load_config(tmp_path)
    assert config.cache_dir == tmp_path / ".dragoman-cache"
    assert config.memory_dir == tmp_path / "memory"
    assert config.scheduler is None


@pytest.mark.parametrize("value", ["0", "-3", '"many"', "true"])
def test_chunk_segments_must_be_a_positive_integer(tmp_path, value):
    write(tmp_path / "pyproject.toml", f"[tool.translate]\nchunk_segments = {value}\n")
    with pytest.raises(ConfigError, match="chunk_segments must be a positive integer"):
        load_config(tmp_path)
