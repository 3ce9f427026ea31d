"""Signed activities shaped almost as Teams sends them: a form's name that is a list, names longer
than we keep, a flood of mentions. Never a 500 or a traceback; the work of one activity bounded."""
from hostile import settled, tracebacks
from sqlalchemy import func, select

from fakes.teams_driver import mention_of
from storage.models.workspace import Identity, Member


def test_a_forms_name_that_is_a_list_is_no_form_and_never_a_500(teams, caplog):
    activity = teams.activity(value={"form": ["visit"], "customer": "Acme"})
    assert teams.post(activity) == 200
    settled(teams.core.session_factory)
    assert not tracebacks(caplog)


def test_a_name_longer_than_we_keep_is_kept_shortened_and_a_long_customer_is_refused(teams, caplog):
    long = "Ana " + "L" * 300
    answer = teams.ask("help", name=long)
    assert "Welcome to salesbot" in answer
    with teams.core.session_factory() as s:
        [name] = s.scalars(select(Member.display_name)).all()
    assert name == long[:200]
    assert "too long" in teams.ask(f"visit {'A' * 250}: demo", name=long)
    settled(teams.core.session_factory)
    assert not tracebacks(caplog)


def test_two_thousand_mentions_register_a_bounded_few_in_one_go(teams, caplog):
    teams.ask("help")  # Ana, the admin
    people = [(f"29:p{n}", f"P{n}" + ("x" * 300 if n < 5 else "")) for n in range(2000)]
    teams.fake.members.update({user: {"name": name} for user, name in people})  # all in the roster
    text = "team add Sales " + " ".join(f"<at>{name}</at>" for _id, name in people)
    entities = [mention_of(user, name) for user, name in people]
    before = len(teams.chat_of())
    activity = teams.activity(text=text, textFormat="plain", entities=entities)
    assert teams.post(activity) == 200
    answer = teams.wait_chat(before + 1)[before]
    assert answer  # answered, whatever it says of so many names
    settled(teams.core.session_factory)
    assert not tracebacks(caplog)
    with teams.core.session_factory() as s:
        registered = s.scalar(select(func.count()).select_from(Identity)
                              .where(Identity.external_user_id.like("29:p%")))
        longest = s.scalar(select(func.max(func.length(Member.display_name))))
    assert registered == 25 and longest <= 200
