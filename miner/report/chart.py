"""Small inline SVG charts for the overview (no script, no external library)."""
from __future__ import annotations

from collections import Counter
from html import escape

from markupsafe import Markup

COLOURS = {"error": "#b3261e", "warning": "#b26a00", "info": "#1f5fa8", "ok": "#2e7d32", "unlinked": "#9e9e9e",
           "rounding": "#1f5fa8", "mismatch": "#b3261e"}
_BAR_HEIGHT, _GAP, _LABEL, _WIDTH = 18, 6, 60, 420


def stacked_bars(title: str, bars: dict[str, Counter], keys: tuple[str, ...], named=str) -> Markup:
    """One horizontal bar per label, split into coloured parts by key (``named(key)``: how a key
    is called on the page); the table beside it has the figures."""
    most = max((sum(c[k] for k in keys) for c in bars.values()), default=0) or 1
    scale = (_WIDTH - _LABEL - 40) / most
    height = len(bars) * (_BAR_HEIGHT + _GAP) + _GAP
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
             f'aria-labelledby="chart-{escape(title)}"><title id="chart-{escape(title)}">{escape(title)}</title>']
    for n, (label, counts) in enumerate(bars.items()):
        y = _GAP + n * (_BAR_HEIGHT + _GAP)
        parts.append(f'<text x="0" y="{y + 13}" class="chart-label">{escape(label)}</text>')
        x = float(_LABEL)
        for key in keys:
            if counts[key]:
                width = counts[key] * scale
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{_BAR_HEIGHT}" '
                             f'fill="{COLOURS[key]}"><title>{escape(label)}: {counts[key]} {escape(named(key))}</title></rect>')
                x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" class="chart-total">{sum(counts[k] for k in keys)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
