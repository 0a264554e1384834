import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { Balance, PaymentSummary } from '../invoices/ar.types';

export interface PortalSummary {
  balances: Balance[];
  nextDue: {
    invoiceId: string;
    number: string;
    dueDate: string;
    openAmount: number;
    currency: string;
  } | null;
  recentPayments: PaymentSummary[];
  /** `message`: what the seller wants the customer to read about the hold, if anything. */
  hold: { status: 'active' | 'on_hold'; message: string | null };
}

export function usePortalSummary() {
  return useQuery({
    queryKey: ['portal', 'summary'],
    queryFn: () => apiRequest<PortalSummary>('GET', '/api/v1/portal/summary'),
  });
}
