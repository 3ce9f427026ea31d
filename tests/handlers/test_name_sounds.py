"""A Chinese customer's name compared with a typed one by how it sounds: any reading of each
character counts (an input method lists 重 under both zhong and chong), read from pypinyin's
table without importing pypinyin (whose tables are ~8 MB, ~45 MB with its phrases, in every
process that compares names)."""
import subprocess
import sys

import pytest

from handlers.rules.name_likeness import similar_customers
from handlers.rules.readings import readings

KNOWN = [(1, "重庆"), (2, "长城"), (3, "招商银行"), (4, "绿地"), (5, "华为"), (6, "联想")]


@pytest.mark.parametrize("typed, meant", [
    ("Chongqing", "重庆"),  # 重: chong here, zhong in 重要
    ("changcheng", "长城"),  # 长: chang here, zhang in 长大
    ("zhaoshang yinhang", "招商银行"),  # 行: hang here, xing in 行走
    ("Lvdi", "绿地"), ("Ludi", "绿地"),  # ü typed as v, or as u
    ("Huawie", "华为"),  # a typo away from how it sounds
    ("连想", "联想"),  # the input method's slip: the same sound, another character
])
def test_a_name_typed_by_its_sound_is_the_known_customer(typed, meant):
    assert similar_customers(KNOWN, typed) == [meant]


def test_names_that_sound_otherwise_are_not_offered():
    assert similar_customers(KNOWN, "Tencent") == []
    assert similar_customers(KNOWN, "腾讯") == []
    assert similar_customers(KNOWN, "zhongguo") == []


def test_comparing_names_imports_no_pypinyin():
    imported = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom handlers.rules.name_likeness import similar_customers\n"
         "assert similar_customers([(1, '重庆')], 'Chongqing') == ['重庆']\n"
         "print(sorted(m for m in sys.modules if m.startswith('pypinyin')))"],
        capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "[]"


def test_every_character_reads_as_pypinyin_reads_it():
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    differ = [chr(code) for code in pinyin_dict
              if readings(chr(code)) != list(dict.fromkeys(
                  pinyin(chr(code), style=Style.NORMAL, heteronym=True)[0]))]
    assert len(pinyin_dict) > 40_000 and differ == []
    assert readings("绿") == ["lv", "lu"] and readings("a") == []
