"""HTML pages: charset from BOM / meta / detection, main content without page chrome, tables as rows.

Government sites wrap the report in navigation, share bars, visitor counters, related-link boxes
and a metadata box (索引号, 发布机构, 发文日期, 标题). The metadata box is captured into
``Document.metadata``; chrome is dropped; the main content is the smallest element holding most of
the page's non-link text. Data tables become ``|`` rows, one ``<tr>`` a line, with rowspan/colspan
resolved by repeating the spanned cell's text; layout tables (tables holding tables) become blocks.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ingest.read.decode import DecodeError, decode_bytes, decode_legacy
from ingest.read.formats.base import Document, ReadError, cell_text, render_rows

__all__ = ["extract_metadata", "read_html", "table_rows"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "nav", "footer", "aside", "form", "button", "select",
    "input", "textarea", "object", "embed", "svg", "canvas", "template", "map", "head",
)  # fmt: skip
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|jiathis|footer|foot|sidebar|"
    r"related|xgxx|xglj|xgwz|counter|visit|hits|print|close|toolbar|position|location|dqwz|copyright|"
    r"search|login|topbar|banner|qrcode|ewm|fontsize|zihao|pager)(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
_CHROME_LINE = re.compile(
    r"^[\s【\[]*(?:打印本页|关闭窗口|打印|关闭|分享到|浏览次数|访问量|阅读次数|点击数|字体|字号|"
    r"扫一扫在手机打开当前页|返回顶部|收藏|上一篇|下一篇|相关链接|相关文章)"
)
_META_LABELS = (
    "索引号", "主题分类", "发布机构", "发文机关", "发文字号", "文号",
    "成文日期", "发文日期", "发布日期", "标题", "名称",
)  # fmt: skip
_META_RE = re.compile(r"(" + "|".join(_META_LABELS) + r")\s*[:：]\s*")
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article main header blockquote pre tr table "
    "center address figure figcaption caption hr title body html".split()
)
_WS = re.compile(r"[ \t\r\n\f\u00a0]+")
# huge_tree lifts libxml2's nesting limit (256), past which deeply nested pages come out empty.
_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True)


def _decode_html(data: bytes) -> tuple[str, str]:
    """Page bytes to text: BOM, then the meta charset if it decodes strictly, then detection."""
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:1024]:
        return decode_bytes(data)
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else None
    if declared and declared.lower().replace("_", "-") in ("utf-8", "utf8"):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            declared = None  # a page that lies about its charset: detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return decode_legacy(data, declared)


def read_html(data: bytes, fmt: str) -> Document:
    """Main content of a web page as report text; its metadata box as ``Document.metadata``."""
    try:
        text, encoding = _decode_html(data)
    except DecodeError as exc:
        raise ReadError(f"HTML page is not text: {exc}") from exc
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise ReadError("HTML page is empty")
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"HTML page cannot be parsed ({exc}); save it again from a browser") from exc
    title_tag = root.findtext(".//title") or ""
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    body = root.find("body")
    if body is None:
        body = root
    metadata = extract_metadata(body)
    headline = _headline(body, metadata, title_tag)
    _drop_metadata_boxes(body)
    for element in list(body.iter(etree.Element)):
        if element is not body and _is_chrome(element):
            _drop(element)
    main = _main_content(body)
    lines = [line for line in _render_element(main).split("\n") if not _CHROME_LINE.match(line)]
    content = "\n".join(lines).strip("\n")
    if headline and re.sub(r"\s", "", headline) not in re.sub(r"\s", "", content[:2000]):
        content = headline + "\n" + content
    return Document(text=content + "\n", format=fmt, encoding=encoding, metadata=metadata)


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text (the text after it belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _is_chrome(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments, processing instructions
    attrs = f"{element.get('id', '')} {element.get('class', '')}"
    if not attrs.strip() or not _CHROME_ATTR.search(attrs):
        return False
    # A chrome-named wrapper that holds a long text (a badly named content div) is kept.
    return len(_text_len(element)) < 400 or _link_share(element) > 0.5


def _text_len(element: etree._Element) -> str:
    return _WS.sub("", element.text_content())


def _link_share(element: etree._Element) -> float:
    total = len(_text_len(element)) or 1
    linked = sum(len(_text_len(a)) for a in element.iter("a"))
    return linked / total


def extract_metadata(body: etree._Element) -> dict[str, str]:
    """The publisher's metadata box: ``{label: value}`` for 索引号, 发布机构, 发文日期, 标题 …

    Labels and values come as ``索引号：X`` in one cell or as label and value in adjacent cells.
    """
    chunks = [_WS.sub(" ", t).strip() for t in body.itertext()]
    chunks = [c for c in chunks if c]
    found: dict[str, str] = {}
    for index, chunk in enumerate(chunks[:400]):
        matches = list(_META_RE.finditer(chunk))
        if not matches or matches[0].start() > 2:
            continue
        for m_index, match in enumerate(matches):
            stop = matches[m_index + 1].start() if m_index + 1 < len(matches) else len(chunk)
            value = chunk[match.end() : stop].strip()
            if not value and m_index == len(matches) - 1 and index + 1 < len(chunks):
                following = chunks[index + 1]
                value = "" if _META_RE.match(following) else following
            if value and len(value) < 200:
                found.setdefault(match.group(1), value)
    return found


def _drop_metadata_boxes(body: etree._Element) -> None:
    """Remove the publisher's metadata box (its values are in ``Document.metadata`` already)."""
    boxes = []
    for element in body.iter("table", "div", "ul", "dl"):
        text = _text_len(element)
        if len(text) < 400 and len({m.group(1) for m in _META_RE.finditer(text)}) >= 2:
            boxes.append(element)
    inner = {id(b) for b in boxes}
    for box in boxes:
        # The smallest boxes only: a wrapper holding a box (and maybe the report) stays.
        if not any(id(d) in inner for d in box.iterdescendants()):
            _drop(box)


