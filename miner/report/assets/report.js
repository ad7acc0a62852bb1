// Filters, sorting and navigation for report.html. The filter state lives in the
// query string (?severity=error,warning&rule=VC01&q=…&agreeing=1&sort=-error) so a
// filtered view can be bookmarked, and the fragment stays free for links to findings and cells.
// ?audit=1 opens every <details>, then writes the elements whose content overflows
// their box into #layout-audit, with the ids of the findings actually rendered (browser tests); ?timing=1 (or ?audit=1) writes the
// navigation timing into #timing (scripts/bench_report_open.py).
(() => {
  "use strict";
  const form = document.getElementById("filters");
  const findings = [...document.querySelectorAll(".finding")];
  const items = [...document.querySelectorAll(".claim-item")];
  const params = new URLSearchParams(location.search);
  let sorted = "";   // the documents table's order: a column key, "-" in front for descending

  const boxes = (name) => [...form.querySelectorAll(`input[name="${name}"]`)];
  const checked = (name) => new Set(boxes(name).filter((b) => b.checked).map((b) => b.value));
  // An item is found by everything it shows (sentence, evidence, message, the rows and titles of the
  // tables it cites, its rule) and by its subject and rule names (data-search); read once, on first search.
  const haystacks = new Map();
  const haystack = (element) => {
    let text = haystacks.get(element);
    if (text === undefined) {
      text = `${element.textContent} ${element.dataset.search || ""}`.replace(/\s+/g, " ").toLowerCase();
      haystacks.set(element, text);
    }
    return text;
  };
  const matches = (element, query) => !query || haystack(element).includes(query);

  function readParams() {
    for (const name of ["severity", "rule"]) {
      if (!params.has(name)) continue;
      const wanted = new Set(params.get(name).split(",").filter(Boolean));
      for (const box of boxes(name)) box.checked = wanted.has(box.value);
    }
    form.q.value = params.get("q") || "";
    form.agreeing.checked = params.get("agreeing") === "1";
    const sort = params.get("sort") || "";
    const button = sort && document.querySelector(`.sortable button[data-key="${CSS.escape(sort.replace(/^-/, ""))}"]`);
    if (button) sortBy(button, !sort.startsWith("-"));
  }

  function writeParams() {
    const state = new URLSearchParams();
    for (const name of ["severity", "rule"]) {
      if (boxes(name).some((b) => !b.checked)) state.set(name, [...checked(name)].join(","));
    }
    if (form.q.value.trim()) state.set("q", form.q.value.trim());
    if (form.agreeing.checked) state.set("agreeing", "1");
    if (sorted) state.set("sort", sorted);
    if (params.has("audit")) state.set("audit", params.get("audit"));
    const query = state.toString();
    try {
      history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash);
    } catch (error) {
      // Some browsers refuse to rewrite file: URLs; the filters still work.
    }
  }

  // the page's sentences come from the message catalogue, in the report's language (the form's data-*)
  function said(name, values) {
    return form.dataset[name].replace(/\{(\w+)\}/g, (_, key) => values[key]);
  }

  function apply() {
    const severities = checked("severity");
    const rules = checked("rule");
    const query = form.q.value.trim().toLowerCase();
    let shown = 0;
    for (const finding of findings) {
      const visible = severities.has(finding.dataset.severity) && rules.has(finding.dataset.rule) &&
        matches(finding, query);
      finding.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const item of items) {
      const own = item.dataset.rules.split(" ").filter(Boolean);
      item.hidden = !(matches(item, query) && (!own.length || own.some((r) => rules.has(r))));
    }
    for (const details of document.querySelectorAll("details.agreeing")) details.open = form.agreeing.checked;
    for (const section of document.querySelectorAll(".document")) {
      const all = section.querySelectorAll(".finding").length;
      const visible = section.querySelectorAll(".finding:not([hidden])").length;
      section.querySelector(".filtered").hidden = !(all && !visible);
      section.querySelector("h3 .doc-shown").textContent = said("docShown", {visible, all});
      for (const details of section.querySelectorAll("details.agreeing, details.unlinked")) {
        const list = details.querySelectorAll(".claim-item");
        const seen = details.querySelectorAll(".claim-item:not([hidden])").length;
        details.querySelector(".doc-shown").textContent = seen === list.length ? "" : said("match", {seen});
      }
    }
    document.getElementById("shown").textContent = said("shown", {shown, total: findings.length});
  }

  function sortBy(button, ascending = button.closest("th").getAttribute("aria-sort") !== "ascending") {
    const th = button.closest("th");
    const table = th.closest("table");
    const column = [...th.parentElement.children].indexOf(th);
    const numeric = button.dataset.kind === "number";
    const key = (row) => row.children[column].dataset.value;
    const rows = [...table.tBodies[0].rows].sort((a, b) => {
      const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b), "zh");
      return ascending ? order : -order;
    });
    for (const other of th.parentElement.children) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    table.tBodies[0].append(...rows);
    sorted = (ascending ? "" : "-") + button.dataset.key;
  }

  // A link to a finding or cell inside a closed <details> or a filtered-out finding must still land.
  function reveal() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    for (let node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
      if (node.hidden) node.hidden = false;
    }
    target.scrollIntoView({block: "center"});
  }

  function audit() {
    // Everything is measured, collapsed parts included.
    for (const details of document.querySelectorAll("details")) details.open = true;
    const overflowing = [];
    for (const element of document.body.querySelectorAll("*")) {
      if (!element.clientWidth || element.closest("svg")) continue;
      if (["auto", "scroll"].includes(getComputedStyle(element).overflowX)) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        overflowing.push({tag: element.tagName.toLowerCase(), id: element.id, class: element.className,
          text: element.textContent.trim().slice(0, 60), scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth});
      }
    }
    const report = document.getElementById("layout-audit");
    report.dataset.count = String(overflowing.length);
    // at a phone's width: does the page scroll sideways, do the cards stack, do headers break letter by letter
    report.dataset.pageWidth = String(document.documentElement.scrollWidth);
    report.dataset.viewport = String(innerWidth);
    report.dataset.sideBySide = String(findings.filter((f) => {
      const [text, evidence] = [f.querySelector(".finding-text"), f.querySelector(".finding-evidence")];
      return f.getClientRects().length && text && evidence &&
        evidence.getBoundingClientRect().top < text.getBoundingClientRect().bottom - 1;
    }).length);
    const em = parseFloat(getComputedStyle(document.body).fontSize);
    report.dataset.narrowHeaders = JSON.stringify([...document.querySelectorAll("th")].filter((th) =>
      th.getClientRects().length && th.textContent.trim().length > 1 && th.clientWidth < 2.2 * em)
      .map((th) => th.textContent.trim().slice(0, 20)));
    report.dataset.glyphs = glyphs(document.querySelector("[lang|=zh]") || document.body, "事业运行支出");
    // a label of the page and the first finding's message: shown, and drawn with a font that has their Chinese
    const message = findings.find((f) => f.getClientRects().length);
    report.dataset.texts = JSON.stringify(Object.fromEntries([
      ["label", document.getElementById("overview-h")],
      ["message", message && message.querySelector(".message")],
    ].map(([name, element]) => [name, element && seen(element)])));
    // What the reader sees, not only what the script set: an element can be hidden yet displayed.
    report.dataset.rendered = findings.filter((f) => f.getClientRects().length).map((f) => f.id).join(" ");
    report.textContent = JSON.stringify(overflowing, null, 1);
  }

  // Whether the page's Chinese is drawn with a font that has it: a character no font has is drawn as the
  // same box (or nothing), so distinct characters drawn alike mean missing glyphs ("tofu").
  function glyphs(sample, text) {
    const canvas = document.getElementById("glyph-audit");
    const context = canvas.getContext("2d", {willReadFrequently: true});
    const style = getComputedStyle(sample);
    const drawn = [...text].map((char) => {
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.font = `24px ${style.fontFamily}`;
      context.fillText(char, 4, 26);
      return context.getImageData(0, 0, canvas.width, canvas.height).data.join("");
    });
    const inked = drawn.filter((image) => /[1-9]/.test(image));
    if (inked.length < drawn.length) return "blank";
    return new Set(drawn).size === drawn.length ? "ok" : "missing";
  }

  // An element as the reader gets it: its text, whether it takes room on the screen, and whether
  // its Chinese characters (up to six different ones) are drawn in its own font with real glyphs.
  function seen(element) {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const han = [...new Set(element.textContent.match(/\p{Script=Han}/gu) || [])].slice(0, 6).join("");
    return {
      text: element.textContent.trim(),
      visible: rect.width > 0 && rect.height > 0 && style.visibility === "visible" && style.opacity !== "0",
      han,
      glyphs: han.length > 1 ? glyphs(element, han) : "",
    };
  }

  function timing() {
    const navigation = performance.getEntriesByType("navigation")[0];
    void document.body.offsetHeight;   // force style and layout: the page is ready to be seen
    const laidOut = performance.now();
    document.getElementById("timing").textContent = JSON.stringify({
      laidOut,
      domInteractive: navigation.domInteractive,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      loadEventStart: navigation.loadEventStart,
      elements: document.getElementsByTagName("*").length,
      viewport: [innerWidth, innerHeight],
    });
  }

  form.addEventListener("input", () => { apply(); writeParams(); });
  form.addEventListener("change", () => { apply(); writeParams(); });
  for (const button of document.querySelectorAll(".sortable th button")) {
    button.addEventListener("click", () => { sortBy(button); writeParams(); });
  }
  addEventListener("hashchange", reveal);
  readParams();
  apply();
  reveal();
  if (params.has("audit")) addEventListener("load", audit);
  if (params.has("audit") || params.has("timing")) addEventListener("load", timing);
})();
