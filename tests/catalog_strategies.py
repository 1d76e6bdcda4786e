"""Random catalogs for the round-trip properties (issue 2 item 8, issue 5), in any format.

The generator builds a catalog as a category tree (depth 1–3; a leaf may stop early, its
label spanning the deeper category columns) whose leaves hold 1–3 items, each with its own
content, 序号 of its top-level group, subjects, basis, update cycle, time limit, √ columns
and channels. The expected `Item`s come from that data; the table is drawn from it as
format-free `Slot`s: a value repeated over consecutive rows is written in every row, or once
in a cell merged down, or (for the fields the rules inherit) once with the cells below left
empty, as a lost merge. Each format's test writes the slots its own way (w:vMerge, rowspan,
merged ranges) and draws ticks as that format does (`Catalog.tick_style` names a style of
the writer's own list).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import regex
from hypothesis import strategies as st

from disclosure_parse import Catalog as Parsed
from disclosure_parse import Disclosure, FivePublic, Item

T = TypeVar("T")

# --- vocabulary pools (real-looking labels) -------------------------------------------------

TOP_LABELS = (
    "机构概况",
    "政策文件",
    "规划计划",
    "财政信息",
    "政务服务",
    "重大项目",
    "公共资源配置",
    "社会公益事业",
    "人事信息",
    "统计信息",
    "应急管理",
    "行政执法",
)
SECOND_LABELS = (
    "机构职能",
    "领导信息",
    "内设科室",
    "下属单位",
    "工作规则",
    "规范性文件",
    "政策解读",
    "发展规划",
    "财政预算",
    "财政决算",
    "办事指南",
    "招标投标",
    "公务员招录",
    "统计公报",
    "应急预案",
    "行政处罚",
)
THIRD_LABELS = (
    "基本信息",
    "年度计划",
    "执行情况",
    "实施方案",
    "专项规划",
    "部门预算",
    "三公经费",
    "审批结果",
    "监督检查",
    "工作动态",
)
LEVEL_LABELS = (TOP_LABELS, SECOND_LABELS, THIRD_LABELS)
CONTENTS = (
    "基本信息、工作职责",
    "职务、工作分工、个人简历",
    "相关工作规定、制度（包括政府信息公开指南、制度、目录）",
    "文件标题、文号、发布日期、正文",
    "预算报告、预算表格及说明",
    "事项名称、办理依据、办理流程、办理时限",
    "项目名称、招标公告、中标结果",
    "招录公告、考试成绩、拟录用人员名单",
    "统计数据、统计分析",
    "行政处罚决定书",
    "规划文本及解读材料",
    "突发事件应对情况",
)
SUBJECTS = (
    "市政府办公室",
    "市发改委",
    "市财政局",
    "市人力社保局",
    "市统计局",
    "市应急管理局",
    "市司法局",
    "市公共资源交易中心",
)
#: subjects naming several bodies in brackets (split_list used to split inside the （）;
#: pinned by test_subject_with_enumeration_in_brackets_is_one_entry). False keeps them out.
PARENTHESIZED_SUBJECTS = True
BRACKETED_SUBJECTS = ("各县（市、区）人民政府", "市委（市政府）办公室")
BASIS = (
    "公开条例",
    "《中华人民共和国政府信息公开条例》",
    "国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）",
    "《浙江省政府信息公开暂行办法》",
    "中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》",
    "2014、2015、2016年国务院办公厅政务公开工作要点",
    "《中华人民共和国预算法》第十四条",
    "《关于推进重大建设项目批准和实施领域政府信息公开的意见》（国办发〔2017〕94号）",
    "《国务院办公厅关于印发2021年政务公开工作要点的通知》（国办发〔2021〕12号）",
)
UPDATE_CYCLES = ("实时更新", "及时更新", "长期公开", "每年更新", "定期更新", "动态更新")
TIME_LIMITS = (
    "10个工作日内",
    "10个工作日内公开",
    "信息形成或变更之日起20个工作日内",
    "20个工作日内公开",
    "每年3月底前",
)
CHANNELS = ("政府门户网站专栏", "本部门网站", "政务微博", "政务微信", "政府公报", "公开查阅点")

#: tick columns: header leaf, and the flag it sets
DISCLOSURE_COLUMNS = (("主动公开", Disclosure.PROACTIVE), ("依申请公开", Disclosure.ON_REQUEST))
FIVE_PUBLIC_COLUMNS = (
    ("决策", FivePublic.DECISION),
    ("执行", FivePublic.EXECUTION),
    ("管理", FivePublic.MANAGEMENT),
    ("服务", FivePublic.SERVICE),
    ("结果", FivePublic.RESULT),
)

#: a lost merge of a deeper category level under a real merge of the level above (found by
#: this property: the merged label was read as the row's own and the path truncated; pinned by
#: test_lost_second_level_merge_under_merged_first_level_inherits). False keeps such rows out.
LOST_UNDER_MERGED_PARENT = True

#: a numbered basis list holding a year list, "1.2014、2015年…要点" (found by this property: "1."
#: was not taken for a marker before a digit and the year list split; pinned by
#: test_numbered_basis_starting_with_a_year_list_is_one_entry). False keeps them out.
NUMBERED_YEAR_LIST = True

# --- the generated catalog ------------------------------------------------------------------


@dataclass
class Node:
    """A category label at one level; rows under it share it."""

    id: int
    level: int
    written: str  # as in the document: may hold ★ and a line break
    name: str  # what the item's category should say


@dataclass
class Line:
    """One body row of the catalog, the item it must give back."""

    path: list[Node]
    seq: str
    content: str
    #: list cells: (text as written, entries the item must list)
    subjects: tuple[str, tuple[str, ...]]
    basis: tuple[str, tuple[str, ...]]
    update_cycle: str
    time_limit: str
    ticks: list[bool]
    channels: tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Slot:
    """One cell of the drawn table, in any format: where it starts and how far it spans.

    A tick cell has `tick` set (its text is empty): each writer draws it in its own way.
    """

    row: int
    col: int
    text: str = ""
    rows: int = 1
    cols: int = 1
    tick: bool | None = None


@dataclass
class Catalog:
    depth: int
    lines: list[Line]
    has_update: bool
    has_time: bool
    #: a name from the writer's own tick styles
    tick_style: str
    #: unticked cells are left empty (else drawn in the tick style's unticked way)
    blank_untick: bool
    #: the two header rows as slots (rows 0 and 1)
    header: list[Slot]
    #: the format marks the header rows as such (w:tblHeader, <th>, print titles)
    header_marked: bool
    #: per column kind: how each run of equal values is written ("merge", "repeat", "lost")
    modes: dict[str, list[str]] = field(default_factory=dict)
    #: body rows a .docx wraps in a content control
    sdt_rows: frozenset[int] = frozenset()


def break_line(draw: st.DrawFn, text: str) -> str:
    """Sometimes a line break between two Han characters, as Word wraps narrow cells."""
    spots = [i for i in range(1, len(text)) if _is_han(text[i - 1]) and _is_han(text[i])]
    if not spots or not draw(st.booleans()):
        return text
    i = draw(st.sampled_from(spots))
    return text[:i] + "\n" + text[i:]


def _is_han(ch: str) -> bool:
    return bool(regex.match(r"\p{Han}", ch))


Listed = tuple[str, tuple[str, ...]]


def join_list(draw: st.DrawFn, entries: list[str]) -> Listed:
    """Entries joined by 、，； (a line break may follow a separator or sit inside a label)."""
    separator = draw(st.sampled_from(["、", "，", "；"]))
    parts = [break_line(draw, e) for e in entries]
    out = parts[0]
    for part in parts[1:]:
        out += separator + ("\n" if draw(st.booleans()) else "") + part
    return out, tuple(entries)


def join_basis(draw: st.DrawFn, entries: list[str]) -> Listed:
    """Legal references as catalogs list them: 、 or ；, numbered "1.… 2.…", or one per line."""
    style = draw(st.sampled_from(["、", "；", "numbered", "lines"]))
    if style == "numbered" and (NUMBERED_YEAR_LIST or not any(e[0].isdigit() for e in entries)):
        gap = draw(st.sampled_from(["； ", "\n", " "]))
        return gap.join(f"{i}.{e}" for i, e in enumerate(entries, start=1)), tuple(entries)
    if style == "lines" and all(e.startswith("《") for e in entries[1:]):
        return "\n".join(entries), tuple(entries)
    separator = "、" if style == "、" else "；"
    # a line break inside a reference, never right before a 《 (that starts a new one)
    text = separator.join(e if "《" in e else break_line(draw, e) for e in entries)
    return text, tuple(entries)


def channels_cell(draw: st.DrawFn) -> Listed:
    if draw(st.integers(0, 4)) == 0:
        # a ■/□ tick list of every channel offered: only the ticked ones count
        ticked = draw(st.lists(st.booleans(), min_size=3, max_size=3))
        offered = CHANNELS[:3]
        text = " ".join(("■" if t else "□") + c for t, c in zip(ticked, offered, strict=True))
        return text, tuple(c for t, c in zip(ticked, offered, strict=True) if t)
    return join_list(
        draw, draw(st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=3, unique=True))
    )


def _sticky(draw: st.DrawFn, previous: T | None, fresh: Callable[[], T]) -> T:
    """The value above (often: runs make merges), or a fresh one."""
    if previous is not None and draw(st.integers(0, 2)) > 0:
        return previous
    return fresh()


@st.composite
def catalogs(draw: st.DrawFn, tick_styles: Sequence[str]) -> Catalog:
    """A random catalog whose ticks are drawn in one of the writer's `tick_styles`."""
    depth = draw(st.integers(1, 3))
    ids = itertools.count()
    paths: list[list[Node]] = []

    def grow(level: int, prefix: list[Node]) -> None:
        name = draw(st.sampled_from(LEVEL_LABELS[level]))
        star = level == 0 and draw(st.integers(0, 3)) == 0
        written = ("★" if star else "") + break_line(draw, name)
        path = [*prefix, Node(next(ids), level, written, name)]
        if level == depth - 1 or (level > 0 and draw(st.integers(0, 4)) == 0):
            paths.extend([path] * draw(st.integers(1, 3)))
            return
        for _ in range(draw(st.integers(1, 3))):
            grow(level + 1, path)

    for _ in range(draw(st.integers(1, 4))):
        grow(0, [])

    subjects = SUBJECTS + (BRACKETED_SUBJECTS if PARENTHESIZED_SUBJECTS else ())
    seq_style = draw(st.sampled_from(["arabic", "chinese", "dotted"]))
    first_seq = draw(st.integers(1, 20))
    tops: dict[int, str] = {}
    lines: list[Line] = []
    prev: Line | None = None
    for path in paths:
        top = path[0].id
        if top not in tops:
            n = first_seq + len(tops)
            tops[top] = {
                "arabic": str(n),
                "chinese": "一二三四五六七八九十"[(n - 1) % 10],
                "dotted": f"{n}.",
            }[seq_style]

        def pick(pool: tuple[str, ...], lo: int = 1, hi: int = 2) -> list[str]:
            return draw(st.lists(st.sampled_from(pool), min_size=lo, max_size=hi, unique=True))

        line = Line(
            path=path,
            seq=tops[top],
            content=break_line(draw, draw(st.sampled_from(CONTENTS))),
            subjects=_sticky(draw, prev and prev.subjects, lambda: join_list(draw, pick(subjects))),
            basis=_sticky(draw, prev and prev.basis, lambda: join_basis(draw, pick(BASIS, 1, 3))),
            update_cycle=_sticky(
                draw,
                prev and prev.update_cycle,
                lambda: break_line(draw, draw(st.sampled_from(UPDATE_CYCLES))),
            ),
            time_limit=_sticky(
                draw, prev and prev.time_limit, lambda: draw(st.sampled_from(TIME_LIMITS))
            ),
            ticks=[
                draw(st.booleans()) if prev is None or draw(st.booleans()) else prev.ticks[i]
                for i in range(7)
            ],
            channels=_sticky(draw, prev and prev.channels, lambda: channels_cell(draw)),
        )
        lines.append(line)
        prev = line

    has_update, has_time = draw(st.booleans()), draw(st.booleans())
    header_marked = draw(st.booleans())
    catalog = Catalog(
        depth=depth,
        lines=lines,
        has_update=has_update,
        has_time=has_time,
        tick_style=draw(st.sampled_from(sorted(tick_styles))),
        blank_untick=draw(st.booleans()),
        header=draw(headers(depth, has_update, has_time)),
        header_marked=header_marked,
        sdt_rows=frozenset(draw(st.sets(st.integers(0, max(0, len(lines) - 1)), max_size=2))),
    )
    _draw_modes(draw, catalog)
    return catalog


