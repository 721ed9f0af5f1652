import { Catalog, type Product } from "./catalog";
import { chargeCard } from "../billing/payments";

export class Cart {
  private readonly lines: Product[] = [];

  constructor(private readonly catalog: Catalog) {}

  add(sku: string): number {
    this.lines.push(this.catalog.findBySku(sku));
    return this.lines.length;
  }

  total(): number {
    return this.lines.reduce((sum, line) => sum + line.priceCents, 0);
  }

  async checkout(card: string): Promise<string> {
    const receipt = await chargeCard(card, this.total());
    this.lines.length = 0;
    return receipt;
  }
}
