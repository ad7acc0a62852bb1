"""What report.html shows, built from the report tables alone (load.py), never from a scan in memory."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import regex

from ..messages import text
from .files import CELLS, CLAIMS, DOCUMENTS, EVIDENCE, FINDINGS
from .pages import MAX_PAGES, pdf_of, render_pages

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Sentence:
    """A sentence cut around the claim it states, so the claim can be marked."""

    before: str
    claim: str
    after: str

    @classmethod
    def around(cls, sentence: str, claim: str) -> "Sentence":
        at = sentence.find(claim) if claim else -1
        if at < 0:      # the claim is not verbatim in the sentence: show it after, still marked
            return cls(sentence + " ", claim, "")
        return cls(sentence[:at], claim, sentence[at + len(claim):])


_WORST = ("hit-error", "hit-warning", "hit-info", "hit-ok")
_EMPTY_TABLE = regex.compile(r"(表\S+) \(empty table")


@dataclass
class CellView:
    """A table cell as shown; not frozen, because the items citing it are added while the view is built."""

    id: str
    raw: str
    marks: list[tuple[str, str, str]] = field(default_factory=list)   # (anchor, css class, label)

    @property
    def css(self) -> str:
        """The class of the most severe item citing the cell."""
        classes = {css for _anchor, css, _label in self.marks}
        return next((f"hit {css}" for css in _WORST if css in classes), "")


@dataclass
class RowView:
    index: str
    code: str
    label: str
    cells: list[CellView | None]


@dataclass
class TableView:
    id: str
    label: str
    title: str
    page: str
    columns: list[str]
    rows: list[RowView]

    @property
    def cited(self) -> bool:
        return any(c is not None and c.marks for r in self.rows for c in r.cells)

    def excerpt(self, cell_ids: set[str]) -> "TableView":
        rows = [r for r in self.rows if any(c is not None and c.id in cell_ids for c in r.cells)]
        return TableView(self.id, self.label, self.title, self.page, self.columns, rows)


@dataclass
class ClaimView:
    anchor: str
    claim_id: str
    where: str
    sentence: Sentence
    value: str
    evidence: str
    evidence_value: str
    message: str
    verdict: str
    severity: str = ""
    rule: str = ""
    cells: list[str] = field(default_factory=list)
    excerpts: list[TableView] = field(default_factory=list)
    page: int = 0
    page_image: str = ""      # data URI of the PDF page (findings on PDFs), or ""
    empty_tables: list[TableView] = field(default_factory=list)   # cited tables that print no figure
    link_basis: str = ""      # why the claim was linked to its cells (claims.csv link_basis)
    subject: str = ""         # what the claim is about (claims.csv's subject)

    @property
    def search(self) -> str:
        """What the page's search finds an item by besides the text it shows (sentence, evidence,
        message, the cited tables' titles and rows): its subject and its rules' names."""
        return " ".join(part for part in (self.subject, *map(_rule_name, self.rule.split())) if part)


@dataclass
class DocumentView:
    anchor: str
    doc: str
    error: str
    counts: Counter
    findings: list[ClaimView]
    agreeing: list[ClaimView]
    unlinked: list[ClaimView]
    tables: list[TableView]
    detailed: bool = True      # False: listed in the overview only (see html.MAX_DETAILED)


@dataclass
class ReportView:
    documents: list[DocumentView]
    totals: Counter
    by_rule: dict[str, Counter]
    rules: list[str]          # every rule that reported a finding or settled a claim
    severities: tuple[str, ...] = SEVERITIES


def build_view(tables: dict[str, list[dict[str, str]]], claim_counts: dict[str, Counter] | None = None,
               detailed: set[str] | None = None, language: str = "en") -> ReportView:
    """The view of a report; with ``detailed``, only those documents get a section, the
    others a line in the overview with their counts (from ``claim_counts`` and the findings)."""
    per_doc: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name, rows in tables.items():
        for row in rows:
            per_doc[row["doc"]][name].append(row)
    order = list(dict.fromkeys([r["doc"] for r in tables[DOCUMENTS.name]] + list(per_doc)))
    documents = [_document(f"d{n}", doc, per_doc[doc], language) if detailed is None or doc in detailed
                 else _summary(f"d{n}", doc, per_doc[doc], (claim_counts or {}).get(doc, Counter()))
                 for n, doc in enumerate(order, 1)]
    totals, by_rule = Counter(), defaultdict(Counter)
    for document in documents:
        totals.update(document.counts)
    for finding in tables[FINDINGS.name]:     # every document's, shown in full or not
        by_rule[finding["rule"]][finding["severity"]] += 1
    totals["documents"] = len(documents)
    totals["detailed"] = sum(1 for d in documents if d.detailed)
    rules = set(by_rule) | {r for d in documents for c in d.agreeing for r in c.rule.split()}
    return ReportView(documents, totals, dict(sorted(by_rule.items())), sorted(rules))


def _document(anchor: str, doc: str, rows: dict[str, list], language: str) -> DocumentView:
    tables = _tables(anchor, rows[CELLS.name])
    cells = {c.id: (t, c) for t in tables for r in t.rows for c in r.cells if c is not None}
    cited = defaultdict(list)
    for link in rows[EVIDENCE.name]:
        cell_id = f"{anchor}-{link['cell_id']}"
        if cell_id in cells:
            cited[link["claim_id"]].append(cell_id)
    claims = {c["claim_id"]: c for c in rows[CLAIMS.name]}
    findings = [_finding(f"{anchor}-f{n}", f, claims.get(f["claim_id"], {}), cited[f["claim_id"]], language)
                for n, f in enumerate(rows[FINDINGS.name], 1)]
    agreeing = [_claim(f"{anchor}-{c['claim_id']}", c, cited[c["claim_id"]], language)
                for c in rows[CLAIMS.name] if c["verdict"] == "ok"]
    unlinked = [_claim(f"{anchor}-{c['claim_id']}", c, [], language) for c in rows[CLAIMS.name] if c["verdict"] == "unlinked"]
    _cite(findings, agreeing, tables, cells)
    _page_images(doc, findings, rows[FINDINGS.name])
    error = next((d["error"] for d in rows[DOCUMENTS.name] if d["error"]), "")
    return DocumentView(anchor, doc, error, _counts(rows), findings, agreeing, unlinked, tables)


def _summary(anchor: str, doc: str, rows: dict[str, list], verdicts: Counter) -> DocumentView:
    """A document listed with its counts only (a corpus report details the most severe ones)."""
    error = next((d["error"] for d in rows[DOCUMENTS.name] if d["error"]), "")
    return DocumentView(anchor, doc, error, _counts(rows, verdicts), [], [], [], [], detailed=False)


def _cite(findings: list[ClaimView], agreeing: list[ClaimView], tables: list[TableView], cells: dict) -> None:
    """Mark each cited cell with the items citing it (links back) and give each item its table rows."""
    for item, css in [(f, f"hit-{f.severity}") for f in findings] + [(c, "hit-ok") for c in agreeing]:
        for cell_id in item.cells:
            cells[cell_id][1].marks.append((item.anchor, css, f"{item.rule or 'ok'} {item.claim_id}".strip()))
    for item in findings + agreeing:
        by_table = defaultdict(set)
        for cell_id in item.cells:
            by_table[cells[cell_id][0].id].add(cell_id)
        item.excerpts = [t.excerpt(by_table[t.id]) for t in tables if t.id in by_table]
        # "表6 (empty table: no figure, counts as 0)": the evidence is a table with nothing in it
        empty = set(_EMPTY_TABLE.findall(item.evidence))
        item.empty_tables = [t for t in tables if t.label in empty and not t.rows]


def _page_images(doc: str, findings: list[ClaimView], rows: list[dict]) -> None:
    """The printed page beside each warning and error on a PDF (each page rendered once)."""
    wanted: dict[tuple[str, int], list[ClaimView]] = defaultdict(list)
    for finding, row in zip(findings, rows):
        page = int(row["page"] or 0)
        worth = finding.severity == "error" or (finding.severity == "warning" and row["claim_id"])
        if page and worth and pdf_of(doc, row.get("file", "")):
            finding.page = page
            wanted[(row.get("file", ""), page)].append(finding)
    by_file: dict[str, list[int]] = defaultdict(list)
    for file, page in list(wanted)[:MAX_PAGES]:
        by_file[file].append(page)
    for file, pages in by_file.items():
        for page, image in render_pages(pdf_of(doc, file), pages).items():
            for finding in wanted[(file, page)]:
                finding.page_image = image


def _counts(rows: dict[str, list], verdicts: Counter | None = None) -> Counter:
    """A document's claims by verdict (counted from its claim rows unless given) and findings by severity."""
    if verdicts is None:
        verdicts = Counter(c["verdict"] for c in rows[CLAIMS.name])
    claims = sum(verdicts.values())
    return Counter(claims=claims, checked=claims - verdicts["unlinked"],
                   **{v: verdicts[v] for v in ("ok", "rounding", "mismatch", "unlinked")},
                   **Counter(f["severity"] for f in rows[FINDINGS.name]))


