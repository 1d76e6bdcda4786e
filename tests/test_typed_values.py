"""Typed values: legal references, time limits, update cycles and subjects parsed from text.

One test per rule, named after the text it pins; hypothesis properties for the document
number (built from random parts, it parses back to them) and for robustness (no parser
raises on any string).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_parse import (
    BasisKind,
    Cycle,
    DocumentNumber,
    Item,
    TimeLimit,
    TimeLimitKind,
    UpdateCycle,
)
from disclosure_parse.normalize.typed import (
    add_typed_values,
    parse_basis_ref,
    parse_subject,
    parse_time_limit,
    parse_update_cycle,
)
from disclosure_parse.normalize.typed.folding import fold
from disclosure_parse.normalize.typed.legal_refs import ALIASES, parse_document_number
from disclosure_parse.normalize.typed.numerals import parse_number

GOV_INFO = "中华人民共和国政府信息公开条例"

# ---------------------------------------------------------------- document numbers


@pytest.mark.parametrize(
    ("text", "code", "year", "serial"),
    [
        ("国办发〔2017〕47号", "国办发", 2017, 47),
        ("浙政办发〔2021〕28号", "浙政办发", 2021, 28),
        ("财库〔2015〕135号", "财库", 2015, 135),
        ("国办发[2017]47号", "国办发", 2017, 47),
        ("国办发(2022)8号", "国办发", 2022, 8),
        ("国办发（2022）8号", "国办发", 2022, 8),
        ("中办发﹝2016﹞8号", "中办发", 2016, 8),
        ("中办发〔2016〕8 号", "中办发", 2016, 8),
        ("国办公开办函〔2021〕30号", "国办公开办函", 2021, 30),
        ("財農〔2017〕41號", "財農", 2017, 41),
    ],
)
def test_document_number_with_any_bracket_around_the_year(
    text: str, code: str, year: int, serial: int
) -> None:
    assert parse_document_number(text) == DocumentNumber(text, code, year, serial)


@pytest.mark.parametrize(
    ("text", "code", "serial"),
    [
        ("国务院令第711号", "国务院令", 711),
        ("国令第711号", "国令", 711),
        ("国务院令729号", "国务院令", 729),
        ("中华人民共和国国务院令711号", "中华人民共和国国务院令", 711),
        ("中华人民共和国主席令第十六号", "中华人民共和国主席令", 16),
        ("中華人民共和國主席令第16號", "中華人民共和國主席令", 16),
        ("自然资源部令第2号", "自然资源部令", 2),
        ("国务院令第七一一号", "国务院令", 711),
    ],
)
def test_order_number_has_a_code_and_serial_but_no_year(text: str, code: str, serial: int) -> None:
    assert parse_document_number(text) == DocumentNumber(text, code, None, serial)


def test_order_with_mixed_numerals_keeps_its_raw_text_and_no_serial() -> None:
    """第七11号 (the seed): 711 or a slip? Not certain, so the serial is not guessed."""
    number = parse_document_number("中华人民共和国国务院令第七11号")
    assert number == DocumentNumber(
        "中华人民共和国国务院令第七11号", "中华人民共和国国务院令", None, None
    )


def test_order_with_ling_after_the_number_gets_the_same_code() -> None:
    """国土资源部第55号令 is 国土资源部令第55号 written the other way round."""
    number = parse_document_number("国土资源部第55号 令")
    assert number == DocumentNumber("国土资源部第55号 令", "国土资源部令", None, 55)


def test_document_number_code_starts_after_a_leading_word() -> None:
    number = parse_document_number("根据国办发〔2017〕47号")
    assert number is not None and number.code == "国办发"


def test_article_numbers_are_not_document_numbers() -> None:
    assert parse_document_number("《中华人民共和国政府信息公开条例》第十九条") is None


# ---------------------------------------------------------------- legal references


def test_title_is_read_without_its_brackets_and_the_number_split() -> None:
    ref = parse_basis_ref("《财政部关于做好政府采购信息公开工作的通知》（财库〔2015〕135号）")
    assert ref.kind is BasisKind.DOCUMENT
    assert ref.title == "财政部关于做好政府采购信息公开工作的通知"
    assert ref.document_number == DocumentNumber("财库〔2015〕135号", "财库", 2015, 135)
    assert ref.raw == "《财政部关于做好政府采购信息公开工作的通知》（财库〔2015〕135号）"


def test_issuers_before_the_title_are_not_part_of_it() -> None:
    ref = parse_basis_ref(
        "中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）"
    )
    assert ref.title == "关于全面推进政务公开工作的意见"
    assert ref.document_number is not None and ref.document_number.code == "中办发"


def test_title_without_brackets_before_its_number() -> None:
    ref = parse_basis_ref("国务院办公厅关于印发政府网站发展指引的通知（国办发〔2017〕47号）")
    assert ref.title == "国务院办公厅关于印发政府网站发展指引的通知"
    assert ref.document_number == DocumentNumber("国办发〔2017〕47号", "国办发", 2017, 47)


def test_number_after_the_title_without_parentheses() -> None:
    ref = parse_basis_ref("《国务院办公厅关于印发2022年政务公开工作要点的通知》国办发（2022）8号")
    assert ref.title == "国务院办公厅关于印发2022年政务公开工作要点的通知"
    assert ref.document_number == DocumentNumber("国办发（2022）8号", "国办发", 2022, 8)


def test_title_naming_another_in_brackets_is_the_whole_name() -> None:
    """国务院办公厅印发《…》实施细则的通知: the 《》 names only a part of the document's title."""
    ref = parse_basis_ref(
        "国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知（国办发〔2016〕80号）"
    )
    assert ref.title == "国务院办公厅印发《关于全面推进政务公开工作的意见》实施细则的通知"