@st.composite
def headers(draw: st.DrawFn, depth: int, has_update: bool, has_time: bool) -> list[Slot]:
    """A two-row header: single headers merged down, group headers spanning their leaves."""
    slots: list[Slot] = []

    def single(*names: str) -> None:
        col = _width(slots)
        slots.append(Slot(0, col, draw(st.sampled_from(names)), rows=2))

    def group(names: tuple[str, ...], children: list[str]) -> None:
        col = _width(slots)
        slots.append(Slot(0, col, draw(st.sampled_from(names)), cols=len(children)))
        slots.extend(Slot(1, col + i, child) for i, child in enumerate(children))

    single("序号", "编号")
    if depth == 1:
        single("公开事项", "类别", "事项名称")
    else:
        levels = draw(
            st.sampled_from([("一级", "二级", "三级"), ("一级事项", "二级事项", "三级事项")])
        )
        group(("事项名称", "公开事项"), list(levels[:depth]))
    single("公开内容", "内容", "主要内容")
    single("公开主体", "责任单位", "责任科室")
    single("公开依据", "依据")
    if has_update:
        single("更新周期", "更新日期", "更新频率")
    if has_time:
        single("公开时限", "时限要求")
    disclosure_group = draw(st.sampled_from(["公开属性（勾选）", "公开属性", "公开方式"]))
    group((disclosure_group,), [name for name, _ in DISCLOSURE_COLUMNS])
    group(("“五公开”（勾选）", "五公开"), [name for name, _ in FIVE_PUBLIC_COLUMNS])
    channel_names = ("公开渠道", "公开渠道和载体", "公开载体")
    single(*channel_names, *(("公开方式",) if disclosure_group != "公开方式" else ()))
    return slots


