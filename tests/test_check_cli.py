"""`translate check` end to end: the real console script on PO files in a project."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.support.cli import run_translate

DATA = Path(__file__).parent / "data" / "check"
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'

TURKISH = (
    HEADER
    + """"Language: tr\\n"

#: seeds/a.txt:1
msgid "The Syrian army pressed an offensive in Aleppo on Friday."
msgstr "Suriye ordusu cuma günü Halep'ta saldırıyı sürdürdü."

#: seeds/a.txt:2
msgid "Up to 10,500 people fled parts of east Aleppo."
msgstr "10,500 kişi Doğu Halep'in bazı bölgelerinden kaçtı."

# check: ignore glossary=idlib
#: seeds/a.txt:3
msgid "A truce was declared in the province of Idlib."
msgstr "Idlib vilayetinde ateşkes ilan edildi."

#: seeds/a.txt:4
msgid "Civilians left east Aleppo on Friday."
msgstr "Siviller cuma günü Halep'in doğusundan ayrıldı."

#, fuzzy
#: seeds/a.txt:5
msgid "Rebels fought Islamic State."
msgstr "Muhalifler ISIS'e karşı savaştı."

#: seeds/a.txt:6
msgid "Talks in Damascus failed."
msgstr ""
"""
)

RUSSIAN = (
    HEADER
    + """"Language: ru\\n"

msgid "An official with the Jabha Shamiya group said so, Lavrov added."
msgstr "Об этом сообщил представитель «Левантийского фронта», добавил Лавров."

msgid "A ceasefire was declared around Damascus."
msgstr "Вокруг Дамаска было объявлено перемирие."
"""
)

ARABIC = (
    HEADER
    + """"Language: ar\\n"

msgid "Fighting raged in Aleppo and Idlib."
msgstr "احتدم القتال بحلب وإدلب."

