"""r31en #83: `Acme Corp renewal - they want 3 yr contract, 150k/yr. put it at negotiation, …` was
offered as a 150k deal, the per-year amount taken as the deal's. An amount said per year or per
month in a deal's sentence is asked about: the total over the periods said (3 × 150k = 450k) or one
period's, each a tap; nothing stored until tapped, one `undo` after."""
import pytest

from support import MON, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("user, said, total, one", [
    ("Ana", "Acme Corp renewal - they want 3 yr contract, 150k/yr. put it at negotiation, closing before "
            "xmas", "450k", "150k"),
    ("Ana", "Acme Corp deal to negotiation, 20k per month, 12 month contract", "240k", "20k"),
    ("Ana", "Acme Corp at proposal - 100k a year, 2 years", "200k", "100k"),
    ("张伟", "Acme Corp 续约 每年15万 签三年 商务谈判", "45万", "15万"),
    ("张伟", "Acme Corp 方案呈现 年费20万 签两年", "40万", "20万"),
])
def test_an_amount_per_period_is_asked(session_factory, user, said, total, one):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    assert chat.reply("customer +Acme Corp", user=user).ok
    before = records(session_factory)
    asked = chat.reply(said, user=user)
    commands = [b.command for b in asked.buttons]
    assert not asked.ok and len(commands) == 2, (asked.text, commands)
    assert commands[0].split()[-1] == total or f" {total}" in commands[0], commands
    assert f" {one}" in commands[1] and total not in commands[1], commands
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    amount = int(total.rstrip("k万")) * (1000 if total.endswith("k") else 10000)
    assert [row[-1] for row in deal_rows(chat)] == [amount]
    assert chat.reply("undo" if user == "Ana" else "撤销", user=user).ok
    assert deal_rows(chat) == []
