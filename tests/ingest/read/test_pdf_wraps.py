"""A number cut in two by a paragraph's line wrap is read whole; every other line break stays.

A PDF has no paragraph marks: a line that reaches the right margin simply goes on in the next one.
When the wrap falls inside a number (``…政府信息12`` / ``7条``), the lines must be joined, or the text
holds two numbers (12 and 7) and the figure read is wrong. Lines of a table (one cell a line, or a
row flattened to a line with spaces between its cells) look alike and must not be joined.
"""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from ingest.devtools.render_formats import to_pdf
from ingest.read.formats import pdf as pdf_reader
from ingest.read.formats.pdf import _joined_lines, _Line

_SENTENCE = "本年度全年共主动公开政府信息12345条，其中主动公开规范性文件67条。"
_FILLER = "本机关认真贯彻落实政府信息公开条例，持续推进决策、执行、管理、服务、结果公开。"


def _cut_number_pdf() -> tuple[bytes, str]:
    """A generated PDF whose paragraph wraps inside 12345, and the two lines as pdfplumber prints them."""
    for pad in range(80):
        data = to_pdf(_FILLER + "说" * pad + _SENTENCE + _FILLER * 3)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            raw = pdf.pages[0].extract_text()
        cut = re.search(r"\S*\d\n\d\S*", raw)
        if cut and "12345" not in raw:
            return data, cut.group()
    raise AssertionError("no padding put the wrap inside 12345")


def test_a_number_cut_by_the_line_wrap_is_read_whole() -> None:
    data, cut = _cut_number_pdf()
    text = pdf_reader.read_pdf(data, "pdf").text
    assert "12345条" in text, cut
    assert cut not in text
    assert text.count("\n") >= 3  # the other wraps of the paragraph are kept as line breaks


def _text(text: str, x1: float, top: float = 0.0) -> _Line:
    return _Line(top, top + 10.0, text, False, x1)


_PROSE = [
    _text("本机关认真贯彻落实政府信息公开条例，持续推进公开。", 500.0),
    _text("决策、执行、管理、服务、结果公开工作。", 498.0),
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            [*_PROSE, _text("全年共公开政府信息12", 495.0), _text("7条，其中规范性文件3条。", 200.0)],
            [*(ln.text for ln in _PROSE), "全年共公开政府信息127条，其中规范性文件3条。"],
            id="a wrap at the margin inside a number glued to its text is joined",
        ),
        pytest.param(
            [*_PROSE, _text("全年共公开政府信息1,2", 495.0), _text("34条。", 200.0)],
            [*(ln.text for ln in _PROSE), "全年共公开政府信息1,234条。"],
            id="a wrap after a thousands separator is joined",
        ),
        pytest.param(
            [*_PROSE, _text("全年共公开政府信息12", 300.0), _text("7条。", 200.0)],
            [*(ln.text for ln in _PROSE), "全年共公开政府信息12", "7条。"],
            id="a line that stops short of the margin ends a paragraph",
        ),
        pytest.param(
            [*_PROSE, _text("行政许可 合计 12", 500.0), _text("3 行政处罚 45", 500.0)],
            [*(ln.text for ln in _PROSE), "行政许可 合计 12", "3 行政处罚 45"],
            id="a table row flattened to a line has a space before its last figure",
        ),
        pytest.param(
            [_text("受理申请数量12", 120.0), _text("2021年度", 60.0)],
            ["受理申请数量12", "2021年度"],
            id="a page of short lines has no margin to wrap at",
        ),
        pytest.param(
            [*_PROSE, _text("全年共公开政府信息12", 495.0), _Line(0.0, 10.0, "7 | 3", True)],
            [*(ln.text for ln in _PROSE), "全年共公开政府信息12", "7 | 3"],
            id="a table row is never joined to the text above it",
        ),
    ],
)
def test_joined_lines(lines: list[_Line], expected: list[str]) -> None:
    assert _joined_lines(lines)[0] == expected


def test_a_cut_at_the_page_end_is_reported_for_the_next_page() -> None:
    """The last line cut inside a number and a page beginning with a digit: read_pdf joins the pages."""
    _, starts_with_digit, cut_at_end = _joined_lines([*_PROSE, _text("全年共公开政府信息12", 495.0)])
    assert (starts_with_digit, cut_at_end) == (False, True)
    assert _joined_lines([_text("7条，其中规范性文件3条。", 200.0), *_PROSE])[1:] == (True, False)
