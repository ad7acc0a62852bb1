"""Table identities from ``lexicons/tables.yaml``, and title matching."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lexicon import load

# quote marks and whitespace. The stdlib ``re`` removes them about twice as fast as ``regex``
# (squash runs on most of a document's lines); its \s would also take \x1c-\x1f, so the
# whitespace is spelled out as ``regex`` has it (Unicode White_Space)
_QUOTES_AND_BLANKS = r"\"“”'‘’「」\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_QUOTES_AND_SPACES = re.compile(rf"[\n{_QUOTES_AND_BLANKS}]")
# all but \n, by which a document's lines are joined to be squashed in one pass (squash_lines)
_QUOTES_AND_SPACES_BUT_NEWLINE = re.compile(rf"[{_QUOTES_AND_BLANKS}]")
_YEAR = regex.compile(r"^(?:\d{4}年度?|\d{4}年)")
_NUMBERED = regex.compile(r"[（(]?表\s*\d+[）)]?$|公开\s*\d+\s*表$")


@dataclass(frozen=True, slots=True)
class PanelSpec:
    group: str
    rows: str                 # functional | economic | item | none
    lineno: bool
    columns: tuple[str, ...]
    code_prefixes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableSpec:
    kind: str
    key: str
    name: str
    titles: tuple[str, ...]
    panels: tuple[PanelSpec, ...]
    identities: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (total, parts)

    @property
    def columns(self) -> tuple[tuple[str, str], ...]:
        return tuple((panel.group, column) for panel in self.panels for column in panel.columns)


@lru_cache(maxsize=1)
def total_words() -> tuple[str, ...]:
    """Row labels that close a table or a panel (合计, 总计)."""
    return tuple(load("tables").get("total_words", ()))


@lru_cache(maxsize=1)
def sum_row_words() -> tuple[str, ...]:
    """Labels of the row a `total` names: the sum of the table's lines (合计, not 总计)."""
    return tuple(load("tables")["sum_row_words"])


@lru_cache(maxsize=1)
def total_column_words() -> tuple[str, ...]:
    """Column headers of a total column (小计, 合计, 总计)."""
    return tuple(load("tables")["total_column_words"])


def squash(text: str) -> str:
    """Title text for matching: no spaces, no quote marks."""
    return _QUOTES_AND_SPACES.sub("", text)


def squash_lines(texts) -> list[str]:
    """squash of each line of a document: one substitution over the lines joined, where
    a call per line costs more than the squashing (no line's text holds a \n: the text is
    split at them, and a PDF row keeps no blank character of the page)."""
    return _QUOTES_AND_SPACES_BUT_NEWLINE.sub("", "\n".join(texts)).split("\n")


@lru_cache(maxsize=1)
def table_specs() -> tuple[TableSpec, ...]:
    specs = []
    for kind, body in load("tables")["kinds"].items():
        for entry in body["tables"]:
            panels = tuple(
                PanelSpec(
                    group=panel.get("group", ""),
                    rows=panel.get("rows", "functional"),
                    lineno=bool(panel.get("lineno", False)),
                    columns=tuple(panel["columns"]),
                    code_prefixes=tuple(str(p) for p in panel.get("code_prefixes", ())),
                )
                for panel in entry["panels"]
            )
            identities = []
            for text in entry.get("identities", ()):
                total, _, parts = text.partition("=")
                identities.append((total.strip(), tuple(p.strip() for p in parts.split("+"))))
            specs.append(TableSpec(kind=kind, key=entry["key"], name=entry["name"],
                                   titles=tuple(entry["titles"]), panels=panels,
                                   identities=tuple(identities)))
    return tuple(specs)


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, TableSpec], ...]:
    pairs = [(squash(title), spec) for spec in table_specs() for title in spec.titles]
    pairs.sort(key=lambda pair: -len(pair[0]))
    return tuple(pairs)


_LEAD = regex.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|(?:公开)?表\s*(?:\d+|[一二三四五六七八九十]+)\s*[：:]?"
                      r"|公开\d+表\s*[：:]?)")
_SUFFIX = regex.compile(r"[（(][^（）()]{2,10}[）)]$")
_NOT_A_TITLE = regex.compile(r"[，。；]|\d{1,3}$")
_ENUMERATED = regex.compile(r"^(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)])")


def match_title(line: str, kinds: tuple[str, ...] | None = None, loose: bool = False) -> TableSpec | None:
    """The table identity whose title this line is, or None.

    The line must be the title alone (optionally with a leading year and a
    trailing table number): a sentence that merely mentions a table, or a
    table-of-contents entry (numbered, with a page number), is not a title.
    """
    text = squash(line)
    if loose:
        # 一、2018年度江苏省高级人民法院收支预算总表 / 表1：高等学校收支决算总表 /
        # 财政拨款支出预算表（功能科目）: numbering, year and body name before the
        # title, a qualifier after it. The caller confirms with the lines after.
        text = _SUFFIX.sub("", _LEAD.sub("", text))
        if not text or len(text) > 60 or _NOT_A_TITLE.search(text):
            return None
        for title, spec in _titles():
            if (not kinds or spec.kind in kinds) and text.endswith(title):
                return spec
        return None
    if not text or len(text) > 40:
        return None
    text = _YEAR.sub("", text)
    text = _NUMBERED.sub("", text)
    for title, spec in _titles():
        if kinds and spec.kind not in kinds:
            continue
        if text == title or (text.endswith(title) and len(text) - len(title) <= 6
                             and not _ENUMERATED.match(text)):
            return spec
    return None
