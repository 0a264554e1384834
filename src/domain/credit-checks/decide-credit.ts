/**
 * The credit rule, pure: `available = limit − owed − pendingOrders`. No limit (null): approved. A
 * limit of 0: the whole order is paid. An order that fits is approved; one that does not pays the
 * part over the available credit (`excess`) or the whole order (`whole`). What was already
 * prepaid for this order (arrived or in flight) is taken off what it must pay.
 */
export function decideCredit(input: {
  limit: bigint | null;
  /** What the customer owes now, this order's own prepayment set apart. */
  owed: bigint;
  pendingOrders: bigint;
  prepaid: bigint;
  orderAmount: bigint;
  orderPayment: 'excess' | 'whole';
}): { available: bigint | null; amountToPay: bigint; decision: 'approved' | 'payment_required' } {
  const { limit, orderAmount } = input;
  const available = limit === null ? null : limit - input.owed - input.pendingOrders;
  let owedOnline = 0n;
  if (available !== null && (limit === 0n || available < orderAmount)) {
    const whole = limit === 0n || input.orderPayment === 'whole';
    owedOnline = whole ? orderAmount : orderAmount - (available > 0n ? available : 0n);
  }
  const amountToPay = owedOnline > input.prepaid ? owedOnline - input.prepaid : 0n;
  return { available, amountToPay, decision: amountToPay > 0n ? 'payment_required' : 'approved' };
}
