"""Update cycles (更新周期) as data: "按季度更新" → quarterly; several named → the set."""

from __future__ import annotations

import functools

import regex

from disclosure_parse.model import Cycle, UpdateCycle
from disclosure_parse.normalize.typed.folding import compact, fold

#: phrases naming a cycle, tried left to right at each position: the longer spelling first
#: (半年度 before 年度, 每两周 before 每周). None marks phrases that name a cycle the enum
#: does not have (每半月, 2次/年, 每三年): their text gives an unknown, never a near miss.
_PHRASES: tuple[tuple[Cycle | None, str], ...] = (
    (None, r"半个?月|[2-9两二三四五六七八九十]次|每[两二三四五六七八九十\d]+个?(?:年|月|季)"),
    (Cycle.REALTIME, r"实时|即时"),
    (Cycle.BIWEEKLY, r"每?[两二2]个?(?:周|星期|礼拜)"),
    (Cycle.WEEKLY, r"每个?(?:周|星期|礼拜)|按周|周更新|[1一]次/?周|一周一次"),
    (Cycle.DAILY, r"每日|每天|按日|逐日|日更新|每个工作日|[1一]次/?[日天]|一[日天]一次"),
    (Cycle.SEMIANNUAL, r"每?半年度?|[1一]次/?半年"),
    (Cycle.MONTHLY, r"每个?月|月度|按月|逐月|月更新|[1一]次/?月|一月一次"),
    (Cycle.QUARTERLY, r"每个?季度?|季度|按季|逐季|[1一]次/?季度?|一季一次"),
    (Cycle.ANNUAL, r"每年|年度|按年|逐年|年更新|[1一]次/?年|一年一次"),
    (
        Cycle.AS_NEEDED,
        r"不定期|动态|随时|及时|适时|根据(?:工作)?需要|按需|视情|(?:有|发生|如有)(?:变化|变动|变更|更新)"
        r"|(?:变化|变动|变更)(?:时|后)",
    ),
)
_PATTERN = regex.compile("|".join(f"({pattern})" for _, pattern in _PHRASES))
_ORDER = list(Cycle)


def cycles_named(text: str) -> tuple[Cycle, ...] | None:
    """Every cycle a text names, in `Cycle` order; None when it names one outside the enum."""
    found: set[Cycle] = set()
    for match in _PATTERN.finditer(fold(compact(text))):
        cycle = _PHRASES[match.lastindex - 1][0] if match.lastindex else None
        if cycle is None:
            return None
        found.add(cycle)
    return tuple(sorted(found, key=_ORDER.index))


@functools.lru_cache(maxsize=8192)
def parse_update_cycle(text: str) -> UpdateCycle:
    """The cycle an update-cycle text names; `several` with the set; `unknown` when unclear.

    "实时更新" → realtime; "分别按月度、季度、年度更新" → several (monthly, quarterly, annual);
    "2次/年" → unknown (twice a year is not a cycle of the list).
    """
    cycles = cycles_named(text)
    if not cycles:
        return UpdateCycle(Cycle.UNKNOWN)
    if len(cycles) == 1:
        return UpdateCycle(cycles[0], cycles)
    return UpdateCycle(Cycle.SEVERAL, cycles)
