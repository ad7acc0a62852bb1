"""Turn a document's non-table lines into paragraphs and sentences.

Hard-wrapped prose is joined back: a line that does not end a sentence runs
on into the next non-blank line, also when the break falls inside a number
or between a number and its unit (`191.0⏎⏎万元`). Each sentence keeps, per
source line it spans, where its characters came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..ingest.model import Document, Line
from ..lexicon import load
from .model import Paragraph, Segment, Sentence

_FIRST_CLAUSE = regex.compile(r"[。：:，,；;]")
_FIRST_PART = regex.compile(r"[。：:]")
_ITEM_MARK = regex.compile(r"[（(]\s*项\s*[）)]")
_CLASS_MARK = regex.compile(r"[（(]\s*[类款]\s*[）)]")
_CLAUSE_MARK = regex.compile(r"[，,；;]")
# (a figure whose unit wraps onto the next line, …支出371.92 万⏎元, still makes a sentence)
_FIGURE_WITH_UNIT = regex.compile(r"\d\s*(?:万元|亿元|元|%|[万亿]\s*$)")


@dataclass(frozen=True)
class _Layout:
    # Each list of patterns is one alternation, so a line costs one match per list
    # (alternatives are tried in order, so the first heading pattern that matches wins).
    headings: regex.Pattern     # the heading patterns, each in a group named _LEVEL + its level
    heading_max: int
    heading_wrap_chars: float
    heading_tail_max: int
    skip: regex.Pattern
    paragraph_end: regex.Pattern
    sentence_end: regex.Pattern
    table_cells: int
    part_title: regex.Pattern


_LEVEL = "level"


def _any_of(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    data = load("layout")
    return _Layout(
        headings=regex.compile("|".join(f"(?P<{_LEVEL}{level}>{heading['pattern']})"
                                        for level, heading in enumerate(data["headings"]))),
        heading_max=int(data["heading_max_chars"]),
        heading_wrap_chars=float(data["pdf"]["heading_wrap_chars"]),
        heading_tail_max=int(data["heading_tail_max_chars"]),
        skip=regex.compile(_any_of(data["skip_lines"])),
        paragraph_end=regex.compile(data["paragraph_end"]),
        sentence_end=regex.compile(data["sentence_end"]),
        table_cells=int(data["table_row_min_cells"]),
        part_title=regex.compile(data["part_titles"]),
    )


def heading_level(text: str) -> int | None:
    match = _layout().headings.match(text)
    # the group of a whole alternative closes after any group inside it: it is the last group
    return None if match is None else int(match.lastgroup.removeprefix(_LEVEL))


@dataclass
class _Buffer:
    text: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    length: int = 0

    def add(self, line: Line, start: int, end: int, text: str | None = None) -> None:
        piece = (line.text if text is None else text)[start:end]
        if not piece:
            return
        self.segments.append(Segment(self.length, len(piece), line.offset + start, line.page, line.line, line.file))
        self.text.append(piece)
        self.length += len(piece)


def _sentences(buffer: _Buffer, first_id: int, paragraph: int, section: tuple[str, ...]) -> list[Sentence]:
    text = "".join(buffer.text)
    cuts = [m.end() for m in _layout().sentence_end.finditer(text)]
    if not cuts or cuts[-1] != len(text):
        cuts.append(len(text))
    sentences = []
    start = 0
    for cut in cuts:
        piece = text[start:cut]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            segs = []
            for seg in buffer.segments:
                lo, hi = max(seg.start, start + lead), min(seg.start + seg.length, cut)
                if lo < hi:
                    segs.append(Segment(lo - start - lead, hi - lo, seg.doc_offset + (lo - seg.start),
                                        seg.page, seg.line, seg.file))
            sentences.append(Sentence(id=first_id + len(sentences), text=piece.strip(), paragraph=paragraph,
                                      section=section, segments=tuple(segs)))
        start = cut
    return sentences


_FIGURE_CELL = regex.compile(r"^\s*[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$")
_YEAR_CELL = regex.compile(r"^\s*(?:19|20)\d\d\s*$")
_CLAUSE = regex.compile(r"[，。；：、,;]")


def _is_table_row(line: Line, min_cells: int) -> bool:
    if line.text.count("\t") + 1 < min_cells:
        return False        # too few cells even if none is blank: most prose lines have no tab
    cells = [cell for cell in line.text.split("\t") if cell.strip()]
    if len(cells) < min_cells:
        return False
    if not line.cells:
        return True
    # A PDF line splits at every wide gap, justified prose included: only a
    # row of short cells with an amount among them is a table row (a year set
    # apart by justification, 省检察院 2017 年度…, is not).
    # A unit set apart after a figure (…预算支出 3407.38 万⏎元) is prose too: tables print
    # their unit once, above the grid.
    figures = [cell for cell in cells if _FIGURE_CELL.match(cell)]
    return bool(figures) and not all(_YEAR_CELL.match(cell) for cell in figures) \
        and not any(_CLAUSE.search(cell) or _unit_cell(cell) for cell in cells)


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    units = set(load("claims")["money_units"])
    return frozenset(units | {unit[:-1] for unit in units if unit.endswith("元") and len(unit) > 1})


def _unit_cell(cell: str) -> bool:
    return cell.strip() in _unit_words()


_WIDE = regex.compile(r"[^\x00-\x7f]")


def _kept(line: Line, begin: int, end: int) -> list[tuple[int, int]]:
    """Ranges of a line's text that go into the prose.

    In a PDF row a tab stands for a wide gap of justified text: between two
    Chinese characters it is dropped (因公出国（境）费, not 因公出国 （境） 费),
    elsewhere it reads as a space. Dropping splits the range, so every
    character kept still maps to its own offset.
    """
    if not line.cells:
        return [(begin, end)]
    text = line.text
    ranges, start = [], begin
    for index in range(begin, end):
        if text[index] == "\t" and 0 < index < len(text) - 1 \
                and _WIDE.match(text[index - 1]) and _WIDE.match(text[index + 1]):
            if start < index:
                ranges.append((start, index))
            start = index + 1
    if start < end:
        ranges.append((start, end))
    return ranges


def _continuation(lines, index: int, excluded: set[int]) -> str:
    for nxt in lines[index + 1:index + 3]:
        text = nxt.text.replace("\t", " ").strip() if nxt.cells else nxt.text.strip()
        if not text:
            continue
        if nxt.offset in excluded or heading_level(text) is not None:
            return ""
        head = _FIRST_CLAUSE.split(text, maxsplit=1)[0]
        marker = _ITEM_MARK.search(head)
        return head[:marker.end()] if marker else ""
    return ""


def _right_margins(lines, excluded: set[int]) -> dict[int, float]:
    """The right edge of the prose on each page: where the widest of its PDF lines ends."""
    margins: dict[int, float] = {}
    for line in lines:
        if line.cells and line.offset not in excluded:
            margins[line.page] = max(margins.get(line.page, 0.0), line.cells[-1][1])
    return margins


def _reaches_margin(line: Line, margins: dict[int, float]) -> bool:
    """Whether a PDF line runs to its page's right margin (a line the layout wrapped)."""
    text = line.text.replace("\t", "").replace(" ", "")
    if not line.cells or not text:
        return False
    char = (line.cells[-1][1] - line.cells[0][0]) / len(text)
    return line.cells[-1][1] >= margins.get(line.page, 0.0) - _layout().heading_wrap_chars * char


