"""Each team's schedule: which jobs run, at what local time, on which days.

A team stores only what a manager changed (`team.settings["schedule"]`); everything else is a
default that works out of the box. Days are `workdays` (the team calendar's working days: weekends
and public holidays off, China's make-up working days on) or a set of weekdays, which still skip
public holidays. Jobs marked `per_member` run at that time in each member's own timezone.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from handlers.rules.working_days import is_working_day

WORKDAYS = "workdays"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ZH_DAY_NAMES = "一二三四五六日"


@dataclass(frozen=True)
class JobKind:
    """A job a team's schedule runs, declared once: its defaults, its name in both languages and
    the words a manager may call it by (`schedule …` · `设置 …`), which `salesbot jobs`,
    `salesbot run-job` and the schedule table all read from here."""

    name: str
    time: dt.time
    days: str  # WORKDAYS or weekday numbers as digits, Monday = 0: "4" is Friday
    per_member: bool  # at this time in each member's timezone (else the team's)
    grace: dt.timedelta  # how late a run may still start after downtime
    label: tuple[str, str] = ("", "")  # English, Chinese
    words: tuple[str, ...] = ()  # besides `name`, in either language
    on: bool = True

    def label_in(self, locale: str) -> str:
        return self.label[locale == "zh"]


KINDS: dict[str, JobKind] = {kind.name: kind for kind in (
    JobKind("standup", dt.time(9, 30), WORKDAYS, True, dt.timedelta(minutes=30),
            ("Standup prompt", "站会提问"), ("standups", "站会", "晨会")),
    JobKind("nudge", dt.time(10, 30), WORKDAYS, True, dt.timedelta(minutes=20),
            ("Standup nudge", "站会催促"), ("nudges", "催促", "站会提醒")),
    JobKind("summary", dt.time(11, 0), WORKDAYS, False, dt.timedelta(hours=1),
            ("Standup summary", "站会汇总"), ("站会汇总", "汇总")),
    JobKind("followups", dt.time(9, 0), WORKDAYS, True, dt.timedelta(hours=2),
            ("Follow-ups due", "今日跟进"), ("follow-ups", "跟进提醒", "待跟进")),
    JobKind("reminders", dt.time(16, 0), WORKDAYS, False, dt.timedelta(hours=2),
            ("Target reminders", "目标提醒"), ("reminder", "提醒", "目标提醒")),
    JobKind("recognition", dt.time(17, 30), WORKDAYS, False, dt.timedelta(hours=3),
            ("Top sellers", "销售之星"), ("praise", "表彰", "表扬")),
    JobKind("daily", dt.time(18, 0), WORKDAYS, False, dt.timedelta(hours=3),
            ("Daily digest", "日报"), ("日报", "每日简报")),
    JobKind("digest", dt.time(17, 0), "4", False, dt.timedelta(hours=3),
            ("Weekly digest", "周报"), ("weekly", "周报")),
)}
#: {a word for a job: the job}, from KINDS.
JOB_WORDS = {word.lower(): kind.name for kind in KINDS.values() for word in (kind.name, *kind.words)}
#: The job that watches for wins and targets reached between the scheduled runs (every few
#: minutes while recognition is on): no manager schedules it, an admin may run it.
WATCH = "watch"
RUNNABLE = (*KINDS, WATCH)
DEFAULT_QUESTIONS = {
    "en": ("What did you do yesterday?", "What will you do today?", "Anything blocking you?"),
    "zh": ("昨天做了什么？", "今天打算做什么？", "有什么困难？"),
}
REMINDER_DAYS_BEFORE_END = 3


def prompt_key(team_id: int, member_id: int, day: dt.date) -> str:
    """The outbox key of a rep's standup prompt: it also tells that a prompt went out that day."""
    return f"standup-prompt:{team_id}:{member_id}:{day.isoformat()}"


def schedule_of(settings: dict | None) -> dict[str, JobKind]:
    """The team's effective schedule: defaults with the manager's changes applied."""
    changed = ((settings or {}).get("schedule") or {})
    out = {}
    for name, kind in KINDS.items():
        mine = changed.get(name) or {}
        if "time" in mine:
            kind = replace(kind, time=dt.time.fromisoformat(mine["time"]))
        out[name] = replace(kind, days=mine.get("days", kind.days), on=mine.get("on", kind.on))
    return out


def with_change(settings: dict | None, kind: str, *, time: dt.time | None = None,
                days: str | None = None, on: bool | None = None,
                questions: tuple[str, ...] | None = None, locale: str = "en") -> dict:
    """New team settings with one job's schedule changed (a new dict: JSON columns see the change).
    Standup questions are kept per language (`locale`: the language they were written in)."""
    settings = dict(settings or {})
    schedule = {name: dict(values) for name, values in (settings.get("schedule") or {}).items()}
    mine = schedule.setdefault(kind, {})
    if time is not None:
        mine["time"] = time.strftime("%H:%M")
    if days is not None:
        mine["days"] = days
    if on is not None:
        mine["on"] = on
    if questions is not None:
        mine["questions"] = {**_questions_by_language(mine.get("questions")),
                             _language(locale): list(questions)}
    settings["schedule"] = schedule
    return settings


