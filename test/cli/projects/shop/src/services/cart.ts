export class Cart {
  private items: number[] = [];

  add(price: number): void {
    this.items.push(price);
  }

  total = (): number => this.items.reduce((a, b) => a + b, 0);

  _internal(): void {}
}

export function checkout(cart: Cart): number {
  return cart.total();
}