def test_text_after_the_title_that_is_not_a_name_stays_out_of_it() -> None:
    assert parse_basis_ref("《政府信息公开条例》第二十条(二)").alias == "政府信息公开条例"
    assert parse_basis_ref("《关于全面推进政务公开工作的意见》及其实施细则").title == (
        "关于全面推进政务公开工作的意见"
    )
    ref = parse_basis_ref(
        "《关于进一步做好脱贫攻坚期间临时救助工作的通知》辽民发(2018)74号等相关文件"
    )
    assert ref.title == "关于进一步做好脱贫攻坚期间临时救助工作的通知"
    assert ref.document_number == DocumentNumber("辽民发(2018)74号", "辽民发", 2018, 74)


def test_title_whose_opening_bracket_was_lost() -> None:
    ref = parse_basis_ref("中华人民共和国政府信息公开条例》（中华人民共和国国务院令711号）")
    assert ref.title == GOV_INFO
    assert ref.document_number is not None and ref.document_number.serial == 711


def test_unclosed_parenthesis_around_the_number() -> None:
    ref = parse_basis_ref(
        "《辽宁省人民政府办公厅关于全面实施临时救助制度的通知》(辽政办发(2014)74号"
    )
    assert ref.title == "辽宁省人民政府办公厅关于全面实施临时救助制度的通知"
    assert ref.document_number == DocumentNumber("辽政办发(2014)74号", "辽政办发", 2014, 74)


def test_leading_genju_is_not_part_of_the_reference() -> None:
    assert parse_basis_ref("根据国务院《社会救助暂行办法》").title == "社会救助暂行办法"


@pytest.mark.parametrize(
    "short", ["公开条例", "《条例》", "《政府信息公开条例》", "《信息公开条例》及相关规定"]
)
def test_short_names_resolve_through_the_alias_table(short: str) -> None:
    ref = parse_basis_ref(short)
    assert ref.title == GOV_INFO
    assert ref.alias == short.split("》")[0].strip("《")


