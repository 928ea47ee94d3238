"""Wire-style English sentences in archive quantities, for the memory's recall test and
benchmark.

A news archive repeats itself with small changes: a death toll rises, a day moves on, an
attribution is added or a name changes. So about a third of the sentences here are variants
of an earlier one (a number, a name, a day or a place replaced; a clause added or dropped),
and the rest are new sentences from templates whose slots combine a few hundred words (and
thousands of generated names), so that a large archive is not made of near-copies.
Seeded, so a test and a benchmark see the same text every time.
"""

from __future__ import annotations

import random
import re

FIRST_NAMES = [
    "Ahmed", "Sergei", "Maria", "John", "Fatima", "Mehmet", "Olga", "Hassan", "Elena", "David",
    "Layla", "Yusuf", "Anna", "Omar", "Irina", "Karim", "Nadia", "Pavel", "Samir", "Leyla",
    "Viktor", "Zeynep", "Ali", "Dmitri", "Amira", "Emre", "Tatiana", "Khalid", "Aylin", "Ivan",
]  # fmt: skip
LAST_NAMES = [
    "Haddad", "Petrov", "Yilmaz", "Mansour", "Ivanova", "Kaya", "Nasser", "Smirnov", "Aziz",
    "Demir", "Khoury", "Volkov", "Saleh", "Sahin", "Karam", "Orlov", "Hamdan", "Celik",
    "Rahman", "Morozov", "Darwish", "Aydin", "Jaber", "Sokolov", "Barakat", "Ozturk",
]  # fmt: skip
PLACES = [
    "Aleppo", "Idlib", "Damascus", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Latakia", "Tartus",
    "Daraa", "Beirut", "Tripoli", "Mosul", "Kirkuk", "Erbil", "Baghdad", "Basra", "Gaziantep",
    "Kilis", "Ankara", "Istanbul", "Moscow", "Geneva", "Vienna", "Amman", "Cairo", "Doha",
    "Riyadh", "Tehran", "Baku", "Tbilisi", "Yerevan", "Kyiv", "Kharkiv", "Odesa", "Benghazi",
]  # fmt: skip
GROUPS = [
    "the army", "rebel fighters", "aid workers", "the United Nations", "the Red Crescent",
    "government forces", "opposition groups", "the civil defence", "local officials",
    "the health ministry", "monitors", "the foreign ministry", "police", "the coalition",
    "Kurdish forces", "the defence ministry", "relief agencies", "the World Food Programme",
]  # fmt: skip
VERBS = [
    "reported", "denied", "announced", "opened", "closed", "delivered", "evacuated",
    "suspended", "restored", "searched", "rejected", "launched", "reopened", "blocked",
    "inspected", "secured", "shelled", "repaired", "abandoned", "surrounded", "cleared",
    "defended", "questioned", "welcomed", "criticised", "postponed", "approved", "funded",
]  # fmt: skip
OBJECTS = [
    "the main road", "a corridor for civilians", "the border crossing", "food and medicine",
    "the wounded", "the negotiations", "the water supply", "the rubble", "the proposal",
    "an offensive", "field hospitals", "the old bridge", "the power station", "a school",
    "the grain silos", "the bakery", "the airport road", "the refinery", "a clinic",
    "the ceasefire plan", "the prisoner exchange", "the aid convoy", "the pipeline",
    "the dam", "the market", "the bus station", "the police headquarters", "a mosque",
    "the central bank", "the fuel depot", "the vaccination campaign", "the peace talks",
]  # fmt: skip
ADJECTIVES = [
    "eastern", "western", "northern", "southern", "old", "new", "main", "industrial",
    "besieged", "ruined", "crowded", "empty", "central", "coastal", "rural", "northwestern",
]  # fmt: skip
PLACE_NOUNS = [
    "districts", "suburbs", "market", "quarter", "villages", "checkpoint", "camps", "road",
    "outskirts", "highway", "port", "hills", "valley", "neighbourhoods", "front line",
]  # fmt: skip
PREPOSITIONS = ["in the", "near the", "along the", "around the", "outside the", "beyond the"]
WHEN = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "overnight", "this week", "at dawn", "late on Sunday", "early on Friday",
    "after the talks", "during the siege", "before the truce", "last month",
]  # fmt: skip
ATTRIBUTIONS = [
    "a spokesman said", "officials said", "witnesses told Reuters", "the agency reported",
    "state media said", "a statement said", "activists said", "a monitoring group said",
]  # fmt: skip
SYLLABLES = [
    "al", "ba", "da", "ka", "ma", "ra", "sa", "ta", "za", "el", "ha", "ja", "la", "na", "qa",
    "ri", "mi", "ni", "di", "ki", "su", "mu", "ru", "yu", "ov", "in", "an", "ar", "er", "ul",
]  # fmt: skip
UNITS = [
    "people", "civilians", "children", "fighters", "families", "trucks", "buildings",
    "villages", "tonnes of flour", "patients",
]  # fmt: skip

