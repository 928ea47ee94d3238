"""TMX files in the memory folder, through the real CLI: used as fuzzy translations that name
their file, ranked after reviewed catalog entries, and refused whole when hostile."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.support.catalogs import FIRST, PO, REVIEWED, SECOND, THIRD, review, snapshot
from tests.support.cli import make_project, run_translate

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tmx version="1.4">\n'
    '<header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" '
    'adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n'
)
FROM_TMX = {
    FIRST: "TMX: gazeteciler harekâtı doğruladı.",
    SECOND: "TMX: önemli ilerleme yoktu.",
}


def tmx(units: dict[str, str], language: str = "tr-TR") -> str:
    body = "".join(
        f'<tu creationdate="20240101T000000Z">\n<tuv xml:lang="en-US"><seg>{source}</seg></tuv>\n'
        f'<tuv xml:lang="{language}"><seg>{target}</seg></tuv>\n</tu>\n'
        for source, target in units.items()
    )
    return HEADER + body + "</body>\n</tmx>\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def add_tmx(project: Path, text: str | bytes, name: str = "client.tmx") -> Path:
    folder = project / "memory"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_tmx_translations_are_fuzzy_and_name_the_file(project):
    add_tmx(project, tmx({**FROM_TMX, THIRD.replace("could not", "cannot"): "TMX: doğrulanamaz."}))
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=project)
    assert result.returncode == 0, result.stderr
    catalog = polib.pofile(str(project / PO.format("tr")))
    for source, target in FROM_TMX.items():
        entry = catalog.find(source)
        assert entry.msgstr == target and entry.fuzzy  # exact, yet fuzzy
        assert "Translation memory: memory/client.tmx; review before use." in entry.tcomment
    near = catalog.find(THIRD)
    assert (
        near.fuzzy and near.msgstr == "TMX: doğrulanamaz." and "memory/client.tmx" in near.tcomment
    )


def test_a_reviewed_catalog_entry_ranks_before_the_tmx(project):
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    review(project / PO.format("tr"), REVIEWED)
    add_tmx(project, tmx(FROM_TMX))
    (project / "seeds" / "again.txt").write_text(f"{FIRST} {SECOND}", encoding="utf-8")
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    again = polib.pofile(str(project / "locales/tr/LC_MESSAGES/again.po"))
    assert again.find(FIRST).msgstr == REVIEWED[FIRST] and not again.find(FIRST).fuzzy


BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaaaaaaaa">\n'
    + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">\n'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + ']>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&i;</seg>'
    "</tuv></tu></body></tmx>\n"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&x;</seg>'
    "</tuv></tu></body></tmx>\n"
)
HOSTILE = {
    "entity-bomb": (BOMB, "1: entity declarations are not allowed (<!ENTITY a …>)"),
    "external-entity": (EXTERNAL, "1: entity declarations are not allowed (<!ENTITY x …>)"),
    "truncated": (
        tmx(FROM_TMX)[:-40],
        "11: not well-formed XML: Premature end of data in tag seg line 11\n",
    ),
    "wrong-root": (
        '<?xml version="1.0"?>\n<martif><text/></martif>\n',
        "2: the root element is <martif>, not <tmx>",
    ),
    "missing-lang": (
        tmx(FROM_TMX).replace('<tuv xml:lang="tr-TR">', "<tuv>", 1),
        "7: <tuv> without xml:lang",
    ),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_tmx_is_one_located_line_and_nothing_changes(project, case):
    text, message = HOSTILE[case]
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    add_tmx(project, tmx(FROM_TMX), "good.tmx")
    add_tmx(project, text, "bad.tmx")
    before = snapshot(project)
    (project / "seeds" / "new.txt").write_text(f"{FIRST}", encoding="utf-8")
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"translate: error: memory/bad.tmx:{message}")
    assert result.stderr.count("\n") == 1
    assert snapshot(project) == before


def test_a_tmx_added_after_a_run_fills_the_next_run(project):
    """The re-run skips articles whose inputs are unchanged; a TMX dropped into the memory
    folder is such an input for every msgid a catalog still lacks."""
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    assert not polib.pofile(str(project / PO.format("tr"))).find(FIRST).msgstr
    add_tmx(project, tmx(FROM_TMX))
    result = run_translate("run", "--mt", "off", "--to", "tr", cwd=project)
    assert result.returncode == 0, result.stderr
    catalog = polib.pofile(str(project / PO.format("tr")))
    for source, target in FROM_TMX.items():
        assert catalog.find(source).msgstr == target
    # Changing the TMX again is seen as well.
    add_tmx(project, tmx({THIRD: "TMX: doğrulanamadı."}), name="second.tmx")
    assert run_translate("run", "--mt", "off", "--to", "tr", cwd=project).returncode == 0
    assert polib.pofile(str(project / PO.format("tr"))).find(THIRD).msgstr == "TMX: doğrulanamadı."
