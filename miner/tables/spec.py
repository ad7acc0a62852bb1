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


@dataclass(frozen=True, slots=True)
class PanelSpec:
    group: str
    rows: str                 # functional | economic | item | none
    lineno: bool
    columns: tuple[str, ...]
    code_prefixes: tuple[str, ...]
    # columns a template may print besides the form's (the parts of 基本支出: 人员经费, 公用经费),
    # mapped by their header words only, never by the form's order
    parts: tuple[str, ...] = ()


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

    @property
    def known_columns(self) -> tuple[tuple[str, str], ...]:
        """The form's columns and the parts a template may print besides them."""
        return self.columns + tuple((panel.group, part) for panel in self.panels for part in panel.parts)


@lru_cache(maxsize=1)
def total_words() -> tuple[str, ...]:
    """Row labels that close a table or a panel (合计, 总计)."""
    return tuple(load("tables").get("total_words", ()))


@lru_cache(maxsize=1)
def sum_row_words() -> tuple[str, ...]:
    """Labels of the row a `total` names: the sum of the table's lines (合计, not 总计)."""
    return tuple(load("tables")["sum_row_words"])


@lru_cache(maxsize=1)
def unit_row_pattern():
    """The label of a first row that names the budget unit: the unit's total (深圳 支出总表)."""
    return regex.compile(load("tables")["unit_row_pattern"])


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
                    parts=tuple(panel.get("parts", ())),
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


@dataclass(frozen=True, slots=True)
class _Grammar:
    """lexicons/tables.yaml ``title_grammar``, compiled."""

    numbering: tuple
    qualifier: object
    economic: tuple[str, ...]
    scopes: object               # one pattern: any spelling of a fund scope
    scope_of: dict[str, str]     # spelling -> the scope's one way of writing it
    filler: object
    bound: tuple[str, ...]
    prefix_max_chars: int


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    body = load("tables")["title_grammar"]
    scope_of = {spelling: scope for scope, spellings in body["scopes"].items() for spelling in spellings}
    spellings = sorted(scope_of, key=len, reverse=True)
    filler = sorted(body["filler"], key=len, reverse=True)
    return _Grammar(
        numbering=tuple(regex.compile(p) for p in body["numbering"]),
        qualifier=regex.compile(body["qualifier"]),
        economic=tuple(body["economic"]),
        scopes=regex.compile("|".join(regex.escape(s) for s in spellings)),
        scope_of=scope_of,
        filler=regex.compile("|".join(regex.escape(w) for w in filler)),
        bound=tuple(body["bound"]),
        prefix_max_chars=int(body["prefix_max_chars"]),
    )


@dataclass(frozen=True, slots=True)
class TitleCore:
    """A title read by the grammar: what is left to match, and what the printing said."""

    core: str           # numbering, qualifier and filler words taken off, fund scopes written one way
    economic: bool      # the table is by economic classification (经济分类 / 经济科目)
    kind_word: str      # "预算", "决算" or "" (the fund scopes' own 预算 aside)
    numbered: bool      # it carried a table number or an enumeration (一、 / 1. / 表一)


def title_core(squashed: str) -> TitleCore:
    """Read a (squashed) title line by the title grammar (see lexicons/tables.yaml)."""
    g = _grammar()
    text, numbered = squashed, False
    for _round in range(2):          # 表1：2026年…表 / 一、…表（公开01表）
        for pattern in g.numbering:
            stripped = pattern.sub("", text)
            if stripped != text:
                text, numbered = stripped, True
    economic = any(word in text for word in g.economic)
    while (found := g.qualifier.search(text)) is not None and found.start() > 0:
        text = text[:found.start()]
    parts, kind_word, at = [], "", 0
    for match in g.scopes.finditer(text):
        parts.append(text[at:match.start()])
        parts.append("\x00" + g.scope_of[match.group()] + "\x00")
        at = match.end()
    parts.append(text[at:])
    for part in parts:
        if not part.startswith("\x00"):
            if "决算" in part:
                kind_word = "决算"
            elif "预算" in part and not kind_word:
                kind_word = "预算"
    core = "".join(p.strip("\x00") if p.startswith("\x00") else g.filler.sub("", p) for p in parts)
    return TitleCore(core, economic, kind_word, numbered)


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, bool, TableSpec], ...]:
    """(stem, economic, identity) of every identity, longest stem first: its titles read by the
    grammar, and the stems lexicons/tables.yaml gives it."""
    body = {(kind, entry["key"]): entry for kind, kbody in load("tables")["kinds"].items()
            for entry in kbody["tables"]}
    found: dict[tuple[str, bool, str, str], TableSpec] = {}
    for spec in table_specs():
        entry = body[(spec.kind, spec.key)]
        plain = [title_core(squash(t)).core for t in spec.titles] + list(entry.get("stems", ()))
        for stem in plain:
            found.setdefault((stem, False, spec.kind, spec.key), spec)
        for stem in entry.get("economic_stems", ()):
            found.setdefault((stem, True, spec.kind, spec.key), spec)
    out = [(stem, economic, spec) for (stem, economic, _k, _key), spec in found.items() if stem]
    out.sort(key=lambda item: (-len(item[0]), not item[1]))
    return tuple(out)


@lru_cache(maxsize=1)
def _family() -> dict[str, str]:
    """Document kind -> the word its titles carry (预算 / 决算), from the kinds' names."""
    return {kind: ("决算" if "决算" in body["name"] else "预算") for kind, body in load("tables")["kinds"].items()}


# a sentence, or a table named in one (《财政拨款支出预算表》), or a figure with its unit
_NOT_A_TITLE = regex.compile(r"[，。；;,《》]|\d万元")
_PAGE_NUMBER = regex.compile(r"\d{1,3}$")
_ENUMERATED = regex.compile(r"^(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)])")


def match_title(line: str, kinds: tuple[str, ...] | None = None, loose: bool = False,
                kind_hint: str = "") -> TableSpec | None:
    """The table identity whose title this line is, or None.

    The line must be a title: its numbering, a year and the body's name may stand around
    the name of the table, but not a sentence. Without ``loose`` the line must be the title
    alone, unenumerated (一、收支总表 is a table-of-contents entry until a unit line confirms
    it: the caller passes ``loose`` then). ``kind_hint`` is the document's kind, for titles
    that say neither 预算 nor 决算 (收支总表).
    """
    text = squash(line)
    if not text or "表" not in text or len(text) > (60 if loose else 40) or _NOT_A_TITLE.search(text):
        return None
    if not loose and _ENUMERATED.match(text):
        return None
    read = title_core(text)
    core = read.core
    if not core.endswith("表") or _PAGE_NUMBER.search(core):
        return None
    g = _grammar()
    family = _family()
    for stem, economic, spec in _stems():
        if economic and not read.economic:
            continue
        if kinds and spec.kind not in kinds:
            continue
        if not core.endswith(stem):
            continue
        if read.kind_word and family.get(spec.kind) != read.kind_word:
            continue
        if not read.kind_word and kind_hint and family.get(spec.kind) != family.get(kind_hint):
            continue
        prefix = core[:-len(stem)]
        if len(prefix) > g.prefix_max_chars or prefix.endswith(g.bound):
            continue
        return spec
    return None
