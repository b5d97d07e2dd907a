"""Normalised views must map every character back into the original text."""

from __future__ import annotations

import pytest

from ingest.read.decode import DecodeError, decode_bytes
from ingest.text.normalize import flat_view, line_view


@pytest.mark.parametrize(
    ("original", "flat"),
    [
        pytest.param(
            "市教育局主\n\n动公开政府信息近 3000 条", "市教育局主动公开政府信息近3000条", id="page break inside a word"
        ),
        pytest.param("工作 年 度 报 告", "工作年度报告", id="spaced title"),
        pytest.param("共１２３条，其中", "共123条,其中", id="full-width digits and comma"),
        pytest.param("[bookmark: _GoBack]2017年度", "2017年度", id="word bookmark artefact"),
        pytest.param("撫遠市自然資源局", "抚远市自然资源局", id="traditional characters matched as simplified"),
        pytest.param("版本 2 0", "版本2 0", id="space kept between two digits"),
    ],
)
def test_flat_view(original: str, flat: str) -> None:
    assert flat_view(original).text == flat


def test_offsets_point_into_original() -> None:
    original = "孝感市教育局主\n\n动公开政府信息近 3000 条。"
    view = flat_view(original)
    start = view.text.index("主动")
    end = view.text.index("条") + 1
    assert view.quote(start, end) == "主\n\n动公开政府信息近 3000 条"


def test_line_view_keeps_lines_and_drops_chrome() -> None:
    view = line_view("标题\r\n打印本页 关闭窗口\r\n正文")
    assert view.text.split("\n") == ["标题", " ", "正文"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param("政府信息公开".encode(), "utf-8", id="utf-8"),
        pytest.param("\ufeff政府信息公开".encode(), "utf-8", id="utf-8 with BOM"),
        pytest.param("政府信息公开年度报告".encode("gb18030"), "gb18030", id="gb18030"),
        pytest.param("政府信息公开".encode("utf-16"), "utf-16", id="utf-16 with BOM"),
    ],
)
def test_decode(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert "政府信息公开" in text
    assert found == encoding


def test_binary_is_not_text() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(256)) * 20)


@pytest.mark.parametrize(
    ("original", "kept"),
    [
        pytest.param("行政许可\n- 3 -\n12", "行政许可\n\n12", id="page footer removed"),
        pytest.param(
            "行政许可\n0\n-5\n—\n", "行政许可\n0\n-5\n-\n", id="negative cell then a dash cell is not a footer"
        ),
        pytest.param("正文\n第 1 页 共 5 页\n续", "正文\n\n续", id="page x of y removed"),
    ],
)
def test_page_chrome(original: str, kept: str) -> None:
    assert line_view(original).text == kept
