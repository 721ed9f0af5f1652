export interface Product {
  sku: string;
  name: string;
  priceCents: number;
}

const PRODUCTS: Product[] = [
  { sku: "tea", name: "Green tea", priceCents: 450 },
  { sku: "cup", name: "Cup", priceCents: 1200 },
  { sku: "pot", name: "Teapot", priceCents: 3900 },
];

export class Catalog {
  async searchProducts(query: string): Promise<Product[]> {
    await sleep(query === "slow" ? 120 : 5); // a slow search crosses the 100 ms threshold
    return PRODUCTS.filter((p) => p.name.toLowerCase().includes(query.toLowerCase()));
  }

  findBySku(sku: string): Product {
    const product = PRODUCTS.find((p) => p.sku === sku);
    if (!product) throw new Error(`unknown product ${sku}`);
    return product;
  }

  _cacheKey(sku: string): string {
    return `product:${sku}`; // "!_*" in the config: not traced
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
