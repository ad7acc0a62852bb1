"""The web page of `miner serve`, a Flask application bound to 127.0.0.1 by default.

Flask: small and well kept (Pallets), built on the click and Jinja2 that miner
already uses; its request size limit (MAX_CONTENT_LENGTH) and test client do
what an upload page needs. The page has no outside assets: nothing it shows or
sends leaves the machine. Uploaded files are kept in a temporary folder per
check; the check runs in a thread (jobs.py) and the page polls its progress.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Flask, abort, jsonify, render_template, request, send_file
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import secure_filename

from ..ingest.collect import collect
from ..ingest.read import SUPPORTED
from .jobs import Jobs

ASSETS = Path(__file__).resolve().parent / "assets"
# what a source file must begin with, by type: a renamed file is refused with a clear message
_MAGIC = {".pdf": b"%PDF"}


def _error(message: str, status: int = 400):
    response = jsonify({"error": message})
    response.status_code = status
    return response


def create_app(library: Path | None = None, max_upload_mb: int = 50, workdir: Path | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(ASSETS), static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = max_upload_mb * 1024 * 1024
    root = workdir or Path(tempfile.mkdtemp(prefix="miner-serve-"))
    jobs = Jobs(root)
    library = Path(library).resolve() if library else None
    choices = {str(path.relative_to(library)): path for path in collect([library]).documents} if library else {}

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_exc):
        return _error(f"上传的文件太大：每次最多 {max_upload_mb} MB", 413)

    @app.get("/")
    def index():
        return render_template("index.html.j2", choices=sorted(choices), max_upload_mb=max_upload_mb,
                               suffixes=", ".join(SUPPORTED))

    @app.post("/check")
    def start():
        statement = request.form.get("statement", "").strip()
        if not statement:
            return _error("请粘贴要核对的陈述")
        year = request.form.get("year", "").strip()
        if year and not (year.isdigit() and 1990 <= int(year) <= 2100):
            return _error("年度应为四位数字，如 2024")
        job_id, folder = jobs.folder()
        sources: list[Path] = []
        for upload in request.files.getlist("sources"):
            if not upload.filename:
                continue
            name = secure_filename(upload.filename) or "source"
            suffix = Path(upload.filename).suffix.lower()
            if suffix not in SUPPORTED:
                return _error(f"不支持的文件类型：{upload.filename}。可上传的来源：{'、'.join(SUPPORTED)}")
            head = upload.stream.read(len(_MAGIC.get(suffix, b"")))
            if suffix in _MAGIC and head != _MAGIC[suffix]:
                return _error(f"{upload.filename} 不是有效的 PDF 文件")
            path = folder / "sources" / f"{len(sources) + 1}-{name}"
            with open(path, "wb") as handle:
                handle.write(head)
                handle.write(upload.stream.read())
            sources.append(path)
        for picked in request.form.getlist("picked"):
            if picked not in choices:
                return _error(f"没有这个来源：{picked}")
            sources.append(choices[picked])
        if not sources:
            return _error("请上传或选择至少一个来源")
        job = jobs.start(job_id, folder, statement, sources, request.form.get("body", "").strip(),
                         int(year) if year else 0)
        return jsonify(job.view()), 202

    @app.get("/jobs/<job_id>")
    def status(job_id):
        job = jobs.get(job_id) or abort(404)
        return jsonify(job.view())

    @app.get("/jobs/<job_id>/<name>")
    def output(job_id, name):
        job = jobs.get(job_id) or abort(404)
        if name not in ("report.html", "claims.csv", "findings.csv") or job.state != "done":
            abort(404)
        return send_file(job.folder / name)

    return app
