"""Hostile and random input to the glossary readers (YAML, TBX, CSV) and the models index
reader (`index.json`, `metadata.json`), through the functions the commands call: every input
either reads or is refused as `file:line: message` on one line, never another exception.
Through the CLI that is exit 2 and one line on stderr (`test_po_fuzz.py` does the same for PO).

The inputs are built from the readers' own vocabulary (keys, element names, columns) and
near misses, so that most get past the syntax into the readers' checks."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.cli import make_project, run_translate
from translate.errors import InputError, LocatedError
from translate.glossary import read_glossary
from translate.glossary.csvfile import COLUMNS
from translate.packages import available_packages, parse_index, parse_metadata

BOUNDED = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Glossaries -----------------------------------------------------------------------------------

WORDS = [
    "Aleppo", "Halep", "حلب", "Алеппо", "place", "organization", "person", "term", "yes",
    "maybe", "true", "a | b", "x: y", "=1+1", "'=x", "bad id!", "aleppo", "en", "tr", "ar",
    "ru", "tr-TR", "", " ", '"', ",", "\n", "\t", "\x00", "\u202e", "1.0",
]  # fmt: skip
word = st.one_of(st.sampled_from(WORDS), st.text(max_size=8))

KEYS = [
    "concepts", "id", "kind", "note", "en", "tr", "ar", "ru", "term", "variants",
    "case-sensitive", "preferred", "forms", "admitted", "deprecated", "pronunciation",
    "grammar", "apostrophe", "indeclinable", "do-not-translate", "first-reference", "label",
    "source", "tr-TR", "EN",
]  # fmt: skip
value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), word),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), word), inner, max_size=4),
    ),
    max_leaves=16,
)
concept = st.dictionaries(st.sampled_from(KEYS), value, max_size=6)
yaml_document = st.one_of(
    st.builds(lambda items: {"concepts": items}, st.lists(concept, max_size=3)), value
).map(lambda data: yaml.safe_dump(data, allow_unicode=True))

# Lines of real glossaries and of YAML that readers choke on, strung together.
YAML_LINES = [
    "concepts:", "- id: aleppo", "  kind: place", "  en:", "    term: Aleppo",
    "    variants: [Halab]", "    case-sensitive: no", "  tr:", "    preferred: Halep",
    "    forms:", "      - Halep'te", "    deprecated: [Alep]", "    pronunciation: {Halep: x}",
    "    apostrophe: maybe", "  note: x", "- &a {id: b}", "- *a", "- *b", "<<: *a",
    "- !!python/object/apply:os.system [ls]", "---", "...", "%YAML 1.1", "? [a, b]", ": c",
    "key: |", "  block", "x: 'unterminated", 'y: "\\udc00"', 'z: "\\x01"', "\x01", "\t- a",
    "- [", "{", "]", "id: 2020-01-01", "term: 1e3", "term: ~", "term: [a, [b]]", "- " * 30,
    "term: " + "9" * 5000,
]  # fmt: skip
yaml_lines = st.lists(
    st.tuples(st.sampled_from(["", "  ", "    "]), st.one_of(st.sampled_from(YAML_LINES), word)),
    max_size=20,
).map(lambda lines: "\n".join(indent + line for indent, line in lines))

ELEMENTS = [
    "martif", "tbx", "text", "body", "termEntry", "conceptEntry", "langSet", "langSec", "tig",
    "ntig", "termGrp", "termSec", "term", "termNote", "descrip", "descripGrp", "note", "admin",
]  # fmt: skip
TYPES = [
    "administrativeStatus", "normativeAuthorization", "termType", "partOfSpeech",
    "subjectField", "definition", "pronunciation", "x",
]  # fmt: skip
TEXTS = [
    "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
    "supersededTerm-admn-sts", "preferred", "admitted", "deprecated", "fullForm",
    "abbreviation", "acronym", "variant", "noun", "adjective", "places", "person", "kind: place",
]  # fmt: skip
attributes = st.dictionaries(
    st.sampled_from(["xml:lang", "lang", "id", "type"]),
    st.one_of(
        st.sampled_from(["en", "tr", "ar-SY", "EN_us", "", "x y"]), st.sampled_from(TYPES), word
    ),
    max_size=3,
)


def element(children: list[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda name, attrs, text, tail: (
            f"<{name}"
            + "".join(f" {key}={quoteattr(str(value))}" for key, value in attrs.items())
            + f">{escape(text)}{''.join(children)}</{name}>{escape(tail)}"
        ),
        st.sampled_from(ELEMENTS),
        attributes,
        st.one_of(st.sampled_from(TEXTS), word),
        st.sampled_from(["", "\n"]),
    )


xml_tree = st.recursive(
    element([]),
    lambda inner: st.lists(inner, max_size=4).flatmap(element),
    max_leaves=24,
)
tbx_document = st.one_of(
    st.builds(
        lambda root, body, tail: (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<{root}><text><body>\n{body}'
            f"</body></text></{root}>{tail}"
        ).encode(),
        st.sampled_from(["martif", "tbx", "tbx:tbx"]),
        st.lists(xml_tree, max_size=3).map("\n".join),
        st.sampled_from(["", "<", "&x;", "<!DOCTYPE a>", "\x00"]),
    ),
    st.binary(max_size=64),
)

header = st.lists(st.one_of(st.sampled_from(COLUMNS), word), max_size=8)


def csv_text(columns: list[str], rows: list[list[str]], raw: bool) -> str:
    if raw:  # no quoting at all: commas, quotes and line breaks fall where they fall
        return "\n".join(",".join(row) for row in [columns, *rows])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


csv_document = st.builds(
    csv_text,
    st.one_of(header, st.just(["source", "target", "language", "context", "kind"])),
    st.lists(st.lists(word, max_size=7), max_size=5),
    st.booleans(),
)


def assert_located(message: str, path: str) -> None:
    """One line, naming the file and the line: `path:LINE: message`."""
    assert "\n" not in message, message
    assert re.match(rf"{re.escape(path)}:\d+: \S", message), message


def read_or_refuse(folder: Path, name: str, data: bytes) -> None:
    """`read_glossary` (what validate, and through load_glossary every command, calls)."""
    path = folder / name
    path.write_bytes(data)
    try:
        report = read_glossary(path, name, target_languages=("ar", "tr", "ru"))
    except InputError as error:  # the whole file: unreadable, not UTF-8
        assert "\n" not in str(error) and str(error).startswith(f"{name}:"), str(error)
        return
    for problem in report.problems + report.notes:
        assert_located(str(problem), name)


@BOUNDED
@given(st.one_of(yaml_document, yaml_lines))
def test_any_yaml_glossary_reads_or_fails_at_a_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        read_or_refuse(Path(folder), "g.yaml", text.encode("utf-8"))


@BOUNDED
@given(tbx_document)
def test_any_tbx_glossary_reads_or_fails_at_a_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        read_or_refuse(Path(folder), "g.tbx", data)


@BOUNDED
@given(csv_document, st.sampled_from(["g.csv", "tr.csv"]))
def test_any_csv_glossary_reads_or_fails_at_a_line(text: str, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        read_or_refuse(Path(folder), name, text.encode("utf-8"))


# The models index and package metadata -----------------------------------------------------

INDEX_KEYS = [
    "from_code", "to_code", "package_version", "links", "type", "code", "from_name",
    "to_name", "argos_version", "target_prefix",
]  # fmt: skip
LINKS = [
    "p.argosmodel", "../p.argosmodel", "http://[::1", "file:///etc/passwd", "//host/p",
    "http://127.0.0.1:1/p", "", "\x00",
]  # fmt: skip
json_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
        st.sampled_from(["en", "xx", "1.0", "1.0\n", "translate", "sbd", *LINKS]), word,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(INDEX_KEYS), word), inner, max_size=4),
    ),
    max_leaves=16,
)  # fmt: skip
package = st.fixed_dictionaries(
    {},
    optional={
        "from_code": st.one_of(st.just("en"), json_value),
        "to_code": st.one_of(st.just("xx"), json_value),
        "package_version": st.one_of(st.sampled_from(["1.0", "2", "1.0\n"]), json_value),
        "links": st.one_of(st.lists(st.sampled_from(LINKS), max_size=2), json_value),
        "type": st.one_of(st.just("translate"), json_value),
    },
)
index_json = st.one_of(
    st.lists(st.one_of(package, json_value), max_size=4).map(
        lambda data: json.dumps(data, indent=1)
    ),
    st.tuples(st.lists(package, max_size=3).map(json.dumps), st.integers(0, 200), word).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
    ),  # a JSON text with something inserted
    st.sampled_from(["[" + "1" * 5000 + "]", '[{"a": "\\ud800"}]', "[" * 150, "\ufeff[]"]),
).map(lambda text: text.encode("utf-8"))


@BOUNDED
@given(index_json)
def test_any_index_reads_or_fails_at_a_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "index.json").write_bytes(data)
        url = Path(folder).as_uri() + "/index.json"
        for read, where in [
            (lambda: available_packages(folder), url),
            (lambda: parse_index(data, "https://mirror.example/index.json"), "https://"),
        ]:
            try:
                read()
            except LocatedError as error:
                assert error.path.startswith(where)
                assert_located(str(error), error.path)


@BOUNDED
@given(st.one_of(package, json_value).map(lambda data: json.dumps(data).encode()))
def test_any_metadata_reads_or_is_refused_in_one_line(data: bytes) -> None:
    try:
        parse_metadata(data, "metadata.json")
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith("metadata.json:"), str(error)


# A few through the CLI: exit 2, one line, file and line -------------------------------------

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)
HOSTILE_GLOSSARIES = {
    "aliases nine deep (billion laughs)": ("g.yaml", LAUGHS + "concepts: [*i]\n", 1),
    "an alias inside its anchor": ("g.yaml", "concepts: &a [*a]\n", 1),
    "a control character": ("g.yaml", "concepts:\n  - id: a\x01\n", 2),
    "a CSV field over 128 KiB": ("g.csv", f'source,target,language\n"{"x" * 200_000}",a,tr\n', 2),
    "a key holding a line break": ("g.yaml", 'concepts: []\n"a\\nb": x\n', 2),
    "a language holding a line break": ("g.csv", 'source,target,language\nA,B,"t\nr"\n', 2),
    "TBX not well-formed": ("g.tbx", '<?xml version="1.0"?>\n<martif><text>\n<body', 3),
}  # fmt: skip


@pytest.mark.parametrize("name", HOSTILE_GLOSSARIES)
def test_hostile_glossaries_are_one_located_line(tmp_path: Path, name: str) -> None:
    file, text, line = HOSTILE_GLOSSARIES[name]
    (tmp_path / file).write_text(text, encoding="utf-8")
    result = run_translate("glossary", "list", "--glossary", file, cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr
    assert re.fullmatch(rf"translate: error: {file}:{line}: [^\n]+\n", result.stderr), result.stderr


HOSTILE_INDEXES = {
    "a number of 5000 digits": ("[\n" + "1" * 5000 + "]", 2, "a number of 5000 digits"),
    "a link that is no URL": (
        '[{"from_code": "en", "to_code": "xx", "package_version": "1.0", "links": ["http://[::1"]}]',
        1,
        "a link is not a URL",
    ),
    "a version with a line break": (
        '[{"from_code": "en", "to_code": "xx", "package_version": "1.0\\n", "links": []}]',
        1,
        'package_version "1.0\\n" is not a version',
    ),
}


@pytest.mark.parametrize("name", HOSTILE_INDEXES)
def test_hostile_indexes_are_one_located_line(tmp_path: Path, name: str) -> None:
    content, line, message = HOSTILE_INDEXES[name]
    (tmp_path / "index.json").write_text(content, encoding="utf-8")
    result = run_translate("models", "list", "--available", "--index", tmp_path, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    expected = f"translate: error: {tmp_path.as_uri()}/index.json:{line}: {message}"
    assert result.stderr.startswith(expected) and result.stderr.count("\n") == 1, result.stderr


def test_a_hostile_glossary_stops_a_run_before_any_write(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    (root / "glossary").mkdir()
    (root / "glossary" / "places.yaml").write_text(LAUGHS + "concepts: [*i]\n")
    result = run_translate("run", "--mt", "off", cwd=root, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("translate: error: glossary/places.yaml:1: YAML syntax: ")
    assert not (root / "locales").exists()
