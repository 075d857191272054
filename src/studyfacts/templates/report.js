// The review page's behaviour: hover links, review decisions (kept in localStorage), adding a value
// from selected text, and Export (CSV with the wide columns of `--format csv`, and JSON).
// Nothing here talks to a network; every text from the input is set with textContent, never as HTML.
(function () {
  "use strict";

  // --- hovering a value (in the abstract or the table) outlines every piece of its span(s) ----------
  let hot = [];
  function cool() { for (const el of hot) el.classList.remove("hot"); hot = []; }
  document.addEventListener("mouseover", function (e) {
    const el = e.target.closest ? e.target.closest("[data-s]") : null;
    cool();
    if (!el) return;
    const rec = el.closest(".rec");
    for (const id of el.dataset.s.split(" ")) {
      for (const x of rec.querySelectorAll('[data-s~="' + id + '"]')) { x.classList.add("hot"); hot.push(x); }
    }
  });
  for (const b of document.querySelectorAll("button[data-open]")) {
    b.addEventListener("click", function () {
      const open = b.dataset.open === "1";
      for (const d of document.querySelectorAll("details.rec")) d.open = open;
    });
  }

  // --- the page's data: wide columns, the kind of each reviewed column, each record's CSV row --------
  const DATA = JSON.parse(document.getElementById("sf-data").textContent);
  const COLUMNS = DATA.columns;            // the wide columns of --format csv, in order
  const KINDS = {};                        // reviewed column -> int | number | percent | bool | period | per
  for (const [column, kind] of DATA.kinds) KINDS[column] = kind;
  const LISTS = {};                        // list field -> its count column
  for (const [field, column] of DATA.lists) LISTS[field] = column;
  const COUNTED = new Set(Object.values(LISTS));
  // The status columns of the CSV export, in the order of the wide columns they describe.
  const REVIEWED = COLUMNS.filter(function (c) { return c in KINDS || COUNTED.has(c); });
  const TEXT_COLUMNS = new Set(["id", "source_path", "title", "journal", "doi", "pmid",
    "complications_per", "period_start", "period_end"]);
  const PREFIX = "studyfacts-review:v1:";
  const records = Array.from(document.querySelectorAll("details.rec"));

  // --- decisions: one localStorage entry per record, keyed by input file and record id --------------
  // {key: {s: "accepted" | "corrected" | "rejected" | "added", v: "value", span: {start, end, text}, field}}
  let storageOk = true;
  function storeKey(rec) { return PREFIX + JSON.stringify([rec.dataset.path, rec.dataset.id]); }
  function load(rec) {
    try {
      const got = JSON.parse(window.localStorage.getItem(storeKey(rec)) || "{}");
      return got && typeof got === "object" ? got : {};
    } catch (e) { storageOk = false; return {}; }
  }
  function save(rec, st) {
    try {
      if (Object.keys(st).length) window.localStorage.setItem(storeKey(rec), JSON.stringify(st));
      else window.localStorage.removeItem(storeKey(rec));
    } catch (e) { storageOk = false; }
  }

  // --- what a correction may be, by column kind ------------------------------------------------------
  function validate(kind, raw) {
    const t = String(raw).trim();
    if (kind === "int") return /^\d+$/.test(t) ? [true, String(parseInt(t, 10))] : [false, "a whole number"];
    if (kind === "number") return /^-?\d+(\.\d+)?$/.test(t) ? [true, t] : [false, "a number such as 14.7"];
    if (kind === "percent") {
      return /^\d+(\.\d+)?$/.test(t) && Number(t) <= 100 ? [true, t] : [false, "a percentage from 0 to 100"];
    }
    if (kind === "bool") {
      const low = t.toLowerCase();
      if (["true", "yes", "1"].includes(low)) return [true, "true"];
      if (["false", "no", "0"].includes(low)) return [true, "false"];
      return [false, "true or false"];
    }
    if (kind === "period") {
      return /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(t) ? [true, t] : [false, "a year or year-month: 2008 or 2008-05"];
    }
    if (kind === "per") {
      return ["patients", "lesions", "procedures", "sessions"].includes(t)
        ? [true, t] : [false, "patients, lesions, procedures or sessions"];
    }
    return t ? [true, t] : [false, "some text"];
  }
  function kindOf(key, field) { return KINDS[key] || KINDS[field] || "text"; }
  // JSON values: numbers as numbers, booleans as booleans, empty as null.
  function typed(column, text) {
    if (text === "" || text === undefined || text === null) return null;
    const kind = KINDS[column];
    if (kind === "int" || kind === "number" || kind === "percent") return Number(text);
    if (text === "true" || text === "false") return text === "true";
    if (!TEXT_COLUMNS.has(column) && !kind && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    return text;
  }

  // --- showing a record's decisions ------------------------------------------------------------------
  function cellText(td, value, original) {
    const v = td.querySelector(".v");
    v.textContent = "";
    if (original !== null && original !== value) {
      const del = document.createElement("del");
      del.textContent = original;
      v.appendChild(del);
      v.appendChild(document.createTextNode(" → "));
    }
    v.appendChild(document.createTextNode(value));
  }

  function addedRow(key, dec) {
    const field = dec.field || key;
    const tr = document.createElement("tr");
    tr.className = "added";
    tr.dataset.k = key;
    tr.dataset.kind = LISTS[field] ? "item" : "cell";
    const cells = [field + (LISTS[field] ? " (new entry)" : ""), "", "", "added by the reviewer", ""];
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    tr.children[1].className = "val";
    const v = document.createElement("span");
    v.className = "v";
    tr.children[1].appendChild(v);
    tr.children[2].className = "ev";
    if (dec.span) {
      const q = document.createElement("q");
      q.textContent = dec.span.text;
      tr.children[2].appendChild(q);
    }
    tr.children[3].className = "rule";
    const act = tr.children[4];
    act.className = "act";
    const st = document.createElement("span");
    st.className = "st";
    act.appendChild(st);
    for (const [what, sign, title] of [["correct", "✎", "correct: type another value"],
      ["remove", "✗", "remove this added value"]]) {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.do = what;
      b.title = title;
      b.textContent = sign;
      act.appendChild(b);
    }
    return tr;
  }

  // The text a reviewer selected for a value is marked in the abstract (CSS Custom Highlight API,
  // so the page's own markup is left alone; browsers without it simply show no mark).
  const marked = new Map();  // record -> [Range]
  function rangeAt(abs, start, end) {
    const walker = document.createTreeWalker(abs, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    let pos = 0, node, begun = false;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest(".fail-badge")) continue;
      const len = node.data.length;
      if (!begun && start <= pos + len) { r.setStart(node, start - pos); begun = true; }
      if (begun && end <= pos + len) { r.setEnd(node, end - pos); return r; }
      pos += len;
    }
    return null;
  }
  const canMark = !!(window.CSS && CSS.highlights && typeof Highlight !== "undefined");
  function mark(rec, st) {
    if (!canMark) return;
    const abs = rec.querySelector("p.abs");
    const ranges = [];
    for (const dec of Object.values(st)) {
      if (abs && dec.span && dec.s !== "rejected") {
        const r = rangeAt(abs, dec.span.start, dec.span.end);
        if (r && r.toString() === dec.span.text) ranges.push(r);
      }
    }
    if (ranges.length) marked.set(rec, ranges); else marked.delete(rec);
  }
  function paint() {
    if (canMark) CSS.highlights.set("sf-added", new Highlight(...[].concat(...marked.values())));
  }

  function render(rec) {
    const st = load(rec);
    mark(rec, st);
    const body = rec.querySelector("table.facts tbody");
    if (!body) return;
    for (const tr of body.querySelectorAll("tr.added")) tr.remove();
    for (const form of body.querySelectorAll(".editor")) form.remove();
    for (const tr of body.querySelectorAll("tr[data-k]")) {
      if (tr.dataset.kind === "check") continue;
      const dec = st[tr.dataset.k];
      const status = dec ? dec.s : "extracted";
      tr.dataset.status = status;
      const original = tr.dataset.v;
      cellText(tr.querySelector("td.val"), dec && dec.v !== undefined ? dec.v : original, original);
      tr.querySelector(".st").textContent = status === "extracted" ? "" : status;
      tr.querySelector('[data-do="undo"]').hidden = !dec;
      const q = tr.querySelector("td.ev");
      for (const x of q.querySelectorAll("q.new")) x.remove();
      if (dec && dec.span) {
        const nq = document.createElement("q");
        nq.className = "new";
        nq.textContent = dec.span.text;
        q.appendChild(nq);
      }
    }
    for (const key of Object.keys(st)) {
      if (body.querySelector('tr[data-k="' + CSS.escape(key) + '"]:not(.added)')) continue;
      const dec = st[key];
      // A value typed for a field this page has no value for (also one corrected under an older
      // report whose value is gone) is shown as added; accepting or rejecting nothing is ignored.
      if (dec.v === undefined || (!dec.field && !(key in KINDS))) continue;
      const tr = addedRow(key, dec);
      tr.dataset.status = dec.s;
      cellText(tr.querySelector("td.val"), dec.v, null);
      tr.querySelector(".st").textContent = dec.s;
      body.appendChild(tr);
    }
    const n = Object.keys(st).length;
    const badge = rec.querySelector(".badge.decided");
    badge.hidden = !n;
    badge.textContent = n + " decision" + (n === 1 ? "" : "s");
    rec.classList.toggle("reviewed", n > 0);
  }

  function tally() {
    const left = document.querySelectorAll('tr.tier-review[data-status="extracted"]').length;
    const out = document.getElementById("review-left");
    if (out) out.textContent = String(left);
    let decided = 0;
    for (const rec of records) decided += Object.keys(load(rec)).length;
    document.getElementById("saved").textContent = storageOk
      ? (decided ? decided + " decision" + (decided === 1 ? "" : "s") + " saved in this browser" : "")
      : "this browser does not keep decisions (localStorage is off): export before closing";
  }

  function decide(rec, key, dec) {
    const st = load(rec);
    if (dec === null) delete st[key]; else st[key] = dec;
    save(rec, st);
    render(rec);
    paint();
    tally();
  }

  // --- accept, correct, reject, undo -----------------------------------------------------------------
  function openEditor(rec, tr) {
    const td = tr.querySelector("td.val");
    if (td.querySelector("input")) return;
    const key = tr.dataset.k;
    const st = load(rec);
    const dec = st[key];
    const field = dec && dec.field ? dec.field : key;
    const kind = tr.dataset.kind === "item" ? "text" : kindOf(key, field);
    const form = document.createElement("span");
    form.className = "editor";
    const input = document.createElement("input");
    input.value = dec && dec.v !== undefined ? dec.v : (tr.dataset.v || "");
    const ok = document.createElement("button");
    ok.type = "button"; ok.textContent = "save"; ok.dataset.edit = "save";
    const no = document.createElement("button");
    no.type = "button"; no.textContent = "cancel"; no.dataset.edit = "cancel";
    const err = document.createElement("span");
    err.className = "err";
    form.append(input, ok, no, err);
    td.appendChild(form);
    input.focus();
    input.select();
    function commit() {
      const [good, value] = validate(kind, input.value);
      if (!good) { err.textContent = "expected " + value; return; }
      if (tr.classList.contains("added")) {
        decide(rec, key, Object.assign({}, dec, { v: value }));
      } else if (value === tr.dataset.v && !(dec && dec.span)) {
        decide(rec, key, { s: "accepted" });
      } else {
        decide(rec, key, Object.assign({}, dec && dec.span ? { span: dec.span } : {}, { s: "corrected", v: value }));
      }
    }
    ok.addEventListener("click", commit);
    no.addEventListener("click", function () { form.remove(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); commit(); }
      if (e.key === "Escape") { e.preventDefault(); form.remove(); }
    });
  }

  document.addEventListener("click", function (e) {
    const b = e.target.closest ? e.target.closest("button[data-do]") : null;
    if (!b) return;
    const tr = b.closest("tr");
    const rec = b.closest(".rec");
    const key = tr.dataset.k;
    if (b.dataset.do === "accept") decide(rec, key, { s: "accepted" });
    else if (b.dataset.do === "reject") decide(rec, key, { s: "rejected" });
    else if (b.dataset.do === "undo" || b.dataset.do === "remove") decide(rec, key, null);
    else if (b.dataset.do === "correct") openEditor(rec, tr);
  });

  // --- adding a value from selected abstract text ------------------------------------------------------
  const menu = document.getElementById("addmenu");
  const fieldSelect = menu.querySelector("select");
  const valueInput = menu.querySelector("input");
  let pending = null;  // {rec, span}

  // The abstract's own text: the paragraph without the failed-check badges placed inside it.
  function plain(node) {
    const copy = node.cloneNode(true);
    for (const b of copy.querySelectorAll(".fail-badge")) b.remove();
    return copy.textContent;
  }
  function offsetIn(abs, node, offset) {
    const r = document.createRange();
    r.setStart(abs, 0);
    r.setEnd(node, offset);
    return plain(r.cloneContents());
  }
  function guess(field, text) {
    const kind = LISTS[field] ? "text" : kindOf(field, field);
    if (kind === "int") { const m = text.match(/\d+/); return m ? m[0] : ""; }
    if (kind === "number" || kind === "percent") { const m = text.match(/\d+(?:\.\d+)?/); return m ? m[0] : ""; }
    if (kind === "bool") return "true";
    if (kind === "period") { const m = text.match(/\b(19|20)\d\d\b/); return m ? m[0] : ""; }
    if (kind === "per") { const m = text.match(/patients|lesions|procedures|sessions/); return m ? m[0] : ""; }
    return text;
  }
  function hideMenu() { menu.hidden = true; pending = null; }

  // Offer the menu for the current selection when it lies within one abstract; true if offered.
  function offerAdd() {
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return false;
    const range = sel.getRangeAt(0);
    let node = range.commonAncestorContainer;
    if (node.nodeType !== 1) node = node.parentElement;
    const abs = node && node.closest("p.abs");
    if (!abs || abs.classList.contains("none")) return false;
    const text = plain(abs);
    let start = offsetIn(abs, range.startContainer, range.startOffset).length;
    let end = offsetIn(abs, range.endContainer, range.endOffset).length;
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (end <= start) return false;
    pending = { rec: abs.closest(".rec"), span: { start: start, end: end, text: text.slice(start, end) } };
    menu.querySelector(".q").textContent = "“" + pending.span.text + "”";
    menu.querySelector(".err").textContent = "";
    valueInput.value = guess(fieldSelect.value, pending.span.text);
    const box = range.getBoundingClientRect();
    menu.style.top = (window.scrollY + box.bottom + 6) + "px";
    menu.style.left = (window.scrollX + Math.max(8, box.left)) + "px";
    menu.hidden = false;
    return true;
  }
  // After the mouse lets go (the selection is final then), wherever the drag ended.
  document.addEventListener("mouseup", function (e) {
    if (!menu.hidden && menu.contains(e.target)) return;
    window.setTimeout(function () { if (!offerAdd()) hideMenu(); }, 0);
  });
  document.addEventListener("keyup", function (e) {
    if (e.key === "Escape" && !menu.hidden) hideMenu();
    else if (e.shiftKey && menu.hidden) offerAdd();
  });
  fieldSelect.addEventListener("change", function () {
    if (pending) valueInput.value = guess(fieldSelect.value, pending.span.text);
  });
  menu.addEventListener("click", function (e) {
    const b = e.target.closest("button[data-add]");
    if (!b) return;
    if (b.dataset.add === "cancel" || !pending) { hideMenu(); return; }
    const field = fieldSelect.value;
    const [good, value] = validate(LISTS[field] ? "text" : kindOf(field, field), valueInput.value);
    if (!good) { menu.querySelector(".err").textContent = "expected " + value; return; }
    const rec = pending.rec;
    if (LISTS[field]) {
      const st = load(rec);
      let n = 1;
      while (st[field + "+" + n]) n += 1;
      decide(rec, field + "+" + n, { s: "added", field: field, v: value, span: pending.span });
    } else {
      const has = rec.querySelector('tr[data-k="' + CSS.escape(field) + '"]:not(.added)');
      decide(rec, field, { s: has ? "corrected" : "added", field: field, v: value, span: pending.span });
    }
    hideMenu();
    window.getSelection().removeAllRanges();
  });
  valueInput.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); menu.querySelector('[data-add="ok"]').click(); }
    if (e.key === "Escape") hideMenu();
  });

  // --- export ------------------------------------------------------------------------------------------
  // One record as reviewed: its wide row (cells as --format csv writes them), a status per reviewed
  // column, and every value with its status (for the JSON).
  function reviewed(rec) {
    const st = load(rec);
    const cells = DATA.rows[Number(rec.dataset.i)].slice();
    const at = {};
    COLUMNS.forEach(function (c, i) { at[c] = i; });
    const status = {};
    const values = [];
    function row(key) { return rec.querySelector('tr[data-k="' + CSS.escape(key) + '"]:not(.added)'); }
    function entry(field, column, item, dec, original, tr) {
      const e = { field: field, status: dec ? dec.s : "extracted" };
      if (column) e.column = column;
      if (item !== null) e.item = item;
      const value = dec ? (dec.s === "rejected" ? null : (dec.v !== undefined ? dec.v : original)) : original;
      e.value = column ? typed(column, value) : value;
      if (dec && (dec.s === "corrected" || dec.s === "rejected")) e.original = column ? typed(column, original) : original;
      if (dec && dec.span) e.span = dec.span;
      e.confidence = tr ? tr.dataset.tier : null;
      if (tr && tr.dataset.reason) e.reason = tr.dataset.reason;
      return e;
    }
    for (const column of Object.keys(KINDS)) {
      const original = cells[at[column]];
      let dec = st[column];
      if (dec && original === "" && dec.v === undefined) dec = undefined;  // nothing to accept or reject
      if (dec) {
        cells[at[column]] = dec.s === "rejected" ? "" : (dec.v !== undefined ? dec.v : original);
        status[column] = dec.s;
      } else {
        status[column] = original === "" ? "" : "extracted";
      }
      if (status[column]) values.push(entry(column, column, null, dec, original === "" ? null : original, row(column)));
    }
    for (const field of Object.keys(LISTS)) {
      let kept = 0, changed = false, added = 0, accepted = 0, originals = 0;
      for (const tr of rec.querySelectorAll('tr[data-kind="item"]:not(.added)')) {
        const key = tr.dataset.k;
        if (!key.startsWith(field + "[")) continue;
        originals += 1;
        const dec = st[key];
        if (dec && dec.s === "rejected") changed = true; else kept += 1;
        if (dec && dec.s === "corrected") changed = true;
        if (dec && dec.s === "accepted") accepted += 1;
        values.push(entry(field, null, Number(key.slice(field.length + 1, -1)), dec, tr.dataset.v, tr));
      }
      for (const key of Object.keys(st)) {
        if (key.startsWith(field + "+") && st[key].s === "added") {
          kept += 1; added += 1;
          values.push(entry(field, null, null, st[key], null, null));
        }
      }
      const column = LISTS[field];
      cells[at[column]] = String(kept);
      status[column] = changed ? "corrected" : added ? (originals ? "corrected" : "added")
        : originals && accepted === originals ? "accepted" : originals ? "extracted" : "";
    }
    return { cells: cells, status: status, values: values };
  }


  // Quoting as Python's csv module does by default (QUOTE_MINIMAL, \r\n line ends).
  function csvCell(text) {
    const t = String(text);
    return /[",\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }
  function toCsv() {
    const header = COLUMNS.concat(REVIEWED.map(function (c) { return c + "_review"; }));
    const lines = [header.map(csvCell).join(",")];
    for (const rec of records) {
      const r = reviewed(rec);
      const review = REVIEWED.map(function (c) { return r.status[c] || ""; });
      lines.push(r.cells.concat(review).map(csvCell).join(","));
    }
    return lines.join("\r\n") + "\r\n";
  }
  function toJson() {
    const out = [];
    for (const rec of records) {
      const r = reviewed(rec);
      const row = {};
      COLUMNS.forEach(function (c, i) { row[c] = typed(c, r.cells[i]); });
      out.push({
        id: rec.dataset.id,
        source: { path: rec.dataset.path, index: Number(rec.dataset.index) },
        title: row.title,
        row: row,
        review: r.status,
        values: r.values,
      });
    }
    return JSON.stringify({ format: "studyfacts-review", version: 1, exported: new Date().toISOString(),
      columns: COLUMNS, records: out }, null, 1) + "\n";
  }
  function download(name, type, text) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  for (const b of document.querySelectorAll("button[data-export]")) {
    b.addEventListener("click", function () {
      if (b.dataset.export === "csv") download("reviewed-facts.csv", "text/csv;charset=utf-8", toCsv());
      else download("reviewed-facts.json", "application/json", toJson());
    });
  }

  for (const rec of records) render(rec);
  paint();
  tally();
})();