def _width(slots: list[Slot]) -> int:
    return max((s.col + s.cols for s in slots), default=0)


# --- runs and how they are written -----------------------------------------------------------

#: column kinds whose empty cell inherits from above (a lost merge is harmless there)
INHERITED_KINDS = ("seq", "subjects", "basis", "channels")


def _runs(keys: list[object]) -> list[range]:
    """Maximal runs of consecutive equal keys, as row ranges."""
    runs: list[range] = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            runs.append(range(start, i))
            start = i
    return runs


def _value_kinds(catalog: Catalog) -> dict[str, Callable[[Line], object]]:
    kinds: dict[str, Callable[[Line], object]] = {
        "seq": lambda line: line.seq,
        "subjects": lambda line: line.subjects[0],
        "basis": lambda line: line.basis[0],
        "channels": lambda line: line.channels[0],
    }
    if catalog.has_update:
        kinds["update_cycle"] = lambda line: line.update_cycle
    if catalog.has_time:
        kinds["time_limit"] = lambda line: line.time_limit
    for i in range(7):
        kinds[f"tick{i}"] = lambda line, i=i: line.ticks[i]
    return kinds


def _category_keys(catalog: Catalog, level: int) -> list[object]:
    """Per row, the node at `level` (None where the path stopped earlier)."""
    return [line.path[level].id if level < len(line.path) else None for line in catalog.lines]