def test_traditional_short_name_resolves_and_keeps_its_printed_alias() -> None:
    ref = parse_basis_ref("《政府信息公開條例》")
    assert (ref.title, ref.alias) == (GOV_INFO, "政府信息公開條例")


def test_full_title_is_not_an_alias() -> None:
    ref = parse_basis_ref("《中华人民共和国政府信息公开条例》（国令第711号）")
    assert (ref.title, ref.alias) == (GOV_INFO, None)


def test_alias_table_keys_are_folded_and_targets_are_full_titles() -> None:
    assert all(fold(key) == key for key in ALIASES)
    assert all(len(target) > len(key) for key, target in ALIASES.items())


def test_year_list_is_one_reference_with_its_years() -> None:
    ref = parse_basis_ref("2014、2015、2016年国务院办公厅政务公开工作要点")
    assert ref.title == "国务院办公厅政务公开工作要点"
    assert ref.years == (2014, 2015, 2016)
    assert ref.document_number is None


def test_year_range_is_not_read_as_a_list_of_years() -> None:
    """2014至2016年 covers 2015 too, which it does not print: the years are left to the title."""
    ref = parse_basis_ref("2014至2016年国务院办公厅政务公开工作要点")
    assert (ref.title, ref.years) == ("2014至2016年国务院办公厅政务公开工作要点", ())


@pytest.mark.parametrize(
    "text",
    ["市政府办公室关于印发政务公开考核办法的通知", "国家发展改革委关于做好价格公示工作的通知"],
)
def test_bare_title_of_a_city_or_national_body_is_a_title(text: str) -> None:
    assert parse_basis_ref(text).title == text


def test_single_year_series_in_brackets_gives_its_year_too() -> None:
    ref = parse_basis_ref("《2021年浙江省政务公开工作要点》（浙政办发〔2021〕28号）")
    assert (ref.title, ref.years) == ("浙江省政务公开工作要点", (2021,))
    assert ref.document_number == DocumentNumber("浙政办发〔2021〕28号", "浙政办发", 2021, 28)


def test_year_inside_a_title_is_not_a_series() -> None:
    ref = parse_basis_ref(
        "《国务院办公厅关于印发2018年政务公开工作要点的通知》（国办发〔2018〕23号）"
    )
    assert ref.title == "国务院办公厅关于印发2018年政务公开工作要点的通知"
    assert ref.years == ()


def test_second_title_left_in_one_entry_is_not_mixed_into_the_first() -> None:
    """Two references the list splitting left together: the first is read, with its own number."""
    ref = parse_basis_ref(
        "《工伤保险条例》 《浙江省重大行政决策程序规定》（浙江省人民政府令337号）"
    )
    assert ref.title == "工伤保险条例"
    assert ref.document_number is None


@pytest.mark.parametrize(
    "text", ["相关法律法规", "上级有关规定", "等相关文件", "", "《", "第十二条"]
)
def test_entry_naming_no_document_is_an_explicit_unknown(text: str) -> None:
    ref = parse_basis_ref(text)
    assert ref.kind is BasisKind.UNKNOWN
    assert (ref.title, ref.document_number, ref.years, ref.raw) == (None, None, (), text)


# ---------------------------------------------------------------- time limits


def limit(kind: TimeLimitKind, **values: object) -> TimeLimit:
    return TimeLimit(kind, **values)  # type: ignore[arg-type]


