"""Classification names in prose: a name normalised as prose and tables both write it, the
names of the lexicon and of the document's rows found in a text (``SubjectIndex``), and the
类/款/项 path a sentence writes with its level marks."""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import load
from .words import Words, WordSet, grammar, longest_first, words


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """A classification name as prose and tables both write it, for matching."""
    g = grammar()
    text = g.item_numbering.sub("", text)
    text = g.level_mark.sub("", text)
    text = g.spaces.sub("", text)
    for written, normal in g.name_parentheses:
        text = text.replace(written, normal)
    return text


class SubjectIndex:
    """Finds classification names in prose; built from the lexicon and the document's rows."""

    def __init__(self, names):
        base = [e["name"] for e in load("classification")["functional"]]
        endings = words().name_endings
        variants = set()
        for name in list(base) + list(names):
            norm = normalise_name(name)
            if len(norm) < 2:
                continue
            variants.add(norm)
            for ending in endings:
                if norm.endswith(ending) and len(norm) > len(ending) + 2:
                    variants.add(norm[:-len(ending)])       # 一般公共服务（类）支出 -> 一般公共服务
        self.names = longest_first(variants)
        # names by first character, longest first: a clause is a few characters long, and
        # compiling a regex alternation of a document's hundred names (1.7-4.8 ms) cost more
        # than all the searches it served
        self._by_first: dict[str, list[str]] = {}
        for name in self.names:
            self._by_first.setdefault(name[0], []).append(name)
        self._known: dict[bool | str, WordSet] = {}

    def known_words(self, w: Words, change: bool) -> WordSet:
        """Words that may stand before a measure word: measures, this document's
        subjects, qualifiers, linkers, and for a change its change words."""
        if change not in self._known:
            known = [word for word, _k in w.measures] + list(self.names) + list(w.qualifiers) + list(w.linkers) \
                + list(w.column_subjects) + list(w.budget_words)
            if change:
                known += list(w.increase + w.decrease + w.comparison + w.prior + w.change_context)
            self._known[change] = WordSet(known)
        return self._known[change]

    def item_words(self, w: Words) -> WordSet:
        """Words that may stand around a classification item named alone:
        this document's subjects, qualifiers, linkers and budget words."""
        if "item" not in self._known:
            self._known["item"] = WordSet(list(self.names) + list(w.qualifiers) + list(w.linkers)
                                          + list(w.budget_words))
        return self._known["item"]

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of the names in ``text``, left to right and not overlapping:
        at each position the longest name that starts there, as a regex alternation of
        the names, longest first, would find them."""
        found = []
        at, size = 0, len(text)
        while at < size:
            for name in self._by_first.get(text[at], ()):
                if text.startswith(name, at):
                    found.append((at, at + len(name), name))
                    at += len(name)
                    break
            else:
                at += 1
        return found


def path(text: str) -> tuple[str, ...]:
    """类/款/项 names written as 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）."""
    return tuple(name for _closes, name in path_names(text))


def path_names(text: str) -> list[tuple[int, str]]:
    """The 类/款/项 names of a text, each with the offset just after its level mark:
    the path written before an offset is the names whose mark closes there or earlier
    (read once per sentence, for all its figures)."""
    g = grammar()
    names = []
    last = 0
    for match in g.level_mark.finditer(text):
        piece = text[last:match.start()]
        piece = g.name_separators.split(piece)[-1]
        piece = normalise_name(piece)
        if piece:
            names.append((match.start() + len(match.group().rstrip()), piece))
        last = match.end()
    return names
