"""Write a text disclosure as the other formats people publish: .docx, .xlsx, .xls and .html.

A line holding tabs is a table row, its cells split at the tabs; a run of such
lines is one table (in Word and HTML) and every other line a paragraph, as the
text disclosure prints them. A workbook gets one sheet per table, starting at
the table's title (a line ending in 表 that is followed by the table's number,
公开 NN 表), as bodies that publish their tables as spreadsheets lay them out.
"""
from __future__ import annotations

import html
from pathlib import Path

import regex

_TITLE = regex.compile(r"年度.*表$")
_NUMBER = regex.compile(r"^公开\s*\d+\s*表")


def blocks(lines: list[str]) -> list[tuple[str, object]]:
    """("p", text) for a paragraph, ("table", [cells, …]) for a run of table rows."""
    out: list[tuple[str, object]] = []
    for line in lines:
        if "\t" in line:
            if out and out[-1][0] == "table":
                out[-1][1].append(line.split("\t"))
            else:
                out.append(("table", [line.split("\t")]))
        else:
            out.append(("p", line))
    return out


def write_docx(lines: list[str], path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, content in blocks(lines):
        if kind == "p":
            document.add_paragraph(content)
            continue
        width = max(len(row) for row in content)
        table = document.add_table(rows=len(content), cols=width)
        for row, cells in zip(table.rows, content):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    document.save(path)
    return path


def write_html(lines: list[str], path: Path, encoding: str = "utf-8") -> Path:
    parts = [f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>disclosure</title>'
             "<style>td { border: 1px solid }</style></head><body>"]
    for kind, content in blocks(lines):
        if kind == "p":
            parts.append(f"<p>{html.escape(content)}</p>")
            continue
        parts.append("<table>")
        for cells in content:
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    parts.append("<script>var ignored = '支出 999.99 万元';</script></body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def sheets(lines: list[str]) -> list[list[str]]:
    """The lines cut into one run per table, each starting at a table's title."""
    starts = [i for i, line in enumerate(lines)
              if _TITLE.search(line.strip()) and any(_NUMBER.match(n.strip()) for n in lines[i + 1:i + 3])]
    starts = [0] + [i for i in starts if i] if not starts or starts[0] else starts
    return [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]


def _cell_value(text: str):
    """A figure as a number (as a spreadsheet stores it), any other text as text."""
    if regex.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text)
    return text


def _number_format(text: str) -> str:
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    return "0" + ("." + "0" * decimals if decimals else "")


def write_xlsx(lines: list[str], path: Path) -> Path:
    """One sheet per table; figures stored as numbers with the number format that shows their decimals."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for index, run in enumerate(sheets(lines), start=1):
        sheet = book.create_sheet(f"表{index}")
        for row, line in enumerate(run, start=1):
            for column, text in enumerate(line.split("\t"), start=1):
                if text == "":
                    continue
                cell = sheet.cell(row=row, column=column, value=_cell_value(text))
                if isinstance(cell.value, float):
                    cell.number_format = _number_format(text)
    hidden = book.create_sheet("hidden")
    hidden["A1"] = "支出 999.99 万元"
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


def write_xls(lines: list[str], path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}
    for index, run in enumerate(sheets(lines), start=1):
        sheet = book.add_sheet(f"表{index}")
        for row, line in enumerate(run):
            for column, text in enumerate(line.split("\t")):
                if text == "":
                    continue
                value = _cell_value(text)
                if isinstance(value, float):
                    style = styles.setdefault(_number_format(text), xlwt.easyxf(num_format_str=_number_format(text)))
                    sheet.write(row, column, value, style)
                else:
                    sheet.write(row, column, value)
    book.save(str(path))
    return path
