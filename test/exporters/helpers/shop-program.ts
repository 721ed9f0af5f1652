/**
 * The traced program most tests run: what the transformer emits for a small
 * shop (site() specs at module scope, bodies wrapped in trace/traceAsync),
 * written by hand so these tests depend on the runtime only.
 *
 * Each checkout makes one trace of three spans: Cart.checkout with the
 * children price (sync) and pay (async; fails above 1,000 cents).
 */
import { writeProgram } from "./traced-program";

export const SPANS_PER_CHECKOUT = 3;

/** What the program prints on stdout, traced or not. */
export function expectedShopOutput(checkouts: number): string {
  return Array.from({ length: checkouts }, (_, i) => {
    const qty = (i % 5) + 1;
    const cents = qty * 250;
    return `${JSON.stringify({ cents, paid: cents > 1000 ? "RangeError" : "ok" })}\n`;
  }).join("");
}

/**
 * `checkouts` runs one after another; `pauseMs` waits between them (for
 * tests that change the receiver mid-run). `prelude` runs before the first
 * checkout, `extra` after the last.
 */
export function writeShopProgram(
  { checkouts = 2, pauseMs = 0, prelude = "", extra = "" } = {},
  files: Record<string, string> = {},
): string {
  return writeProgram(
    `const rt = require("ts-autotrace");
const checkoutSite = rt.site({
  service: "shop-config", name: "Cart.checkout", function: "Cart.checkout",
  file: "src/cart.ts", line: 12, args: ["qty", "gift", "note"], result: true,
  attributes: { team: "payments", tier: 2 },
});
const priceSite = rt.site({ name: "price", function: "price", file: "src/price.ts", line: 3 });
const paySite = rt.site({ name: "pay", function: "pay", file: "src/pay.ts", line: 7 });

function price(qty) {
  return rt.trace(priceSite, () => qty * 250, [qty]);
}
async function pay(cents) {
  return await rt.traceAsync(paySite, async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (cents > 1000) throw new RangeError("limit exceeded");
    return "ok";
  }, [cents]);
}
async function checkout(qty, gift, note) {
  return await rt.traceAsync(checkoutSite, async () => {
    const cents = price(qty);
    rt.addEvent("priced", { cents });
    let paid;
    try { paid = await pay(cents); } catch (error) { paid = error.name; }
    return { cents, paid };
  }, [qty, gift, note]);
}

(async () => {
${prelude}
  for (let i = 0; i < ${checkouts}; i++) {
    const qty = (i % 5) + 1;
    console.log(JSON.stringify(await checkout(qty, qty % 2 === 0, "order " + i)));
    if (${pauseMs} > 0) await new Promise((resolve) => setTimeout(resolve, ${pauseMs}));
  }
${extra}
})();
`,
    files,
  );
}
