/**
 * `view` end to end: a real program writes traces.jsonl with the file
 * exporter, the CLI turns it into a page, and headless Chromium (Debian's
 * chromium, driven by playwright-core) shows every trace and span, a span's
 * attributes on click, and the right counts in the slowest-functions table,
 * without a single network request.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tracingEnv } from "../helpers/run";
import CHROMIUM from "./chromium.json";
import { cli } from "./cli-helpers";

const WORK = path.join(ROOT, ".tmp", "cli-view");

/** Two checkouts (add, add, pay which throws) and one search (with a sleep child). */
const PROGRAM = `
const { site, trace } = require(${JSON.stringify(path.join(ROOT, "dist", "runtime", "index.js"))});
const s = (name, extra = {}) => site({ name, function: name, file: "src/shop.ts", line: 1, ...extra });
const checkout = s("Cart.checkout", { args: ["card"] }), add = s("Cart.add", { args: ["sku"] });
const pay = s("Payments.charge"), search = s("Catalog.search", { thresholdMs: 0 }), sleep = s("sleep");
for (const card of ["4242", "5555"]) {
  try {
    trace(checkout, () => {
      trace(add, () => 1, ["tea"]);
      trace(add, () => 2, ["pot"]);
      trace(pay, () => { throw new TypeError("card declined"); });
    }, [card]);
  } catch {}
}
trace(search, () => trace(sleep, () => 0));
`;

interface FileSpan {
  traceId: string;
  spanId: string;
  name: string;
  status?: { code?: number };
}

