"""`translate run` with machine translation on small real Argos packages, end to end."""

import shutil
import subprocess

import polib
import pytest

from tests.support.catalogs import PO, REVIEWED, THIRD, review, snapshot
from tests.support.cli import REPO, make_project, run_translate, with_models


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "project")
    shutil.copytree(REPO / "glossary", root / "glossary")
    return root


def test_machine_translations_are_fuzzy_and_name_their_engine(project, tiny_models):
    result = run_translate("run", "--mt", "require", cwd=project, env=with_models(tiny_models))
    assert result.returncode == 0, result.stderr
    for language in ("ar", "tr", "ru"):
        path = project / PO.format(language)
        catalog = polib.pofile(str(path))
        assert catalog.metadata["X-Dragoman-MT"].startswith(
            f"Argos Translate translate-en_{language} 1.0, CTranslate2 "
        )
        translated = [entry for entry in catalog if entry.msgstr]
        assert translated, "the tiny model translated nothing"
        for entry in translated:
            assert entry.fuzzy
            assert entry.tcomment.startswith(
                f"Machine translation (Argos Translate translate-en_{language} 1.0, CTranslate2"
            )
        check = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr
    # The tiny models write Latin-letter gibberish for ru: the script guard must say so.
    ru = polib.pofile(str(project / PO.format("ru")))
    assert any("MT quality:" in entry.tcomment for entry in ru if entry.msgstr)


def test_glossary_terms_are_listed_for_reviewers(project):
    run_translate("run", "--mt", "off", cwd=project)
    pot = polib.pofile(str(project / "locales/aleppo-offensive.pot"))
    entry = pot.find(
        "The army and its allies tried to advance on two fronts, a Turkish-based official "
        "with the Jabha Shamiya rebel group said."
    )
    assert entry.comment == "Glossary: Jabha Shamiya [organization: jabha-shamiya]"
    tr = polib.pofile(str(project / PO.format("tr")))
    assert tr.find(entry.msgid).comment == "Glossary: Jabha Shamiya → Şam Cephesi"
    assert len(tr.metadata["X-Dragoman-Glossary"]) == 12
    no_glossary = run_translate("run", "--mt", "off", "--no-glossary", cwd=project)
    assert no_glossary.returncode == 0
    tr = polib.pofile(str(project / PO.format("tr")))
    assert tr.find(entry.msgid).comment == ""
    assert "X-Dragoman-Glossary" not in tr.metadata


def test_reviewed_entries_are_never_machine_translated_again(project, tiny_models):
    env = with_models(tiny_models)
    run_translate("run", "--mt", "off", cwd=project, env=env)
    review(project / PO.format("tr"), REVIEWED)
    run_translate("run", cwd=project, env=env)
    entry = polib.pofile(str(project / PO.format("tr"))).find(THIRD)
    assert entry.msgstr == REVIEWED[THIRD] and not entry.fuzzy
    before = snapshot(project)
    again = run_translate("run", cwd=project, env=env)
    assert again.returncode == 0
    assert snapshot(project) == before


def test_require_fails_before_writing_when_a_model_is_missing(project, tmp_path):
    empty = tmp_path / "no-models"
    empty.mkdir()
    result = run_translate("run", "--mt", "require", cwd=project, env=with_models(empty))
    assert result.returncode == 1
    assert result.stderr.startswith("translate: error: no en→ar model is installed in ")
    assert "translate models install en-ar" in result.stderr
    assert not (project / "locales").exists()


def test_auto_without_models_leaves_entries_empty_and_says_how_to_install(project, tmp_path):
    empty = tmp_path / "no-models"
    empty.mkdir()
    result = run_translate("run", cwd=project, env=with_models(empty))
    assert result.returncode == 0, result.stderr
    for language in ("ar", "tr", "ru"):
        assert f"translate models install en-{language}" in result.stderr
    assert polib.pofile(str(project / PO.format("ar"))).percent_translated() == 0


def test_mt_off_never_loads_a_model(project, tiny_models):
    result = run_translate("run", "--mt", "off", cwd=project, env=with_models(tiny_models))
    assert result.returncode == 0
    catalog = polib.pofile(str(project / PO.format("ar")))
    assert catalog.percent_translated() == 0 and "X-Dragoman-MT" not in catalog.metadata