def _draw_modes(draw: st.DrawFn, catalog: Catalog) -> None:
    for kind, value in _value_kinds(catalog).items():
        runs = _runs([value(line) for line in catalog.lines])
        allowed = ["merge", "repeat", "lost"] if kind in INHERITED_KINDS else ["merge", "repeat"]
        catalog.modes[kind] = [draw(st.sampled_from(allowed)) for _ in runs]
    for level in range(catalog.depth):
        runs = _runs(_category_keys(catalog, level))
        modes: list[str] = []
        for run in runs:
            allowed = ["merge", "repeat"]
            if len(run) > 1 and _may_lose(catalog, level, run[1]):
                allowed.append("lost")
            modes.append(draw(st.sampled_from(allowed)))
        catalog.modes[f"cat{level}"] = modes


def _may_lose(catalog: Catalog, level: int, row: int) -> bool:
    """Whether a category cell may be left empty below its label (a lost merge).

    Never under a label repeated in the same row: "A | (empty)" is the item A itself.
    """
    for above in range(level):
        mode = _mode_at(catalog, f"cat{above}", _category_keys(catalog, above), row)
        if mode == "repeat" or (mode == "merge" and not LOST_UNDER_MERGED_PARENT):
            return False
    return True


def _mode_at(catalog: Catalog, kind: str, keys: list[object], row: int) -> str:
    for run, mode in zip(_runs(keys), catalog.modes[kind], strict=True):
        if row in run:
            return mode
    raise AssertionError(row)


