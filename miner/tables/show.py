"""Plain-text rendering of recognised tables, for ``miner tables``."""
from __future__ import annotations

from .model import Table


def _pages(table: Table) -> str:
    pages = table.pages or (table.page,)
    return f"{pages[0]}-{pages[-1]}" if len(pages) > 1 else str(pages[0])


def describe(table: Table, rows: bool = True) -> str:
    n_rows, n_cols = table.shape
    lines = [f"{table.label}  {table.title}  [{table.key or '?'}: {table.name}]  kind={table.kind}  "
             f"{(table.file + ' ') if table.file else ''}pages={_pages(table)}  {n_rows}×{n_cols}  "
             f"unit={table.unit}{' (assumed: no unit printed)' if table.unit_assumed else ''}  layout={table.layout}{'  (empty)' if table.empty else ''}"]
    if rows:
        for row in table.rows:
            values = [f"{cell.column}={cell.raw}" + ("~" if cell.placement in ("guess",) else "")
                      + ("(clipped)" if cell.clipped else "")
                      for cell in row.cells if cell.value is not None]
            head = " ".join(p for p in (row.group and f"[{row.group}]", row.code, row.label) if p)
            lines.append(f"    L{row.line:<5} {head}: " + ("; ".join(values) if values else "—"))
    return "\n".join(lines)
