"""Numbers of the source written in words in the translation: accepted in any inflected form,
and still an error when the words are another number."""

import subprocess
import sys

import pytest

from translate.check.rules import Context, check_numbers
from translate.check.spelled import SPELLED_LIMIT, written_in_words

KEPT = [
    # (language, source, translation): the number is there, in words.
    ("ru", "A 12-year-old boy was killed.", "Погиб двенадцатилетний мальчик."),
    ("ru", "A 12-year-old boy was killed.", "Погиб мальчик двенадцати лет."),
    ("ru", "in the last 24 hours", "в течение последних двадцати четырёх часов"),
    ("ru", "in the last 24 hours", "в течение последних двадцати четырех часов"),
    ("ru", "a 24-hour truce", "двадцатичетырёхчасовое перемирие"),
    ("ru", "a 24-hour truce", "24-часовое перемирие"),
    ("ru", "in the last 24 hours", "за последние сутки"),
    ("ru", "on the 12th day", "на двенадцатый день"),
    ("ru", "a 100-year-old house", "столетний дом"),
    ("ru", "a 200-year-old house", "двухсотлетний дом"),
    ("ru", "a 40-year-old man", "сорокалетний мужчина"),
    ("ru", "2 children", "двое детей"),
    ("ru", "21 women", "двадцать одна женщина"),
    ("ru", "1,000 people", "тысяча человек"),
    ("ru", "1,000 people", "одна тысяча человек"),
    ("ru", "125 people", "сто двадцать пять человек"),
    ("ru", "a woman in her late 20s", "женщина в двадцатых годах жизни"),
    ("ar", "in the last 24 hours", "خلال الساعات الأربع والعشرين الماضية"),
    ("ar", "a 12-year-old boy", "صبي يبلغ اثني عشر عاما"),
    ("ar", "a 12-year-old boy", "صبي يبلغ اثنا عشر عاما"),
    ("ar", "a 12-year-old girl", "فتاة تبلغ اثنتي عشرة سنة"),
    ("ar", "a 12-year-old boy", "فتى في الثانية عشرة من عمره"),
    ("ar", "24 hours", "أربعاً وعشرين ساعة"),
    ("ar", "24 hours", "أَرْبَعٌ وَعِشْرُونَ سَاعَةً"),
    ("ar", "on the 21st", "في الحادي والعشرين من الشهر"),
    ("ar", "300 people", "ثلاثمئة شخص"),
    ("ar", "300 people", "ثلاث مائة شخص"),
    ("ar", "200 people", "مئتي شخص"),
    ("ar", "8 women", "ثماني نساء"),
    ("ar", "1,000 people", "ألف شخص"),
    ("tr", "a 12-year-old boy", "on iki yaşındaki bir çocuk"),
    ("tr", "12 of them", "on ikisi yaralandı"),
    ("tr", "on the 24th", "ayın yirmi dördünde"),
    ("tr", "the 24th convoy", "yirmi dördüncü konvoy"),
    ("tr", "12 people", "On İki kişi"),
    ("tr", "12 people", "oniki kişi"),
    ("tr", "a woman in her late 20s", "yirmilerinin sonundaki bir kadın"),
]
LOST = [
    # (language, source, translation): words for another number, or no number at all.
    ("ru", "A 12-year-old boy was killed.", "Погиб мальчик одиннадцати лет."),
    ("ru", "A 12-year-old boy was killed.", "Погиб одиннадцатилетний мальчик."),
    ("ru", "A 12-year-old boy was killed.", "Погиб одиннадцать мальчиков."),
    ("ru", "a 20-hour truce", "двадцатичетырёхчасовое перемирие"),  # 24, not 20
    ("ru", "a 4-hour truce", "двадцатичетырёхчасовое перемирие"),
    ("ru", "4 hours", "двадцать четыре часа"),
    ("ru", "20 hours", "двадцать четыре часа"),
    ("ru", "in the last 24 hours", "за последние двое суток"),
    ("ru", "12 people", "двенадцать тысяч человек"),
    ("ru", "100 residents", "столичные жители"),  # столичный is no number
    ("ar", "a 12-year-old boy", "صبي يبلغ أحد عشر عاما"),
    ("ar", "a 12-year-old boy", "فتى في الحادية عشرة من عمره"),
    ("ar", "4 hours", "أربع وعشرين ساعة"),
    ("ar", "20 hours", "أربع وعشرين ساعة"),
    ("ar", "the 20th", "اليوم الثاني والعشرين"),
    ("ar", "3 people", "ثلاثة آلاف شخص"),
    ("tr", "a 12-year-old boy", "on bir yaşındaki bir çocuk"),
    ("tr", "2 people", "on iki kişi"),
    ("tr", "12 people", "on iki bin kişi"),
    # Words that only look like numbers: him, under the table, because of this.
    ("tr", "10 people", "onu gördü"),
    ("tr", "6 people", "masanın altında"),
    ("tr", "100 people", "bu yüzden"),
]


@pytest.mark.parametrize(("language", "source", "translation"), KEPT)
def test_numbers_in_words_are_kept(language: str, source: str, translation: str) -> None:
    assert check_numbers(source, translation, Context(language)) == []


@pytest.mark.parametrize(("language", "source", "translation"), LOST)
def test_other_numbers_in_words_are_errors(language: str, source: str, translation: str) -> None:
    [issue] = check_numbers(source, translation, Context(language))
    assert issue.rule == "numbers"


def test_regional_codes_use_the_language_rules() -> None:
    assert written_in_words([12], "мальчик двенадцати лет", "ru_RU")
    assert not written_in_words([12], "twelve", "en")


def test_numbers_past_the_limit_are_not_read_in_words() -> None:
    """Past a thousand the words run into scale words; digits are expected."""
    assert SPELLED_LIMIT == 1000
    assert written_in_words([1000], "тысяча человек", "ru")
    assert not written_in_words([1001], "тысяча один человек", "ru")
    [issue] = check_numbers("1,001 people", "тысяча один человек", Context("ru"))
    assert issue.rule == "numbers"


def test_the_common_path_does_not_load_num2words() -> None:
    """Words are tried only when the digits are missing: a translation with its numbers in
    digits costs what it did."""
    script = (
        "import sys\n"
        "from translate.check.rules import Context, check_numbers\n"
        "assert check_numbers('12 boys and 24 hours', 'двенадцать: 12 мальчиков, 24 часа',"
        " Context('ru')) == []\n"
        "print('num2words' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
