"""The glossary's own format: a folder of YAML files, one concept per entry.

Files are composed into YAML nodes rather than loaded into Python objects, so every value
keeps the line it was written on and every message can point at it; duplicate keys, which a
plain YAML load silently merges, are reported. Text fields take what was written even where
YAML 1.1 would read a boolean (`No`, `On` are names too). The format is described for editors
by `glossary/schema.json`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from translate.errors import GlossaryError
from translate.glossary.model import Concept, Glossary, Kind, Location, SourceTerms, TargetTerms
from translate.glossary.validate import ID_PATTERN, LANGUAGE_PATTERN, Problem
from translate.limits import MAX_NESTING

SUFFIXES = (".yaml", ".yml")
CONCEPT_KEYS = ("id", "kind", "note")
SOURCE_KEYS = ("term", "variants", "case-sensitive")
TARGET_KEYS = (
    "preferred",
    "forms",
    "admitted",
    "deprecated",
    "first-reference",
    "label",
    "do-not-translate",
    "indeclinable",
    "apostrophe",
    "pronunciation",
    "grammar",
    "note",
    "source",
)
FILE_NAMES = {
    Kind.organization: "organizations.yaml",
    Kind.place: "places.yaml",
    Kind.person: "people.yaml",
    Kind.institution: "institutions.yaml",
    Kind.event: "events.yaml",
    Kind.term: "terms.yaml",
}
_LIST_KEYS = ("forms", "admitted", "deprecated", "first-reference", "label")
_FLAG_KEYS = ("do-not-translate", "indeclinable", "apostrophe")
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class ReadResult:
    """Concepts read well enough to check further, and what was wrong on the way."""

    concepts: list[Concept] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # What was assumed, not wrong (a TBX entry without a kind): reported, never refused.
    notes: list[Problem] = field(default_factory=list)

    def extend(self, other: ReadResult) -> None:
        self.concepts.extend(other.concepts)
        self.problems.extend(other.problems)
        self.notes.extend(other.notes)


def yaml_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix in SUFFIXES and path.is_file())


def read_yaml_folder(folder: Path, display: str, source_language: str = "en") -> ReadResult:
    """Every `*.yaml` file of `folder`, in name order; `display` names the folder."""
    files = yaml_files(folder)
    if not files:
        raise GlossaryError(display, None, "no glossary files (*.yaml) in this folder")
    result = ReadResult()
    for path in files:
        result.extend(read_yaml_file(path, f"{display.rstrip('/')}/{path.name}", source_language))
    return result


def read_yaml_file(path: Path, display: str, source_language: str = "en") -> ReadResult:
    return read_yaml_text(decode(path, display), display, source_language)


def decode(path: Path, display: str) -> str:
    """The text of a glossary file; unreadable or non-UTF-8 input is a GlossaryError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError(display, None, "no such file") from None
    except OSError as error:
        raise GlossaryError(display, None, f"cannot read: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryError(display, line, f"not valid UTF-8 (byte offset {error.start})") from None
    return text.removeprefix("\ufeff")


def read_yaml_text(text: str, path: str, source_language: str = "en") -> ReadResult:
    return _FileReader(path, source_language).read(text)


def _compose(text: str) -> Node | None:
    """The node tree of `text`, by libyaml when PyYAML has it (over ten times faster: the
    glossary is read on every `translate check`); a file libyaml rejects is composed again
    by the pure-Python parser, whose error messages the reader reports. Either way the tree
    is checked for what the reader cannot take (`_check_tree`)."""
    loader = getattr(yaml, "CSafeLoader", None)
    root = None
    if loader is not None:
        try:
            root = yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            loader = None
    if loader is None:
        root = yaml.compose(text, Loader=_NestingLimitedLoader)
    if root is not None:
        _check_tree(root)
    return root


class _NestingLimitedLoader(yaml.SafeLoader):
    """PyYAML's composer recurses once per level; it stops at `MAX_NESTING` instead of at
    Python's recursion limit."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                mark = self.peek_event().start_mark
                raise ComposerError(None, None, f"nested deeper than {MAX_NESTING} levels", mark)
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


def _check_tree(root: Node) -> None:
    """Refuse nesting deeper than `MAX_NESTING`, aliases, and text holding a lone surrogate
    (which only an escape like "\\uDC00" makes, and which no file can hold), walking the tree
    without recursion.

    An alias is the node of its anchor again, so nine lines of nine aliases each make a tree
    of 9^9 nodes (the "billion laughs"; six levels took 13 s to walk), and an alias inside
    its own anchor makes a cycle. A glossary has no use for them: each node is visited once
    and one met again is refused, at its anchor."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            message = "this anchor is used by an alias (*name); a glossary may not use aliases"
            raise ComposerError(None, None, message, node.start_mark)
        seen.add(id(node))
        if depth > MAX_NESTING:
            message = f"nested deeper than {MAX_NESTING} levels"
            raise ComposerError(None, None, message, node.start_mark)
        if isinstance(node, ScalarNode):
            if (found := _SURROGATE.search(node.value)) is not None:
                message = f"U+{ord(found.group()):04X} is a lone surrogate, not a character"
                raise ComposerError(None, None, message, node.start_mark)
        elif isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend(((key, depth + 1), (value, depth + 1)))


class _FileReader:
    def __init__(self, path: str, source_language: str) -> None:
        self.path = path
        self.source_language = source_language
        self.result = ReadResult()

    def problem(self, node: Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.result.problems.append(Problem(self.path, line, message))

    def read(self, text: str) -> ReadResult:
        try:
            root = _compose(text)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else None
            reason = error.problem or error.context or "invalid YAML"
            self.result.problems.append(Problem(self.path, line, f"YAML syntax: {reason}"))
            return self.result
        except yaml.reader.ReaderError as error:
            # Raised by the pure-Python reader, whose position counts characters of `text`.
            line = text.count("\n", 0, error.position) + 1
            char = error.character
            code = char if isinstance(char, int) else ord(char[:1] or "?")
            message = f"YAML syntax: U+{code:04X} is not allowed ({error.reason})"
            self.result.problems.append(Problem(self.path, line, message))
            return self.result
        if root is None:
            self.result.problems.append(Problem(self.path, 1, "empty file: expected 'concepts:'"))
            return self.result
        fields = self.mapping(root, "the file")
        if fields is None:
            return self.result
        for key, (key_node, _) in fields.items():
            if key != "concepts":
                self.problem(key_node, f"unknown key '{key}' (a file holds 'concepts:')")
        if "concepts" not in fields:
            self.problem(root, "missing 'concepts:' list")
            return self.result
        items = fields["concepts"][1]
        if not isinstance(items, SequenceNode):
            self.problem(items, "'concepts' must be a list of concepts")
            return self.result
        for item in items.value:
            concept = self.concept(item)
            if concept is not None:
                self.result.concepts.append(concept)
        return self.result

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values")
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, "a key must be plain text")
                continue
            key = key_node.value
            if key in fields:
                self.problem(
                    key_node,
                    f"duplicate key '{key}' (also on line {fields[key][0].start_mark.line + 1})",
                )
                continue
            fields[key] = (key_node, value_node)
        return fields

    def text(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self.problem(node, f"{what} must be text")
            return None
        return "" if node.tag == _NULL else node.value

    def note(self, node: Node, what: str) -> str:
        return (self.text(node, what) or "").strip()

    def flag(self, node: Node, what: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in _TRUE
        if isinstance(node, ScalarNode) and node.value.lower() in _TRUE | _FALSE:
            return node.value.lower() in _TRUE
        self.problem(node, f"{what} must be true or false")
        return None

    def texts(self, node: Node, what: str, key: str, lines: dict[str, int]) -> tuple[str, ...]:
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what} must be a list (one '- item' per line)")
            return ()
        values: list[str] = []
        for item in node.value:
            value = self.text(item, f"each item of {what}")
            if value is not None:
                lines[f"{key}[{len(values)}]"] = item.start_mark.line + 1
                values.append(value)
        return tuple(values)

    def concept(self, node: Node) -> Concept | None:
        fields = self.mapping(node, "a concept")
        if fields is None:
            return None
        lines: dict[str, int] = {key: pair[0].start_mark.line + 1 for key, pair in fields.items()}
        concept_id = self.concept_id(fields, node)
        kind = self.kind(fields, node)
        note = self.note(fields["note"][1], "note") if "note" in fields else ""
        source: SourceTerms | None = None
        targets: dict[str, TargetTerms] = {}
        for key, (key_node, value_node) in fields.items():
            if key in CONCEPT_KEYS:
                continue
            if key == self.source_language:
                source = self.source(value_node, lines)
            elif LANGUAGE_PATTERN.match(key):
                target = self.target(key, value_node, lines)
                if target is not None:
                    targets[key] = target
            else:
                self.problem(
                    key_node,
                    f"unknown key '{key}' in a concept "
                    f"(expected {', '.join(CONCEPT_KEYS)} or a language code)",
                )
        if self.source_language not in fields:
            self.problem(node, f"concept has no '{self.source_language}:' entry with its term")
        if concept_id is None or kind is None or source is None:
            return None
        return Concept(
            id=concept_id,
            kind=kind,
            source=source,
            targets=targets,
            note=note,
            origin=Location(self.path, node.start_mark.line + 1),
            lines=lines,
        )

    def concept_id(self, fields: dict[str, tuple[Node, Node]], node: Node) -> str | None:
        if "id" not in fields:
            self.problem(node, "concept has no 'id'")
            return None
        value = self.text(fields["id"][1], "id")
        if value is None:
            return None
        if not ID_PATTERN.match(value):
            self.problem(
                fields["id"][1],
                f"id '{value}' must be lower-case letters, digits and single hyphens, "
                "starting with a letter (e.g. jabha-shamiya)",
            )
            return None
        return value

    def kind(self, fields: dict[str, tuple[Node, Node]], node: Node) -> Kind | None:
        if "kind" not in fields:
            self.problem(node, "concept has no 'kind'")
            return None
        value = self.text(fields["kind"][1], "kind")
        if value is None:
            return None
        try:
            return Kind(value)
        except ValueError:
            known = ", ".join(kind.value for kind in Kind)
            self.problem(fields["kind"][1], f"bad kind '{value}' (expected one of {known})")
            return None

    def source(self, node: Node, lines: dict[str, int]) -> SourceTerms | None:
        language = self.source_language
        fields = self.mapping(node, f"'{language}'")
        if fields is None:
            return None
        for key, (key_node, _) in fields.items():
            lines[f"{language}.{key}"] = key_node.start_mark.line + 1
            if key not in SOURCE_KEYS:
                self.problem(
                    key_node,
                    f"unknown key '{key}' in '{language}' (expected {', '.join(SOURCE_KEYS)})",
                )
        if "term" not in fields:
            self.problem(node, f"'{language}' has no 'term'")
            return None
        term = self.text(fields["term"][1], "term")
        variants: tuple[str, ...] = ()
        if "variants" in fields:
            key = f"{language}.variants"
            variants = self.texts(fields["variants"][1], "variants", key, lines)
        case_sensitive = True
        if "case-sensitive" in fields:
            flag = self.flag(fields["case-sensitive"][1], "case-sensitive")
            case_sensitive = True if flag is None else flag
        if term is None:
            return None
        return SourceTerms(term=term, variants=variants, case_sensitive=case_sensitive)

    def target(self, language: str, node: Node, lines: dict[str, int]) -> TargetTerms | None:
        fields = self.mapping(node, f"'{language}'")
        if fields is None:
            return None
        preferred: str | None = None
        pronunciation: str | None = None
        readings: dict[str, str] = {}
        values: dict[str, Any] = {}
        for key, (key_node, value_node) in fields.items():
            name = key.replace("-", "_")
            lines[f"{language}.{name}"] = key_node.start_mark.line + 1
            if key not in TARGET_KEYS:
                self.problem(
                    key_node,
                    f"unknown key '{key}' in '{language}' (expected {', '.join(TARGET_KEYS)})",
                )
            elif key in _LIST_KEYS:
                values[name] = self.texts(value_node, key, f"{language}.{name}", lines)
            elif key in _FLAG_KEYS:
                flag = self.flag(value_node, key)
                if flag is not None:
                    values[name] = flag
            elif key == "preferred":
                preferred = self.text(value_node, key)
            elif key == "pronunciation":
                pronunciation, readings = self.pronunciation(value_node)
            else:
                values[name] = self.note(value_node, key)
        if "preferred" not in fields:
            self.problem(node, f"'{language}' has no 'preferred' rendering")
        if preferred is None:
            return None
        if preferred in readings:
            pronunciation = readings.pop(preferred)
        return TargetTerms(
            language=language,
            preferred=preferred,
            pronunciation=pronunciation,
            readings=readings,
            **values,
        )

    def pronunciation(self, node: Node) -> tuple[str | None, dict[str, str]]:
        """`pronunciation: Keri` (of the preferred term) or `{Kerry: Keri, BM: be-me}`."""
        if isinstance(node, ScalarNode):
            return self.note(node, "pronunciation") or None, {}
        readings: dict[str, str] = {}
        for form, (_, value_node) in (self.mapping(node, "pronunciation") or {}).items():
            reading = self.note(value_node, f"the pronunciation of '{form}'")
            if reading:
                readings[form] = reading
        return None, readings


def write_yaml_files(glossary: Glossary, origin: str) -> dict[str, str]:
    """The glossary as YAML files, one per kind, named as in the project's `glossary/`."""
    by_kind: dict[Kind, list[Concept]] = {}
    for concept in glossary:
        by_kind.setdefault(concept.kind, []).append(concept)
    header = (
        "# yaml-language-server: $schema=schema.json\n"
        f"# Imported from {origin} by `translate glossary import`.\n\n"
    )
    return {
        FILE_NAMES[kind]: header + _dump({"concepts": [_concept_data(c) for c in concepts]})
        for kind, concepts in by_kind.items()
    }


def concept_yaml(concept: Concept) -> str:
    """One concept as it is written in a glossary file (a one-item list)."""
    return _dump([_concept_data(concept)])


def concepts_yaml(concepts: Iterable[Concept]) -> str:
    """Concepts as a glossary file's `concepts:` mapping, without the file's header."""
    return _dump({"concepts": [_concept_data(concept) for concept in concepts]})


def _concept_data(concept: Concept) -> dict[str, object]:
    data: dict[str, object] = {"id": concept.id, "kind": concept.kind.value}
    if concept.note:
        data["note"] = concept.note
    source: dict[str, object] = {"term": concept.source.term}
    if concept.source.variants:
        source["variants"] = list(concept.source.variants)
    if not concept.source.case_sensitive:
        source["case-sensitive"] = False
    data["en"] = source
    for language, target in concept.targets.items():
        data[language] = _target_data(target)
    return data


def _target_data(target: TargetTerms) -> dict[str, object]:
    data: dict[str, object] = {"preferred": target.preferred}
    for name in ("forms", "admitted", "deprecated", "first_reference", "label"):
        if getattr(target, name):
            data[name.replace("_", "-")] = list(getattr(target, name))
    if target.do_not_translate:
        data["do-not-translate"] = True
    if target.indeclinable:
        data["indeclinable"] = True
    if not target.apostrophe:
        data["apostrophe"] = False
    if target.readings:
        readings = {target.preferred: target.pronunciation} if target.pronunciation else {}
        data["pronunciation"] = {**readings, **target.readings}
    elif target.pronunciation:
        data["pronunciation"] = target.pronunciation
    for name in ("grammar", "note", "source"):
        if getattr(target, name):
            data[name] = getattr(target, name)
    return data


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=96, indent=2)
