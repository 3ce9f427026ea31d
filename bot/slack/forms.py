"""Forms for phones: `/visit`, `/deal` and `/target` with no text open a modal.

A submission becomes the typed command itself (never text to parse again: a customer "Big 5 Ltd"
or notes with a `;` stay what they are) and runs through the same handlers and checks as a typed
message; what is wrong is shown inline next to the field (`response_action: errors`), and
nothing is stored until the whole form is right.
"""
from __future__ import annotations

from slack_bolt import App as BoltApp

from bot.slack.render import EDIT_ACTION, escape
from bot.slack.sender import respond
from bot.slack.users import PLATFORM, outsider, outsider_lines, own_teams, tenant_of
from handlers.forms import command_of
from handlers.forms import label as _l
from handlers.text.strings import METRIC_NAMES, PERIOD_NAMES, name_of
from storage import pipelines
from storage.address import Address
from storage.models.team import METRICS
from storage.people import PeopleRepository
from storage.sales import CustomerRepository, DealRepository


def _input(block_id: str, label: str, element: dict, optional: bool = False) -> dict:
    return {"type": "input", "block_id": block_id, "optional": optional,
            "label": {"type": "plain_text", "text": label},
            "element": {"action_id": block_id, **element}}


def _options(pairs) -> list[dict]:
    return [{"text": {"type": "plain_text", "text": text[:75]}, "value": value} for value, text in pairs]


def _customer(locale: str) -> dict:
    return _input("customer", _l("customer", locale),
                  {"type": "external_select", "min_query_length": 1})


def _text(block_id: str, locale: str, optional: bool = False, multiline: bool = False) -> dict:
    return _input(block_id, _l(block_id, locale),
                  {"type": "plain_text_input", "multiline": multiline}, optional)


def visit_form(locale: str) -> list[dict]:
    return [_customer(locale), _text("notes", locale, multiline=True),
            _text("next_step", locale, optional=True),
            _input("follow_up", _l("follow_up", locale), {"type": "datepicker"}, optional=True)]


def deal_form(locale: str) -> list[dict]:
    pipeline = pipelines.current()  # the workspace's (open_form sets it)
    stages = _options((s, pipeline.name(s, locale)) for s in pipeline.open)
    return [_customer(locale), _text("title", locale),
            _input("stage", _l("stage", locale), {"type": "static_select", "options": stages,
                                                   "initial_option": stages[0]}),
            _text("amount", locale, optional=True),
            _input("close", _l("close", locale), {"type": "datepicker"}, optional=True)]


def target_form(locale: str) -> list[dict]:
    metrics = _options((m, name_of(METRIC_NAMES, m, locale)) for m in METRICS)
    periods = _options((p, name_of(PERIOD_NAMES, p, locale)) for p in ("week", "month", "quarter"))
    return [_input("who", _l("who", locale), {"type": "users_select"}, optional=True),
            _input("metric", _l("metric", locale), {"type": "static_select", "options": metrics,
                                                     "initial_option": metrics[0]}),
            _text("amount", locale),
            _input("period", _l("period", locale), {"type": "static_select", "options": periods,
                                                     "initial_option": periods[1]})]


def deal_edit_form(locale: str, deal) -> list[dict]:
    """The deal's stage, amount and close date, filled in: change what moved."""
    pipeline = pipelines.current()
    stages = _options((s, pipeline.name(s, locale)) for s in pipeline.open)
    amount = _text("amount", locale, optional=True)
    amount["element"]["initial_value"] = f"{deal.amount.normalize():f} {deal.currency}"
    close = _input("close", _l("close", locale), {"type": "datepicker"}, optional=True)
    if deal.expected_close:
        close["element"]["initial_date"] = deal.expected_close.isoformat()
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": escape(deal.title)}]},
            _input("stage", _l("stage", locale),
                   {"type": "static_select", "options": stages,
                    "initial_option": stages[pipeline.open.index(deal.stage)]}),
            amount, close]


FORMS = {"/visit": ("visit", visit_form), "/deal": ("deal", deal_form),
         "/target": ("target", target_form)}


def open_form(runner, client, body, command: str) -> None:
    """Open the modal at once: `views.open` needs the trigger id within three seconds."""
    kind, build = FORMS[command]
    ref = runner.directory.sender(client, body.get("enterprise_id") or body["team_id"], body["user_id"])
    locale = (ref and ref.locale) or "en"  # someone Slack does not vouch for: refused at Save
    with runner.core.session_factory() as session:
        tenant = PeopleRepository(session).tenant("slack", body.get("enterprise_id") or body["team_id"])
        pipeline = pipelines.of(session, tenant.id) if tenant else pipelines.DEFAULT
    with pipelines.use(pipeline):
        blocks = build(locale)
    client.views_open(trigger_id=body["trigger_id"], view={
        "type": "modal", "callback_id": f"{kind}_form", "private_metadata": locale,
        "title": {"type": "plain_text", "text": _l(f"{kind}_title", locale)},
        "submit": {"type": "plain_text", "text": _l("submit", locale)},
        "close": {"type": "plain_text", "text": _l("cancel", locale)},
        "blocks": blocks})