msgid "Support went to Jabha Shamiya."
msgstr "ذهب الدعم للجبهة الشامية."
"""
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the test glossary and catalogs in three languages."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.translate]\nlocales_dir = "locales"\nglossary_dir = "glossary"\n', encoding="utf-8"
    )
    shutil.copytree(DATA / "glossary", tmp_path / "glossary")
    write(tmp_path / "locales" / "tr" / "LC_MESSAGES" / "news.po", TURKISH)
    write(tmp_path / "locales" / "ru" / "LC_MESSAGES" / "news.po", RUSSIAN)
    write(tmp_path / "locales" / "ar" / "LC_MESSAGES" / "news.po", ARABIC)
    write(tmp_path / "locales" / "news.pot", "this template is not read\n")
    return tmp_path


def test_text_report_and_exit_status(project: Path) -> None:
    result = run_translate("check", cwd=project)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    tr = "locales/tr/LC_MESSAGES/news.po"
    assert f"{tr}:7: error: suffix does not agree with the name: Halep'ta should be Halep'te" in out
    assert "    msgid: The Syrian army pressed an offensive in Aleppo on Friday." in out
    assert "    expected: Halep'te" in out
    assert f"{tr}:11: error: number 10,500 of the source is missing" in out
    assert "    expected: 10.500" in out
    assert f"{tr}:16: suppressed error: “Idlib” is" not in out  # no deprecated Idlib here
    assert f"{tr}:16: suppressed error: “Idlib” (idlib) must be rendered as “İdlib”" in out
    assert f"{tr}:20: warning: “Halep'in doğusundan” is admitted" in out
    assert "ISIS" not in out  # fuzzy entries are not checked by default
    assert "locales/ru/" not in out and "locales/ar/" not in out  # correct, inflected
    assert result.stderr.strip() == (
        "checked 8 entries (reviewed) in 3 catalogs (ar, ru, tr): 2 errors, 1 warning, "
        "1 suppressed; 1 fuzzy, 1 untranslated"
    )


def test_json_report(project: Path) -> None:
    result = run_translate("check", "--format", "json", "--include", "all", cwd=project)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    findings = document["findings"]
    assert {key for finding in findings for key in finding} >= {
        "file", "line", "msgid", "concept", "rule", "severity", "message", "expected",
        "suppressed",
    }  # fmt: skip
    deprecated = [f for f in findings if f["rule"] == "glossary-deprecated"]
    assert deprecated == [
        {
            "file": "locales/tr/LC_MESSAGES/news.po",
            "line": 25,
            "msgid": "Rebels fought Islamic State.",
            "rule": "glossary-deprecated",
            "severity": "error",
            "message": deprecated[0]["message"],
            "concept": "islamic-state",
            "expected": "DEAŞ",
            "found": "ISIS'e",
            "msgctxt": None,
            "language": "tr",
            "suppressed": False,
        }
    ]
    summary = document["summary"]
    assert (summary["checked"], summary["fuzzy"], summary["untranslated"]) == (9, 1, 1)
    assert (summary["errors"], summary["warnings"], summary["suppressed"]) == (3, 1, 1)
    assert summary["by_rule"] == {
        "glossary-admitted": 1, "glossary-deprecated": 1, "glossary-suffix": 1, "numbers": 1,
    }  # fmt: skip
    assert [f["file"] for f in summary["files"]] == [
        "locales/ar/LC_MESSAGES/news.po",
        "locales/ru/LC_MESSAGES/news.po",
        "locales/tr/LC_MESSAGES/news.po",
    ]


def test_only_drafts(project: Path) -> None:
    result = run_translate("check", "--format", "json", "--include", "drafts", cwd=project)
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert rules == ["glossary-deprecated"]


def test_github_annotations(project: Path) -> None:
    result = run_translate("check", "--format", "github", "locales/tr", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3  # two errors and a warning; the suppressed one is not annotated
    assert lines[0].startswith(
        "::error file=locales/tr/LC_MESSAGES/news.po,line=7,title=glossary-suffix=aleppo::"
    )
    assert "%0Aexpected: Halep'te%0Amsgid: The Syrian army" in lines[0]
    assert lines[2].startswith("::warning file=locales/tr/LC_MESSAGES/news.po,line=20,")


def test_github_escaping() -> None:
    from translate.check.findings import Finding, Report, Severity
    from translate.check.report import render_github

    finding = Finding(
        "a,b:c.po", 3, "100% sure", "numbers", Severity.error, "50%\r\nmissing", expected="x"
    )
    [line] = render_github(Report("reviewed", [finding])).splitlines()
    assert line == (
        "::error file=a%2Cb%3Ac.po,line=3,title=numbers::50%25%0D%0Amissing%0Aexpected: x"
        "%0Amsgid: 100%25 sure"
    )


def test_junit_report_validates(project: Path) -> None:
    result = run_translate("check", "--format", "junit", cwd=project)
    assert result.returncode == 1
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))
    document = etree.fromstring(result.stdout.encode("utf-8"))
    schema.assertValid(document)
    assert document.get("failures") == "2"
    [suite] = document.xpath("testsuite[@name='locales/tr/LC_MESSAGES/news.po']")
    failed = {case.get("name") for case in suite.xpath("testcase[failure]")}
    assert failed == {"glossary-suffix", "numbers"}
    [warned] = suite.xpath("testcase[@name='glossary-admitted']/system-out/text()")
    assert "Halep'in doğusundan" in warned


def test_clean_catalogs_exit_zero(project: Path) -> None:
    result = run_translate("check", "locales/ru", "locales/ar/LC_MESSAGES/news.po", cwd=project)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert "0 errors" in result.stderr
    quiet = run_translate("check", "--quiet", "locales/ru", cwd=project)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_without_a_glossary(project: Path) -> None:
    result = run_translate("check", "--no-glossary", "--format", "json", cwd=project)
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules == {"numbers"}


def test_a_project_without_a_glossary_folder_says_so(project: Path) -> None:
    shutil.rmtree(project / "glossary")
    result = run_translate("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    assert "note: no glossary at glossary; glossary rules skipped" in result.stderr
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules == {"numbers"}


def test_language_from_the_path(project: Path) -> None:
    catalog = project / "locales" / "ru" / "LC_MESSAGES" / "news.po"
    catalog.write_text(RUSSIAN.replace('"Language: ru\\n"\n', ""), encoding="utf-8")
    assert run_translate("check", "locales/ru", cwd=project).returncode == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["locales/news.pot"], "locales/news.pot: a template has no translations to check"),
        (["nowhere"], "nowhere: no such file or folder"),
        (["glossary"], "no PO files in glossary"),
        (["--glossary", "glossary", "--no-glossary"], "give --glossary or --no-glossary"),
        (["--glossary", "missing-glossary"], "missing-glossary"),
        (["--format", "xml"], "xml"),
    ],
)
def test_bad_usage_exits_two(project: Path, arguments: list[str], message: str) -> None:
    result = run_translate("check", *arguments, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_catalog_is_reported_with_its_line(project: Path) -> None:
    broken = write(
        project / "locales" / "de" / "LC_MESSAGES" / "news.po",
        HEADER + '"Language: de\\n"\n\nmsgid "a"\nmsgstr "b\n',
    )
    assert broken.exists()
    result = run_translate("check", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "translate: error: locales/de/LC_MESSAGES/news.po:7: unterminated or malformed string"
    )
    assert result.stdout == ""


def test_a_catalog_without_a_language(tmp_path: Path) -> None:
    write(tmp_path / "x.po", HEADER + '\nmsgid "a"\nmsgstr "b"\n')
    result = run_translate("check", "--no-glossary", "x.po", cwd=tmp_path)
    assert result.returncode == 2
    assert "x.po: cannot tell the catalog's language: add a Language header" in result.stderr


def test_pre_commit_hook_definition() -> None:
    import re

    import yaml

    [hook] = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text())
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "translate-check",
        "translate check",
        "python",
    )
    assert re.search(hook["files"], "locales/tr/LC_MESSAGES/news.po")
    assert not re.search(hook["files"], "locales/news.pot")


def test_a_misspelt_name_warns_and_numbers_in_words_pass(project: Path) -> None:
    """A name written without the glossary's hamza is a warning (exit 0); a number the
    translator wrote in words is no finding, another number in words is an error."""
    catalog = write(
        project / "locales" / "ar" / "LC_MESSAGES" / "spelling.po",
        HEADER
        + """"Language: ar\\n"

