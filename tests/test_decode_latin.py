"""Issue 17, item 14: Latin-1 (or Windows-1252) text is not read as GB18030
mojibake (Zürich → Z黵ich, whichever letters follow the accents); it is
refused in one line, while real GB18030 and Big5 text, rare characters
included, still decodes."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.text.decode import decode

LATIN = [
    b"Z\xfcrich Gen\xe8ve Montr\xe9al",
    "Zürich Genève Montréal São Paulo Köln Málaga Øresund".encode("latin-1"),
    "Ich wohne in Zürich und arbeite in Genève. Das Café ist schön.\n".encode("cp1252") * 20,
    "Les élèves à l'école répètent: « déjà vu ».\n".encode("cp1252"),
]


@pytest.mark.parametrize("data", LATIN)
def test_latin1_text_is_refused_not_read_as_chinese(data):
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert str(info.value) == ("x.txt: looks like Latin-1 or Windows-1252 text (accented letters read "
                               "as Chinese would be nonsense), not Chinese; save it as UTF-8 text")


@pytest.mark.parametrize("text, codec", [
    ("深度求索发布了DeepSeek-V3。", "gb18030"), ("鼹鼠", "gb18030"), ("輝達執行長黃仁勳表示", "big5"),
    ("据报道，OpenAI于2025年发布了GPT-5模型，引起广泛关注。\n", "gb18030"),
    ("蘋果發布了新手機，輝達的股價上漲。\n", "big5"),
])
def test_chinese_in_legacy_codecs_still_decodes(text, codec):
    assert decode(text.encode(codec), "x.txt") == text