TEMPLATES = [
    "{Group} {action} {where} {when}, {attribution}.",
    "{Person} said {group} {action} in {place} {when}.",
    "At least {number} {unit} were killed in {place} {when}, {attribution}.",
    "The death toll in {place} rose to {number} {when}, {attribution}.",
    "{Group} {action} in {place}, and {group2} {action2} {where}.",
    "{Person}, a spokesman for {group}, told reporters in {place} that {number} {unit} "
    "had been moved {where}.",
    "More than {number} {unit} have fled {place} since the fighting began, {attribution}.",
    "{Person} met {person2} in {place} {when} to discuss the situation {where}.",
    "{Group} said it {action} {where} {when}.",
    "There was no immediate comment from {group} on the reports from {place}.",
    "The convoy of {number} {unit} reached {place} {when}.",
    "{Person} told {group} that {group2} {action} {where}.",
]
SLOT = re.compile(r"\{(\w+?)(2?)\}")
NUMBER = re.compile(r"\b\d[\d,]*\b")


class NewsCorpus:
    """A stream of distinct sentences; `variant_share` of them edit an earlier one."""

    def __init__(self, seed: int = 16, variant_share: float = 0.35) -> None:
        self.random = random.Random(seed)
        self.variant_share = variant_share
        self.made: list[str] = []
        self.seen: set[str] = set()

    def sentences(self, count: int) -> list[str]:
        out: list[str] = []
        while len(out) < count:
            sentence = self.next()
            if sentence not in self.seen:
                self.seen.add(sentence)
                self.made.append(sentence)
                out.append(sentence)
        return out

    def next(self) -> str:
        if self.made and self.random.random() < self.variant_share:
            return self.variant(self.random.choice(self.made))
        return self.fresh()

    def fresh(self) -> str:
        template = self.random.choice(TEMPLATES)
        sentence = SLOT.sub(lambda m: self._fill(m.group(1)), template)
        return sentence[0].upper() + sentence[1:]

    def variant(self, sentence: str) -> str:
        """The kind of change a follow-up story makes to a sentence."""
        r = self.random
        kind = r.randrange(6)
        if kind == 0 and NUMBER.search(sentence):
            return NUMBER.sub(lambda _: self._number(), sentence, count=1)
        if kind == 1:
            for place in r.sample(PLACES, len(PLACES)):
                if place in sentence:
                    return sentence.replace(place, r.choice(PLACES), 1)
        if kind == 2:
            for when in WHEN:
                if when in sentence:
                    return sentence.replace(when, r.choice(WHEN), 1)
        if kind == 3:
            return sentence.rstrip(".") + ", " + r.choice(ATTRIBUTIONS) + "."
        if kind == 4 and ", " in sentence:
            return sentence.rsplit(", ", 1)[0] + "."
        words = sentence.split()
        position = r.randrange(len(words))
        words[position] = r.choice(["also", "again", "reportedly", "first", words[position]])
        return " ".join(words)

    def _fill(self, slot: str) -> str:
        r = self.random
        lower = slot.lower()
        value = {
            "group": lambda: r.choice(GROUPS),
            "person": lambda: f"{r.choice(FIRST_NAMES)} {self._name()}",
            "place": lambda: r.choice(PLACES) if r.random() < 0.5 else self._name(),
            "action": lambda: f"{r.choice(VERBS)} {r.choice(OBJECTS)}",
            "where": lambda: " ".join(
                (r.choice(PREPOSITIONS), r.choice(ADJECTIVES), r.choice(PLACE_NOUNS))
            ),
            "when": lambda: r.choice(WHEN),
            "attribution": lambda: r.choice(ATTRIBUTIONS),
            "unit": lambda: r.choice(UNITS),
            "number": self._number,
        }[lower]()
        return value[0].upper() + value[1:] if slot[0].isupper() else value

    def _number(self) -> str:
        return f"{int(10 ** self.random.uniform(0.3, 4.5)):,}"

    def _name(self) -> str:
        """A surname or town from syllables: thousands of them, each rare, as in real copy."""
        r = self.random
        if r.random() < 0.3:
            return r.choice(LAST_NAMES)
        return "".join(r.choice(SYLLABLES) for _ in range(r.randrange(2, 4))).capitalize()


def pseudo_translation(sentence: str) -> str:
    """A stand-in target text: distinct per source, so a test sees which entry was used."""
    return "«" + " ".join(reversed(sentence.split())) + "»"