def _heading_tail(lines, index: int, excluded: set[int], margins: dict[int, float]) -> int | None:
    """The index of the line a title heading wrapped onto, when it did: the heading runs to the
    page's right margin and the next line is a short rest with no clause, figure or number of its
    own ("（三）关于湖州市卫生健康委员会 2026 年支出预算情 ⏎ 况说明" (湖州))."""
    line = lines[index]
    if not _reaches_margin(line, margins):
        return None
    for k in range(index + 1, min(index + 3, len(lines))):
        nxt = lines[k]
        rest = nxt.text.replace("\t", " ").strip()
        if not rest:
            continue
        if nxt.offset in excluded or nxt.page != line.page or heading_level(rest) is not None \
                or len(rest) > _layout().heading_tail_max or _CLAUSE_MARK.search(rest) \
                or _FIRST_PART.search(rest) or regex.search(r"\d", rest):
            return None
        return k
    return None


def _opens_page(lines, index: int) -> bool:
    """Whether the line is the first with text on its page."""
    before = next((line for line in reversed(lines[:index]) if line.text.strip()), None)
    return before is None or before.page != lines[index].page


def paragraphs_from_lines(doc: Document, excluded: set[int]) -> tuple[Paragraph, ...]:
    """Paragraphs of the narrative. ``excluded`` holds the offsets of table lines."""
    layout = _layout()
    paragraphs: list[Paragraph] = []
    section: list[tuple[int, str]] = []        # (level, heading text)
    buffer = _Buffer()
    heading = ""
    sentence_id = 0
    margins = _right_margins(doc.lines, excluded)
    tails: set[int] = set()     # lines that end the title heading above them

    def flush() -> None:
        nonlocal buffer, heading, sentence_id
        if buffer.length:
            path = tuple(text for _level, text in section)
            sentences = _sentences(buffer, sentence_id, len(paragraphs), path)
            sentence_id += len(sentences)
            paragraphs.append(Paragraph(id=len(paragraphs), section=path, sentences=tuple(sentences),
                                        heading=heading))
            buffer = _Buffer()

    lines = doc.lines
    for index, line in enumerate(lines):
        if index in tails:
            continue
        if line.offset in excluded:
            if buffer.length:
                flush()     # half a document's lines are a table's, and most come with no paragraph open
            continue
        text = line.text
        stripped = text.strip()
        if not stripped:
            continue
        if _is_table_row(line, layout.table_cells):
            flush()
            continue
        if line.cells:
            # PDF rows: a tab marks a wide gap (justified text), not a cell
            text = text.replace("\t", " ")
            stripped = text.strip()
        if layout.skip.match(stripped):
            flush()
            continue
        level = heading_level(stripped)
        if level is None and layout.part_title.match(stripped) and _opens_page(lines, index):
            # a new part of the document, its title atop a page: its headings start afresh (a
            # line inside a page may be the wrapped end of a numbered heading: …支出预⏎算表情况说明)
            flush()
            section = []
            heading = stripped
            continue
        if level is not None:
            flush()
            title = _FIRST_PART.split(stripped, maxsplit=1)[0]
            continued = ""
            if title == stripped and _CLASS_MARK.search(stripped) \
                    and not _ITEM_MARK.search(stripped):
                # A long numbered heading wrapped onto the next line (…行政单位离退休 ⏎
                # （项）。主要用于…) names its subject only with that line's head.
                continued = _continuation(lines, index, excluded)
                title += continued
                # …其他政府性基金及对应专项债务 ⏎ 收入安排的支出（款）… ⏎ …（项）15000.00 万元 (湖州): a path
                # wrapped over more lines than one is the paragraph's opening too
                continued = continued or ("\n" if _reaches_margin(line, margins) else "")
            # A short line with no clause break is a heading of its own; a
            # numbered line that runs on (hard-wrapped, or with a sentence
            # after its title) opens a paragraph whose text it also starts,
            # as does a 类/款/项 path whose 项 the next line ends (…（款）行政运 ⏎
            # 行（项）3685.65 万元 (湖州): the sentence names the item with it).
            is_title = (len(stripped) <= layout.heading_max and not _CLAUSE_MARK.search(stripped)
                        and len(stripped) - len(title) <= 1 and not continued
                        and not _FIGURE_WITH_UNIT.search(stripped))
            if is_title:
                tail = _heading_tail(lines, index, excluded, margins)
                if tail is not None:
                    tails.add(tail)
                    title += lines[tail].text.replace("\t", " ").strip()
            while section and section[-1][0] >= level:
                section.pop()
            section.append((level, title.strip()))
            heading = stripped
            if is_title:
                continue
        begin = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        for a, b in _kept(line, begin, end):
            buffer.add(line, a, b, text)
        if layout.paragraph_end.search(stripped):
            flush()
    flush()
    return tuple(paragraphs)
