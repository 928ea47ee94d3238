"""The check's rules on single translations: numbers, copies, quotes, brackets, suppression."""

import pytest

from translate.check.findings import RULES, Issue, Severity
from translate.check.index import GlossaryIndex
from translate.check.rules import (
    Context,
    bracket_balance,
    check_brackets,
    check_glossary,
    check_identical,
    check_numbers,
    check_quotes,
    quote_balance,
    quote_marks,
)
from translate.check.suppress import parse_suppressions
from translate.glossary.model import Concept, Kind, SourceTerms, TargetTerms, make_glossary

NUMBERS_KEPT = [
    # (language, source, translation): the numbers are there, as the locale writes them.
    ("tr", "up to 10,500 Syrian citizens", "10.500 Suriyeli"),
    ("tr", "up to 10,500 Syrian citizens", "10 bin 500 Suriyeli"),
    ("tr", "more than 300,000 people", "300 binden fazla kişi"),
    ("tr", "about 85 percent of the area", "bölgenin yaklaşık %85'i"),
    ("tr", "since 2012", "2012'den beri"),
    ("tr", "voted 122 to 13", "13'e karşı 122 oyla"),
    ("tr", "1.5 million people", "1,5 milyon kişi"),
    ("tr", "a woman in her late 20s", "yirmili yaşlarının sonundaki bir kadın"),
    ("ru", "up to 10,500 Syrian citizens", "до 10 500 сирийцев"),
    ("ru", "up to 10,500 Syrian citizens", "до 10\u00a0500 сирийцев"),
    ("ru", "up to 10,500 Syrian citizens", "до 10\u202f500 сирийцев"),
    ("ru", "up to 10,500 Syrian citizens", "до 10500 сирийцев"),
    ("ru", "up to 10,500 Syrian citizens", "до 10,5 тысячи сирийцев"),
    ("ru", "more than 300,000 people", "более 300 тысяч человек"),
    ("ru", "more than 300,000 people", "более 300 тыс. человек"),
    ("ru", "about 85 percent", "около 85 процентов"),
    ("ru", "32 of east Aleppo's 40 neighborhoods", "32 из 40 районов восточного Алеппо"),
    ("ru", "in the last 24 hours", "за последние сутки"),
    ("ru", "a woman in her late 20s", "женщина лет двадцати пяти"),
    ("ru", "a woman in her late 20s", "женщина лет под тридцать"),
    ("ru", "1.5 million people", "1,5 миллиона человек"),
    ("ar", "up to 10,500 Syrian citizens", "ما يصل إلى ١٠٬٥٠٠ مواطن سوري"),
    ("ar", "up to 10,500 Syrian citizens", "ما يصل إلى 10,500 مواطن سوري"),
    ("ar", "more than 300,000 people", "أكثر من 300 ألف شخص"),
    ("ar", "more than 300,000 people", "أكثر من ٣٠٠ ألف شخص"),
    ("ar", "about 85 percent", "نحو ٨٥٪"),
    ("ar", "in the last 24 hours", "خلال الـ24 ساعة الماضية"),
    ("ar", "a woman in her late 20s", "امرأة في أواخر العشرينات من عمرها"),
    ("ar", "since 2012", "منذ عام ٢٠١٢"),
    ("ar", "1.5 million people", "1.5 مليون شخص"),
    # zero said as "none" (Django's admin)
    ("ar", "0 of %(cnt)s selected", "لا شيء محدد من %(cnt)s"),
    ("ar", "0 of %(cnt)s selected", "ولم يحدد أي من %(cnt)s"),
    ("ru", "0 of %(cnt)s selected", "Не выбрано ни одного из %(cnt)s"),
    ("tr", "0 of %(cnt)s selected", "%(cnt)s öğeden hiçbiri seçilmedi"),
]
NUMBERS_LOST = [
    # (language, source, translation, the number reported)
    ("tr", "up to 10,500 Syrian citizens", "10,500 Suriyeli", "10,500"),  # 10.5 in Turkish
    ("ru", "up to 10,500 Syrian citizens", "до 10.500 сирийцев", "10,500"),
    ("ar", "up to 10,500 Syrian citizens", "ما يصل إلى 10.500 مواطن", "10,500"),
    ("ru", "32 of east Aleppo's 40 neighborhoods", "32 из 4 районов", "40"),
    ("tr", "more than 300,000 people", "30 binden fazla kişi", "300,000"),
    ("ru", "since 2012", "с 2011 года", "2012"),
    ("ar", "about 85 percent", "نحو ٥٨٪", "85"),
    ("tr", "voted 122 to 13", "13'e karşı oyla", "122"),
    ("ru", "up to 10,500 Syrian citizens", "до 105 000 сирийцев", "10,500"),
    ("ru", "a woman in her late 20s", "женщина лет сорока", "20"),
    ("tr", "in the 1990s", "2000'lerde", "1990"),
    ("ar", "1 of %(cnt)s selected", "لا شيء محدد من %(cnt)s", "1"),  # only zero is "none"
    ("ru", "0 of %(cnt)s selected", "Выбрано из %(cnt)s", "0"),
]


