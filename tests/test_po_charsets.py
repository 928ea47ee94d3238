"""Catalogs in legacy charsets: read in the charset the header declares, written back in it as
msgcat writes them, and a character that charset lacks refused naming file and entry."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from translate.catalog import Message
from translate.errors import CatalogError
from translate.files import load_catalog, save_catalog

needs_gettext = pytest.mark.skipif(shutil.which("msgconv") is None, reason="GNU gettext missing")

TEXTS = {
    "ISO-8859-1": ("fr", "Le café de la rue d'Alep a rouvert ses portes après des mois de siège"),
    "CP1251": ("ru", "Силы оппозиции заявили, что взяли под контроль южные кварталы Алеппо"),
    "KOI8-R": ("ru", "Министр иностранных дел Сергей Лавров заявил о перемирии в Алеппо"),
    "ISO-8859-9": ("tr", "Halep'teki çatışmalarda sivillerin tahliyesi için geçici ateşkes ilan"),
    "CP1256": ("ar", "قالت فصائل المعارضة إنها سيطرت على أحياء في جنوب حلب بعد معارك عنيفة"),
}


def legacy_catalog(charset: str) -> bytes:
    language, text = TEXTS[charset]
    lines = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {language}\\n"',
        '"MIME-Version: 1.0\\n"',
        f'"Content-Type: text/plain; charset={charset}\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        "",
    ]
    for index in range(3):
        lines += [f"#: a.txt:{index}", f'msgid "{index} {text}"', f'msgstr "{text} {text}"', ""]
    return "\n".join(lines).encode(charset)


def as_utf8(path: Path) -> str:
    result = subprocess.run(
        ["msgconv", "-t", "UTF-8", str(path)], capture_output=True, check=True, text=True
    )
    return result.stdout


@needs_gettext
@pytest.mark.parametrize("charset", TEXTS)
def test_legacy_catalog_keeps_its_text_and_charset(tmp_path: Path, charset: str) -> None:
    original = tmp_path / "original.po"
    original.write_bytes(legacy_catalog(charset))
    catalog = load_catalog(original)
    assert TEXTS[charset][1] in catalog.messages[0].msgstr
    saved = tmp_path / "saved.po"
    save_catalog(saved, catalog)
    assert as_utf8(saved) == as_utf8(original)
    # Written in its own charset, laid out as msgcat lays it out.
    normalized = subprocess.run(["msgcat", str(original)], capture_output=True, check=True)
    assert saved.read_bytes() == normalized.stdout


@pytest.mark.parametrize(
    ("charset", "text"),
    [("EUC-JP", "日本語の文"), ("GB2312", "中文句子"), ("BIG5", "中文句子"), ("EUC-KR", "한국어")],
)
def test_cjk_charsets_are_read(tmp_path: Path, charset: str, text: str) -> None:
    path = tmp_path / "cjk.po"
    header = f'msgid ""\nmsgstr "Content-Type: text/plain; charset={charset}\\n"\n\n'
    path.write_bytes((header + f'msgid "a"\nmsgstr "{text}"\n').encode(charset))
    catalog = load_catalog(path)
    assert catalog.messages[0].msgstr == text
    save_catalog(path, catalog)
    assert path.read_bytes().decode(charset).endswith(f'msgstr "{text}"\n')


def test_character_the_charset_lacks_is_refused_and_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "fr.po"
    path.write_bytes(legacy_catalog("ISO-8859-1"))
    before = path.read_bytes()
    catalog = load_catalog(path)
    catalog.messages.append(Message(msgid="Aleppo", msgstr="Алеппо"))
    with pytest.raises(CatalogError) as caught:
        save_catalog(path, catalog)
    message = str(caught.value)
    assert message == (
        f"{path}: entry \"Aleppo\" holds 'А' (U+0410), which the header's ISO-8859-1 cannot"
        " encode; nothing was written"
    )
    assert path.read_bytes() == before
