"""Time limits (公开时限) as data: "10个工作日内" → within 10 working days, and the like.

The text is read with whitespace removed and traditional characters folded; the event a
limit counts from is handed back as printed (only whitespace removed).
"""

from __future__ import annotations

import functools

import regex

from disclosure_parse.model import Cycle, TimeLimit, TimeLimitKind
from disclosure_parse.normalize.typed.folding import compact, fold
from disclosure_parse.normalize.typed.numerals import NUMERAL_CHARS, parse_number
from disclosure_parse.normalize.typed.update_cycles import cycles_named

_NUMBER = rf"(?P<n>\d+|[{NUMERAL_CHARS}]+)"
_WORKING_DAYS = regex.compile(rf"{_NUMBER}个?工作日")
_DAYS = regex.compile(rf"{_NUMBER}个?(?:日|天|自然日)(?:内|以内|之内)")
#: "不少于7个工作日" sets how long something lasts (a consultation), not a deadline
_NOT_A_DEADLINE = regex.compile(r"(?:不少于|不得少于|至少|不低于)$")
_YEARLY = regex.compile(
    r"(?<!\d年)(?<!\d)(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日|底|末)(?:之前|以前|前)"
)
_CONCURRENT = regex.compile(r"^与(?P<event>.+?)(?:同步|同时)|^(?:同步|同时)(?:公开|发布|更新|公布)")
_REALTIME = regex.compile(r"^(?:实时|即时)(?:更新|公开|发布|公布)?$")
_PROMPTLY = regex.compile(r"(?:及时|随时|第一时间)(?:更新|公开|发布|公布)?$")
_ONGOING = regex.compile(r"^(?:常年|长期|持续)(?:公开|公示|更新)?$")
_BEFORE = regex.compile(r"^(?P<event>.+?)(?:之前|以前|前)$")
_AFTER = regex.compile(r"^(?P<event>.+?)(?:之日起|之后|以后|后)$")
#: words around the event of "自该信息形成或者变更之日起20个工作日内"
_EVENT_LEAD = regex.compile(
    r"^(?:.*[,;。:])?"  # the last clause only
    r"(?:.*?(?:应当|应|须|必须)(?=[在于自从]))?(?:在|于)?"
    r"(?:(?:自|从)(?![然治主身行动愿由事]))?(?:该)?"  # 自该…, but not 自然资源…
)
_EVENT_TAIL = regex.compile(r"(?:之日起|之日|起|之后的?|以后的?|后的?|的)$")
#: "20个工作日(自该政府信息形成或者变更之日起)": the event in brackets after the number
_EVENT_AFTER = regex.compile(r"^[^(]*\((?:自|从)?(?:该)?(?P<event>[^()]+?)(?:之日起|之日|起)\)")


@functools.lru_cache(maxsize=8192)
def parse_time_limit(text: str) -> TimeLimit:
    """The kind of deadline a time-limit text sets and its numbers; `unknown` when unclear.

    "自该信息形成或者变更之日起20个工作日内" → within 20 working days of 信息形成或者变更;
    "每年3月31日前" → yearly deadline, March 31; "与规范性文件同步公开" → concurrent.
    """
    printed = compact(text)
    folded = fold(printed)
    cycles = cycles_named(folded) or ()
    found = (
        _yearly_deadline(folded)
        or _concurrent(folded, printed)
        or _counted_days(folded, printed)
        or _single_phrase(folded, printed, cycles)
    )
    if found is None:
        return TimeLimit(TimeLimitKind.UNKNOWN, cycles=cycles)
    return TimeLimit(
        found.kind,
        days=found.days,
        working_days=found.working_days,
        month=found.month,
        day=found.day,
        event=found.event,
        cycles=cycles,
    )


def _yearly_deadline(folded: str) -> TimeLimit | None:
    match = _YEARLY.search(folded)
    if match is None:
        return None
    month = int(match["month"])
    day = int(match["day"]) if match["day"] else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return TimeLimit(TimeLimitKind.YEARLY_DEADLINE, month=month, day=day)


def _concurrent(folded: str, printed: str) -> TimeLimit | None:
    match = _CONCURRENT.search(folded)
    if match is None:
        return None
    event = printed[match.start("event") : match.end("event")] if match["event"] else None
    days = _days(folded)
    return TimeLimit(
        TimeLimitKind.CONCURRENT,
        days=days[0] if days else None,
        working_days=days[1] if days else None,
        event=event,
    )


def _days(folded: str) -> tuple[int, bool, regex.Match[str]] | None:
    """The first certain "N个工作日" / "N日内" of the text: days, working days, the match."""
    for pattern, working in ((_WORKING_DAYS, True), (_DAYS, False)):
        for match in pattern.finditer(folded):
            if _NOT_A_DEADLINE.search(folded[: match.start()]):
                return None
            number = parse_number(match["n"])
            if number is not None and number > 0:
                return number, working, match
    return None


def _counted_days(folded: str, printed: str) -> TimeLimit | None:
    """Within N (working) days of an event, or N working days before one."""
    days = _days(folded)
    if days is None:
        return None
    number, working, match = days
    before = folded[: match.start()]
    if before.endswith("前"):  # 招聘会举办前5个工作日
        event = _event(printed[: match.start() - 1])
        return TimeLimit(TimeLimitKind.BEFORE_EVENT, days=number, working_days=working, event=event)
    kind = TimeLimitKind.WITHIN_WORKING_DAYS if working else TimeLimitKind.WITHIN_DAYS
    event = _event(printed[: match.start()])
    if event is None:
        after = _EVENT_AFTER.match(fold(printed[match.end() :]))
        if after is not None:
            start = match.end() + after.start("event")
            event = printed[start : match.end() + after.end("event")]
    return TimeLimit(kind, days=number, working_days=working, event=event)


def _event(printed: str) -> str | None:
    """The event before a number of days, without 自/该/之日起 around it; None if empty."""
    folded = fold(printed)
    lead = _EVENT_LEAD.match(folded)
    start = lead.end() if lead else 0
    tail = _EVENT_TAIL.search(folded, start)
    end = tail.start() if tail else len(folded)
    event = printed[start:end]
    return event or None


def _single_phrase(folded: str, printed: str, cycles: tuple[Cycle, ...]) -> TimeLimit | None:
    """The texts without a number of days: 实时, 及时公开, 常年公开, 按季度更新, 招生开始前."""
    if _REALTIME.match(folded):
        return TimeLimit(TimeLimitKind.REALTIME)
    if _PROMPTLY.search(folded):
        return TimeLimit(TimeLimitKind.PROMPTLY)
    if _ONGOING.match(folded):
        return TimeLimit(TimeLimitKind.ONGOING)
    if cycles:
        return TimeLimit(TimeLimitKind.PERIODIC)
    around = ((_BEFORE, TimeLimitKind.BEFORE_EVENT), (_AFTER, TimeLimitKind.AFTER_EVENT))
    for pattern, kind in around:
        match = pattern.match(folded)
        if match is not None:
            return TimeLimit(kind, event=printed[match.start("event") : match.end("event")])
    return None