def _column_slots(
    runs: Iterable[tuple[range, str]], render: Callable[[int], Slot]
) -> Iterator[Slot]:
    """The slots of one column: per run, one merged down, one per row, or one and empties."""
    for run, mode in runs:
        first = render(run[0])
        if mode == "merge":
            yield Slot(first.row, first.col, first.text, len(run), first.cols, first.tick)
            continue
        for row in run:
            if row == run[0] or mode == "repeat":
                yield Slot(row, first.col, first.text, 1, first.cols, first.tick)
            else:
                yield Slot(row, first.col, "", 1, first.cols)


#: the header's rows (the body's rows start below them in `table_slots`)
HEADER_ROWS = 2

#: the text written around the table in every format: title above; a note, issuer, date below
TITLE = "衢州市政府信息主动公开基本目录"
NOTE = "注：标★的为重点领域。"
ISSUER, DATE, ISSUED_ON = "衢州市人民政府办公室", "2018年12月29日", "2018-12-29"

#: issuer and date in one paragraph (one cell), a line break between them (found by this
#: property: the lines of a paragraph were joined before the date was looked for, so there
#: was no issuer and a note "衢州市人民政府办公室2018年12月29日"; pinned by
#: test_issuer_and_date_in_one_paragraph_are_read in the .docx and .xlsx round trips).
#: False writes them as two paragraphs where the format keeps a line break inside one.
SIGNATURE_IN_ONE_PARAGRAPH = True


def after_table(joined: bool) -> list[str]:
    """The paragraphs below the table: the ★ note, then issuer and date, in one when `joined`."""
    return [NOTE, f"{ISSUER}\n{DATE}"] if joined else [NOTE, ISSUER, DATE]


def column_kinds(catalog: Catalog) -> list[str]:
    """The body columns, left to right."""
    return [
        "seq",
        *(f"cat{level}" for level in range(catalog.depth)),
        "content",
        "subjects",
        "basis",
        *(["update_cycle"] if catalog.has_update else []),
        *(["time_limit"] if catalog.has_time else []),
        *(f"tick{i}" for i in range(7)),
        "channels",
    ]


def body_slots(catalog: Catalog) -> list[Slot]:
    """The body of the catalog's table (rows from 0), each run written as its mode says.

    Every grid position is covered by exactly one slot; a lost merge is an empty slot.
    """
    col = {kind: i for i, kind in enumerate(column_kinds(catalog))}
    slots: list[Slot] = []
    for kind, value in _value_kinds(catalog).items():
        keys = [value(line) for line in catalog.lines]

        def render(row: int, keys: list[object] = keys, kind: str = kind) -> Slot:
            if not kind.startswith("tick"):
                return Slot(row, col[kind], str(keys[row]))
            if not keys[row] and catalog.blank_untick:
                return Slot(row, col[kind])
            return Slot(row, col[kind], tick=bool(keys[row]))

        runs = zip(_runs(keys), catalog.modes[kind], strict=True)
        slots.extend(_column_slots(runs, render))
    for level in range(catalog.depth):
        keys = _category_keys(catalog, level)

        def label(row: int, level: int = level) -> Slot:
            path = catalog.lines[row].path
            # a path that stops early: its last label spans the deeper category columns
            span = catalog.depth - level if level == len(path) - 1 else 1
            return Slot(row, col[f"cat{level}"], path[level].written, cols=span)

        runs = zip(_runs(keys), catalog.modes[f"cat{level}"], strict=True)
        # rows whose path stopped above this level are spanned from the left: no slot
        slots.extend(_column_slots(((r, m) for r, m in runs if keys[r[0]] is not None), label))
    slots.extend(Slot(r, col["content"], line.content) for r, line in enumerate(catalog.lines))
    _check_cover(slots, len(catalog.lines), len(col))
    return sorted(slots, key=lambda s: (s.row, s.col))