function writeTraces(file: string, program: string, args: string[] = []): FileSpan[] {
  fs.rmSync(file, { force: true });
  const result = spawnSync(process.execPath, ["-e", program, ...args], {
    env: tracingEnv({ TRACING_EXPORTER: "file", TRACING_FILE_PATH: file }),
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .flatMap((line) => JSON.parse(line).resourceSpans)
    .flatMap((rs: { scopeSpans: { spans: FileSpan[] }[] }) =>
      rs.scopeSpans.flatMap((ss) => ss.spans),
    );
}

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  // Debian's chromium with the flags that keep it off the network (see chromium.json).
  browser = await chromium.launch(CHROMIUM);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(html: string): Promise<void> {
  await page.goto(`file://${html}`);
  await page.waitForSelector("body[data-ready=true]");
}

describe("view", () => {
  it("shows every trace and span, a span's attributes on click, and the right counts", async () => {
    const input = path.join(WORK, "traces.jsonl");
    const spans = writeTraces(input, PROGRAM);
    expect(spans).toHaveLength(10);
    const result = cli(["view", input, "--out", path.join(WORK, "report.html")]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("3 traces, 10 spans");
    await open(path.join(WORK, "report.html"));

    const traceIds = await page.$$eval("[data-trace-id]", (rows) =>
      rows.map((r) => r.getAttribute("data-trace-id")),
    );
    expect(new Set(traceIds)).toEqual(new Set(spans.map((s) => s.traceId)));
    const spanIds = await page.$$eval("[data-span-id]", (rows) =>
      rows.map((r) => r.getAttribute("data-span-id")),
    );
    expect([...spanIds].sort()).toEqual(spans.map((s) => s.spanId).sort());
    const errorIds = spans.filter((s) => s.status?.code === 2).map((s) => s.spanId);
    expect(errorIds).toHaveLength(4); // both charges, and both checkouts they fail
    const shownErrors = await page.$$eval(".span.error", (rows) =>
      rows.map((r) => r.getAttribute("data-span-id")),
    );
    expect([...shownErrors].sort()).toEqual([...errorIds].sort());
    const barColour = (selector: string) =>
      page.$eval(`${selector} .bar`, (bar) => getComputedStyle(bar).backgroundColor);
    expect(await barColour(`[data-span-id="${errorIds[0]}"]`)).toBe("rgb(211, 47, 47)"); // red
    expect(await barColour(".span:not(.error)")).toBe("rgb(59, 125, 216)");

    const failed = spans.find((s) => s.name === "Payments.charge")!;
    await page.click(`[data-span-id="${failed.spanId}"]`);
    const detail = page.locator("#detail");
    await expect.poll(() => detail.textContent()).toContain("Payments.charge");
    const text = (await detail.textContent()) ?? "";
    expect(text).toContain("ERROR");
    expect(text).toContain("card declined");
    expect(text).toContain("code.file.path");
    expect(text).toContain("src/shop.ts");
    expect(text).toContain("exception.type");
    expect(text).toContain("TypeError");

    const table = await page.$$eval("#slowest tbody tr", (rows) =>
      rows.map((row) => [
        row.getAttribute("data-function"),
        row.querySelector("[data-col=calls]")!.textContent,
        row.querySelector("[data-col=errors]")!.textContent,
      ]),
    );
    const expected = [...new Set(spans.map((s) => s.name))].map((name) => [
      name,
      String(spans.filter((s) => s.name === name).length),
      String(spans.filter((s) => s.name === name && s.status?.code === 2).length),
    ]);
    expect([...table].sort()).toEqual(expected.sort());
    expect(table.find((row) => row[0] === "Cart.add")).toEqual(["Cart.add", "4", "0"]);
    expect(table.find((row) => row[0] === "Payments.charge")).toEqual([
      "Payments.charge",
      "2",
      "2",
    ]);

    // The filter keeps the traces with a span of that name, and clearing it brings all back.
    await page.fill("#filter", "catalog.SEARCH");
    const filtered = await page.$$eval("[data-trace-id]", (rows) =>
      rows.map((r) => r.getAttribute("data-trace-id")),
    );
    expect(filtered).toEqual([spans.find((s) => s.name === "Catalog.search")!.traceId]);
    expect(await page.textContent("#filter-count")).toBe("1 of 3 traces");
    await page.fill("#filter", "");
    expect(await page.locator("[data-trace-id]").count()).toBe(3);

    if (process.env.UPDATE_VIEW_SCREENSHOT)
      await page.screenshot({ path: path.join(ROOT, "docs", "view.png") });
    expect(requests).toEqual([]);
  });

  it("keeps only the rows in view in the page, however many spans, and reaches the last one", async () => {
    const many = `
      const { site, trace } = require(${JSON.stringify(path.join(ROOT, "dist", "runtime", "index.js"))});
      const a = site({ name: "job", function: "job", file: "j.ts", line: 1 }), b = site({ name: "step", function: "step", file: "j.ts", line: 2 });
      for (let i = 0; i < 3000; i++) trace(a, () => { trace(b, () => i); trace(b, () => i); });
    `;
    const input = path.join(WORK, "many.jsonl");
    const spans = writeTraces(input, many);
    expect(spans).toHaveLength(9000);
    expect(cli(["view", input]).status).toBe(0);
    await open(path.join(WORK, "many.html"));
    expect(await page.locator(".row").count()).toBeLessThan(150);
    await page.$eval("#rows", (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(100);
    const lastTrace = await page.$$eval("[data-trace-id]", (rows) =>
      rows.map((r) => r.getAttribute("data-trace-id")).pop(),
    );
    const traceOrder = [...new Set(spans.map((s) => s.traceId))];
    expect(lastTrace).toBe(traceOrder[traceOrder.length - 1]);
    expect(await page.locator(".row").count()).toBeLessThan(150);
  });

  it("names a file that is not OTLP/JSON lines, by line, exit 1", () => {
    const input = path.join(WORK, "bad.jsonl");
    fs.writeFileSync(input, '{"resourceSpans":[]}\nnot json\n');
    const result = cli(["view", input]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("bad.jsonl:2 is not JSON");
    expect(cli(["view"]).status).toBe(2);
  });
});
