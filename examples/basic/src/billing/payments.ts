export async function chargeCard(card: string, amountCents: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (card.startsWith("0000")) throw new Error("card declined");
  return `receipt-${card.slice(-4)}-${amountCents}`;
}

export const Invoice = {
  format(amountCents: number): string {
    return `$${(amountCents / 100).toFixed(2)}`;
  },
};