@pytest.mark.parametrize(("language", "source", "translation"), NUMBERS_KEPT)
def test_numbers_kept(language: str, source: str, translation: str) -> None:
    assert check_numbers(source, translation, Context(language)) == []


@pytest.mark.parametrize(("language", "source", "translation", "number"), NUMBERS_LOST)
def test_numbers_lost(language: str, source: str, translation: str, number: str) -> None:
    [issue] = check_numbers(source, translation, Context(language))
    assert issue.rule == "numbers"
    assert f"number {number} " in issue.message


def test_the_expected_number_is_written_the_locale_way() -> None:
    [issue] = check_numbers("up to 10,500 people", "до человек", Context("ru"))
    assert issue.expected == "10\u00a0500"
    [issue] = check_numbers("up to 10,500 people", "kişi", Context("tr"))
    assert issue.expected == "10.500"


@pytest.mark.parametrize(
    ("language", "severity"),
    [("tr", Severity.warning), ("ru", Severity.error), ("ar", Severity.error)],
)
def test_a_copy_of_the_source(language: str, severity: Severity) -> None:
    [issue] = check_identical(
        "Reuters journalists counted.", " Reuters  journalists counted.", Context(language)
    )
    assert (issue.rule, issue.severity) == ("identical", severity)


@pytest.mark.parametrize(("source", "translation"), [("10,500", "10,500"), ("Hello", "Merhaba")])
def test_no_copy(source: str, translation: str) -> None:
    assert check_identical(source, translation, Context("tr")) == []


NOTHING_TO_TRANSLATE = [
    # (language, text a translation keeps as it is)
    ("ru", "%(truncated_text)s…"),
    ("ar", "%(class_name)s %(instance)s"),
    ("ar", "{name}: {count}"),
    ("ru", "%(count)d%%"),
    ("ru", "IPv4"),
    ("ar", "IPv6"),
    ("ru", "URL"),
    ("ar", "GIS"),
    ("ru", "%s KB"),
    ("ar", "https://www.reuters.com/world/middle-east/"),
    ("ru", "www.example.com"),
    ("ar", "editor@example.com"),
    ("ru", "flatpages/default.html"),
    ("ru", "/usr/share/locale/"),
    ("ar", "./locales/ar/LC_MESSAGES/news.po"),
    ("ar", "settings.py"),
    ("ru", "`translate check`"),
    ("ar", "<br>"),
    ("ru", "SESSION_COOKIE_AGE"),
    ("ru", "session_key"),
    ("ar", "2016-12-05"),
    ("ru", "— … !"),
    # CLDR writes these names the same in Turkish (`İnterlingua`, months, countries)
    ("tr", "Interlingua"),
    ("tr", "mar"),
    ("tr", "May"),
    ("tr", "Angola"),
]
STILL_TO_TRANSLATE = [
    ("ru", "View: %(name)s"),
    ("ru", "view:"),
    ("ru", "Interlingua"),  # Russian has its own name
    ("ar", "May"),
    ("tr", "Reuters journalists counted."),
    ("ru", "Open https://example.com in a browser"),
    ("ar", "URL of the page"),
    ("ru", "Yes/No"),  # words with a slash are no path
    ("ar", "and/or"),
    ("ru", "Template: flatpages/default.html"),
]


@pytest.mark.parametrize(("language", "text"), NOTHING_TO_TRANSLATE)
def test_identical_skips_what_has_nothing_to_translate(language: str, text: str) -> None:
    assert check_identical(text, text, Context(language)) == []


@pytest.mark.parametrize(("language", "text"), STILL_TO_TRANSLATE)
def test_identical_still_flags_words_left_untranslated(language: str, text: str) -> None:
    [issue] = check_identical(text, text, Context(language))
    assert issue.rule == "identical"


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("Reuters", ("Reuters",)),
        ("reuters", ("Reuters",)),
        ("Google Maps: %(place)s", ("Google Maps",)),
        ("site", ("site", "model")),
    ],
)
def test_allow_listed_terms_may_stay(text: str, allowed: tuple[str, ...]) -> None:
    assert check_identical(text, text, Context("tr")) != []
    assert check_identical(text, text, Context("tr", allow_identical=allowed)) == []


