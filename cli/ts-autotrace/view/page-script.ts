/// <reference lib="dom" />
/**
 * The page's own script, inlined into the HTML as `(${viewerMain})()`: it must
 * not use anything outside its own body (no imports, no module-level names).
 *
 * Smooth with 100,000 spans: the traces and their spans are one virtual list
 * of fixed-height rows, and only the rows in view (plus a margin) are in the
 * DOM; scrolling re-renders at most once per animation frame.
 */
export function viewerMain(): void {
  type Row = [number, number, number, number, number];
  interface Model {
    names: string[];
    traces: {
      traceId: string;
      service: string;
      rootName: string;
      durationMs: number;
      errors: number;
      rows: Row[];
    }[];
    details: {
      spanId: string;
      parentSpanId: string | null;
      statusMessage: string;
      attributes: Record<string, unknown>;
      events: { name: string; offsetMs: number; attributes: Record<string, unknown> }[];
    }[];
  }
  const ROW = 24;
  const MARGIN = 20;
  const model = JSON.parse(document.getElementById("trace-data")!.textContent!) as Model;
  const list = document.getElementById("rows")!;
  const spacer = document.getElementById("spacer")!;
  const detail = document.getElementById("detail")!;
  const filterBox = document.getElementById("filter") as HTMLInputElement;
  const count = document.getElementById("filter-count")!;

  const firstDetail = new Int32Array(model.traces.length);
  model.traces.forEach((trace, t) => {
    if (t > 0) firstDetail[t] = firstDetail[t - 1] + model.traces[t - 1].rows.length;
  });

  // Flat row index: row r shows trace rowTrace[r]; rowSpan[r] is -1 for the trace's header.
  // Rebuilt by the filter: only traces with a span whose name contains the text.
  let total = 0;
  let rowTrace = new Int32Array(0);
  let rowSpan = new Int32Array(0);
  function buildIndex(filter: string): void {
    const text = filter.trim().toLowerCase();
    const nameMatches = model.names.map((name) => text === "" || name.toLowerCase().includes(text));
    const shown = model.traces.map((trace) => trace.rows.some((row) => nameMatches[row[0]]));
    const shownCount = shown.filter(Boolean).length;
    total = model.traces.reduce((n, trace, t) => n + (shown[t] ? 1 + trace.rows.length : 0), 0);
    rowTrace = new Int32Array(total);
    rowSpan = new Int32Array(total);
    let r = 0;
    model.traces.forEach((trace, t) => {
      if (!shown[t]) return;
      rowTrace[r] = t;
      rowSpan[r++] = -1;
      for (let s = 0; s < trace.rows.length; s++) {
        rowTrace[r] = t;
        rowSpan[r++] = s;
      }
    });
    spacer.style.height = `${total * ROW}px`;
    count.textContent = text === "" ? "" : `${shownCount} of ${model.traces.length} traces`;
  }
  let selected = -1;

  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const ms = (value: number) =>
    value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
  const show = (value: unknown) =>
    escapeHtml(typeof value === "string" ? value : JSON.stringify(value));

  function rowHtml(index: number): string {
    const trace = model.traces[rowTrace[index]];
    const top = `style="top:${index * ROW}px"`;
    if (rowSpan[index] === -1) {
      const errors =
        trace.errors > 0
          ? ` · <span class="err-text">${trace.errors} error${trace.errors > 1 ? "s" : ""}</span>`
          : "";
      const ticks = [0, 0.25, 0.5, 0.75, 1]
        .map(
          (f) => `<span class="tick" style="left:${f * 100}%">${ms(trace.durationMs * f)}</span>`,
        )
        .join("");
      return (
        `<div class="row trace-head" data-trace-id="${trace.traceId}" ${top}>` +
        `<div class="name"><b>${escapeHtml(trace.rootName)}</b> <span class="dim">trace ${trace.traceId.slice(0, 8)} · ${escapeHtml(trace.service)} · ${trace.rows.length} spans · ${ms(trace.durationMs)}</span>${errors}</div>` +
        `<div class="lane axis">${ticks}</div></div>`
      );
    }
    const [name, depth, offset, duration, status] = trace.rows[rowSpan[index]];
    const detailIndex = firstDetail[rowTrace[index]] + rowSpan[index];
    const scale = trace.durationMs > 0 ? 100 / trace.durationMs : 0;
    const left = offset * scale;
    const width = Math.max(duration * scale, 0.2);
    const classes = `row span${status === 2 ? " error" : ""}${detailIndex === selected ? " selected" : ""}`;
    return (
      `<div class="${classes}" data-row="${index}" data-span-id="${model.details[detailIndex].spanId}" ${top}>` +
      `<div class="name" style="padding-left:${8 + depth * 14}px">${escapeHtml(model.names[name])}</div>` +
      `<div class="lane"><div class="bar" style="left:${left}%;width:${width}%"></div>` +
      `<span class="${labelPlace(left, width)}" style="${labelStyle(left, width)}">${ms(duration)}</span></div></div>`
    );
  }

  // The duration goes after the bar, inside a bar that reaches the right edge, else before it.
  function labelPlace(left: number, width: number): string {
    if (left + width <= 85) return "dur";
    return width >= 12 ? "dur inside" : "dur before";
  }
  function labelStyle(left: number, width: number): string {
    if (left + width <= 85) return `left:${left + width}%`;
    return width >= 12 ? `left:${left}%` : `right:${100 - left}%`;
  }

  let scheduled = false;
  function render(): void {
    scheduled = false;
    const first = Math.max(0, Math.floor(list.scrollTop / ROW) - MARGIN);
    const last = Math.min(total, Math.ceil((list.scrollTop + list.clientHeight) / ROW) + MARGIN);
    let html = "";
    for (let i = first; i < last; i++) html += rowHtml(i);
    spacer.innerHTML = html;
  }
  list.addEventListener("scroll", () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(render);
    }
  });
  window.addEventListener("resize", render);

  function showDetail(index: number): void {
    const t = rowTrace[index];
    const trace = model.traces[t];
    const [name, , offset, duration, status] = trace.rows[rowSpan[index]];
    const info = model.details[firstDetail[t] + rowSpan[index]];
    selected = firstDetail[t] + rowSpan[index];
    const table = (attributes: Record<string, unknown>) =>
      `<table class="attrs">${Object.entries(attributes)
        .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${show(v)}</td></tr>`)
        .join("")}</table>`;
    const statusText =
      status === 2
        ? `<span class="err-text">ERROR</span> ${escapeHtml(info.statusMessage)}`
        : status === 1
          ? "OK"
          : "UNSET";
    const events = info.events
      .map(
        (e) =>
          `<li><b>${escapeHtml(e.name)}</b> <span class="dim">+${ms(e.offsetMs)}</span>${table(e.attributes)}</li>`,
      )
      .join("");
    detail.innerHTML =
      `<h2>${escapeHtml(model.names[name])}</h2>` +
      `<dl><dt>duration</dt><dd>${ms(duration)}</dd><dt>starts at</dt><dd>+${ms(offset)}</dd>` +
      `<dt>status</dt><dd>${statusText}</dd><dt>trace</dt><dd>${trace.traceId}</dd>` +
      `<dt>span</dt><dd>${info.spanId}</dd><dt>parent</dt><dd>${info.parentSpanId ?? "(root)"}</dd></dl>` +
      `<h3>Attributes</h3>${table(info.attributes)}` +
      `<h3>Events</h3>${events ? `<ul class="events">${events}</ul>` : '<p class="dim">none</p>'}`;
    render();
  }
  list.addEventListener("click", (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-row]");
    if (row) showDetail(Number(row.dataset.row));
  });

  filterBox.addEventListener("input", () => {
    buildIndex(filterBox.value);
    list.scrollTop = 0;
    render();
  });

  buildIndex("");
  render();
  document.body.dataset.ready = "true";
  (window as unknown as { viewLoadMs: number }).viewLoadMs = performance.now();
}
