// vanban serve: the editor's page. Everything it shows comes from the JSON API
// (docs/serve.md); text from the server is always set as text, never as HTML.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
// The token stays in this script only: not in the address bar, the history or a referrer.
history.replaceState(null, "", "/");

const GROUPS = {
  schema: "Định dạng tệp",
  unit: "Đơn vị",
  period: "Kỳ báo cáo",
  issuer: "Cơ quan ban hành",
  documents: "Các văn bản",
  facts: "Số liệu, kết quả",
  narrative: "Nội dung viết tay (các đoạn văn)",
  data: "Số liệu riêng của mẫu",
  sections: "Bố cục (sections)",
  children: "Đơn vị cấp dưới",
};

const STATUS = { ok: "không lỗi", warnings: "cảnh báo", errors: "lỗi" };
const SEVERITY = { error: "Lỗi", warning: "Cảnh báo", note: "Ghi chú" };

const state = {
  path: null,
  sheet: null,
  edits: new Map(),
  seq: 0,
  timer: null,
  urls: [],
  current: null,
  grids: new Map(),
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("data-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

async function api(method, url, body) {
  const options = { method, headers: { Authorization: "Bearer " + token } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const r = await fetch(url, options);
  let data = null;
  if ((r.headers.get("Content-Type") || "").startsWith("application/json")) {
    data = await r.json();
  }
  if (!r.ok) {
    const message = (data && data.error) || ("Lỗi " + r.status);
    const e = new Error(message);
    e.status = r.status;
    throw e;
  }
  return data;
}

function sheetUrl(path) {
  return "/api/sheets/" + path.split("/").map(encodeURIComponent).join("/");
}

function notice(text, error) {
  const n = $("notice");
  n.textContent = text;
  n.className = error ? "error-text" : "";
}

function periodWords(p) {
  if (!p) return "";
  if (p.kind === "years") return "giai đoạn " + p.first_year + " - " + p.year;
  if (p.kind === "months") return p.months + " tháng đầu năm " + p.year;
  return "năm " + p.year;
}

function statusBadge(s) {
  let words = STATUS[s.status] || s.status;
  if (s.status === "errors") words = s.errors + " lỗi";
  if (s.status === "warnings") words = s.warnings + " cảnh báo";
  return el("span", { class: "badge " + s.status }, words);
}

async function loadSheets() {
  const list = $("sheet-list");
  try {
    const data = await api("GET", "/api/sheets");
    list.replaceChildren();
    if (data.sheets.length === 0) {
      list.append(el("li", { class: "muted" }, "Thư mục chưa có tệp số liệu (.yaml)."));
    }
    for (const s of data.sheets) {
      const unit = s.unit ? s.unit.level + " " + s.unit.name : s.path;
      const li = el(
        "li",
        { class: "sheet" + (s.path === state.path ? " current" : ""), "data-path": s.path },
        el("span", { class: "unit" }, unit, statusBadge(s)),
        el("span", { class: "muted" }, periodWords(s.period)),
        el("br"),
        el("span", { class: "path" }, s.path),
      );
      if (s.documents) li.title = "Văn bản: " + s.documents.join(", ");
      li.addEventListener("click", () => openSheet(s.path));
      list.append(li);
    }
  } catch (e) {
    list.replaceChildren(el("li", { class: "error-text" }, e.message));
  }
}

function inputFor(f) {
  const attrs = { id: "f-" + f.key, "data-key": f.key, value: f.value };
  let input;
  switch (f.kind) {
    case "paragraph":
      input = el("textarea", attrs);
      input.value = f.value;
      break;
    case "flag":
      input = el("select", attrs,
        el("option", { value: "true" }, "Có (true)"),
        el("option", { value: "false" }, "Không (false)"));
      if (f.value !== "true" && f.value !== "false") {
        input.append(el("option", { value: f.value }, f.value || "(để trống)"));
      }
      input.value = f.value;
      break;
    case "count":
      input = el("input", Object.assign(attrs, { type: "text", inputMode: "numeric" }));
      break;
    case "decimal": case "money": case "area": case "percent":
      input = el("input", Object.assign(attrs, { type: "text", inputMode: "decimal" }));
      break;
    case "date":
      input = el("input", Object.assign(attrs, { type: "text", placeholder: "YYYY-MM-DD" }));
      break;
    default:
      input = el("input", Object.assign(attrs, { type: "text" }));
  }
  input.addEventListener("input", () => changed(f, input.value));
  return input;
}

// The series and tables of the sheet (fields with a `group`): a grid each, rows and columns
// in file order.
function gridsOf(fields) {
  const grids = new Map();
  for (const f of fields) {
    if (!f.group) continue;
    if (!grids.has(f.group)) {
      grids.set(f.group, { label: f.group_label, first: f, rows: new Map(), columns: new Map() });
    }
    const g = grids.get(f.group);
    if (!g.rows.has(f.row)) g.rows.set(f.row, new Map());
    g.rows.get(f.row).set(f.column, f);
    if (!g.columns.has(f.column)) g.columns.set(f.column, f.column_label);
  }
  for (const g of grids.values()) g.years = [...g.rows.keys()].every((r) => /^\d{4}$/.test(r));
  return grids;
}

// "Năm 2015, Tổng số": where a cell sits, for its input's name and its diagnostics.
function cellName(f) {
  const grid = state.grids && state.grids.get(f.group);
  return (grid && grid.years ? "Năm " : "Dòng ") + f.row + ", " + f.column_label;
}

function gridFor(key, g) {
  const head = el("tr", {}, el("th", {}, g.years ? "Năm" : "STT"),
    ...[...g.columns.values()].map((label) => el("th", { scope: "col" }, label)));
  const body = el("tbody", {});
  for (const [row, cells] of g.rows) {
    const tr = el("tr", {}, el("th", { scope: "row" }, row));
    for (const column of g.columns.keys()) {
      const f = cells.get(column);
      if (!f) {
        tr.append(el("td", { class: "missing", title: "Tệp chưa có giá trị này" }, "—"));
        continue;
      }
      const input = inputFor(f);
      input.setAttribute("aria-label", g.label + ": " + cellName(f));
      tr.append(el("td", { class: "cell", "data-key": f.key, title: f.key + " · dòng " + f.position.line }, input));
    }
    body.append(tr);
  }
  return el(
    "div",
    { class: "field grid", "data-group": key },
    el("div", { class: "grid-label" }, g.label,
      el("span", { class: "key" }, key + " · dòng " + g.first.position.line)),
    el("div", { class: "grid-scroll" }, el("table", { class: "cells" }, el("thead", {}, head), body)),
    el("div", { class: "diags" }),
  );
}

function renderForm(sheet) {
  const form = $("form");
  form.replaceChildren();
  const groups = new Map();
  state.grids = gridsOf(sheet.fields);
  for (const f of sheet.fields) {
    const top = f.key.split(/[.[]/)[0];
    if (!groups.has(top)) {
      const fs = el("fieldset", {}, el("legend", {}, GROUPS[top] || top));
      groups.set(top, fs);
      form.append(fs);
    }
    if (f.group) {
      // The whole grid where its first cell is; its other cells are in it.
      if (state.grids.get(f.group).first === f) {
        groups.get(top).append(gridFor(f.group, state.grids.get(f.group)));
      }
      continue;
    }
    const row = el(
      "div",
      { class: "field", "data-key": f.key },
      el("label", { htmlFor: "f-" + f.key }, f.label,
        el("span", { class: "key" }, f.key + " · dòng " + f.position.line)),
      inputFor(f),
      el("div", { class: "diags" }),
    );
    groups.get(top).append(row);
  }
  if (sheet.outline && sheet.outline.length) {
    const fs = el("fieldset", { class: "outline" }, el("legend", {}, "Dàn ý các văn bản (khối của mẫu)"));
    const tree = (blocks) => el("ul", {}, ...blocks.map((b) =>
      el("li", {}, b.name, b.children.length ? tree(b.children) : null)));
    for (const o of sheet.outline) {
      fs.append(el("details", {}, el("summary", {}, o.template), tree(o.blocks)));
    }
    if (sheet.sections && sheet.sections.length) {
      fs.append(el("p", { class: "muted" },
        "Tệp này sửa bố cục ở " + sheet.sections.length + " chỗ (mục sections)."));
    }
    form.append(fs);
  }
}

async function openSheet(path) {
  clearTimeout(state.timer);
  state.path = path;
  state.edits = new Map();
  for (const li of document.querySelectorAll("#sheet-list li.sheet")) {
    li.classList.toggle("current", li.dataset.path === path);
  }
  try {
    const sheet = await api("GET", sheetUrl(path));
    state.sheet = sheet;
    const title = sheet.unit ? sheet.unit.level + " " + sheet.unit.name + ", " + periodWords(sheet.period) : path;
    $("sheet-title").textContent = title;
    renderForm(sheet);
    updateChanges();
    $("documents").replaceChildren();
    $("tabs").replaceChildren();
    state.current = null;
    await preview();
  } catch (e) {
    notice(e.message, true);
  }
}

// The form's element for a field: its row, or its cell in a grid.
function place(key) {
  const k = CSS.escape(key);
  return document.querySelector('.field[data-key="' + k + '"], td.cell[data-key="' + k + '"]');
}

function changed(f, value) {
  if (value === f.value) state.edits.delete(f.key);
  else state.edits.set(f.key, value);
  const row = place(f.key);
  if (row) row.classList.toggle("changed", state.edits.has(f.key));
  updateChanges();
  clearTimeout(state.timer);
  $("status").textContent = "Đang cập nhật…";
  state.timer = setTimeout(preview, 150);
}

function edits() {
  return [...state.edits].map(([field, value]) => ({ field, value }));
}

function updateChanges() {
  const n = state.edits.size;
  $("save").disabled = n === 0;
  $("changes-count").textContent = n ? n + " giá trị đã sửa, chưa lưu." : "";
}

function diagnostic(d) {
  const where = d.line ? " (dòng " + d.line + ")" : "";
  return el("div", { class: "diag " + d.severity },
    (SEVERITY[d.severity] || d.severity) + where + ": " + d.message,
    d.help ? el("span", { class: "help" }, "Cách sửa: " + d.help) : null);
}

function showDiagnostics(list) {
  for (const box of document.querySelectorAll(".field .diags")) box.replaceChildren();
  for (const row of document.querySelectorAll(".has-error")) row.classList.remove("has-error");
  const other = $("other-diagnostics");
  other.replaceChildren();
  const fields = new Map(((state.sheet && state.sheet.fields) || []).map((f) => [f.key, f]));
  for (const d of list) {
    const sameFile = !d.file || d.file === state.path;
    const row = sameFile && d.field ? place(d.field) : null;
    if (row && row.classList.contains("cell")) {
      // A cell's diagnostic goes under its grid, naming the row and the column.
      const box = diagnostic(d);
      const f = fields.get(d.field);
      if (f) box.prepend(cellName(f) + ". ");
      row.closest(".field.grid").querySelector(".diags").append(box);
      if (d.severity === "error") row.classList.add("has-error");
    } else if (row) {
      row.querySelector(".diags").append(diagnostic(d));
      if (d.severity === "error") row.classList.add("has-error");
    } else {
      const box = diagnostic(d);
      if (d.field) box.prepend(d.field + ": ");
      if (!sameFile && d.file) box.prepend(d.file + ": ");
      other.append(box);
    }
  }
}

function svgUrl(svg) {
  return URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
}

function showDocuments(documents) {
  for (const u of state.urls) URL.revokeObjectURL(u);
  state.urls = [];
  const tabs = $("tabs");
  const box = $("documents");
  tabs.replaceChildren();
  box.replaceChildren();
  box.classList.remove("stale");
  if (!documents.some((d) => d.template === state.current)) {
    state.current = documents.length ? documents[0].template : null;
  }
  for (const d of documents) {
    const short = d.title.length > 34 ? d.title.slice(0, 32) + "…" : d.title;
    const tab = el("button", { type: "button", role: "tab", title: d.title + " (" + d.template + ")" }, short || d.template);
    tab.setAttribute("aria-selected", String(d.template === state.current));
    tab.addEventListener("click", () => {
      state.current = d.template;
      for (const t of tabs.children) t.setAttribute("aria-selected", String(t === tab));
      for (const doc of box.children) doc.classList.toggle("current", doc.dataset.template === d.template);
    });
    tabs.append(tab);
    const base = sheetUrl(state.path) + "/documents/" + encodeURIComponent(d.template);
    const div = el("div", { class: "document" + (d.template === state.current ? " current" : ""), "data-template": d.template },
      el("div", { class: "actions" },
        download("Tải DOCX", base + ".docx"),
        download("Tải PDF", base + ".pdf")),
    );
    d.pages.forEach((svg, i) => {
      const url = svgUrl(svg);
      state.urls.push(url);
      div.append(el("img", { class: "page", src: url, alt: d.template + ", trang " + (i + 1) }));
    });
    div.append(el("details", { class: "text" }, el("summary", {}, "Văn bản dạng chữ"),
      el("pre", { class: "doc-text" }, d.text)));
    box.append(div);
  }
}

function download(label, url) {
  const b = el("button", { type: "button" }, label);
  b.addEventListener("click", async () => {
    if (state.edits.size) notice("Tải về là văn bản của tệp đã lưu; các sửa đổi chưa lưu chưa có trong đó.");
    try {
      const r = await fetch(url, { headers: { Authorization: "Bearer " + token } });
      if (!r.ok) throw new Error((await r.json()).error || ("Lỗi " + r.status));
      const blob = await r.blob();
      const name = (r.headers.get("Content-Disposition") || "").match(/filename="([^"]+)"/);
      const a = el("a", { href: URL.createObjectURL(blob), download: name ? name[1] : "van-ban" });
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      notice(e.message, true);
    }
  });
  return b;
}

async function preview() {
  if (!state.path) return;
  const seq = ++state.seq;
  const started = performance.now();
  try {
    const p = await api("POST", sheetUrl(state.path) + "/preview", { edits: edits() });
    if (seq !== state.seq) return; // a newer keystroke's preview is on its way
    showDiagnostics(p.diagnostics);
    const errors = p.diagnostics.filter((d) => d.severity === "error").length;
    if (p.documents.length) {
      showDocuments(p.documents);
      $("status").textContent = "Đã cập nhật (" + Math.round(performance.now() - started) + " ms).";
    } else {
      $("documents").classList.add("stale");
      $("status").textContent = "Còn " + errors + " lỗi: văn bản chưa cập nhật cho đến khi sửa xong.";
    }
  } catch (e) {
    if (seq === state.seq) $("status").textContent = e.message;
  }
}

async function askSave() {
  const box = $("diff");
  box.replaceChildren(el("p", { class: "muted" }, "Đang so sánh…"));
  $("save-dialog").showModal();
  try {
    const d = await api("POST", sheetUrl(state.path) + "/diff", { edits: edits() });
    box.replaceChildren();
    if (!d.ok) {
      box.append(el("p", { class: "error-text" },
        "Số liệu còn lỗi nên chưa so sánh được văn bản; vẫn có thể lưu để sửa tiếp sau."));
    } else if (!d.documents.length) {
      box.append(el("p", {}, "Không câu nào của văn bản thay đổi."));
    }
    for (const doc of d.documents) {
      const lines = doc.diff.split("\n").filter((l) => l).map((l) =>
        el("div", { class: l.startsWith("+ ") ? "added" : l.startsWith("- ") ? "removed" : "" }, l));
      box.append(el("h3", {}, doc.template), el("div", { class: "diff-lines" }, ...lines));
    }
  } catch (e) {
    box.replaceChildren(el("p", { class: "error-text" }, e.message));
  }
}

async function save() {
  try {
    const r = await api("PUT", sheetUrl(state.path), { base: state.sheet.hash, edits: edits() });
    $("save-dialog").close();
    notice("Đã lưu " + state.path + ".");
    const path = state.path;
    await loadSheets();
    await openSheet(path);
    if (r.diagnostics.length) showDiagnostics(r.diagnostics);
  } catch (e) {
    $("save-dialog").close();
    notice(e.message, true);
  }
}

async function createSheet() {
  const body = {
    path: $("new-path").value.trim(),
    level: $("new-level").value,
  };
  const template = $("new-template").value.trim();
  if (template) body.template = template;
  try {
    const r = await api("POST", "/api/sheets", body);
    $("new-dialog").close();
    await loadSheets();
    await openSheet(r.path);
  } catch (e) {
    $("new-error").textContent = e.message;
  }
}

async function renderAll() {
  const button = $("render-all");
  button.disabled = true;
  notice("Đang xuất toàn bộ thư mục…");
  // The render answers when it is done; meanwhile, how far it is.
  const poll = setInterval(async () => {
    try {
      const p = await api("GET", "/api/render");
      if (p.running && p.total > 0) {
        notice("Đang xuất toàn bộ thư mục: " + p.done + "/" + p.total + " tờ khai…");
      }
    } catch (e) {
      // A missed poll is only a missed update.
    }
  }, 400);
  try {
    const r = await api("POST", "/api/render");
    notice("Đã ghi " + r.files + " tệp vào thư mục " + r.output + "/" +
      (r.errors ? "; " + r.errors + " lỗi, xem danh sách tệp." : "."), r.errors > 0);
  } catch (e) {
    notice(e.message, true);
  } finally {
    clearInterval(poll);
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("save").addEventListener("click", askSave);
  $("confirm-save").addEventListener("click", save);
  $("cancel-save").addEventListener("click", () => $("save-dialog").close());
  $("new-sheet").addEventListener("click", () => {
    $("new-error").textContent = "";
    $("new-dialog").showModal();
  });
  $("confirm-new").addEventListener("click", createSheet);
  $("cancel-new").addEventListener("click", () => $("new-dialog").close());
  $("render-all").addEventListener("click", renderAll);
  if (!token) {
    notice("Thiếu mã truy cập: mở lại bằng đường dẫn mà lệnh vanban serve đã in ra.", true);
    return;
  }
  loadSheets();
});
