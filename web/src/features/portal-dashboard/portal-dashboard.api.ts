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
  hold: { status: 'active' | 'on_hold'; reason: string | null };
}

export function usePortalSummary() {
  return useQuery({
    queryKey: ['portal', 'summary'],
    queryFn: () => apiRequest<PortalSummary>('GET', '/api/v1/portal/summary'),
  });
}
