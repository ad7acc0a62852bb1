"""Headless Chromium for the report tests and scripts: dump a page's DOM, screenshot it, print it.

The DOM Chromium dumps is parsed into a small tree with the standard library,
so the tests need nothing beyond the browser itself.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync")
WINDOW = (1280, 800)


def find_chromium() -> str | None:
    wanted = os.environ.get("MINER_CHROMIUM")
    if wanted:
        return wanted
    return next((path for path in map(shutil.which, NAMES) if path), None)


def _run(url: str, *args: str, window=WINDOW, timeout: int = 120, env: dict | None = None
         ) -> subprocess.CompletedProcess:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="miner-chromium-") as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={window[0]},{window[1]}", *args, url]
        result = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                env={**os.environ, **(env or {})})
    if result.returncode != 0:
        raise RuntimeError(f"chromium failed ({result.returncode}): {result.stderr.decode(errors='replace')[-2000:]}")
    return result


def url_of(path: Path, query: str = "", fragment: str = "") -> str:
    return path.resolve().as_uri() + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def dump_dom(url: str, window=WINDOW, env: dict | None = None) -> "Node":
    return parse(_run(url, "--dump-dom", window=window, env=env).stdout.decode("utf-8"))


# Headless Chromium opens no window narrower than 500 px: a narrower screen is a frame of that width,
# whose layout audit (report.js, ?audit=1) the page around it copies out once the frame has loaded.
_FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="frame" src="{src}" style="width:{width}px;height:{height}px;border:0"></iframe>
<pre id="copied"></pre>
<script>
addEventListener("load", () => {{
  const audit = document.getElementById("frame").contentDocument.getElementById("layout-audit");
  document.getElementById("copied").textContent = JSON.stringify(
    {{...audit.dataset, overflowing: audit.textContent}});
}});
</script></body></html>"""


def audit_at_width(page: Path, width: int, query: str = "audit=1", height: int = 900) -> dict[str, str]:
    """The layout audit of ``page`` laid out ``width`` CSS pixels wide (a phone's 400, say)."""
    with tempfile.TemporaryDirectory(prefix="miner-frame-", dir=page.parent) as folder:
        frame = Path(folder) / "frame.html"
        frame.write_text(_FRAME.format(src=url_of(page, query), width=width, height=height), encoding="utf-8")
        # a file: page may read a file: frame's document only with this flag
        result = _run(url_of(frame), "--allow-file-access-from-files", "--dump-dom",
                      window=(max(width, 500) + 40, height + 40))
    import json

    return json.loads(parse(result.stdout.decode("utf-8")).one("pre", id="copied").text())


def screenshot(url: str, path: Path, window=WINDOW) -> Path:
    _run(url, f"--screenshot={path}", window=window)
    return path


def print_pdf(url: str, path: Path) -> Path:
    _run(url, f"--print-to-pdf={path}", "--no-pdf-header-footer")
    return path


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)   # Node or str

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def hidden(self) -> bool:
        return "hidden" in self.attrs

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        """Descendants with this tag, class and attributes (data_rule= matches data-rule)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k) == v for k, v in wanted.items())]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> "Node":
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, f"expected one {tag}.{cls} {attrs}, found {len(found)}"
        return found[0]


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v if v is not None else "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(markup: str) -> Node:
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


def latin_fonts_only(folder: Path) -> Path:
    """A fontconfig file that shows Chromium Latin fonts only: the page as it looks on a machine
    without a CJK font, where the glyph audit must see boxes."""
    latin = next((d for d in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
                  if os.path.isdir(d)), None)
    config = folder / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                      + (f"<dir>{latin}</dir>" if latin else "")
                      + f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    return config