def _where(row: dict, language: str) -> str:
    """file (for a document in parts), page and line, as far as they are known."""
    parts = [row.get("file") or ""]
    if row.get("page") not in ("", "0", None):
        parts.append(text(language, "report.page", page=row["page"]))
    if row.get("line") not in ("", "0", None):
        parts.append(text(language, "report.line", line=row["line"]))
    return " ".join(part for part in parts if part)


def _rule_name(code: str) -> str:
    from ..checks.registry import by_code

    rule = by_code().get(code)
    return rule.NAME if rule is not None else ""


def _finding(anchor: str, finding: dict, claim: dict, cells: list[str], language: str) -> ClaimView:
    return ClaimView(anchor, finding["claim_id"], _where(finding, language), Sentence.around(finding["sentence"], finding["found"]),
                     finding["found"], finding["evidence"], finding["expected"], finding["message"],
                     claim.get("verdict", ""), finding["severity"], finding["rule"], list(cells),
                     subject=claim.get("subject", ""), link_basis=claim.get("link_basis", ""))


def _claim(anchor: str, claim: dict, cells: list[str], language: str) -> ClaimView:
    return ClaimView(anchor, claim["claim_id"], _where(claim, language), Sentence.around(claim["sentence"], claim["claim_text"]),
                     f"{claim['value']} {claim['unit']}".strip(), claim["evidence"], claim["evidence_value"],
                     claim["message"], claim["verdict"], rule=claim["rules"], cells=list(cells),
                     subject=claim.get("subject", ""), link_basis=claim.get("link_basis", ""))


def _tables(anchor: str, rows: list[dict]) -> list[TableView]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["table_id"]].append(row)
    return [_table(anchor, table_id, part) for table_id, part in grouped.items()]


def _table(anchor: str, table_id: str, rows: list[dict]) -> TableView:
    head = rows[0]
    columns = list(dict.fromkeys(_column(r) for r in rows if r["cell_id"]))
    by_row: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["row"] != "":
            by_row[r["row"]].append(r)
    views = []
    for index, part in by_row.items():
        cells: list[CellView | None] = [None] * len(columns)
        for r in part:
            if r["cell_id"]:
                cells[columns.index(_column(r))] = CellView(f"{anchor}-{r['cell_id']}", r["raw"])
        views.append(RowView(index, part[0]["row_code"], part[0]["row_label"], cells))
    return TableView(f"{anchor}-{table_id}", head["table"], head["table_title"], head["table_page"], columns, views)


def _column(row: dict) -> str:
    group, column = row["group"], row["column"]
    return f"{group}·{column}" if group and not column.startswith(group) else column