def _check_cover(slots: list[Slot], n_rows: int, n_cols: int) -> None:
    covered = [
        (r, c)
        for s in slots
        for r in range(s.row, s.row + s.rows)
        for c in range(s.col, s.col + s.cols)
    ]
    assert sorted(covered) == [(r, c) for r in range(n_rows) for c in range(n_cols)]


def table_slots(catalog: Catalog) -> tuple[list[Slot], int, int]:
    """Header and body slots on one grid (body rows below the two header rows), rows, cols."""
    body = [
        Slot(s.row + HEADER_ROWS, s.col, s.text, s.rows, s.cols, s.tick)
        for s in body_slots(catalog)
    ]
    return [*catalog.header, *body], HEADER_ROWS + len(catalog.lines), len(column_kinds(catalog))


# --- what parse() must give back ---------------------------------------------------------------


def expected_item(catalog: Catalog, line: Line) -> dict[str, object]:
    def one_line(text: str) -> str:
        return text.replace("\n", "")

    category: list[str] = []
    for node in line.path:
        if not category or category[-1] != node.name:
            category.append(node.name)
    ticks = dict(zip([*DISCLOSURE_COLUMNS, *FIVE_PUBLIC_COLUMNS], line.ticks, strict=True))
    return {
        "category": tuple(category),
        "key_area": line.path[0].written.startswith("★"),
        "seq": line.seq,
        "content": one_line(line.content),
        "subjects": line.subjects[1],
        "basis": line.basis[1],
        "update_cycle": one_line(line.update_cycle) if catalog.has_update else None,
        "time_limit": line.time_limit if catalog.has_time else None,
        "disclosure": tuple(flag for (_, flag), t in ticks.items() if t and flag in Disclosure),
        "five_publics": tuple(flag for (_, flag), t in ticks.items() if t and flag in FivePublic),
        "channels": _expected_channels(catalog, line),
    }


def _expected_channels(catalog: Catalog, line: Line) -> tuple[str, ...]:
    """A line's channels; when no cell of the column ticks a box, the □ boxes are bullets
    and every offered channel counts."""
    text, ticked = line.channels
    texts = [other.channels[0] for other in catalog.lines]
    if "□" in text and not any("■" in t for t in texts):
        return tuple(entry[1:] for entry in text.split(" ") if entry.startswith("□"))
    return ticked


def actual_item(item: Item) -> dict[str, object]:
    return {
        "category": item.category,
        "key_area": item.key_area,
        "seq": item.seq,
        "content": item.content,
        "subjects": item.subjects,
        "basis": item.basis,
        "update_cycle": item.update_cycle,
        "time_limit": item.time_limit,
        "disclosure": item.disclosure,
        "five_publics": item.five_publics,
        "channels": item.channels,
    }


def assert_round_trip(catalog: Catalog, parsed: Parsed, *, around: bool = True) -> None:
    """The parsed items are the generated ones, field by field; and the text around the table
    (title, issuer, date) when `around`."""
    expected = [expected_item(catalog, line) for line in catalog.lines]
    actual = [actual_item(item) for item in parsed.items]
    assert len(actual) == len(expected)
    for row, (want, got) in enumerate(zip(expected, actual, strict=True), start=1):
        assert got == want, f"body row {row}"
    if around:
        assert parsed.title == TITLE
        assert parsed.issuer == ISSUER
        assert str(parsed.issued_on) == ISSUED_ON