def _headline(body: etree._Element, metadata: dict[str, str], title_tag: str) -> str | None:
    """The report title as the page prints it (metadata 标题, an h1/h2, or the <title>)."""
    candidates = [metadata.get("标题", ""), metadata.get("名称", "")]
    candidates += [_WS.sub(" ", h.text_content()).strip() for h in body.iter("h1", "h2")]
    candidates.append(re.split(r"\s*[-_|｜]\s*", title_tag.strip())[0] if title_tag else "")
    for candidate in candidates:
        if "报告" in candidate and len(candidate) < 120:
            return candidate
    return None


def _main_content(body: etree._Element) -> etree._Element:
    """The smallest element that still holds most (75 %) of the page's non-link text."""
    node = body
    while True:
        own = _plain_len(node)
        if own == 0:
            return node
        best, best_len = None, 0
        for child in node:
            if not isinstance(child.tag, str) or child.tag in ("tr", "tbody", "thead"):
                continue
            length = _plain_len(child)
            if length > best_len:
                best, best_len = child, length
        if best is None or best_len < 0.75 * own or (best.tag == "table" and not _is_layout_table(best)):
            return node
        node = best


def _plain_len(element: etree._Element) -> int:
    """Characters of text outside links (navigation and related-link boxes are mostly links)."""
    total = len(_text_len(element))
    linked = sum(len(_text_len(a)) for a in element.iter("a"))
    return total - linked


def _is_layout_table(table: etree._Element) -> bool:
    return any(True for _ in table.iterdescendants("table"))


def _render_element(element: etree._Element) -> str:
    """Text of an element: blocks on their own lines, ``<br>`` as a break, data tables as rows."""
    parts: list[str] = []
    _render(element, parts)
    text = "".join(parts)
    lines = [line.strip(" ") for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


def _render(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "table" and not _is_layout_table(element):
        rows = table_rows(element)
        if rows:
            parts.append("\n" + render_rows(rows) + "\n")
        return
    if tag == "br":
        parts.append("\n")
        return
    block = tag in _BLOCK_TAGS or tag in ("td", "th")  # cells reach here only in layout tables
    if block:
        parts.append("\n")
    if element.text and tag:
        parts.append(_WS.sub(" ", element.text))
    for child in element:
        _render(child, parts)
        if child.tail:
            parts.append(_WS.sub(" ", child.tail))
    if block:
        parts.append("\n")


def table_rows(table: etree._Element) -> list[list[str]]:
    """Cell texts of a data table on a grid: a rowspan/colspan cell's text fills every slot it spans."""
    grid: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.iter("tr") if _owning_table(tr) is table]
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            # A cell holding only text (most of them) renders as its collapsed text; others in full.
            text = cell_text(_WS.sub(" ", cell.text or "") if len(cell) == 0 else _render_element(cell))
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text)
            c += colspan
        width = max(width, c)
    out: list[list[str]] = []
    for r in range(len(rows)):
        row = [grid.get((r, c), "") for c in range(width)]
        while row and not row[-1] and (r, len(row) - 1) not in grid:
            row.pop()
        out.append(row)
    return out


def _owning_table(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 200))
    except (TypeError, ValueError):
        return 1