WITHIN_WD = TimeLimitKind.WITHIN_WORKING_DAYS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10个工作日内", limit(WITHIN_WD, days=10, working_days=True)),
        ("10个工作日内公开", limit(WITHIN_WD, days=10, working_days=True)),
        ("7个工作日", limit(WITHIN_WD, days=7, working_days=True)),
        (
            "自该信息形成或者变更之日起20个工作日内",
            limit(WITHIN_WD, days=20, working_days=True, event="信息形成或者变更"),
        ),
        (
            "信息形成之日起20個工作日內",
            limit(WITHIN_WD, days=20, working_days=True, event="信息形成"),
        ),
        (
            "制 定 或 获 取 信 息之日起 10 个 工作日内",
            limit(WITHIN_WD, days=10, working_days=True, event="制定或获取信息"),
        ),
        (
            "20个工作日(自该政府信息形成或者变更之日起)",
            limit(WITHIN_WD, days=20, working_days=True, event="政府信息形成或者变更"),
        ),
        (
            "文件印发后的7个工作日内",
            limit(WITHIN_WD, days=7, working_days=True, event="文件印发"),
        ),
        (
            "30天内",
            limit(TimeLimitKind.WITHIN_DAYS, days=30, working_days=False),
        ),
        (
            "批复后20日内",
            limit(TimeLimitKind.WITHIN_DAYS, days=20, working_days=False, event="批复"),
        ),
        (
            "各部门所属单位的预算、决算及报表，应当在部门批复后20日内由单位向社会公开",
            limit(TimeLimitKind.WITHIN_DAYS, days=20, working_days=False, event="部门批复"),
        ),
        (
            "每年3月31日前",
            limit(TimeLimitKind.YEARLY_DEADLINE, month=3, day=31, cycles=(Cycle.ANNUAL,)),
        ),
        ("1月31日前", limit(TimeLimitKind.YEARLY_DEADLINE, month=1, day=31)),
        ("每年3月底前", limit(TimeLimitKind.YEARLY_DEADLINE, month=3, cycles=(Cycle.ANNUAL,))),
        ("与规范性文件同步公开", limit(TimeLimitKind.CONCURRENT, event="规范性文件")),
        (
            "与行政规范性文件原文同时发布（三个工作日内）",
            limit(
                TimeLimitKind.CONCURRENT,
                days=3,
                working_days=True,
                event="行政规范性文件原文",
            ),
        ),
        ("实时", limit(TimeLimitKind.REALTIME, cycles=(Cycle.REALTIME,))),
        ("按进展情况及时公开", limit(TimeLimitKind.PROMPTLY, cycles=(Cycle.AS_NEEDED,))),
        ("常年公开", limit(TimeLimitKind.ONGOING)),
        ("按季度更新", limit(TimeLimitKind.PERIODIC, cycles=(Cycle.QUARTERLY,))),
        ("招生开始前", limit(TimeLimitKind.BEFORE_EVENT, event="招生开始")),
        (
            "招聘会举办前5个工作日",
            limit(TimeLimitKind.BEFORE_EVENT, days=5, working_days=True, event="招聘会举办"),
        ),
        ("方案擬定後", limit(TimeLimitKind.AFTER_EVENT, event="方案擬定")),
        (
            "自该信息产生的20个工作日内（按半年度更新）",
            limit(
                WITHIN_WD, days=20, working_days=True, event="信息产生", cycles=(Cycle.SEMIANNUAL,)
            ),
        ),
    ],
)
def test_time_limit_kinds(text: str, expected: TimeLimit) -> None:
    assert parse_time_limit(text) == expected


def test_time_limit_event_leaves_out_a_leading_clause_and_modal() -> None:
    parsed = parse_time_limit(
        "主动公开信息内容发生变化的,医疗卫生机构应当自该信息形式或者变更之日起20个工作日内予以调整。"
    )
    assert (parsed.days, parsed.event) == (20, "信息形式或者变更")


def test_time_limit_event_keeps_a_zi_that_starts_a_word() -> None:
    assert parse_time_limit("自然资源部门批准后20日内").event == "自然资源部门批准"


def test_consultation_period_of_at_least_n_days_is_not_a_deadline() -> None:
    """ "期限一般不少于7个工作日" says how long a consultation lasts, not when to publish."""
    parsed = parse_time_limit("行政规范性文件草案应当公开征求意见，期限一般不少于7个工作日")
    assert parsed == TimeLimit(TimeLimitKind.UNKNOWN)


