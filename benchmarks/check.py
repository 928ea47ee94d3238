"""`translate check` against `msgfmt --check` on a generated catalog of 100,000 entries.

    .venv/bin/python benchmarks/check.py [--entries 100000] [--runs 3] [--keep DIR]

The catalog is Russian news copy made from sentence templates filled with the project
glossary's people, places and groups (declined by case with `translate.morphology.russian`,
as a translator writes them: `Сергея Лаврова`, `в Алеппо`, `«Левантийского фронта»`) and
with numbers in Russian style (`10 500` with a no-break space). How many names, numbers and
quotations an entry holds follows the seed article (1.4 names per segment, 41% of segments
with none; a number in 13%, a quotation in 19%). 2% of the entries carry a deliberate error
(a dropped number; a misspelt and a deprecated name) so the check has findings to report.
Every msgid is unique; the file is written in GNU gettext's layout (wrapped at 79 columns)
and passes `msgfmt --check`. Russian is the costliest language for the check (a lexeme per
name), so one Russian file is the harder case than a mix of languages.

Both tools run as the real commands in a subprocess, stdout to /dev/null, best of `--runs`:
`translate check --quiet FILE` (with the project glossary) and `msgfmt --check -o /dev/null
FILE`. Prints a Markdown table to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRANSLATE = Path(sys.executable).parent / "translate"

# Parallel English and Russian phrases for the parts of a sentence that name no one.
SUBJECTS = [
    ("The army", "армия"),
    ("Rebel fighters", "боевики оппозиции"),
    ("Aid workers", "гуманитарные работники"),
    ("Diplomats", "дипломаты"),
    ("Residents", "жители"),
    ("Officials", "чиновники"),
    ("Witnesses", "очевидцы"),
    ("Doctors", "врачи"),
    ("Journalists", "журналисты"),
    ("Volunteers", "добровольцы"),
    ("Engineers", "инженеры"),
    ("Monitors", "наблюдатели"),
]
ACTIONS = [
    ("reported heavy shelling", "сообщили о сильном обстреле"),
    ("described the destruction", "описали разрушения"),
    ("called for a ceasefire", "призвали к прекращению огня"),
    ("moved to safer districts", "перебрались в более безопасные районы"),
    ("counted the casualties", "подсчитали жертвы"),
    ("waited for the convoys", "ждали колонн с помощью"),
    ("denied the reports", "опровергли сообщения"),
    ("warned of a humanitarian crisis", "предупредили о гуманитарном кризисе"),
    ("repaired the water supply", "восстановили водоснабжение"),
    ("searched the rubble for survivors", "искали выживших под завалами"),
    ("demanded access to food", "потребовали доступа к продовольствию"),
    ("left the old quarter", "покинули старый квартал"),
]
WHERE = [
    ("near the front line", "у линии фронта"),
    ("in the eastern districts", "в восточных районах"),
    ("along the main road", "вдоль главной дороги"),
    ("around the hospital", "вокруг больницы"),
    ("in the old market", "на старом рынке"),
    ("outside the city", "за городом"),
    ("in the southern suburbs", "в южных пригородах"),
    ("near the border", "у границы"),
    ("at the checkpoint", "на блокпосту"),
    ("in the cellars", "в подвалах"),
    ("on the ring road", "на кольцевой дороге"),
    ("by the river", "у реки"),
]
WHEN = [
    ("on Friday", "в пятницу"),
    ("on Thursday", "в четверг"),
    ("on Saturday morning", "в субботу утром"),
    ("late on Sunday", "поздно вечером в воскресенье"),
    ("overnight", "ночью"),
    ("this week", "на этой неделе"),
    ("at dawn", "на рассвете"),
    ("in the afternoon", "днём"),
    ("on Monday evening", "в понедельник вечером"),
    ("before the truce", "до перемирия"),
    ("after the talks", "после переговоров"),
    ("during the siege", "во время осады"),
]
# Sentences by how many glossary names they hold: {S} {A} {W} {T} are the phrases above,
# {P}/{Q} people, {L} a place, {G} a group; the Russian slot names the case it needs.
TEMPLATES = {
    0: [("{S} {A} {W} {T}.", "{S} {T} {A} {W}.")],
    1: [
        ("{S} {A} in {L} {T}.", "{S} {T} {A} в {L:loct}."),
        ("{P} said {s} {A} {W} {T}.", "По словам {P:gent}, {s} {T} {A} {W}."),
        ("{G} said its fighters {A} {W} {T}.", "«{G:nomn}» сообщил, что его боевики {T} {A} {W}."),
    ],
    2: [
        ("{P} said {s} {A} in {L} {T}.", "По словам {P:gent}, {s} {T} {A} в {L:loct}."),
        ("Fighters of {G} {A} near {L} {T}.", "Боевики «{G:gent}» {T} {A} под {L:ablt}."),
    ],
    3: [
        ("{P} told {Q} that {s} {A} in {L} {T}.",
         "{P:nomn} сообщил {Q:datv}, что {s} {T} {A} в {L:loct}."),
        ("{P} and {Q} discussed the fighting in {L} {T}.",
         "{P:nomn} и {Q:nomn} {T} обсудили бои в {L:loct}."),
    ],
    4: [
        ("{P} told {Q} that fighters of {G} {A} in {L} {T}.",
         "{P:nomn} сообщил {Q:datv}, что боевики «{G:gent}» {T} {A} в {L:loct}."),
    ],
}  # fmt: skip
# Names per segment and numbers per segment in the seed article (63 segments), which the
# generated catalog reproduces: 26 segments name nobody, 12 one name ... 6 four or more; 8
# hold a number; 12 a quotation.
PEOPLE = [
    "bashar-al-assad", "sergei-lavrov", "sergei-rudskoi", "staffan-de-mistura", "john-kerry",
    "mark-toner", "mevlut-cavusoglu", "maher-tashtash",
]  # fmt: skip
PLACES = [
    "aleppo", "east-aleppo", "old-aleppo", "idlib", "damascus", "al-bab", "geneva", "paris",
    "moscow", "washington", "beirut", "syria", "russia", "turkey", "iran",
]  # fmt: skip
GROUPS = ["jabha-shamiya", "nour-al-din-al-zinki", "fastaqim", "islamic-state"]
SLOT = re.compile(r"\{(\w)(?::(\w+))?\}")
NAMES_PER_SEGMENT = {0: 26, 1: 12, 2: 8, 3: 11, 4: 6}
NUMBER_SHARE = 8 / 63
QUOTE_SHARE = 12 / 63
HEADER = [
    ("Project-Id-Version", "benchmark"),
    ("Report-Msgid-Bugs-To", ""),
    ("POT-Creation-Date", "2016-12-09 00:00+0000"),
    ("PO-Revision-Date", "2016-12-09 00:00+0000"),
    ("Last-Translator", "Benchmark <benchmark@example.invalid>"),
    ("Language-Team", "Russian"),
    ("Language", "ru"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    (
        "Plural-Forms",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
    ),
]


def fill(template: str, phrases: dict[str, str], name: Callable[[str, str], str]) -> str:
    """`template` with its phrase slots from `phrases` and its name slots from `name`."""
    return SLOT.sub(lambda slot: phrases.get(slot[1]) or name(slot[1], slot[2]), template)


def generate(path: Path, entries: int, seed: int = 12) -> int:
    """Write the catalog; returns how many entries carry a deliberate error."""
    from babel.numbers import format_decimal

    from translate.catalog import Catalog, Message
    from translate.files import atomic_write_text
    from translate.glossary import load_glossary
    from translate.morphology.russian import inflect
    from translate.po import write_po

    glossary = load_glossary(REPO / "glossary")
    names = {concept.id: concept for concept in glossary}
    forms: dict[tuple[str, str], str] = {}

    def russian(concept_id: str, case: str) -> str:
        if (concept_id, case) not in forms:
            target = names[concept_id].target("ru")
            assert target is not None
            text = target.preferred
            forms[(concept_id, case)] = text if target.indeclinable else inflect(text, case)
        return forms[(concept_id, case)]

    rng = random.Random(seed)
    shapes = list(NAMES_PER_SEGMENT)
    weights = list(NAMES_PER_SEGMENT.values())
    catalog = Catalog(header=list(HEADER))
    seen: set[str] = set()
    broken = 0
    while len(catalog.messages) < entries:
        english, template = rng.choice(TEMPLATES[rng.choices(shapes, weights)[0]])
        person, other = rng.sample(PEOPLE, 2)
        place, group = rng.choice(PLACES), rng.choice(GROUPS)
        (s_en, s_ru), (a_en, a_ru) = rng.choice(SUBJECTS), rng.choice(ACTIONS)
        (w_en, w_ru), (t_en, t_ru) = rng.choice(WHERE), rng.choice(WHEN)
        concepts = {"P": person, "Q": other, "L": place, "G": group}
        phrases_en = {"S": s_en, "s": s_en[0].lower() + s_en[1:], "A": a_en, "W": w_en, "T": t_en}
        phrases_ru = {"S": s_ru[0].upper() + s_ru[1:], "s": s_ru, "A": a_ru, "W": w_ru, "T": t_ru}
        msgid = fill(
            english, phrases_en, lambda slot, _, chosen=concepts: names[chosen[slot]].source.term
        )
        msgstr = fill(
            template, phrases_ru, lambda slot, case, chosen=concepts: russian(chosen[slot], case)
        )
        number = ""
        if rng.random() < NUMBER_SHARE:
            count = rng.randint(12, 99999)
            number = format_decimal(count, locale="ru")
            msgid = msgid[:-1] + f", and {count:,} people fled."
            msgstr = msgstr[:-1] + f", {number} человек бежали."
        if rng.random() < QUOTE_SHARE:
            msgid, msgstr = f"“{msgid}”", f"«{msgstr}»"
        if msgid in seen:
            continue
        seen.add(msgid)
        if rng.random() < 0.02:
            broken += 1
            if number:
                msgstr = msgstr.replace(number, "много")
            else:
                msgstr = msgstr.replace("в ", "в Дамасске и в ", 1) + " Халеб"
        line = len(catalog.messages) + 1
        catalog.messages.append(Message(msgid, msgstr, references=[f"seeds/generated.txt:{line}"]))
    atomic_write_text(path, write_po(catalog))
    return broken


def best_time(command: list[str], runs: int) -> tuple[float, int]:
    times = []
    code = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        code = result.returncode
    return min(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool (best)")
    parser.add_argument("--keep", type=Path, help="write the catalog here and keep it")
    options = parser.parse_args()
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        sys.exit("benchmarks/check.py: msgfmt (GNU gettext) is not installed")

    folder = options.keep or Path(tempfile.mkdtemp(prefix="dragoman-check-benchmark-"))
    folder.mkdir(parents=True, exist_ok=True)
    catalog = folder / "ru" / "LC_MESSAGES" / "generated.po"
    catalog.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating {options.entries} entries in {catalog} ...", file=sys.stderr)
    broken = generate(catalog, options.entries)
    size = catalog.stat().st_size

    commands = {
        "`msgfmt --check -o /dev/null`": [msgfmt, "--check", "-o", os.devnull, str(catalog)],
        "`translate check --quiet`": [
            str(TRANSLATE), "check", "--quiet", "--glossary", str(REPO / "glossary"),
            str(catalog),
        ],
    }  # fmt: skip
    results = {}
    for name, command in commands.items():
        print(f"timing {name} ...", file=sys.stderr)
        results[name] = best_time(command, options.runs)
    baseline = results["`msgfmt --check -o /dev/null`"][0]

    cpu = platform.processor() or platform.machine()
    print(
        f"Catalog: {options.entries:,} entries, Russian, {size / 1e6:.1f} MB, {broken} with a "
        f"deliberate error; best of {options.runs} runs; {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}.\n"
    )
    print("| command | time (s) | × msgfmt | exit |")
    print("|---|---|---|---|")
    for name, (seconds, code) in results.items():
        print(f"| {name} | {seconds:.2f} | {seconds / baseline:.2f} | {code} |")
    if options.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
