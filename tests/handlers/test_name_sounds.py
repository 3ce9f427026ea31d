"""A Chinese customer's name compared with a typed one by how it sounds: any reading of each
character counts (an input method lists 重 under both zhong and chong), and pypinyin's phrase
tables (~45 MB in every process that compares names) are never loaded."""
import sys

import pytest

from handlers.rules.name_likeness import similar_customers

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


def test_comparing_names_loads_no_phrase_table():
    similar_customers(KNOWN, "Chongqing")
    assert "pypinyin" in sys.modules and "pypinyin.phrases_dict" not in sys.modules
