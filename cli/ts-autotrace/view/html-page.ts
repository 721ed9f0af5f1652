/**
 * One self-contained HTML page: styles, data and script inline, nothing
 * fetched (no CDN, no network), so the file can be mailed or archived.
 */
import type { ViewModel } from "./view-model";
import { viewerMain } from "./page-script";

export function renderPage(model: ViewModel, title: string): string {
  const data = JSON.stringify(model).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)} · ts-autotrace</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><span class="dim">${model.traces.length} traces · ${model.spanCount} spans</span>
<input id="filter" type="search" placeholder="traces with a span named…" aria-label="filter traces by span name"><span id="filter-count" class="dim"></span></header>
<section id="slowest"><h2>Slowest functions</h2>${slowestTable(model)}</section>
<main>
<div id="rows"><div id="spacer"></div></div>
<aside id="detail"><p class="dim">Click a span to see its attributes and events.</p></aside>
</main>
<script id="trace-data" type="application/json">${data}</script>
<script>(${viewerMain.toString()})();</script>
</body>
</html>
`;
}

function slowestTable(model: ViewModel): string {
  const ms = (value: number) => value.toFixed(2);
  const rows = model.slowest
    .map(
      (f) =>
        `<tr data-function="${escapeHtml(f.name)}"><td class="fn">${escapeHtml(f.name)}</td><td data-col="calls">${f.calls}</td>` +
        `<td data-col="p50">${ms(f.p50)}</td><td data-col="p95">${ms(f.p95)}</td><td data-col="max">${ms(f.max)}</td>` +
        `<td data-col="errors" class="${f.errors > 0 ? "err-text" : ""}">${f.errors}</td></tr>`,
    )
    .join("");
  return `<div class="table-box"><table><thead><tr><th>function (span name)</th><th>calls</th><th>p50 ms</th><th>p95 ms</th><th>max ms</th><th>errors</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #1d2330; background: #f6f7f9; display: flex; flex-direction: column; height: 100vh; }
header { display: flex; gap: 12px; align-items: baseline; padding: 8px 14px; background: #1d2330; color: #fff; }
header h1 { font-size: 15px; margin: 0; }
#filter { margin-left: auto; width: 260px; padding: 3px 8px; border: 0; border-radius: 3px; font: inherit; }
h2 { font-size: 14px; margin: 0 0 6px; } h3 { font-size: 13px; margin: 12px 0 4px; }
.dim { color: #6b7385; } header .dim { color: #b8bfcc; }
.err-text { color: #c62828; font-weight: 600; }
#slowest { padding: 8px 14px; border-bottom: 1px solid #dde1e8; background: #fff; }
.table-box { max-height: 24vh; overflow: auto; }
#slowest table { border-collapse: collapse; width: 100%; }
#slowest th, #slowest td { padding: 2px 10px; text-align: right; border-bottom: 1px solid #eef0f4; white-space: nowrap; }
#slowest th:first-child, #slowest td.fn { text-align: left; font-family: ui-monospace, monospace; }
#slowest thead th { position: sticky; top: 0; background: #fff; }
main { flex: 1; display: flex; min-height: 0; }
#rows { flex: 1; overflow: auto; position: relative; background: #fff; }
#spacer { position: relative; }
.row { position: absolute; left: 0; right: 0; height: 24px; display: flex; align-items: center; border-bottom: 1px solid #f0f2f5; }
.row .name { width: 36%; min-width: 220px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; padding-right: 8px; font-family: ui-monospace, monospace; }
.trace-head { background: #eef2f8; } .trace-head .name { font-family: inherit; padding-left: 8px; }
.lane { position: relative; flex: 1; height: 100%; margin-right: 10px; }
.axis .tick { position: absolute; top: 5px; font-size: 10px; color: #6b7385; white-space: nowrap; transform: translateX(-50%); }
.axis .tick:first-child { transform: none; } .axis .tick:last-child { transform: translateX(-100%); }
.bar { position: absolute; top: 6px; height: 12px; min-width: 2px; background: #3b7dd8; border-radius: 2px; }
.span.error .bar { background: #d32f2f; } .span.error .name { color: #c62828; }
.dur { position: absolute; top: 4px; margin-left: 4px; font-size: 11px; color: #4a5163; white-space: nowrap; }
.dur.inside { color: #fff; } .dur.before { margin: 0 4px 0 0; }
.span { cursor: pointer; } .span:hover { background: #f3f6fb; } .span.selected { background: #dbe7fb; }
#detail { width: 30%; min-width: 280px; overflow: auto; padding: 10px 14px; border-left: 1px solid #dde1e8; background: #fff; }
#detail dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
#detail dt { color: #6b7385; } #detail dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
.attrs { border-collapse: collapse; width: 100%; } .attrs th, .attrs td { text-align: left; vertical-align: top; padding: 2px 6px; border-bottom: 1px solid #eef0f4; font-family: ui-monospace, monospace; word-break: break-all; }
.attrs th { color: #4a5163; font-weight: normal; width: 40%; }
.events { padding-left: 16px; margin: 0; }
`;
