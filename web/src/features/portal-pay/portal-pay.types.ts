/*
 * The portal's online-payment API (scratch/portal-pay-api.md), typed by hand from that contract
 * while the server's routes are being written. Once they are in the OpenAPI document, the lead
 * switches these to the generated types (app/api/wire.ts, `npm run gen:api-types`). No imports:
 * the pure flow logic (pay-logic.ts) and its Node tests read them too.
 */

export type PaymentKind = 'card' | 'ach';
export type BlockedReason = 'seller_off' | 'customer_off' | 'on_hold' | 'role' | 'no_methods';

export interface SavedMethod {
  id: string;
  kind: PaymentKind;
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  bankName: string | null;
  accountType: string | null;
  usedByAutopay: boolean;
}

export interface PaymentOptions {
  enabled: boolean;
  blockedReason: BlockedReason | null;
  holdMessage: string | null;
  processor: 'sandbox' | 'stripe';
  methods: PaymentKind[];
  partial: { allowed: boolean; minimum: number | null };
  cardFee: { percentBps: number; cap: number | null } | null;
  achAuthorization: string | null;
  savedMethods: SavedMethod[];
}

export interface AllocationBody {
  invoiceId: string;
  amount: number;
}

export interface QuoteBody {
  kind: PaymentKind;
  allocations: AllocationBody[];
}

export interface Quote {
  currency: string;
  amount: number;
  fee: number;
  total: number;
  allocations: { invoiceId: string; number: string; amount: number; payable: number }[];
}

export type NewPaymentBody = QuoteBody & { achAuthorizationAccepted?: boolean } & (
    | { paymentMethodId: string }
    | { methodToken: string; saveMethod: boolean }
  );

export type OnlinePaymentStatus = 'completed' | 'pending' | 'processing' | 'requires_action' | 'failed';

export interface PaymentFailure {
  code: string;
  message: string;
  retryable: boolean;
}

export interface PaymentAnswer {
  id: string;
  number: string;
  status: OnlinePaymentStatus;
  amount: number;
  fee: number;
  total: number;
  currency: string;
  failure: PaymentFailure | null;
  actionUrl: string | null;
}

export type TimelineStatus =
  | 'initiated'
  | 'processing'
  | 'pending'
  | 'completed'
  | 'failed'
  | 'returned'
  | 'refunded'
  | 'disputed';

export interface PortalPaymentDetail {
  id: string;
  number: string;
  /** The payment's state; older (staff-recorded) payments may also be `reversed`. */
  status: OnlinePaymentStatus | 'returned' | 'refunded' | 'disputed' | 'reversed' | (string & {});
  method: string;
  source: 'portal' | 'autopay' | 'staff' | 'manual' | 'pay_link';
  amount: number;
  fee: number;
  total: number;
  refundedAmount: number;
  currency: string;
  receivedOn: string;
  createdAt: string;
  paymentMethod: { kind: string; brand: string | null; last4: string | null; bankName: string | null } | null;
  failure: PaymentFailure | null;
  returnReason: { code: string; message: string } | null;
  expectedSettlement: string | null;
  allocations: { invoiceId: string; number: string; amount: number; applied: boolean }[];
  timeline: { at: string; status: TimelineStatus | (string & {}); detail: string | null }[];
  receiptUrl: string | null;
}
