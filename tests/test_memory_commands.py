"""`translate memory` through the real CLI: TMX 1.4b out (checked against the DTD and read by
translate-toolkit), TMX in (toolkit's po2tmx output too; hostile files refused), a round trip
into a fresh project, lookups and counts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import etree

from tests.support.catalogs import FIRST, PO, REVIEWED, SECOND, THIRD, review
from tests.support.cli import make_project, run_translate
from tests.test_memory_tmx import HOSTILE

DTD = Path(__file__).parent / "data" / "tmx" / "tmx14.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose Turkish catalog has three reviewed sentences; the rest fuzzy MT-less."""
    project = make_project(tmp_path_factory.mktemp("reviewed") / "project")
    assert run_translate("run", "--mt", "off", cwd=project).returncode == 0
    review(project / PO.format("tr"), REVIEWED)
    return project


def export(project: Path, *options: str) -> Path:
    out = project.parent / "export.tmx"
    result = run_translate("memory", "export", "-o", out, *options, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def test_export_is_valid_tmx_14b_with_provenance(reviewed):
    tree = etree.parse(str(export(reviewed, "--to", "tr")))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    header = tree.getroot().find("header")
    assert {k: header.get(k) for k in ("srclang", "segtype", "datatype", "adminlang")} == {
        "srclang": "en", "segtype": "sentence", "datatype": "plaintext", "adminlang": "en",
    }  # fmt: skip
    assert header.get("creationtool") == "Dragoman" and header.get("o-tmf")
    units = tree.getroot().findall("body/tu")
    assert len(units) == len(REVIEWED)
    assert all(tuv.get(XML_LANG) for tuv in tree.iter("tuv"))
    assert all(tu.get("creationdate", "").endswith("Z") for tu in units)
    props = {p.get("type"): p.text for p in units[0].iter("prop")}
    assert props == {"x-dragoman-status": "reviewed", "x-dragoman-origin": PO.format("tr")}


TOOLKIT_TMX = """
import json, sys
sys.path.insert(0, sys.argv[1])
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[2])
print(json.dumps([[u.source, u.target] for u in store.units], ensure_ascii=False))
"""


def test_translate_toolkit_reads_the_export(reviewed, toolkit):
    path = export(reviewed, "--to", "tr")
    result = subprocess.run(
        [sys.executable, "-I", "-c", TOOLKIT_TMX, str(toolkit), str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(map(tuple, json.loads(result.stdout))) == sorted(REVIEWED.items())


PO2TMX = """
import sys
sys.path.insert(0, sys.argv[1])
from translate.convert import po2tmx
sys.argv = ["po2tmx", "-l", "tr", sys.argv[2], sys.argv[3]]
po2tmx.main()
"""


def test_a_tmx_from_po2tmx_imports_and_fills_a_run(reviewed, toolkit, tmp_path):
    written = tmp_path / "po2tmx.tmx"
    result = subprocess.run(
        [sys.executable, "-I", "-c", PO2TMX, str(toolkit), str(reviewed / PO.format("tr")),
         str(written)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    fresh = make_project(tmp_path / "fresh")
    imported = run_translate("memory", "import", written, cwd=fresh)
    assert imported.returncode == 0, imported.stderr
    assert (fresh / "memory" / "po2tmx.tmx").read_bytes() == written.read_bytes()
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=fresh).returncode == 0
    entry = polib.pofile(str(fresh / PO.format("tr"))).find(FIRST)
    assert entry.msgstr == REVIEWED[FIRST] and entry.fuzzy


def test_round_trip_fills_the_same_sentences_fuzzy_naming_the_tmx(reviewed, tmp_path):
    path = export(reviewed, "--include", "all")
    fresh = make_project(tmp_path / "fresh")
    assert run_translate("memory", "import", path, cwd=fresh).returncode == 0
    assert run_translate("run", "--mt", "off", cwd=fresh).returncode == 0
    before = polib.pofile(str(reviewed / PO.format("tr")))
    after = polib.pofile(str(fresh / PO.format("tr")))
    filled = {e.msgid: e.msgstr for e in before if e.msgstr}
    assert {e.msgid: e.msgstr for e in after if e.msgstr} == filled
    for entry in after:
        if entry.msgstr:
            assert entry.fuzzy
            assert "Translation memory: memory/export.tmx; review before use." in entry.tcomment
    assert not any(e.msgstr for e in polib.pofile(str(fresh / PO.format("ar"))))


def test_lookup_and_stats(reviewed):
    near = SECOND.replace("no reports", "no new reports")
    result = run_translate("memory", "lookup", near, "--to", "tr", "--format", "json",
                           cwd=reviewed)  # fmt: skip
    assert result.returncode == 0, result.stderr
    best = json.loads(result.stdout)[0]
    assert best["source"] == SECOND and best["target"] == REVIEWED[SECOND]
    assert best["reviewed"] is True and best["origin"] == PO.format("tr") and best["score"] > 80
    exact = json.loads(run_translate("memory", "lookup", THIRD, "--to", "tr", "--format",
                                     "json", cwd=reviewed).stdout)  # fmt: skip
    assert exact[0]["score"] == 100.0
    stats = json.loads(run_translate("memory", "stats", "--format", "json", cwd=reviewed).stdout)
    assert {"language": "tr", "file": PO.format("tr"), "entries": 3} in stats


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_import_refuses_a_hostile_tmx_in_one_line_and_copies_nothing(tmp_path, case):
    text, message = HOSTILE[case]
    project = make_project(tmp_path / "project")
    good, bad = tmp_path / "good.tmx", tmp_path / "bad.tmx"
    good.write_text(
        f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body><tu>'
        f'<tuv xml:lang="en"><seg>{FIRST}</seg></tuv><tuv xml:lang="tr"><seg>x</seg></tuv>'
        "</tu></body></tmx>\n",
        encoding="utf-8",
    )
    bad.write_text(text, encoding="utf-8")
    result = run_translate("memory", "import", good, bad, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"translate: error: {bad}:{message}")
    assert result.stderr.count("\n") == 1
    assert not (project / "memory").exists()
