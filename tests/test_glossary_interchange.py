"""TBX (2008 and 2019) and CSV interchange: round trips, structure, and other tools reading it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml
from lxml import etree

from translate.glossary import (
    ExportFormat,
    export_glossary,
    load_glossary,
    merge_glossaries,
    read_glossary,
    save_yaml_folder,
)
from translate.glossary.model import (
    Concept,
    Glossary,
    Kind,
    SourceTerms,
    TargetTerms,
    make_glossary,
)
from translate.glossary.tbx import NAMESPACE_2019
from translate.glossary.yamlfile import read_yaml_text, write_yaml_files

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "tbx"
SUFFIX = {ExportFormat.tbx: ".tbx", ExportFormat.tbx2008: ".tbx", ExportFormat.csv: ".csv"}


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(REPO / "glossary")


def edge_cases() -> Glossary:
    """Every field away from its default, and the values most likely to break a format."""
    return make_glossary(
        [
            Concept(
                id="unesco",
                kind=Kind.institution,
                source=SourceTerms("UNESCO", ("Unesco, the agency",), case_sensitive=False),
                targets={
                    "tr": TargetTerms(
                        "tr",
                        "UNESCO",
                        forms=("BM Eğitim, Bilim ve Kültür Örgütü",),
                        admitted=('"UNESCO"',),
                        deprecated=("Unesko",),
                        do_not_translate=True,
                        indeclinable=True,
                        pronunciation="unesko",
                        readings={"BM Eğitim, Bilim ve Kültür Örgütü": "be-me eğitim"},
                        apostrophe=False,
                        first_reference=("BM Eğitim, Bilim ve Kültür Örgütü", "UNESCO"),
                        label=("First reference: a label that reads like a note", "kuruluş"),
                        grammar='Suffixes: UNESCO\'nun; <b> & "quotes"',
                        note="Kind: not a kind label, just a note",
                        source="UNESCO Türkiye Millî Komisyonu",
                    )
                },
                note="Grammar: a concept note that looks like a label.",
            ),
            Concept(
                id="no-targets",
                kind=Kind.event,
                source=SourceTerms("Second World War"),
                targets={},
            ),
        ]
    )


def export_and_import(glossary: Glossary, fmt: ExportFormat, folder: Path) -> Glossary:
    path = folder / f"glossary{SUFFIX[fmt]}"
    path.write_bytes(export_glossary(glossary, fmt))
    return load_glossary(path)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_then_import_gives_the_same_glossary(
    glossary: Glossary, fmt: ExportFormat, tmp_path: Path
) -> None:
    again = export_and_import(glossary, fmt, tmp_path)
    assert again == glossary
    assert again.version == glossary.version


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_round_trip_keeps_every_field_and_awkward_text(fmt: ExportFormat, tmp_path: Path) -> None:
    original = edge_cases()
    assert export_and_import(original, fmt, tmp_path) == original


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_is_deterministic(glossary: Glossary, fmt: ExportFormat) -> None:
    assert export_glossary(glossary, fmt) == export_glossary(glossary, fmt)


def test_one_csv_per_language_merges_back_into_the_glossary(
    glossary: Glossary, tmp_path: Path
) -> None:
    parts, names = [], []
    for language in glossary.languages:
        path = tmp_path / f"glossary-{language}.csv"
        path.write_bytes(export_glossary(glossary, ExportFormat.csv, language))
        parts.append(load_glossary(path))
        names.append(path.name)
        assert parts[-1].languages == (language,)
    assert merge_glossaries(parts, names) == glossary


@pytest.mark.parametrize(
    ("fmt", "schema"),
    [(ExportFormat.tbx, "tbx-basic-2019.rng"), (ExportFormat.tbx2008, "tbx-basic-2008.rng")],
)
def test_tbx_conforms_to_tbx_basic(glossary: Glossary, fmt: ExportFormat, schema: str) -> None:
    grammar = etree.RelaxNG(etree.parse(str(DATA / schema)))
    document = etree.fromstring(export_glossary(glossary, fmt))
    assert grammar.validate(document), grammar.error_log.last_error
    assert etree.fromstring(export_glossary(edge_cases(), fmt)) is not None


def test_tbx_2019_structure_and_statuses(glossary: Glossary) -> None:
    root = etree.fromstring(export_glossary(glossary, ExportFormat.tbx))
    ns = {"t": NAMESPACE_2019}
    assert (root.tag, root.get("type"), root.get("style")) == (
        f"{{{NAMESPACE_2019}}}tbx",
        "TBX-Basic",
        "dca",
    )
    entries = root.findall("t:text/t:body/t:conceptEntry", ns)
    assert [entry.get("id") for entry in entries] == [concept.id for concept in glossary]
    idlib = root.find("t:text/t:body/t:conceptEntry[@id='idlib']", ns)
    turkish = idlib.find(
        "t:langSec[@xml:lang='tr']", {**ns, "xml": "http://www.w3.org/XML/1998/namespace"}
    )
    statuses = [
        (
            section.findtext("t:term", namespaces=ns),
            section.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns),
        )
        for section in turkish.findall("t:termSec", ns)
    ]
    assert statuses == [
        ("İdlib", "preferredTerm-admn-sts"),
        ("Idlib", "deprecatedTerm-admn-sts"),
        ("İdlip", "deprecatedTerm-admn-sts"),
    ]
    # TBX-Basic: termNote only at term level; every element in the TBX namespace (DCA style).
    assert all(
        note.getparent().tag.endswith("termSec")
        for note in root.iter(f"{{{NAMESPACE_2019}}}termNote")
    )
    assert all(
        element.tag.startswith(f"{{{NAMESPACE_2019}}}") for element in root.iter(etree.Element)
    )


TOOLKIT_READER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from translate.storage import csvl10n, tbx
path, languages = sys.argv[2], sys.argv[3].split(",")
if path.endswith(".tbx"):
    units = tbx.tbxfile.parsefile(path).units
    print(json.dumps([
        {"id": unit.getid(),
         "source": [[t.text, t.administrative_status] for t in unit.get_source_terms()],
         "targets": {language: [[t.text, t.administrative_status]
                                for t in unit.get_target_terms(language)]
                     for language in languages}}
        for unit in units], ensure_ascii=False))
else:
    units = csvl10n.csvfile.parsefile(path).units
    print(json.dumps([[u.source, u.target, u.getcontext()] for u in units], ensure_ascii=False))
"""


