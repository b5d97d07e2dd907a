"""Readers one by one: HTML chrome, metadata box and spans; Word merges; legacy conversion; sniffing."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from ingest.extract.report import extract_report
from ingest.read.decode import decode_bytes
from ingest.read.formats.base import Document, cell_text, render_rows
from ingest.read.formats.html import read_html
from ingest.read.readers import ReadError, read_document, sniff_format


def _cells(numbers: str) -> str:
    return "".join(f"<td>{n}</td>" for n in numbers.split())


T3_HTML = """<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
    <td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{new}</tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{carried}</tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>{granted}</tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td>{secret}</tr>
<tr><td>2.其他法律行政法规禁止公开</td><td></td>{prohibited}</tr>
</table>""".format(
    new=_cells("12 1 0 0 0 0 13"),
    carried=_cells("1 0 0 0 0 0 1"),
    granted=_cells("8 1 0 0 0 0 9"),
    secret=_cells("2 0 0 0 0 0 2"),
    prohibited=_cells("0 0 0 0 0 0"),
)


def test_rowspan_and_colspan_repeat_the_spanned_text() -> None:
    page = f"<html><body><div>三、收到和处理政府信息公开申请情况</div>{T3_HTML}</body></html>"
    text = read_html(page.encode("utf-8"), "html").text
    lines = text.splitlines()
    assert "三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 |  | 0 | 0 | 0 | 0 | 0 | 0" in lines
    assert lines.count("一、本年新收政府信息公开申请数量 | " * 3 + "12 | 1 | 0 | 0 | 0 | 0 | 13") == 1


def test_spanned_html_table_gives_the_cells_of_its_pipe_text() -> None:
    head = "某县教育局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    page = (
        "<html><body><p>某县教育局2021年政府信息公开工作年度报告</p>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{T3_HTML}</body></html>"
    )
    piped = head + "\n".join(
        [
            "一、本年新收政府信息公开申请数量 | 12 | 1 | 0 | 0 | 0 | 0 | 13",
            "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
            "三、本年度办理结果 | （一）予以公开 | 8 | 1 | 0 | 0 | 0 | 0 | 9",
            "（三）不予公开 | 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
            "2.其他法律行政法规禁止公开 |  | 0 | 0 | 0 | 0 | 0 | 0",
        ]
    )
    from_html = extract_report(read_html(page.encode("utf-8"), "html").text).metrics
    from_text = extract_report(piped).metrics
    t3 = {k: m.value for k, m in from_text.items() if k.startswith("t3.")}
    assert t3 and t3 == {k: m.value for k, m in from_html.items() if k.startswith("t3.")}
    assert t3["t3.new_received.total"] == 13


CHROME_PAGE = """<html><head><meta charset="gb2312"><title>某区2022年政府信息公开工作年度报告_某区人民政府</title>
<style>.x{}</style><script>alert('浏览次数')</script></head><body>
<div id="nav"><a href="/">首页</a><a href="/a">机构概况</a><a href="/b">政务公开</a><a href="/c">互动交流</a></div>
<div class="xxgk_top"><table>
<tr><td>索引号：</td><td>0001/2023-00021</td><td>发布机构：</td><td>某区人民政府办公室</td></tr>
<tr><td>发文日期：2023-01-18</td><td>标题：某区2022年政府信息公开工作年度报告</td></tr></table></div>
<h1>某区2022年政府信息公开工作年度报告</h1>
<div class="TRS_Editor"><p>一、总体情况</p><p>2022年，本区主动公开政府信息1200条。</p>
<p>二、收到和处理政府信息公开申请情况</p><p>全年共收到政府信息公开申请35件。</p></div>
<div class="bdshare">分享到：<a>微信</a><a>微博</a></div>
<div class="xglj">相关链接：<a>2021年报告</a><a>2020年报告</a></div>
<p>【打印本页】 【关闭窗口】</p><div class="footer">版权所有：某区人民政府 浏览次数：8812</div>
</body></html>"""


def test_html_chrome_is_dropped_and_the_metadata_box_captured() -> None:
    document = read_html(CHROME_PAGE.encode("gb18030"), "html")
    assert document.encoding == "gb18030"
    assert document.metadata["索引号"] == "0001/2023-00021"
    assert document.metadata["发布机构"] == "某区人民政府办公室"
    assert document.metadata["发文日期"] == "2023-01-18"
    assert document.metadata["标题"] == "某区2022年政府信息公开工作年度报告"
    for chrome in ("首页", "分享到", "相关链接", "打印本页", "版权所有", "浏览次数", "alert", ".x{}"):
        assert chrome not in document.text
    assert document.text.startswith("某区2022年政府信息公开工作年度报告\n")
    report = extract_report(document.text)
    assert report.metrics["applications.received"].value == 35
    assert report.report_year == 2022


def test_html_page_that_lies_about_its_charset_is_detected() -> None:
    page = CHROME_PAGE.replace('charset="gb2312"', 'charset="utf-8"').encode("gb18030")
    document = read_html(page, "html")
    assert document.encoding == "gb18030"
    assert "主动公开政府信息1200条" in document.text


def test_big5_html_page_is_decoded_from_its_meta_charset() -> None:
    page = "<html><head><meta charset='big5'></head><body><p>本機關收到政府資訊公開申請12件。</p></body></html>"
    assert read_html(page.encode("big5"), "html").encoding == "big5"


def test_docx_merged_cells_repeat_and_tables_keep_their_place() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("第一段")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "三、本年度办理结果"
    table.cell(0, 1).text = "（一）予以公开"
    table.cell(0, 2).text = "5"
    table.cell(1, 1).text = "（二）部分公开"
    table.cell(1, 2).text = "1"
    table.cell(2, 0).merge(table.cell(2, 1)).text = "（七）总计"
    table.cell(2, 2).text = "6"
    document.add_paragraph("第二段")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_document(Path("r.docx"), buffer.getvalue()).text
    assert text.splitlines() == [
        "第一段",
        "三、本年度办理结果 | （一）予以公开 | 5",
        "三、本年度办理结果 | （二）部分公开 | 1",
        "（七）总计 | （七）总计 | 6",
        "第二段",
    ]


def test_sniffing_reads_what_the_bytes_are() -> None:
    assert sniff_format(b"%PDF-1.4 ...", "doc") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html>", "doc") == "html"
    assert sniff_format(b"\xd0\xcf\x11\xe0rest", "wps") == "wps"
    html_as_doc = read_document(Path("report.doc"), "<html><body><p>某局收到申请3件。</p></body></html>".encode())
    assert html_as_doc.format == "html"


def test_legacy_doc_is_converted_by_antiword(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "antiword"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nprintf '某局2020年政府信息公开工作年度报告\\n|规章|0|1|\\n'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    document = read_document(Path("old.doc"), b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    assert document.format == "doc" and document.encoding == "antiword:utf-8"
    assert "|规章|0|1|" in document.text


def test_legacy_doc_without_converters_names_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ReadError, match=r"old\.wps: .*soffice --headless --convert-to docx"):
        read_document(Path("old.wps"), b"\xd0\xcf\x11\xe0" + b"\x00" * 600)


def test_page_of_maps_offsets_to_pages() -> None:
    document = Document("a\nb\nc\n", "pdf", None, page_starts=(0, 2, 4))
    assert [document.page_of(i) for i in range(6)] == [1, 1, 2, 2, 3, 3]
    assert Document("x", "txt", "utf-8").page_of(0) is None


def test_cells_lose_line_breaks_inside_chinese_and_pipes() -> None:
    assert cell_text("三\n、\n本\n年\n度") == "三、本年度"
    assert cell_text("Total\namount") == "Total amount"
    assert render_rows([["a|b", "1"], ["", ""]]) == "a｜b | 1"


def test_decode_records_what_it_detected() -> None:
    text = "本机关收到政府信息公开申请12件，予以公开8件。"
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")
