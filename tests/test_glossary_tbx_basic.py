"""A TBX-Basic glossary from elsewhere, as a client sends it: only TBX's own data categories,
no Dragoman notes, in both TBX forms. It must be read through those categories and work as
the glossary of `glossary validate`, `glossary import`, `check` and `run`."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import polib
import pytest
from lxml import etree

from tests.support.cli import make_project, run_translate, with_models
from translate.glossary import load_glossary, read_glossary
from translate.glossary.model import Kind

DATA = Path(__file__).parent / "data" / "tbx"
CLIENT = {"2019": DATA / "client-basic-2019.tbx", "2008": DATA / "client-basic-2008.tbx"}
SCHEMAS = {"2019": DATA / "tbx-basic-2019.rng", "2008": DATA / "tbx-basic-2008.rng"}
DIALECTS = sorted(CLIENT)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_client_files_are_tbx_basic(dialect: str) -> None:
    grammar = etree.RelaxNG(etree.parse(str(SCHEMAS[dialect])))
    assert grammar.validate(etree.parse(str(CLIENT[dialect]))), grammar.error_log
    text = CLIENT[dialect].read_text(encoding="utf-8")
    assert "Kind:" not in text and "Grammar:" not in text  # nothing of Dragoman's own


def test_both_forms_give_the_same_glossary() -> None:
    first, second = (load_glossary(CLIENT[dialect]) for dialect in DIALECTS)
    assert first == second and first.version == second.version


def test_data_categories_map_to_the_glossary() -> None:
    glossary = load_glossary(CLIENT["2019"])
    aleppo, nations, state, russia, ceasefire = glossary.concepts
    # subjectField naming a kind gives the kind; otherwise the default kind and a note
    assert (aleppo.kind, nations.kind, ceasefire.kind) == (Kind.place, Kind.term, Kind.term)
    assert aleppo.note == "City in northern Syria, the country's largest before the war."
    assert nations.note == "Subject field: Politics. Spell out at first mention."
    # termType: the full form leads, abbreviations and acronyms are variants and forms
    assert nations.source.all() == ("United Nations", "UN", "U.N.")
    assert state.source.all() == ("Islamic State", "ISIS")
    turkish = nations.targets["tr"]
    assert (turkish.preferred, turkish.forms) == ("Birleşmiş Milletler", ("BM",))
    assert nations.targets["ru"].forms == ("ООН",)
    # administrativeStatus: preferred, admitted, deprecated (superseded counts as deprecated)
    assert aleppo.targets["tr"].deprecated == ("Aleppo",)
    assert aleppo.targets["ru"].deprecated == ("Халеб",)
    assert state.targets["ar"].admitted == ("داعش",)
    assert ceasefire.targets["ru"].admitted == ("прекращение огня",)
    # partOfSpeech: a non-noun form is named in the grammar note; definition → note
    assert russia.targets["ru"].forms == ("российский",)
    assert russia.targets["ru"].grammar == "российский: adjective"
    assert state.targets["ar"].note == "التنظيم المتطرف المعروف إعلامياً باسم داعش."


def entry(body: str, attributes: str = 'id="x"') -> bytes:
    return textwrap.dedent(f"""\
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="en"><text><body>
        <termEntry {attributes}>
        <langSet xml:lang="en"><tig><term>Aleppo</term></tig></langSet>
        {body}
        </termEntry>
        </body></text></martif>
        """).encode()


def term(text: str, *notes: tuple[str, str]) -> str:
    inner = "".join(f'<termNote type="{kind}">{value}</termNote>' for kind, value in notes)
    return f"<tig><term>{text}</term>{inner}</tig>"


STATUS = "administrativeStatus"
NORM = "normativeAuthorization"
TYPE = "termType"


@pytest.mark.parametrize(
    ("terms", "preferred", "forms", "admitted", "deprecated"),
    [
        # no status, no type: the first is preferred, the others admitted (as before)
        ([term("Halep"), term("Haleb")], "Halep", (), ("Haleb",), ()),
        # the full form leads wherever it is; short forms are forms
        ([term("HLP", (TYPE, "shortForm")), term("Halep", (TYPE, "fullForm"))],
         "Halep", ("HLP",), (), ()),
        # normativeAuthorization where there is no administrativeStatus
        ([term("Halep", (NORM, "standardizedTerm")), term("Haleb", (NORM, "admittedTerm")),
          term("Aleppo", (NORM, "supersededTerm"))], "Halep", (), ("Haleb",), ("Aleppo",)),
        ([term("Halep", (NORM, "legalTerm")), term("Haleb", (NORM, "deprecatedTerm"))],
         "Halep", (), (), ("Haleb",)),
        # administrativeStatus wins over normativeAuthorization
        ([term("Halep", (STATUS, "preferredTerm-admn-sts")),
          term("Haleb", (NORM, "preferredTerm"), (STATUS, "deprecatedTerm-admn-sts"))],
         "Halep", (), (), ("Haleb",)),
        # TBX's other statuses
        ([term("Halep", (STATUS, "regulatedTerm-admn-sts")),
          term("Haleb", (STATUS, "notRecommendedTerm-admn-sts")),
          term("Aleppo", (STATUS, "obsoleteTerm-admn-sts"))], "Halep", (), ("Haleb",), ("Aleppo",)),
        # a second preferred term is a form; an admitted abbreviation stays admitted
        ([term("Halep", (STATUS, "preferredTerm-admn-sts")),
          term("Halep şehri", (STATUS, "preferredTerm-admn-sts")),
          term("HLP", (TYPE, "abbreviation"), (STATUS, "admittedTerm-admn-sts"))],
         "Halep", ("Halep şehri",), ("HLP",), ()),
    ],
)  # fmt: skip
def test_statuses_and_term_types(
    tmp_path: Path,
    terms: list[str],
    preferred: str,
    forms: tuple[str, ...],
    admitted: tuple[str, ...],
    deprecated: tuple[str, ...],
) -> None:
    path = tmp_path / "client.tbx"
    path.write_bytes(entry(f'<langSet xml:lang="tr">{"".join(terms)}</langSet>'))
    report = read_glossary(path)
    assert report.problems == []
    target = report.glossary.concepts[0].targets["tr"]
    assert (target.preferred, target.forms, target.admitted, target.deprecated) == (
        preferred,
        forms,
        admitted,
        deprecated,
    )


@pytest.mark.parametrize(
    ("subject", "kind"),
    [("places", Kind.place), ("Person", Kind.person), ("people", Kind.person), ("Law", Kind.term)],
)
def test_a_subject_field_naming_a_kind_is_the_kind(
    tmp_path: Path, subject: str, kind: Kind
) -> None:
    path = tmp_path / "client.tbx"
    path.write_bytes(
        entry(
            f'<descrip type="subjectField">{subject}</descrip>'
            '<langSet xml:lang="tr"><tig><term>Halep</term></tig></langSet>'
        )
    )
    report = read_glossary(path)
    assert report.glossary.concepts[0].kind is kind
    assert len(report.notes) == (kind is Kind.term)


def test_an_id_that_is_no_glossary_id_is_a_note(tmp_path: Path) -> None:
    path = tmp_path / "client.tbx"
    path.write_bytes(
        entry('<langSet xml:lang="tr"><tig><term>Halep</term></tig></langSet>', 'id="TE_0001"')
    )
    report = read_glossary(path, "client.tbx", default_kind=Kind.place)
    assert report.problems == []
    assert [str(note) for note in report.notes] == [
        "client.tbx:3: id 'TE_0001' is not a glossary id; using 'te-0001'"
    ]
    assert report.glossary.concepts[0].id == "te-0001"


# Through the CLI ---------------------------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
def test_validate_accepts_it_with_notes(dialect: str, tmp_path: Path) -> None:
    shown = f"client-basic-{dialect}.tbx"
    shutil.copy(CLIENT[dialect], tmp_path / shown)
    result = run_translate("glossary", "validate", shown, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    notes = [line for line in lines if ": note: " in line]
    assert len(notes) == 4 and all("has no kind, so it is a 'term'" in n for n in notes)
    assert lines[-1].startswith(f"{shown}: 5 concepts, en → ar, tr, ru, version ")
    report = json.loads(
        run_translate("glossary", "validate", "--format", "json", shown, cwd=tmp_path).stdout
    )
    assert (report["problems"], len(report["notes"])) == ([], 4)


def test_import_writes_yaml_that_validates(tmp_path: Path) -> None:
    version = load_glossary(CLIENT["2019"]).version
    make_project(tmp_path)
    result = run_translate("glossary", "import", CLIENT["2008"], "-o", "imported", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "imported").iterdir()) == [
        "places.yaml",
        "terms.yaml",
    ]
    assert f"5 concepts, version {version}" in result.stderr
    check = run_translate("glossary", "validate", "imported", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    assert f"version {version}: no problems" in check.stdout


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {}\\n"\n'
CATALOGS = {
    "tr": [
        ("Civilians fled Aleppo.", "Siviller Halep'ten kaçtı."),
        ("The UN called for a ceasefire.", "BM ateşkes çağrısında bulundu."),
        ("Rebels left Aleppo.", "Muhalifler Aleppo'dan ayrıldı."),
    ],
    "ru": [
        ("Russia backed the ceasefire.", "Россия поддержала перемирие."),
        ("The United Nations met in Aleppo.", "ООН провела встречу в Алеппо."),
        ("Fighting resumed in Aleppo.", "Бои возобновились в Халебе."),
    ],
    "ar": [
        ("The United Nations met in Aleppo.", "اجتمعت الأمم المتحدة في حلب."),
        ("ISIS fighters fled.", "فر مقاتلو داعش."),
        ("Islamic State fighters fled Aleppo.", "فر مقاتلو تنظيم الدولة الإسلامية من حلب."),
    ],
}
EXPECTED = {
    ("tr", "Rebels left Aleppo.", "glossary-deprecated", "error"),
    ("ru", "Fighting resumed in Aleppo.", "glossary-deprecated", "error"),
    ("ar", "ISIS fighters fled.", "glossary-admitted", "warning"),
}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_check_uses_it_as_the_glossary(dialect: str, tmp_path: Path) -> None:
    make_project(tmp_path)
    for language, entries in CATALOGS.items():
        body = "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in entries)
        catalog = tmp_path / "locales" / language / "LC_MESSAGES" / "news.po"
        catalog.parent.mkdir(parents=True)
        catalog.write_text(HEADER.format(language) + body, encoding="utf-8")
    shutil.copy(CLIENT[dialect], tmp_path / "client.tbx")
    result = run_translate(
        "check", "--glossary", "client.tbx", "--format", "json", "--quiet", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    found = {
        (f["language"], f["msgid"], f["rule"], f["severity"])
        for f in json.loads(result.stdout)["findings"]
    }
    assert found == EXPECTED


def test_run_enforces_it_through_a_model(copy_models: Path, tmp_path: Path) -> None:
    """The copying model returns its input: every name the glossary protects comes back in
    the client's rendering, and reviewers see the renderings in the catalogs."""
    version = load_glossary(CLIENT["2019"]).version
    root = make_project(
        tmp_path / "project",
        sources={"news.txt": "Civilians fled Aleppo on Friday.\nThe UN called for a ceasefire.\n"},
    )
    shutil.copy(CLIENT["2019"], root / "client.tbx")
    result = run_translate(
        "run", "--glossary", "client.tbx", "--mt", "require", "--quiet",
        cwd=root, env=with_models(copy_models),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = {
        "tr": ("Halep", "Birleşmiş Milletler", "Glossary: Aleppo → Halep", "ateşkes"),
        "ru": (
            "Алеппо",
            "Организация Объединённых Наций",
            "Glossary: Aleppo → Алеппо",
            "перемирие",
        ),
        "ar": ("حلب", "الأمم المتحدة", "Glossary: Aleppo → حلب", "وقف إطلاق النار"),
    }
    for language, (city, nations, comment, ceasefire) in expected.items():
        catalog = polib.pofile(str(root / "locales" / language / "LC_MESSAGES" / "news.po"))
        assert catalog.metadata["X-Dragoman-Glossary"] == version
        friday, appeal = (entry for entry in catalog if not entry.obsolete)
        assert city in friday.msgstr and comment in friday.comment.splitlines()
        assert ceasefire in appeal.msgstr
        assert nations in appeal.msgstr  # the preferred rendering, not the abbreviation
