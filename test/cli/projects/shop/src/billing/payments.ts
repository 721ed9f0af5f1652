export function chargeCard(amount: number): string {
  return `charged ${amount}`;
}

export class Invoice {
  constructor(readonly total: number) {}

  format(): string {
    return `total ${this.total}`;
  }

  // @autotrace-ignore
  secret(): number {
    return 42;
  }
}