def _open_edit(runner):
    """The Edit button of a deal card: its owner gets the form, anyone else is told whose it is."""
    def open_edit(ack, body, client, context):
        ack()
        value = body["actions"][0].get("value") or ""
        stranger = outsider(body["user"].get("team_id"), own_teams(context))
        if not value.isascii() or not value.isdigit() or stranger:
            return  # a forged Edit button, or someone of another organisation: nothing to open
        user_id, deal_id = body["user"]["id"], int(value)
        ref = runner.directory.sender(client, tenant_of(context), user_id)
        with runner.core.session_factory() as session:
            people = PeopleRepository(session)
            tenant = people.tenant("slack", tenant_of(context))
            member = tenant and people.by_identity(tenant.id, "slack", user_id)
            deal = tenant and DealRepository(session).get(tenant.id, deal_id)
            pipeline = pipelines.of(session, tenant.id) if tenant else pipelines.DEFAULT
            mine = bool(member and deal and deal.owner_id == member.id and deal.stage in pipeline.open)
            locale = member.locale if member else (ref and ref.locale) or "en"
            with pipelines.use(pipeline):
                blocks = deal_edit_form(locale, deal) if mine else []
        if not mine:  # the same answer typing the command would give
            pressed = body["actions"][0].get("action_ts") or body.get("trigger_id")
            runner.run_answered(client, tenant_of(context), user_id, f"deal #{deal_id}",
                                delivery=f"edit:{user_id}:{pressed}",
                                target=respond(tenant_of(context), "private", user_id, context.response_url))
            return
        client.views_open(trigger_id=body["trigger_id"], view={
            "type": "modal", "callback_id": "deal_edit_form", "private_metadata": f"{locale}:{deal_id}",
            "title": {"type": "plain_text", "text": f"{_l('deal_title', locale)} #{deal_id}"},
            "submit": {"type": "plain_text", "text": _l("submit", locale)},
            "close": {"type": "plain_text", "text": _l("cancel", locale)},
            "blocks": blocks})
    return open_edit


def _values(view) -> tuple[dict[str, str], set[str]]:
    """({block_id: the value entered}, the blocks whose value is not of the type Slack sends): a
    submission is client input like any other, and an object or a list where a string belongs is
    an error on its field, never taken for an empty field."""
    out, wrong = {}, set()
    state = view.get("state") if isinstance(view, dict) else None
    values = state.get("values") if isinstance(state, dict) else None
    for block_id, actions in (values.items() if isinstance(values, dict) else ()):
        element = actions.get(block_id) if isinstance(actions, dict) else None
        if not isinstance(element, dict):
            continue
        option = element.get("selected_option")
        found = (element.get("value"), element.get("selected_date"), element.get("selected_user"),
                 option.get("value") if isinstance(option, dict) else None)
        if any(v is not None and not isinstance(v, str) for v in found) \
                or (option is not None and not isinstance(option, dict)):
            wrong.add(block_id)
        out[block_id] = next((v for v in found if isinstance(v, str) and v), "").strip()
    return out, wrong


def _submission(runner, kind: str):
    """The view_submission listener of one form (bolt passes arguments by name: a closure)."""
    def submit(ack, body, view, client, context):
        locale, _, deal_id = str(view.get("private_metadata") or "en").partition(":")
        if deal_id and not deal_id.isdigit():  # only ever what the edit form was opened with
            ack(response_action="errors", errors={"stage": _l("pick_one", locale)})
            return
        values, wrong = _values(view)
        if wrong:
            ack(response_action="errors", errors={block: _l("not_text", locale) for block in wrong})
            return
        command, errors = command_of(f"deal_edit:{deal_id}" if deal_id else kind, values, locale)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        user_id = body["user"]["id"]
        if outsider(body["user"].get("team_id"), own_teams(context)):  # Slack Connect: nothing kept
            first = next(iter(values), "customer")
            ack(response_action="errors", errors={first: "\n".join(outsider_lines())})
            return
        who = values.get("who")  # a rep a target is for: registered if new
        workspace = tenant_of(context)
        submitted = f"view:{view.get('id')}:{body.get('trigger_id') or view.get('hash')}"  # Slack's ids
        reply = runner.run_answered(client, workspace, user_id, command, mentioned=(who,) if who else (),
                                    delivery=submitted,
                                    target=Address.user(PLATFORM, workspace, user_id), errors_in_request=True)
        if reply is not None and not reply.ok:
            first = next(iter(view["state"]["values"]))
            ack(response_action="errors", errors={first: "\n".join(reply.lines)[:2000]})
            return
        ack()
        runner.home.request(client, workspace, user_id)

    return submit


def register(bolt: BoltApp, runner) -> None:
    for kind in ("visit", "deal", "target", "deal_edit"):
        bolt.view(f"{kind}_form")(_submission(runner, kind))
    bolt.action(EDIT_ACTION)(_open_edit(runner))

    def customer_options(ack, body, context):
        query = body.get("value", "").strip()
        with runner.core.session_factory() as session:
            tenant = PeopleRepository(session).tenant("slack", tenant_of(context))
            found = CustomerRepository(session).find(tenant.id, query) if tenant and query else []
        locale = "zh" if any("\u3400" <= ch <= "\u9fff" for ch in query) else "en"
        options = _options((c.name, c.name) for c in found[:20])
        if query and not any(c.name.lower() == query.lower() for c in found):
            options.append(_options([(f"new:{query}", _l("new_customer", locale, name=query))])[0])
        ack(options=options)

    bolt.options("customer")(customer_options)
