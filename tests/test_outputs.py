"""render, compile and stats over reviewed catalogs, through the real CLI."""

import gettext
import json
import shutil
import subprocess

import polib
import pytest

from tests.support.catalogs import PO, REVIEWED, THIRD, review
from tests.support.cli import REPO, make_project, run_translate

SOURCE = "seeds/aleppo-offensive.txt"
JABHA = (
    "The army and its allies tried to advance on two fronts, a Turkish-based official with "
    "the Jabha Shamiya rebel group said."
)


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path / "project")
    assert run_translate("run", "--mt", "off", cwd=root).returncode == 0
    review(root / PO.format("tr"), REVIEWED)
    # One suggestion-like fuzzy entry, as a translator would leave it.
    catalog = polib.pofile(str(root / PO.format("tr")))
    fuzzy = catalog.find("Fighting could be heard from other areas nearby.")
    fuzzy.msgstr, fuzzy.flags = "Yakındaki diğer bölgelerden çatışma sesleri duyuldu.", ["fuzzy"]
    catalog.save()
    return root


def test_render_uses_reviewed_translations_and_reports_the_rest(project):
    result = run_translate("render", SOURCE, "--lang", "tr", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    source_lines = (project / SOURCE).read_text(encoding="utf-8").split("\n")
    assert len(lines) == len(source_lines) + 1 and lines[-1] == ""
    assert lines[15] == REVIEWED[THIRD]  # line 16 of the source is that one sentence
    assert lines[0] == source_lines[0]  # untranslated: the source text stays
    assert "Yakındaki" not in result.stdout
    assert f"{SOURCE}:1: untranslated, source text kept: ALEPPO" in result.stderr
    assert result.stderr.strip().endswith("3/63 segments translated")


def test_render_with_drafts_and_to_a_file(project):
    out = project / "article.tr.txt"
    result = run_translate(
        "render", SOURCE, "--lang", "tr", "--include", "all", "-o", out, "-q", cwd=project
    )
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""
    assert "Yakındaki diğer bölgelerden çatışma sesleri duyuldu." in out.read_text("utf-8")


DRAFT = "Yakındaki diğer bölgelerden çatışma sesleri duyuldu."


@pytest.mark.parametrize(
    ("include", "reviewed", "drafts"),
    [("reviewed", True, False), ("drafts", False, True), ("all", True, True)],
)
def test_render_and_check_read_include_alike(project, include, reviewed, drafts):
    """One vocabulary: `render --include fuzzy` once meant reviewed and fuzzy, while
    `check --include fuzzy` meant fuzzy only."""
    rendered = run_translate("render", SOURCE, "--lang", "tr", "--include", include, cwd=project)
    assert (REVIEWED[THIRD] in rendered.stdout, DRAFT in rendered.stdout) == (reviewed, drafts)
    checked = run_translate(
        "check",
        "locales/tr",
        "--no-glossary",
        "--include",
        include,
        "--format",
        "json",
        cwd=project,
    )
    summary = json.loads(checked.stdout)["summary"]
    assert summary["checked"] == len(REVIEWED) * reviewed + drafts
    assert summary["include"] == include


@pytest.mark.parametrize("command", [["render", SOURCE, "--lang", "tr"], ["check"]])
def test_fuzzy_is_no_longer_an_include_value(project, command):
    result = run_translate(*command, "--include", "fuzzy", cwd=project)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "'reviewed', 'drafts', 'all'" in result.stderr


def test_render_without_catalog_is_a_clear_error(project):
    result = run_translate("render", SOURCE, "--lang", "fr", cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "translate: error: locales/fr/LC_MESSAGES/aleppo-offensive.po: no such file"
    )


def test_compile_writes_mo_with_reviewed_entries_only(project):
    result = run_translate("compile", cwd=project)
    assert result.returncode == 0, result.stderr
    mo = project / "locales/tr/LC_MESSAGES/aleppo-offensive.mo"
    with mo.open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    assert translations.gettext(THIRD) == REVIEWED[THIRD]
    fuzzy = "Fighting could be heard from other areas nearby."
    assert translations.gettext(fuzzy) == fuzzy
    assert translations.info()["language"] == "tr"
    unpacked = subprocess.run(["msgunfmt", str(mo)], capture_output=True, text=True, check=True)
    assert len(polib.pofile(unpacked.stdout)) == len(REVIEWED)
    for language in ("ar", "ru"):
        assert (project / f"locales/{language}/LC_MESSAGES/aleppo-offensive.mo").is_file()


def test_stats_table_and_json(project):
    result = run_translate("stats", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    rows = {row["language"]: row for row in json.loads(result.stdout)}
    assert rows["tr"] == {
        "file": "locales/tr/LC_MESSAGES/aleppo-offensive.po",
        "language": "tr",
        "total": 63,
        "translated": 3,
        "fuzzy": 1,
        "untranslated": 59,
        "obsolete": 0,
        "glossary_entries": None,
        "glossary_compliant": None,
        "percent_translated": 4.8,
        "glossary_compliance": None,
    }
    assert rows["ar"]["untranslated"] == 63
    table = run_translate("stats", "--to", "tr", cwd=project)
    assert "locales/tr/LC_MESSAGES/aleppo-offensive.po" in table.stdout
    assert "ar" not in table.stdout.split()


def test_stats_measure_glossary_compliance(project):
    shutil.copytree(REPO / "glossary", project / "glossary")

    def compliance(translation: str) -> tuple:
        catalog = polib.pofile(str(project / PO.format("tr")))
        catalog.find(JABHA).msgstr = translation
        catalog.save()
        result = run_translate("stats", "--format", "json", "--to", "tr", cwd=project)
        assert result.returncode == 0, result.stderr
        row = json.loads(result.stdout)[0]
        return row["glossary_entries"], row["glossary_compliant"], row["glossary_compliance"]

    # Entries with a translation that name a glossary concept: the reviewed Reuters sentence
    # (its translation leaves "Reuters" out) and the Jabha Shamiya one.
    deprecated = "Ordu ve müttefikleri iki cephede ilerlemeye çalıştı, dedi Levant Cephesi."
    assert compliance(deprecated) == (2, 0, 0.0)
    approved = "Şam Cephesinden bir yetkili, ordunun iki cephede ilerlemeye çalıştığını söyledi."
    assert compliance(approved) == (2, 1, 50.0)