def read_with_toolkit(toolkit: Path, path: Path, languages: tuple[str, ...]) -> object:
    result = subprocess.run(
        [sys.executable, "-I", "-c", TOOLKIT_READER, str(toolkit), str(path), ",".join(languages)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_translate_toolkit_reads_our_tbx_2008(
    glossary: Glossary, toolkit: Path, tmp_path: Path
) -> None:
    path = tmp_path / "glossary.tbx"
    path.write_bytes(export_glossary(glossary, ExportFormat.tbx2008))
    units = read_with_toolkit(toolkit, path, glossary.languages)
    status = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
              "deprecated": "deprecatedTerm-admn-sts"}  # fmt: skip
    expected = [
        {
            "id": concept.id,
            "source": [[concept.source.term, status["preferred"]]]
            + [[variant, status["admitted"]] for variant in concept.source.variants],
            "targets": {
                language: [[term.text, status[term.status]] for term in target.terms()]
                for language, target in concept.targets.items()
            },
        }
        for concept in glossary
    ]
    assert units == expected


def test_translate_toolkit_reads_our_csv_as_weblate_does(
    glossary: Glossary, toolkit: Path, tmp_path: Path
) -> None:
    path = tmp_path / "tr.csv"
    path.write_bytes(export_glossary(glossary, ExportFormat.csv, "tr"))
    units = read_with_toolkit(toolkit, path, ("tr",))
    assert units == [
        [concept.source.term, concept.targets["tr"].preferred, concept.id] for concept in glossary
    ]


def test_tbx_from_another_tool_imports_leniently(tmp_path: Path) -> None:
    path = tmp_path / "weblate.tbx"
    path.write_text(
        textwrap.dedent("""\
        <?xml version="1.0" encoding="utf-8"?>
        <martif type="TBX" xml:lang="en">
          <martifHeader><fileDesc><sourceDesc><p>Weblate</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry>
              <descrip type="definition">The city in Syria.</descrip>
              <langSet xml:lang="en-US"><tig><term>Aleppo</term></tig></langSet>
              <langSet xml:lang="tr-TR">
                <note from="translator">TDK spelling.</note>
                <tig><term>Halep</term></tig>
                <tig><term>Aleppo</term>
                  <termNote type="administrativeStatus">forbidden</termNote></tig>
              </langSet>
              <langSet xml:lang="ru"><ntig><termGrp><term>Алеппо</term></termGrp></ntig></langSet>
            </termEntry>
          </body></text>
        </martif>
        """),
        encoding="utf-8",
    )
    report = read_glossary(path, "weblate.tbx")
    assert report.problems == []
    assert [str(p) for p in report.notes] == [
        "weblate.tbx:5: entry 'aleppo' has no kind, so it is a 'term' (name one of "
        "organization|place|person|institution|event in a subjectField or a <note>Kind: …</note>, "
        "or import with --kind)"
    ]
    assert load_glossary(path).concepts[0].kind is Kind.term
    (concept,) = load_glossary(path, default_kind=Kind.place).concepts
    assert concept.kind is Kind.place
    assert concept.id == "aleppo" and concept.note == "The city in Syria."
    turkish = concept.targets["tr"]
    assert (turkish.preferred, turkish.deprecated, turkish.note) == (
        "Halep",
        ("Aleppo",),
        "TDK spelling.",
    )
    assert concept.targets["ru"].preferred == "Алеппо"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<martif><text><body>", "bad.tbx:1: not well-formed XML: "),
        (b"<?xml version='1.0'?>\n<xliff/>", "bad.tbx:2: <xliff> is not a TBX document"),
        (
            b"<martif><text><body>\n<termEntry id='x'><note>Kind: place</note>\n"
            b"<langSet xml:lang='tr'><tig><term>Halep</term></tig></langSet></termEntry>"
            b"</body></text></martif>",
            "bad.tbx:2: entry has no 'en' language section",
        ),
        (
            b"<martif><text><body><termEntry id='x'><note>Kind: place</note>\n"
            b"<langSet xml:lang='en'><tig><term>Aleppo</term></tig></langSet>\n"
            b"<langSet xml:lang='tr'><tig><term>Halep</term>\n"
            b"<termNote type='administrativeStatus'>bestTerm</termNote></tig></langSet>"
            b"</termEntry></body></text></martif>",
            "bad.tbx:4: unknown administrativeStatus 'bestTerm'",
        ),
    ],
    ids=["malformed", "not TBX", "no English", "bad status"],
)
def test_tbx_problems_name_the_line(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_bytes(content)
    problems = [str(p) for p in read_glossary(path, "bad.tbx").problems]
    assert any(problem.startswith(expected) for problem in problems), problems


def test_tbx_entities_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "evil.tbx"
    path.write_bytes(
        b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b"<martif><text><body><termEntry id='x'><note>Kind: place</note>"
        b"<langSet xml:lang='en'><tig><term>&x;</term></tig></langSet>"
        b"</termEntry></body></text></martif>"
    )
    report = read_glossary(path, "evil.tbx")
    assert [str(p) for p in report.problems] == ["evil.tbx:3: entity declarations are not allowed"]
    assert report.glossary is None


def test_plain_weblate_csv_takes_its_language_from_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "tr.csv"
    path.write_text(
        "source,target,context\nAleppo,Halep,\nDamascus,Şam,damascus\n", encoding="utf-8"
    )
    glossary = load_glossary(path, default_kind=Kind.place, target_languages=("ar", "tr", "ru"))
    assert [(c.id, c.source.term, c.targets["tr"].preferred) for c in glossary] == [
        ("aleppo", "Aleppo", "Halep"),
        ("damascus", "Damascus", "Şam"),
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("term,translation\nAleppo,Halep\n", "bad.csv:1: missing column(s) source, target"),
        ("source,target\nAleppo,Halep\n", "bad.csv:1: no 'language' column"),
        (
            "source,target,language,kind\nAleppo,Halep,tr,city\n",
            "bad.csv:2: bad kind 'city'",
        ),
        (
            "source,target,language,kind,context\nAleppo,Halep,tr,place,aleppo\n"
            "Aleppo,حلب,ar,person,aleppo\n",
            "bad.csv:3: English columns of 'aleppo' differ from line 2",
        ),
        (
            "source,target,language,kind,indeclinable\nAleppo,Алеппо,ru,place,maybe\n",
            "bad.csv:2: column indeclinable must be true or false, not 'maybe'",
        ),
        (
            "source,target,language,kind\nAleppo,Halep,tr,place\nAleppo,Halab,tr,place\n",
            "bad.csv:3: second 'tr' row for 'aleppo'",
        ),
    ],
    ids=[
        "no source column",
        "no language",
        "bad kind",
        "rows disagree",
        "bad flag",
        "language twice",
    ],
)
def test_csv_problems_name_the_line(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    problems = [str(p) for p in read_glossary(path, "bad.csv").problems]
    assert any(problem.startswith(expected) for problem in problems), problems


def test_yaml_written_on_import_reads_back_and_follows_the_schema(glossary: Glossary) -> None:
    schema = json.loads((REPO / "glossary" / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    concepts = []
    for name, text in write_yaml_files(glossary, "test").items():
        assert [e.message for e in validator.iter_errors(yaml.safe_load(text))] == []
        result = read_yaml_text(text, name)
        assert result.problems == []
        concepts.extend(result.concepts)
    assert make_glossary(concepts) == glossary
    edge = edge_cases()
    concepts = []
    for name, text in write_yaml_files(edge, "test").items():
        concepts.extend(read_yaml_text(text, name).concepts)
    assert sorted(concepts, key=lambda c: c.id) == sorted(edge.concepts, key=lambda c: c.id)


def test_import_into_yaml_keeps_content_whatever_the_order_of_kinds(tmp_path: Path) -> None:
    original = edge_cases()  # an institution, then an event: the files put events first
    written = save_yaml_folder(original, tmp_path / "g", "test", replace=False)
    assert sorted(path.name for path in written) == ["events.yaml", "institutions.yaml"]
    again = load_glossary(tmp_path / "g")
    assert again.version == original.version
    assert [c.id for c in again] == ["no-targets", "unesco"]
