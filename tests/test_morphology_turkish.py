"""Turkish: suffixes on names, their harmony, and where the apostrophe goes."""

import pytest

from tests.support.morphology import occurrences
from translate.glossary.model import TargetTerms
from translate.morphology.turkish import attach_suffix, is_compound, is_foreign, parses


@pytest.mark.parametrize(
    ("name", "suffix", "written"),
    [
        # The suffix as an MT system wrote it after a placeholder, re-written for the name.
        ("Halep", "'da", "Halep'te"),
        ("Halep", "'daki", "Halep'teki"),
        ("Halep", "'ndaki", "Halep'teki"),
        ("Halep", "'den", "Halep'ten"),
        ("Halep", "'e", "Halep'e"),
        ("Halep", "'ye", "Halep'e"),
        ("Halep", "'nın", "Halep'in"),
        ("Halep", "'ı", "Halep'i"),
        ("Halep", "da", "Halep'te"),
        ("Halep", "’dan", "Halep'ten"),
        ("Halep", "", "Halep"),
        ("Halep", "'", "Halep"),
        ("Halep", "'dekilerden", "Halep'tekilerden"),
        ("Halep", "'teydi", "Halep'teydi"),
        ("Halep", "'la", "Halep'le"),
        ("Halep", "'lı", "Halepli"),  # derivational: no apostrophe on names
        ("Şam", "'in", "Şam'ın"),
        ("Şam", "'de", "Şam'da"),
        ("Şam", "'e", "Şam'a"),
        ("Şam", "'ten", "Şam'dan"),
        ("Şam", "'nin", "Şam'ın"),
        ("İdlib", "'a", "İdlib'e"),
        ("İdlib", "'ta", "İdlib'de"),
        ("Rusya", "'in", "Rusya'nın"),
        ("Rusya", "'e", "Rusya'ya"),
        ("Rusya", "'i", "Rusya'yı"),
        ("Rusya", "'la", "Rusya'yla"),
        ("Türkiye", "'dan", "Türkiye'den"),
        ("Suriye", "'nın", "Suriye'nin"),
        ("Moskova", "'nin", "Moskova'nın"),
        ("Lavrov", "'ın", "Lavrov'un"),
        ("Lavrov", "'e", "Lavrov'a"),
        ("Esad", "'in", "Esad'ın"),
        ("Paris", "'de", "Paris'te"),
        ("Cenevre", "'ta", "Cenevre'de"),
        # Possessive compounds take the pronominal n.
        ("Şam Cephesi", "'ye", "Şam Cephesi'ne"),
        ("Şam Cephesi", "'da", "Şam Cephesi'nde"),
        ("Şam Cephesi", "'dan", "Şam Cephesi'nden"),
        ("Şam Cephesi", "'ı", "Şam Cephesi'ni"),
        ("Şam Cephesi", "'in", "Şam Cephesi'nin"),
        ("Şam Cephesi", "'la", "Şam Cephesi'yle"),
        ("Mevlüt Çavuşoğlu", "'ya", "Mevlüt Çavuşoğlu'na"),
        ("Mevlüt Çavuşoğlu", "'nin", "Mevlüt Çavuşoğlu'nun"),
        ("Nureddin Zengi Hareketi", "'ye", "Nureddin Zengi Hareketi'ne"),
        ("Nureddin Zengi", "'ne", "Nureddin Zengi'ye"),  # a person's name, not a compound
        ("Zekeriya Malahifci", "'ne", "Zekeriya Malahifci'ye"),
        # Abbreviations read letter by letter; derivational suffixes keep the apostrophe.
        ("BM", "'da", "BM'de"),
        ("BM", "'ın", "BM'nin"),
        ("BM", "'a", "BM'ye"),
        ("ABD", "'da", "ABD'de"),
        ("ABD", "'a", "ABD'ye"),
        ("ABD", "'lı", "ABD'li"),
        ("AB", "'nın", "AB'nin"),
        ("NATO", "'nin", "NATO'nun"),
        ("IŞİD", "'ın", "IŞİD'in"),
        # Final y after a consonant is read as i.
        ("Kerry", "'ın", "Kerry'nin"),
        ("Kerry", "'a", "Kerry'ye"),
    ],
)
def test_attach_suffix(name: str, suffix: str, written: str) -> None:
    assert attach_suffix(name, suffix) == written


@pytest.mark.parametrize(
    ("name", "suffix", "pronunciation", "written"),
    [
        ("Reuters", "'e", "Roytırs", "Reuters'a"),
        ("Reuters", "'in", "Roytırs", "Reuters'ın"),
        ("Toner", "'in", "Tonır", "Toner'ın"),
        ("DEAŞ", "'dan", "deaş", "DEAŞ'tan"),
        ("UNESCO", "'ya", "unesko", "UNESCO'ya"),
        ("BM", "'de", "be-me", "BM'de"),
    ],
)
def test_pronunciation_decides_harmony(
    name: str, suffix: str, pronunciation: str, written: str
) -> None:
    assert attach_suffix(name, suffix, pronunciation) == written


@pytest.mark.parametrize(
    ("name", "suffix", "written"),
    [
        ("Birleşmiş Milletler", "'in", "Birleşmiş Milletlerin"),
        ("Birleşmiş Milletler", "'e", "Birleşmiş Milletlere"),
        ("BM Güvenlik Konseyi", "'e", "BM Güvenlik Konseyine"),
        ("Avrupa Birliği", "'nın", "Avrupa Birliğinin"),
        ("BM", "'nin", "BM'nin"),  # an abbreviation takes the apostrophe all the same
    ],
)
def test_institution_names_join_their_suffixes(name: str, suffix: str, written: str) -> None:
    assert attach_suffix(name, suffix, apostrophe=False) == written