def test_an_allow_listed_term_does_not_cover_the_rest() -> None:
    context = Context("ru", allow_identical=("Reuters", "Reu"))
    [issue] = check_identical("Reuters journalists", "Reuters journalists", context)
    assert issue.rule == "identical"
    assert check_identical("Reutersx", "Reutersx", context) != []  # whole words only


QUOTES_AGREE = [
    ("ru", "“The advance is going according to plan,” a source said.",
     "«Наступление идёт по плану», — сказал источник."),
    ("tr", "“The advance is going according to plan,” a source said.",
     "\"İlerleme plana göre gidiyor\" dedi bir kaynak."),
    ("ru", "“I know people are tired of these meetings.",
     "«Я знаю, что люди устали от этих встреч."),
    ("ru", "There were no hospitals, no diapers, no milk,” she said.",
     "Не было ни больниц, ни подгузников, ни молока», — сказала она."),
    ("tr", "There were no hospitals, no diapers, no milk,” she said.",
     "Hastane yoktu, bebek bezi yoktu, süt yoktu\" dedi."),
    ("ru", "He said “the guys are steadfast”.", "Он сказал: «„Ребята“ держатся»."),
    ("ru", "He said “the guys are steadfast”.", "Он сказал: “Ребята держатся”."),
    ("ru", "No quotes here.", "Здесь нет кавычек."),
    ("ru", "The Shi’ite militias and the city’s east", "шиитские ополчения и восток города"),
    # CLDR's Arabic quotation marks, and the English ones an Arabic text may keep (Django)
    ("ar", "“%(path)s” does not exist", "”%(path)s“ غير موجود"),
    ("ar", "“%(path)s” does not exist", "“%(path)s” غير موجود"),
    ("ar", "The {name} “{obj}” was added successfully.", "نجحت إضافة {name} \u200f”{obj}“."),
    ("ar", "He said “the guys are steadfast”.", "قال «الشباب صامدون»."),
    ("fa", "He said “the guys are steadfast”.", "گفت «بچه‌ها ایستاده‌اند»."),
    ("de", "He said “the guys are steadfast”.", "Er sagte: „Die Jungs halten durch“."),
    ("ja", "He said “the guys are steadfast”.", "彼は「みんな頑張っている」と言った。"),
    ("sv", "He said “the guys are steadfast”.", "Han sa ”killarna håller ut”."),
]  # fmt: skip
QUOTES_DISAGREE = [
    ("ru", "“The advance is going according to plan,” a source said.",
     "«Наступление идёт по плану, — сказал источник."),
    ("ru", "“I know people are tired of these meetings.",
     "«Я знаю, что люди устали от этих встреч»."),
    ("ru", "There were no hospitals,” she said.", "Не было больниц, — сказала она."),
    ("ru", "No quotes here.", "«Здесь нет кавычек."),
    # the wrong closing quote (Django's Russian admin)
    ("ru", "Added “%(object)s”.", "Добавлено “%(object)s“."),
    ("ar", "“%(path)s” does not exist", "“%(path)s“ غير موجود"),
    ("ar", "Invalid date string “%(datestr)s” given format “%(format)s”",
     "نسق تاريخ غير صحيح \"%(datestr)s\" محدد بالشكل ''%(format)s\""),
    ("de", "He said “the guys are steadfast”.", "Er sagte: „Die Jungs halten durch„."),
]  # fmt: skip


@pytest.mark.parametrize(("language", "source", "translation"), QUOTES_AGREE)
def test_quotes_balanced_as_in_the_source(language: str, source: str, translation: str) -> None:
    assert check_quotes(source, translation, Context(language)) == []


@pytest.mark.parametrize(("language", "source", "translation"), QUOTES_DISAGREE)
def test_quotes_unbalanced(language: str, source: str, translation: str) -> None:
    [issue] = check_quotes(source, translation, Context(language))
    assert issue.rule == "quotes"


def test_quote_balance_directions() -> None:
    russian, arabic = quote_marks("ru"), quote_marks("ar")
    assert quote_balance("«a „b“ c»", russian) == (0, 0, False)
    assert quote_balance("“a") == (1, 0, False)
    assert quote_balance("a”") == (0, 1, False)
    assert quote_balance('"a') == (1, 0, True)
    assert quote_balance("”a“", arabic) == (0, 0, False)
    # `“` closes Russian `„…“`, so a `“` left open might have been meant to close one
    assert quote_balance("“a“", quote_marks("ru", "en")) == (2, 0, True)
    assert quote_balance("«a", russian) == (1, 0, False)


