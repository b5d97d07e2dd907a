"""Number grammar, with cases written from the corpus's own phrasings."""

from __future__ import annotations

import pytest

from ingest.text.numbers import iter_quantities, parse_chinese_numeral


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        pytest.param("新增主动公开政府信息454条", 454, "exact", "条", id="plain count"),
        pytest.param("主动公开政府信息近3000条", 3000, "approx", "条", id="近 is approx"),
        pytest.param("公开信息400余条", 400, "at_least", "条", id="余 is at least"),
        pytest.param("累计3000多条", 3000, "at_least", "条", id="多 is at least"),
        pytest.param("约1200条", 1200, "approx", "条", id="约 is approx"),
        pytest.param("培训200人次以上", 200, "at_least", "人次", id="以上 after unit"),
        pytest.param("不足10件", 10, "at_most", "件", id="不足 is at most"),
        pytest.param("收到申请十二件", 12, "exact", "件", id="chinese numeral"),
        pytest.param("一百余条", 100, "at_least", "条", id="chinese numeral with 余"),
        pytest.param("两件", 2, "exact", "件", id="两"),
        pytest.param("收费1,234.5元", 1234.5, "exact", "元", id="thousands separator and decimal"),
        pytest.param("采购总金额160.5964万元", 160.5964, "exact", "万元", id="万元 unit wins over 元"),
        pytest.param("累计主动公开政府信息20余万条", 200_000, "at_least", "条", id="万 after 余 multiplies"),
        pytest.param("全年收到申请三件", 3, "exact", "件", id="chinese digit with unit"),
        pytest.param("累计十万条", 100_000, "exact", "条", id="十万 has a figure (十)"),
    ],
)
def test_quantity(text: str, value: float, qualifier: str, unit: str) -> None:
    quantities = iter_quantities(text)
    assert len(quantities) == 1
    assert quantities[0].value == value
    assert quantities[0].qualifier == qualifier
    assert quantities[0].unit == unit


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("第二十条第(一)项", id="article ordinal is not a count"),
        pytest.param("2018年1月1日", id="dates are not counts"),
        pytest.param("一是加强领导", id="bare chinese numeral without unit"),
        pytest.param("第二十条第(八)项 本年收费金额(单位:万元)", id="header: 万元 without a figure is no 10000 元"),
        pytest.param("本年收费金额（单位：万元）", id="header with full-width brackets: no figure"),
        pytest.param("惠及上百家企业", id="上百家 is an idiom, not 100"),
        pytest.param("服务千家万户", id="千家万户 is an idiom, not 1000 households"),
        pytest.param("实施民生百项工程", id="百项 without a digit is no count"),
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert iter_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("十", 10, id="ten"),
        pytest.param("十二", 12, id="twelve"),
        pytest.param("二十", 20, id="twenty"),
        pytest.param("一百零五", 105, id="hundred and five"),
        pytest.param("两千三百", 2300, id="two thousand three hundred"),
        pytest.param("三万", 30000, id="wan"),
        pytest.param("二〇一八", 2018, id="positional digits"),
    ],
)
def test_chinese_numeral(text: str, value: int) -> None:
    assert parse_chinese_numeral(text) == value


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("万", id="万 alone is a unit"),
        pytest.param("百", id="百 alone is no figure"),
        pytest.param("千万", id="千万 (by all means) is no figure"),
    ],
)
def test_units_alone_are_no_numeral(text: str) -> None:
    assert parse_chinese_numeral(text) is None