def test_a_suffix_that_cannot_be_read_is_kept() -> None:
    assert attach_suffix("Halep", "'xyz") == "Halep'xyz"


@pytest.mark.parametrize(
    ("name", "compound"),
    [
        ("Şam Cephesi", True), ("Güvenlik Konseyi", True), ("Avrupa Birliği", True),
        ("Savunma Bakanlığı", True), ("Genel Kurulu", True), ("İslam Devleti", True),
        ("Suriye İnsan Hakları Gözlemevi", True), ("Mevlüt Çavuşoğlu", True),
        ("İbn-i Sina Caddesi", True), ("Halep", False), ("Nureddin Zengi", False),
        ("Zekeriya Malahifci", False), ("Doğu Halep", False), ("John Kerry", False),
    ],
)  # fmt: skip
def test_possessive_compounds(name: str, compound: bool) -> None:
    assert is_compound(name) is compound


@pytest.mark.parametrize(
    ("name", "foreign"),
    [("Washington", True), ("Massachusetts", True), ("Reuters", True), ("Halep", False),
     ("Lavrov", False), ("Kerry", False), ("Rudskoy", False)],
)  # fmt: skip
def test_spellings_turkish_does_not_read_as_written(name: str, foreign: bool) -> None:
    assert is_foreign(name) is foreign


def test_suffix_readings_ignore_harmony_and_prefer_cases() -> None:
    assert [m.name for m in parses("nin")[0]] == ["genitive"]
    assert [m.name for m in parses("ndaki")[0]] == ["locative", "ki"]
    assert parses("piyonlar") == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Halep'te çatışma var.", [("Halep'te", None)]),
        ("Halep’te çatışma var.", [("Halep’te", None)]),
        ("Halep'ta çatışma var.", [("Halep'ta", "Halep'te")]),
        ("Halep'de çatışma var.", [("Halep'de", "Halep'te")]),
        ("Halepte çatışma var.", [("Halepte", "Halep'te")]),
        ("Halepliler anlattı.", [("Halepliler", None)]),
        ("Haleplı aileler", [("Haleplı", "Halepli")]),
        ("HALEP, Suriye", [("HALEP", None)]),
        ("'Halep' dedi", [("Halep", None)]),
        ("Halep-Şam yolu", [("Halep", None)]),
        ("Halep2", []),
    ],
)
def test_matching_halep(text: str, found: list[tuple[str, str | None]]) -> None:
    assert occurrences(text, TargetTerms("tr", "Halep")) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Şam'ın tutumu", [("Şam'ın", None)]),
        ("Şampiyonlar Ligi", []),
        ("bir şamdan aldı", []),  # a common word that begins like the name
        ("Şamda görüşmeler", [("Şamda", "Şam'da")]),
        ("Şamlı aileler", [("Şamlı", None)]),
    ],
)
def test_matching_sam(text: str, found: list[tuple[str, str | None]]) -> None:
    assert occurrences(text, TargetTerms("tr", "Şam")) == found


def test_dotless_capital_i_is_not_dotted() -> None:
    assert occurrences("Idlib'e gitti", TargetTerms("tr", "İdlib")) == []
    assert occurrences("İdlib'e gitti", TargetTerms("tr", "İdlib")) == [("İdlib'e", None)]


def test_suffix_goes_on_the_last_word() -> None:
    targets = TargetTerms("tr", "Şam Cephesi")
    assert occurrences("Şam Cephesi'nden bir yetkili", targets) == [("Şam Cephesi'nden", None)]
    assert occurrences("Şam Cephesi'ye bağlı", targets) == [("Şam Cephesi'ye", "Şam Cephesi'ne")]
    assert occurrences("Şam'ın Cephesi", targets) == []


def test_institution_names_flag_an_apostrophe() -> None:
    targets = TargetTerms("tr", "Birleşmiş Milletler", forms=("BM",), apostrophe=False)
    assert occurrences("Birleşmiş Milletlerin tahmini", targets) == [
        ("Birleşmiş Milletlerin", None)
    ]
    assert occurrences("Birleşmiş Milletler'in tahmini", targets) == [
        ("Birleşmiş Milletler'in", "Birleşmiş Milletlerin")
    ]
    assert occurrences("BM'nin temsilcisi", targets) == [("BM'nin", None)]


def test_readings_from_the_glossary() -> None:
    targets = TargetTerms("tr", "John Kerry", forms=("Kerry",), readings={"Kerry": "Keri"})
    assert occurrences("Kerry'nin planı", targets) == [("Kerry'nin", None)]
    assert occurrences("Kerry'in planı", targets) == [("Kerry'in", "Kerry'nin")]


def test_harmony_of_foreign_spellings_is_not_guessed() -> None:
    """Without a pronunciation, `Washington` is read as Turkish cannot tell: any harmony
    passes, a missing apostrophe is still reported."""
    targets = TargetTerms("tr", "Washington")
    assert occurrences("Washington'da", targets) == [("Washington'da", None)]
    assert occurrences("Washington'de", targets) == [("Washington'de", None)]
    assert occurrences("Washingtonda", targets) == [("Washingtonda", "Washington'da")]