def questions_of(settings: dict | None, locale: str) -> tuple[str, ...]:
    """The standup questions for a member: the team's own in their language, else the team's own in
    the other language (a manager who set only one version), else the defaults."""
    own = _questions_by_language(
        (((settings or {}).get("schedule") or {}).get("standup") or {}).get("questions"))
    language = _language(locale)
    mine = own.get(language) or next(iter(own.values()), None)
    return tuple(mine) if mine else DEFAULT_QUESTIONS[language]


def questions_language(questions: tuple[str, ...], fallback: str) -> str:
    """The language standup questions are written in, by their script (`Wins? | Plans?` set from
    a Chinese `设置 站会 问题` are the English set): Chinese characters make them Chinese, Latin
    letters alone English; neither (`1? | 2?`) goes by the message's language."""
    text = " ".join(questions)
    if any("\u3400" <= ch <= "\u9fff" for ch in text):
        return "zh"
    return "en" if any("a" <= ch.lower() <= "z" for ch in text) else _language(fallback)


def question_languages(settings: dict | None) -> set[str]:
    """The languages the team's own standup questions are set in."""
    return set(_questions_by_language(
        (((settings or {}).get("schedule") or {}).get("standup") or {}).get("questions")))


def _language(locale: str) -> str:
    return "zh" if locale == "zh" else "en"


def _questions_by_language(stored) -> dict[str, list[str]]:
    """{language: questions}; a list stored before questions had languages is read by its script."""
    if isinstance(stored, dict):
        return {k: v for k, v in stored.items() if v}
    if stored:
        chinese = any("\u3400" <= ch <= "\u9fff" for q in stored for ch in q)
        return {"zh" if chinese else "en": list(stored)}
    return {}


def runs_on(days: str, day: dt.date, calendar: str) -> bool:
    """Whether a job with these `days` runs on `day` under the team's holiday calendar."""
    if days == WORKDAYS:
        return is_working_day(day, calendar)
    if day.weekday() < 5 and not is_working_day(day, calendar):
        return False  # a public holiday
    return str(day.weekday()) in days


def job_runs_on(kind: str, days: str, day: dt.date, calendar: str) -> bool:
    """Whether job `kind` has work on `day`: weekly jobs move off holidays, others skip them."""
    return (runs_weekly_on if kind == "digest" else runs_on)(days, day, calendar)


def runs_weekly_on(days: str, day: dt.date, calendar: str) -> bool:
    """Whether a weekly job (the digest) runs on `day`: on its weekday, or when that is a day off,
    on the last working day before it in the same week (else the first one after it); and when
    the only working days after that are make-up weekend days (调休), on the last of them, so
    that the digest comes after every working day of its week."""
    if days == WORKDAYS:
        return runs_on(days, day, calendar)
    monday = day - dt.timedelta(days=day.weekday())
    return any(_weekly_day(monday, int(weekday), calendar) == day for weekday in days)


def _weekly_day(monday: dt.date, weekday: int, calendar: str) -> dt.date | None:
    planned = monday + dt.timedelta(days=weekday)
    week = [monday + dt.timedelta(days=n) for n in range(7)]
    if not runs_on(str(weekday), planned, calendar):
        before = [d for d in week if d < planned and is_working_day(d, calendar)]
        after = [d for d in week if d > planned and is_working_day(d, calendar)]
        planned = before[-1] if before else (after[0] if after else None)
        if planned is None:
            return None
    later = [d for d in week if d > planned and is_working_day(d, calendar)]
    return later[-1] if later and all(d.weekday() >= 5 for d in later) else planned


def days_label(days: str, locale: str) -> str:
    """`workdays` / `工作日`, or `Fri` / `周五`, `Mon, Wed` / `周一、周三`."""
    if days == WORKDAYS:
        return "工作日" if locale == "zh" else "workdays"
    numbers = sorted(int(d) for d in days)
    if locale == "zh":
        return "、".join(f"周{ZH_DAY_NAMES[n]}" for n in numbers)
    return ", ".join(DAY_NAMES[n].capitalize() for n in numbers)


def next_run(kind: JobKind, after: dt.datetime, zone, calendar: str) -> dt.datetime | None:
    """The next local time this job runs after `after` (aware), within a year."""
    day = after.astimezone(zone).date()
    for _ in range(370):
        at = dt.datetime.combine(day, kind.time, zone)
        if at > after and job_runs_on(kind.name, kind.days, day, calendar):
            return at
        day += dt.timedelta(days=1)
    return None
