"""How a report is put on the page: table presentations, title lines, page chrome, digits."""

from __future__ import annotations

from random import Random

from ingest.devtools.sample.rand import pick, rint

__all__ = [
    "FULLWIDTH_DIGITS",
    "PRESENTATIONS",
    "bottom_chrome",
    "render_table",
    "title_block",
    "top_chrome",
    "with_page_footers",
]

FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

PRESENTATIONS = ("pipe", "cell_per_line", "markdown")


def render_table(rows: list[list[str]], presentation: str, style: int) -> str:
    """Flatten a table as web scrapes give it.

    pipe: one row a line, cells separated by `|` (style picks `| a | b |`, `a | b |` or `a | b`);
    cell_per_line: every cell on its own line (style 1 adds a trailing ` |` as some scrapers do);
    markdown: `| a | b |` rows with a `|---|` separator under the first row, padded to full width.
    """
    if presentation == "pipe":
        if style == 0:
            return "\n".join("| " + " | ".join(r) + " |" for r in rows)
        if style == 1:
            return "\n".join(" | ".join(r) + " |" for r in rows)
        return "\n".join(" | ".join(r) for r in rows)
    if presentation == "cell_per_line":
        if style == 1:
            return "\n".join(c + " |" for r in rows for c in r)
        return "\n".join(c for r in rows for c in r)
    width = max(len(r) for r in rows)
    head = rows[0] + [""] * (width - len(rows[0]))
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(r) + " |" for r in rows[1:])
    return "\n".join(lines)


def title_block(rng: Random, name: str, year: int, markdown: bool) -> str:
    """The report title, in one of the shapes seen on the web and in converted files."""
    form = rint(rng, 10)
    if form == 0:
        title = f"{name}{year}年政府信息公开工作年度报告"
    elif form == 1:
        title = f"{name}关于{year}年度政府信息公开工作的年度报告"
    elif form == 2:
        title = f"{name}\n{year}年政府信息公开工作年度报告"
    elif form == 3:
        title = f"{name}{year}年政府信息公开工作\n年度报告"
    elif form == 4:
        title = f"{name}\n{year}年政府信息公开工作年 度 报 告"
    elif form == 5:
        title = f"{year}年{name}政府信息公开工作年度报告"
    elif form == 6:
        title = f"{name}政府信息公开工作{year}年度报告"
    elif form == 7:
        title = f"{name}{year}年度政府信息公开年度报告"
    elif form == 8:
        title = f"{name} {year} 年政府信息公开工作 年 度 报 告"
    else:
        title = f"{name}{year}年政府信息公开工作年度报告"
    return "# " + title.replace("\n", " ") if markdown else title


def top_chrome(rng: Random, name: str, year: int) -> list[str]:
    """Page furniture above the report: index number, publisher, date (a year that is not the report's)."""
    pub = year + 1
    date = f"{pub}-{rint(rng, 1, 4):02d}-{rint(rng, 1, 29):02d}"
    form = rint(rng, 4)
    if form == 0:
        code = f"{rint(rng, 10**8, 10**9)}/{pub}-{rint(rng, 1, 99999):05d}"
        return [f"索引号：{code}", f"发布机构：{name}", f"发布日期：{date}"]
    if form == 1:
        return [
            "当前位置：首页 > 政府信息公开 > 政府信息公开年报",
            f"发布时间：{date}  浏览次数：{rint(rng, 10, 5000)}",
        ]
    if form == 2:
        return [f"索引号 | {rint(rng, 10**8, 10**9)}/{pub}-{rint(rng, 1, 999):05d} | 发布机构 | {name} |"]
    return ["[bookmark: _GoBack]"]


def bottom_chrome(rng: Random, name: str, year: int) -> list[str]:
    """Signature and page furniture below the report."""
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(f"{name}\n{year + 1}年{rint(rng, 1, 4)}月{rint(rng, 1, 29)}日")
    if rng.random() < 0.5:
        lines.append(pick(rng, ("打印本页 关闭窗口", "【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页")))
    return lines


def with_page_footers(rng: Random, blocks: list[str]) -> list[str]:
    """Interleave PDF-style page footers (- 3 -) between blocks."""
    out: list[str] = []
    page = 1
    gap = rint(rng, 4, 9)
    style = rint(rng, 2)
    for i, block in enumerate(blocks):
        out.append(block)
        if i and i % gap == 0:
            out.append(f"- {page} -" if style == 0 else f"第 {page} 页")
            page += 1
    return out
