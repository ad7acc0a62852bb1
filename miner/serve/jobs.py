"""Checks run in the background for the web page, one thread each, with their progress.

A job is what ``miner check`` does, by the same functions (miner.statements): read the sources,
check the statement, write claims.csv, findings.csv and report.html into the job's folder.
"""
from __future__ import annotations

import threading
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.text import IngestError


@dataclass
class Job:
    id: str
    folder: Path
    state: str = "queued"          # queued | reading | checking | done | error
    done: int = 0
    total: int = 0
    message: str = ""
    ledger: str = ""
    counts: dict = field(default_factory=dict)

    def view(self) -> dict:
        return {"id": self.id, "state": self.state, "done": self.done, "total": self.total,
                "message": self.message, "ledger": self.ledger, "counts": self.counts}


class Jobs:
    def __init__(self, root: Path):
        self.root = root
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def folder(self) -> tuple[str, Path]:
        job_id = uuid.uuid4().hex[:12]
        folder = self.root / job_id
        (folder / "sources").mkdir(parents=True)
        return job_id, folder

    def start(self, job_id: str, folder: Path, statement: str, sources: list[Path], body: str, year: int) -> Job:
        job = Job(job_id, folder, total=len(sources))
        with self._lock:
            self._jobs[job_id] = job
        threading.Thread(target=_run, args=(job, statement, sources, body, year), daemon=True).start()
        return job


def _run(job: Job, statement: str, sources: list[Path], body: str, year: int) -> None:
    from ..statements import check, read_sources, statement_document
    from ..statements.html import write_html
    from ..statements.ledger import ledger
    from ..statements.output import write_csvs

    def progress(done: int, total: int, path: str) -> None:
        job.state, job.done, job.total, job.message = "reading", done, total, f"正在读取来源 {Path(path).name}"

    try:
        document = statement_document(statement, "陈述")
        read = read_sources(sources, progress)
        job.state, job.done, job.message = "checking", job.total, "正在核对陈述"
        result = check([document], read, body, year)
        write_csvs(result, job.folder)
        write_html(result, job.folder)
        job.ledger = ledger(result)
        job.counts = {v: sum(1 for j in result.judgements if j.verdict == v)
                      for v in ("supported", "derived", "mismatch", "not_found")}
        job.state, job.message = "done", "完成"
    except IngestError as exc:
        job.state, job.message = "error", f"无法读取：{exc}"
    except Exception as exc:      # the page must say what went wrong, not hang on "checking"
        job.state, job.message = "error", f"核对失败：{exc}"
        traceback.print_exc()
