"""`translate evaluate` on small real Argos packages against the reviewed catalogs."""

import json
import shutil

import pytest

from tests.support.catalogs import snapshot
from tests.support.cli import REPO, make_project, run_translate


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "project")
    shutil.copytree(REPO / "glossary", root / "glossary")
    shutil.copytree(REPO / "locales", root / "locales")
    return root


def test_scores_every_reviewed_segment_without_touching_the_catalogs(project, tiny_models):
    before = snapshot(project)
    result = run_translate(
        "evaluate", "--format", "json", "-q", cwd=project,
        env={"ARGOS_PACKAGES_DIR": str(tiny_models)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    evaluations = {item["language"]: item for item in json.loads(result.stdout)}
    assert sorted(evaluations) == ["ar", "ru", "tr"]
    for language, item in evaluations.items():
        assert item["engine"].startswith(f"Argos Translate translate-en_{language} 1.0")
        assert item["segments"] == len(item["per_segment"]) == 63
        assert 0.0 <= item["chrf++"] <= 100.0 and 0.0 <= item["bleu"] <= 100.0
        assert item["signatures"]["chrf++"].startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:2")
        assert item["signatures"]["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
        glossary = item["glossary"]
        assert glossary["segments_with_names"] == 37
        assert 0 <= glossary["compliant"] <= 37
        first = item["per_segment"][0]
        assert first["source"].startswith("ALEPPO, Syria/BEIRUT (Reuters)")
        assert first["reference"]  # the reviewed translation
        # A random-weight model names nothing right: the problems say what is missing.
        if first["glossary_problems"]:
            assert any("(aleppo)" in problem for problem in first["glossary_problems"])
    # A reference scored against itself would be 100: the numbers are real comparisons.
    assert all(item["chrf++"] < 50 for item in evaluations.values())
    assert snapshot(project) == before


def test_text_table_and_signatures(project, tiny_models):
    result = run_translate(
        "evaluate", "--to", "tr", "--no-enforce", cwd=project,
        env={"ARGOS_PACKAGES_DIR": str(tiny_models)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "translate-en_tr 1.0" in result.stdout and "chrF++" in result.stdout
    assert "chrF++ signature: nrefs:1|" in result.stderr
    assert "BLEU signature: nrefs:1|" in result.stderr


def test_missing_model_names_the_install_command(project, tmp_path):
    empty = tmp_path / "none"
    empty.mkdir()
    result = run_translate(
        "evaluate", "--to", "ar", cwd=project, env={"ARGOS_PACKAGES_DIR": str(empty)}
    )
    assert result.returncode == 1
    assert "translate models install en-ar" in result.stderr


def test_no_reviewed_references_is_bad_input(project, tiny_models):
    shutil.rmtree(project / "locales")
    run_translate("run", "--mt", "off", cwd=project)
    result = run_translate(
        "evaluate", "--to", "tr", cwd=project, env={"ARGOS_PACKAGES_DIR": str(tiny_models)}
    )
    assert result.returncode == 2
    assert "no reviewed translations of these sources to score" in result.stderr


def test_locales_option_points_at_the_reviewed_catalogs(project, tiny_models):
    (project / "locales").rename(project / "po")
    result = run_translate(
        "evaluate", "--to", "ru", "--locales", "po", "--format", "json", "-q", cwd=project,
        env={"ARGOS_PACKAGES_DIR": str(tiny_models)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["segments"] == 63
