"""Loading and validating the YAML glossary: every problem at its file and line."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from translate.errors import GlossaryError
from translate.glossary import load_glossary, read_glossary
from translate.glossary.model import content_version

REPO = Path(__file__).resolve().parents[1]

GOOD = """\
concepts:
  - id: aleppo
    kind: place
    note: The city.
    en:
      term: Aleppo
      variants:
        - Halab
    ar:
      preferred: حلب
    tr:
      preferred: Halep
      deprecated:
        - Aleppo
    ru:
      preferred: Алеппо
      indeclinable: true
  - id: united-nations
    kind: institution
    en:
      term: United Nations
      variants: [U.N.]
    ar:
      preferred: الأمم المتحدة
    tr:
      preferred: Birleşmiş Milletler
      forms: [BM]
      apostrophe: false
      pronunciation:
        BM: be-me
    ru:
      preferred: ООН
"""


def write(folder: Path, text: str, name: str = "places.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(folder: Path, languages: tuple[str, ...] = ("ar", "tr", "ru")) -> list[str]:
    report = read_glossary(folder, "glossary", target_languages=languages)
    return [str(problem) for problem in report.problems]


def test_a_good_file_loads_with_every_field(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    glossary = load_glossary(tmp_path)
    aleppo, nations = glossary.concepts
    assert aleppo.source.variants == ("Halab",)
    assert aleppo.targets["ru"].indeclinable
    assert aleppo.targets["tr"].deprecated == ("Aleppo",)
    assert nations.targets["tr"].forms == ("BM",)
    assert nations.targets["tr"].reading("BM") == "be-me"
    assert nations.targets["tr"].pronunciation is None
    assert not nations.targets["tr"].apostrophe
    assert glossary.languages == ("ar", "tr", "ru")
    assert str(aleppo.origin).endswith("places.yaml:2")
    assert problems(tmp_path) == []


def test_first_mention_fields_load_and_count_in_the_version(tmp_path: Path) -> None:
    write(tmp_path / "a", GOOD)
    fields = (
        "      preferred: ООН\n"
        "      forms: [Организация Объединённых Наций]\n"
        "      first-reference: [Организация Объединённых Наций]\n"
        "      label: [международная организация, всемирная организация]\n"
    )
    write(tmp_path / "b", GOOD.replace("      preferred: ООН\n", fields))
    plain, marked = load_glossary(tmp_path / "a"), load_glossary(tmp_path / "b")
    russian = marked.concept("united-nations").targets["ru"]
    assert russian.first_reference == ("Организация Объединённых Наций",)
    assert russian.label == ("международная организация", "всемирная организация")
    assert russian.at_first_mention and not plain.concept("aleppo").targets["ru"].at_first_mention
    assert problems(tmp_path / "b") == []
    # A glossary without the fields keeps the version it had before they existed.
    assert plain.version == "9eaddbbd378a"
    assert marked.version != plain.version


def test_version_is_a_stable_digest_of_the_content(tmp_path: Path) -> None:
    write(tmp_path / "a", GOOD)
    # Same content, other layout: flow lists, comments, concepts in the other order.
    first, second = GOOD.split("  - id: united-nations\n")
    reordered = (
        "# reordered\nconcepts:\n  - id: united-nations\n" + second + first.split("\n", 1)[1]
    )
    write(tmp_path / "b", reordered)
    one, two = load_glossary(tmp_path / "a"), load_glossary(tmp_path / "b")
    assert one.version == two.version == content_version(one.concepts)
    assert len(one.version) == 12 and int(one.version, 16) >= 0
    write(tmp_path / "c", GOOD.replace("The city.", "The city in Syria."))
    assert load_glossary(tmp_path / "c").version != one.version


def test_the_real_glossary_version_is_stable_across_loads() -> None:
    assert load_glossary(REPO / "glossary").version == load_glossary(REPO / "glossary").version


STRUCTURE_CASES = [
    (
        "syntax error",
        GOOD.replace("    note: The city.", "    note: [The city."),
        "glossary/places.yaml:5: YAML syntax: ",
    ),
    (
        "unknown key in a concept",
        GOOD.replace("    note: The city.", "    nots: The city."),
        "glossary/places.yaml:4: unknown key 'nots' in a concept",
    ),
    (
        "unknown key in a language",
        GOOD.replace("      indeclinable: true", "      indeclinible: true"),
        "glossary/places.yaml:17: unknown key 'indeclinible' in 'ru'",
    ),
    (
        "unknown key in English",
        GOOD.replace("      term: Aleppo", "      term: Aleppo\n      plural: Aleppos"),
        "glossary/places.yaml:7: unknown key 'plural' in 'en'",
    ),
    (
        "bad kind",
        GOOD.replace("    kind: place", "    kind: city"),
        "glossary/places.yaml:3: bad kind 'city' (expected one of organization, place, person, "
        "institution, event, term)",
    ),
    (
        "bad id",
        GOOD.replace("  - id: aleppo", "  - id: Aleppo City"),
        "glossary/places.yaml:2: id 'Aleppo City' must be lower-case",
    ),
    (
        "duplicate key",
        GOOD.replace("      preferred: Halep", "      preferred: Halep\n      preferred: Halab"),
        "glossary/places.yaml:13: duplicate key 'preferred' (also on line 12)",
    ),
    (
        "missing preferred",
        GOOD.replace("      preferred: Halep\n", ""),
        "glossary/places.yaml:12: 'tr' has no 'preferred' rendering",
    ),
    (
        "flag that is not a flag",
        GOOD.replace("indeclinable: true", "indeclinable: maybe"),
        "glossary/places.yaml:17: indeclinable must be true or false",
    ),
    (
        "list that is not a list",
        GOOD.replace("      deprecated:\n        - Aleppo", "      deprecated: Aleppo"),
        "glossary/places.yaml:13: deprecated must be a list",
    ),
    (
        "no concepts key",
        "places:\n  - id: x\n",
        "glossary/places.yaml:1: unknown key 'places' (a file holds 'concepts:')",
    ),
    ("empty file", "", "glossary/places.yaml:1: empty file: expected 'concepts:'"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [case[1:] for case in STRUCTURE_CASES],
    ids=[case[0] for case in STRUCTURE_CASES],
)
def test_structure_problem_points_at_its_line(tmp_path: Path, text: str, expected: str) -> None:
    write(tmp_path, text)
    found = problems(tmp_path)
    assert any(problem.startswith(expected) for problem in found), found


RULE_CASES = [
    (
        "duplicate id",
        GOOD.replace("  - id: united-nations", "  - id: aleppo"),
        "glossary/places.yaml:18: duplicate id 'aleppo' (first defined at glossary/places.yaml:2)",
    ),
    (
        "English term in two concepts",
        GOOD.replace("variants: [U.N.]", "variants: [U.N., Halab]"),
        "glossary/places.yaml:22: English term 'Halab' is also in 'aleppo' "
        "(glossary/places.yaml:8)",
    ),
    (
        "variant already matched by the term",
        GOOD.replace("        - Halab", "        - ALEPPO"),
        "glossary/places.yaml:8: 'ALEPPO' is already matched by 'Aleppo' in 'aleppo'",
    ),
    (
        "deprecated equals preferred",
        GOOD.replace("        - Aleppo", "        - Halep"),
        "glossary/places.yaml:14: deprecated form 'Halep' equals the preferred form",
    ),
    (
        "deprecated equals a form",
        GOOD.replace("      forms: [BM]", "      forms: [BM]\n      deprecated: [BM]"),
        "glossary/places.yaml:28: deprecated form 'BM' equals the preferred form",
    ),
    (
        "deprecated equals admitted but for the apostrophe",
        GOOD.replace(
            "        - Aleppo", '        - Halep’in doğusu\n      admitted: ["Halep\'in doğusu"]'
        ),
        "glossary/places.yaml:14: deprecated form 'Halep’in doğusu' equals the admitted form",
    ),
    (
        "empty term",
        GOOD.replace("      preferred: Алеппо", "      preferred: ''"),
        "glossary/places.yaml:16: ru.preferred is empty",
    ),
    (
        "empty variant",
        GOOD.replace("        - Halab", "        - ~"),
        "glossary/places.yaml:8: en.variants[0] is empty",
    ),
    (
        "term with the CSV separator",
        GOOD.replace("preferred: Halep", "preferred: Halep | Halab"),
        "glossary/places.yaml:12: tr.preferred 'Halep | Halab' contains '|'",
    ),
    (
        "missing language",
        GOOD.replace("    ru:\n      preferred: ООН\n", ""),
        "glossary/places.yaml:18: 'united-nations' has no rendering for ru",
    ),
    (
        "first-reference form that is no rendering",
        GOOD.replace("preferred: ООН\n", "preferred: ООН\n      first-reference: [ОН]\n"),
        "glossary/places.yaml:33: first-reference form 'ОН' is not a preferred, listed or "
        "admitted ru rendering of 'united-nations'; add it to forms",
    ),
    (
        "label listed twice",
        GOOD.replace("      preferred: ООН\n", "      preferred: ООН\n      label: [ООН, ООН]\n"),
        "glossary/places.yaml:33: 'ООН' is listed twice in label",
    ),
    (
        "label with the CSV separator",
        GOOD.replace("      preferred: ООН\n", "      preferred: ООН\n      label: [a | b]\n"),
        "glossary/places.yaml:33: ru.label[0] 'a | b' contains '|'",
    ),
    (
        "pronunciation of an unknown form",
        GOOD.replace("        BM: be-me", "        UN: yu-en"),
        "glossary/places.yaml:29: pronunciation given for 'UN', which is not a tr rendering",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in RULE_CASES], ids=[case[0] for case in RULE_CASES]
)
def test_content_rule_points_at_the_offending_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    write(tmp_path, text)
    found = problems(tmp_path)
    assert any(problem.startswith(expected) for problem in found), found


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = GOOD.replace("kind: place", "kind: city").replace(
        "      forms: [BM]", "      forms: [BM]\n      deprecated: [BM]"
    )
    write(tmp_path, text)
    write(tmp_path, "concepts:\n  - id: x\n    kind: place\n", name="more.yaml")
    assert problems(tmp_path) == [
        "glossary/more.yaml:2: concept has no 'en:' entry with its term",
        "glossary/places.yaml:3: bad kind 'city' (expected one of organization, place, person, "
        "institution, event, term)",
        "glossary/places.yaml:28: deprecated form 'BM' equals the preferred form",
    ]


def test_missing_languages_are_only_checked_against_the_configured_ones(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    assert problems(tmp_path, ("ar", "tr", "ru", "fa")) == [
        "glossary/places.yaml:2: 'aleppo' has no rendering for fa",
        "glossary/places.yaml:18: 'united-nations' has no rendering for fa",
    ]


def test_load_raises_the_first_problem_and_counts_the_rest(tmp_path: Path) -> None:
    write(
        tmp_path,
        GOOD.replace("kind: place", "kind: city").replace(
            "      forms: [BM]", "      forms: [BM]\n      deprecated: [BM]"
        ),
    )
    with pytest.raises(GlossaryError) as raised:
        load_glossary(tmp_path, "glossary")
    assert str(raised.value) == (
        "glossary/places.yaml:3: bad kind 'city' (expected one of organization, place, person, "
        "institution, event, term) (and 1 more; run `translate glossary validate`)"
    )
    assert raised.value.exit_code == 2


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda root: None, "glossary: no such file or folder"),
        (lambda root: root.mkdir(), "glossary: no glossary files (*.yaml) in this folder"),
        (
            lambda root: (root.mkdir(), (root / "a.yaml").write_bytes(b"concepts:\n  - \xff\n")),
            "glossary/a.yaml:2: not valid UTF-8 (byte offset 14)",
        ),
    ],
    ids=["missing", "empty folder", "not UTF-8"],
)
def test_unreadable_glossary_is_an_input_error(tmp_path: Path, setup, expected: str) -> None:
    root = tmp_path / "glossary"
    setup(root)
    with pytest.raises(GlossaryError) as raised:
        read_glossary(root, "glossary")
    assert str(raised.value) == expected
    assert raised.value.exit_code == 2


def test_unknown_file_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_text("Aleppo\tHalep\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not a glossary: expected a folder of YAML files"):
        load_glossary(path)


def test_yaml_booleans_are_text_where_text_is_expected(tmp_path: Path) -> None:
    # YAML 1.1 reads `No` and `On` as booleans; in a term they are words.
    write(
        tmp_path,
        GOOD.replace("preferred: Halep", "preferred: No").replace("term: Aleppo", "term: On"),
    )
    glossary = load_glossary(tmp_path)
    assert glossary.concepts[0].source.term == "On"
    assert glossary.concepts[0].targets["tr"].preferred == "No"


def test_a_copy_of_the_real_glossary_with_one_mistake_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    shutil.copytree(REPO / "glossary", folder)
    places = folder / "places.yaml"
    lines = places.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.strip() == "preferred: İdlib")
    lines[number - 1] = lines[number - 1].replace("İdlib", "Idlib")
    places.write_text("".join(lines), encoding="utf-8")
    found = problems(folder)
    assert found == [
        f"glossary/places.yaml:{number + 2}: deprecated form 'Idlib' equals the preferred form"
    ]
