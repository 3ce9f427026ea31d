"""`handlers/grammar/everyday.py` reads a run of emoji or praise words one way only: the signed
Slack fuzz found `(?:emoji+)+` taking exponential time on a long run with no tip number after it
(the worker thread never came back). Were it back, these would hang, not fail."""
import pytest

from handlers.grammar.everyday import rewrite


@pytest.mark.parametrize("said", ["👍" * 40 + " x", "👍🔥" * 30 + "!", "yes " * 40 + "tip",
                                  "great, " * 40 + "?", "tip 5" + "👍" * 60 + " x"])
def test_a_long_run_of_praise_with_no_tip_is_left_as_it_is(said):
    assert rewrite(said) == said


@pytest.mark.parametrize("said", ["👍 tip 5, so true", "👍👍 tip 5", "tip 5 👍👍", "+1 tip #5",
                                  "tip 5 is gold 🔥"])
def test_liking_a_tip_in_words_or_emoji_is_still_read(said):
    assert rewrite(said) == "like tip 5"