msgid "Shelling continued in Idlib for 24 hours."
msgstr "استمر القصف بادلب أربعاً وعشرين ساعة."

msgid "A 12-year-old boy was killed in Idlib."
msgstr "قُتل صبي في الثانية عشرة من عمره في إدلب."
""",
    )
    result = run_translate("check", "--format", "json", catalog, cwd=project)
    assert result.returncode == 0, result.stderr
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["severity"], finding["line"]) == (
        "glossary-spelling", "warning", 6,
    )  # fmt: skip
    assert (finding["concept"], finding["found"], finding["expected"]) == (
        "idlib", "بادلب", "بإدلب",
    )  # fmt: skip
    assert "بإدلب" in finding["message"]

    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace("الثانية عشرة", "الحادية عشرة"),
        encoding="utf-8",
    )
    result = run_translate("check", "--format", "json", catalog, cwd=project)
    assert result.returncode == 1
    rules = [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert rules == [("glossary-spelling", 6), ("numbers", 9)]


def test_allow_identical_from_the_configuration_and_the_option(tmp_path: Path) -> None:
    catalog = (
        HEADER
        + """"Language: tr\\n"

msgid "Reuters"
msgstr "Reuters"

msgid "Google Maps"
msgstr "Google Maps"
"""
    )
    write(tmp_path / "locales" / "tr" / "LC_MESSAGES" / "news.po", catalog)
    write(tmp_path / "pyproject.toml", '[tool.translate]\nallow_identical = ["Reuters"]\n')

    def identical(*options: str) -> list[str]:
        result = run_translate("check", "--no-glossary", "--format", "json", *options, cwd=tmp_path)
        assert result.returncode == 0, result.stderr  # `identical` warns for Turkish
        findings = json.loads(result.stdout)["findings"]
        return [f["msgid"] for f in findings if f["rule"] == "identical"]

    assert identical() == ["Google Maps"]
    assert identical("--allow-identical", "Google Maps") == []
