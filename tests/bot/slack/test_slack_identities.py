"""Who a Slack message names: a mention is a user id, never a display name; people of another
organisation (Slack Connect) are refused politely and nothing of them is stored or posted."""
from sqlalchemy import select

from storage.models import Identity, Member


def _role_of(core, user_id: str) -> str:
    with core.session_factory() as s:
        return s.scalar(select(Member.role).join(Identity, Identity.member_id == Member.id)
                        .where(Identity.external_user_id == user_id))


def test_a_mention_names_the_user_id_even_when_someone_took_it_as_a_display_name(slack, fake_slack):
    fake_slack.add_user("UVIC", "Victoria")
    fake_slack.add_user("UIMP", "UVIC")  # an impostor whose display name is Victoria's id
    slack.say("/salesbot", "help")  # Mia, the admin
    slack.say("/salesbot", "help", user="UIMP")
    slack.say("/salesbot", "help", user="UVIC")
    assert "Victoria" in slack.say("/salesbot", "role <@UVIC> manager")
    assert _role_of(slack.core, "UVIC") == "manager"
    assert _role_of(slack.core, "UIMP") == "rep"


def test_a_mention_of_someone_the_bot_has_not_met_registers_them_and_names_only_them(slack, fake_slack):
    fake_slack.add_user("UVIC", "Victoria")
    fake_slack.add_user("UIMP", "UVIC")
    slack.say("/salesbot", "help")
    slack.say("/salesbot", "help", user="UIMP")
    assert "Added to Sales: Victoria" in slack.say("/salesbot", "team add Sales <@UVIC>")
    with slack.core.session_factory() as s:
        assert s.scalar(select(Member.display_name).join(Identity, Identity.member_id == Member.id)
                        .where(Identity.external_user_id == "UVIC")) == "Victoria"
