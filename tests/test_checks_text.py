"""The prose and line searches rules share (miner.checks.text) find what a plain search finds."""
from __future__ import annotations

import random

from miner.checks.context import Context
from miner.checks.text import _without_leaders, line_matches, pattern
from miner.ingest.model import Line
from miner.ingest.text import read_text

from conftest import SEEDS


def _line_by_line(lines, name):
    """line_matches as the plain loop: every line searched on its own, leader dots removed."""
    found = pattern(name)
    return [(line, match.span(), match.group(0)) for line in lines if line.text
            for match in found.finditer(_without_leaders(line.text))]


def _found(lines, name):
    ctx = Context(doc="case", claims={}, links={}, lines=tuple(lines))
    return [(line, match.span(), match.group(0)) for line, match in line_matches(ctx, name)]


def test_placeholders_in_the_seeds_as_line_by_line():
    for path in sorted(SEEDS.glob("*.txt")):
        lines = read_text(path, path.name).lines
        assert _found(lines, "placeholder_pattern") == _line_by_line(lines, "placeholder_pattern")


def test_placeholders_in_generated_lines_as_line_by_line():
    # the characters of placeholder_pattern and of its lookarounds, leader dots, digits, spaces:
    # lines that start and end with them, so that a search across lines would show
    alphabet = "XxＸｘ×＊*□■○〇年月日个万元%Aab中 .…·．0123\t"
    chooser = random.Random(7)
    for _ in range(200):
        lines = [Line("".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 12))), 1, n, 0)
                 for n in range(1, 40)]
        assert _found(lines, "placeholder_pattern") == _line_by_line(lines, "placeholder_pattern")