def test_quotation_marks_come_from_cldr() -> None:
    from translate.check.quotation_marks import CLDR_VERSION, QUOTATION_MARKS

    assert CLDR_VERSION.split(".")[0].isdigit()
    assert QUOTATION_MARKS["ar"][0] == "”“’‘"
    assert QUOTATION_MARKS["ru"][0] == "«»„“"
    assert "tr" not in QUOTATION_MARKS  # the root's “…” and ‘…’


@pytest.mark.parametrize(
    ("source", "translation", "agree"),
    [
        ("the U.N. (United Nations) said", "ООН (Организация Объединённых Наций) заявила", True),
        ("the U.N. (United Nations) said", "ООН (Организация Объединённых Наций заявила", False),
        ("a [b] c", "a b] c", False),
        ("no brackets", "нет скобок", True),
    ],
)
def test_brackets(source: str, translation: str, agree: bool) -> None:
    assert (check_brackets(source, translation, Context("ru")) == []) is agree


def test_bracket_balance() -> None:
    assert bracket_balance("(a [b) c]") == (0, 0, False)
    assert bracket_balance(")(") == (1, 1, False)


@pytest.mark.parametrize(
    ("comments", "issue", "covered"),
    [
        (["check: ignore glossary=aleppo"], Issue("glossary-missing", "", concept="aleppo"), True),
        (["check: ignore glossary=aleppo"], Issue("glossary-suffix", "", concept="aleppo"), True),
        (["check: ignore glossary=aleppo"], Issue("glossary-missing", "", concept="idlib"), False),
        (["check: ignore glossary=aleppo"], Issue("numbers", ""), False),
        (["check: ignore numbers"], Issue("numbers", ""), True),
        (["check: ignore numbers, quotes"], Issue("quotes", ""), True),
        (["Check: Ignore glossary-admitted=jabha-shamiya"],
         Issue("glossary-admitted", "", concept="jabha-shamiya"), True),
        (["check: ignore glossary-admitted=jabha-shamiya"],
         Issue("glossary-missing", "", concept="jabha-shamiya"), False),
        (["a translator's note", "check: ignore glossary"],
         Issue("glossary-deprecated", "", concept="aleppo"), True),
        (["please check: ignore nothing here"], Issue("numbers", ""), False),
    ],
)  # fmt: skip
def test_suppressions(comments: list[str], issue: Issue, covered: bool) -> None:
    assert parse_suppressions(comments).covers(issue) is covered


def test_unknown_rules_in_a_suppression_are_kept_to_report() -> None:
    suppressions = parse_suppressions(["check: ignore numbrs, glossary=aleppo"])
    assert suppressions.unknown == ("numbrs",)
    assert suppressions.covers(Issue("glossary-missing", "", concept="aleppo"))


def _names() -> GlossaryIndex:
    concepts = [
        Concept(
            id="idlib",
            kind=Kind.place,
            source=SourceTerms("Idlib"),
            targets={
                "ar": TargetTerms("ar", "إدلب"),
                "tr": TargetTerms("tr", "İdlib"),
                "ru": TargetTerms("ru", "Идлиб"),
            },
        ),
        Concept(
            id="poroshenko",
            kind=Kind.person,
            source=SourceTerms("Pyotr Poroshenko"),
            targets={"ru": TargetTerms("ru", "Пётр Порошенко")},
        ),
    ]
    return GlossaryIndex(make_glossary(concepts))


@pytest.mark.parametrize(
    ("language", "source", "translation", "rules"),
    [
        ("ar", "Shelling hit Idlib.", "أصاب القصف إدلب.", []),
        ("ar", "Shelling hit Idlib.", "أصاب القصف ادلب.", ["glossary-spelling"]),
        ("ar", "Shelling in Idlib.", "القصف بادلب.", ["glossary-spelling"]),
        # Letter case and е for ё are no misspellings; İdlib without its dot is another word.
        ("tr", "Shelling hit Idlib.", "İDLİB'E bombardıman", []),
        ("tr", "Shelling hit Idlib.", "Idlib'e bombardıman", ["glossary-missing"]),
        ("ru", "Pyotr Poroshenko spoke.", "Выступил Петр Порошенко.", []),
        ("ru", "Pyotr Poroshenko spoke.", "Выступил Пётр Порошенко.", []),
    ],
)
def test_glossary_spelling(language: str, source: str, translation: str, rules: list) -> None:
    issues = check_glossary(source, translation, Context(language, _names()))
    assert [issue.rule for issue in issues] == rules
    for issue in issues:
        if issue.rule == "glossary-spelling":
            assert (issue.severity or RULES[issue.rule].severity) is Severity.warning
            assert issue.expected in issue.message and issue.concept == "idlib"