def test_dated_one_off_deadline_is_not_yearly() -> None:
    """2023年1月31日前 is one date: a deadline before it, not every year's 31 January."""
    parsed = parse_time_limit("2023年1月31日前")
    assert parsed == TimeLimit(TimeLimitKind.BEFORE_EVENT, event="2023年1月31日")


@pytest.mark.parametrize("text", ["见附件", "按规定", "", "/"])
def test_time_limit_without_a_certain_reading_is_unknown(text: str) -> None:
    assert parse_time_limit(text).kind is TimeLimitKind.UNKNOWN


# ---------------------------------------------------------------- update cycles


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("实时更新", Cycle.REALTIME),
        ("每日更新", Cycle.DAILY),
        ("每周更新", Cycle.WEEKLY),
        ("两个星期更新", Cycle.BIWEEKLY),
        ("每两周更新一次", Cycle.BIWEEKLY),
        ("月度更新", Cycle.MONTHLY),
        ("按月度更新", Cycle.MONTHLY),
        ("季度更新", Cycle.QUARTERLY),
        ("按半年度更新", Cycle.SEMIANNUAL),
        ("每年更新", Cycle.ANNUAL),
        ("按年度更新", Cycle.ANNUAL),
        ("1次/年", Cycle.ANNUAL),
        ("不定期更新", Cycle.AS_NEEDED),
        ("动态更新", Cycle.AS_NEEDED),
        ("隨時更新", Cycle.AS_NEEDED),
    ],
)
def test_update_cycle_names_one_cycle(text: str, cycle: Cycle) -> None:
    assert parse_update_cycle(text) == UpdateCycle(cycle, (cycle,))


def test_update_cycle_naming_several_gives_the_set_in_enum_order() -> None:
    assert parse_update_cycle("分别按月度、季度、年度更新") == UpdateCycle(
        Cycle.SEVERAL, (Cycle.MONTHLY, Cycle.QUARTERLY, Cycle.ANNUAL)
    )
    assert parse_update_cycle("按年度、月度更新") == UpdateCycle(
        Cycle.SEVERAL, (Cycle.MONTHLY, Cycle.ANNUAL)
    )


@pytest.mark.parametrize("text", ["2次/年", "每半月更新", "每三年更新", "每两月", "按规定", ""])
def test_cycle_outside_the_list_is_unknown_not_a_near_miss(text: str) -> None:
    """Twice a year is not semiannual, every half month is not monthly."""
    assert parse_update_cycle(text) == UpdateCycle(Cycle.UNKNOWN)


# ---------------------------------------------------------------- subjects


@pytest.mark.parametrize(
    "name",
    [
        "所有部门",
        "各相关部门",
        "行政许可职能部门",
        "县级财政部门",
        "市级生态环境部门",
        "各医疗机构",
        "住房保障行政主管部门",
    ],
)
def test_role_in_subjects_is_a_placeholder(name: str) -> None:
    assert parse_subject(name).placeholder


@pytest.mark.parametrize(
    "name", ["市政府办公室", "县民政局", "市公共资源交易中心", "縣自然資源局", "法制办"]
)
def test_named_body_is_not_a_placeholder(name: str) -> None:
    assert not parse_subject(name).placeholder


# ---------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("711", 711),
        ("十六", 16),
        ("十", 10),
        ("三百七十二", 372),
        ("一百零五", 105),
        ("七一一", 711),
    ],
)
def test_numerals(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["七11", "三72", "十十", "三七十", "", "abc"])
def test_uncertain_numerals_are_none(text: str) -> None:
    assert parse_number(text) is None


# ---------------------------------------------------------------- the item hook


