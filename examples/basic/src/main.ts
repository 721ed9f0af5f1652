// The example program: it knows nothing about tracing. The rules in
// ../../tracing.config.json decide what is traced when it is built with tspc.
import { shutdownTracing } from "ts-autotrace";
import { Invoice } from "./billing/payments";
import { Catalog } from "./services/catalog";
import { Cart } from "./services/cart";

async function main(): Promise<void> {
  const catalog = new Catalog();
  const cart = new Cart(catalog);

  const found = await catalog.searchProducts("tea");
  console.log(`search "tea": ${found.map((p) => p.name).join(", ")}`);
  await catalog.searchProducts("slow");

  cart.add("tea");
  cart.add("pot");
  console.log(`cart total: ${Invoice.format(cart.total())}`);
  console.log(`checkout: ${await cart.checkout("4242424242424242")}`);

  try {
    cart.add("nope");
  } catch (error) {
    console.log(`add failed: ${(error as Error).message}`);
  }
  try {
    cart.add("cup");
    await cart.checkout("0000111122223333");
  } catch (error) {
    console.log(`checkout failed: ${(error as Error).message}`);
  }
  await shutdownTracing();
}

void main();
