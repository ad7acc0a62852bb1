"""Cell-text patterns shared by the text-layout and PDF table builders."""
from __future__ import annotations

import regex

# a 功能/经济分类 code as one cell: 3, 5 or 7 digits (201, 20103, 2010350)
CODE = regex.compile(r"^\d{3}(?:\d{2}){0,2}$")
# a printed figure: 1,067.40 / 868.11 / -5
FIGURE = regex.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# the same in text extractions, which put a space after the decimal point (868. 11)
FIGURE_SPACED = regex.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\s?\d+)?$")