def test_item_gets_typed_values_beside_its_raw_fields() -> None:
    item = Item(
        seq="1",
        category=("机构职能",),
        key_area=False,
        content=None,
        subjects=("所有部门", "市统计局"),
        basis=("公开条例", "《工伤保险条例》"),
        update_cycle="实时更新",
        time_limit=None,
        disclosure=(),
        five_publics=(),
        channels=(),
        audience=(),
        levels=(),
    )
    typed = add_typed_values(item)
    assert [r.raw for r in typed.basis_refs] == list(item.basis)
    assert [s.placeholder for s in typed.subject_refs] == [True, False]
    assert typed.update_cycle_parsed == UpdateCycle(Cycle.REALTIME, (Cycle.REALTIME,))
    assert typed.time_limit_parsed is None
    assert (typed.basis, typed.update_cycle, typed.subjects) == (
        item.basis,
        item.update_cycle,
        item.subjects,
    )


# ---------------------------------------------------------------- properties

_DIGITS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """1..9999 in positional Chinese numerals (十六, 三百七十二, 一千零五)."""
    parts: list[str] = []
    pending_zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(("" if (unit == 10 and digit == 1 and not parts) else _DIGITS[digit]) + name)
    return "".join(parts)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(
    lambda c: c not in "令第号號年"
)
_CODES = st.text(_HAN, min_size=1, max_size=8).filter(
    lambda c: not c.startswith(("根据", "依据", "按照", "参照", "依照", "遵照", "见"))
)
_BRACKETS = st.sampled_from(["〔〕", "[]", "()", "（）", "﹝﹞", "〔)", "（〕"])


@settings(max_examples=300, deadline=None)
@given(_CODES, st.integers(1900, 2099), st.integers(1, 9999), _BRACKETS)
def test_any_document_number_parses_back_to_its_parts(
    code: str, year: int, serial: int, brackets: str
) -> None:
    text = f"{code}{brackets[0]}{year}{brackets[1]}{serial}号"
    assert parse_document_number(text) == DocumentNumber(text, code, year, serial)
    ref = parse_basis_ref(f"《关于做好某项工作的通知》（{text}）")
    assert ref.document_number == DocumentNumber(text, code, year, serial)
    assert ref.title == "关于做好某项工作的通知"


@settings(max_examples=200, deadline=None)
@given(_CODES, st.integers(1, 9999), st.booleans(), st.booleans())
def test_any_order_number_parses_back_to_its_parts(
    code: str, serial: int, in_chinese: bool, with_di: bool
) -> None:
    number = chinese(serial) if in_chinese else str(serial)
    text = f"{code}令{'第' if with_di else ''}{number}号"
    assert parse_document_number(text) == DocumentNumber(text, f"{code}令", None, serial)


@given(st.integers(1, 9999))
def test_chinese_numerals_parse_back(number: int) -> None:
    assert parse_number(chinese(number)) == number
    assert parse_number(str(number)) == number


@given(st.integers(1, 999), st.booleans())
def test_any_number_of_working_days_parses_back(days: int, in_chinese: bool) -> None:
    number = chinese(days) if in_chinese else str(days)
    parsed = parse_time_limit(f"自该信息形成之日起{number}个工作日内")
    assert (parsed.kind, parsed.days, parsed.event) == (WITHIN_WD, days, "信息形成")


_ANY_TEXT = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(
            "《》〈〉〔〕（）()[]﹝﹞第号令年月日前后内个工作天每季度周实时及同步与、，；0123456789一二七十百"
        ),
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT)
def test_no_parser_raises_on_any_string(text: str) -> None:
    ref = parse_basis_ref(text)
    assert ref.raw == text
    assert (ref.kind is BasisKind.UNKNOWN) == (ref.title is None and ref.document_number is None)
    cycle = parse_update_cycle(text)
    assert (cycle.kind in (Cycle.SEVERAL, Cycle.UNKNOWN)) == (len(cycle.cycles) != 1)
    parsed = parse_time_limit(text)
    assert (parsed.days is None) == (parsed.working_days is None)
    parse_subject(text)
    assert len(fold(text)) == len(text)
