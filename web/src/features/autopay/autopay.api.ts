import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { ResponseOf } from '../../app/api/wire';
import { queryKeys } from '../../app/query-keys';
import type { AutopayState, EnrollBody, Enrollment } from './autopay.types';

/*
 * Autopay's API (scratch/autopay-contract.md): the same shapes for the customer in the portal and
 * for staff on a customer's page in the console.
 */

export type * from './autopay.types';

/** Whose autopay: the signed-in customer's account, or a customer of the seller (console). */
export type AutopayTarget = { audience: 'portal' } | { audience: 'console'; customerId: string };

/*
 * Its query keys, until app/query-keys.ts holds them (the lead's file): the console's sit under
 * the customers' prefix, so money moving on the customer (a payment, an invoice) refreshes the
 * next charge too; the portal's are refreshed by autopay's own changes.
 */
function keyOf(target: AutopayTarget) {
  return target.audience === 'portal'
    ? queryKeys.autopay.portal
    : queryKeys.autopay.console(target.customerId);
}

function pathOf(target: AutopayTarget): string {
  return target.audience === 'portal'
    ? '/api/v1/portal/autopay'
    : `/api/v1/console/customers/${encodeURIComponent(target.customerId)}/autopay`;
}

export function useAutopay(target: AutopayTarget) {
  return useQuery({
    queryKey: keyOf(target),
    queryFn: () => apiRequest<AutopayState>('GET', pathOf(target)),
  });
}

type Change = { action: 'enroll'; body: EnrollBody } | { action: 'pause' | 'resume' | 'cancel' };

/** Enrol (or change the rules), pause, resume, cancel: each answers the enrollment as it now is. */
export function useChangeAutopay(target: AutopayTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => {
      const path = pathOf(target);
      if (change.action === 'enroll') return apiRequest<Enrollment>('PUT', path, change.body);
      if (change.action === 'cancel') return apiRequest<Enrollment>('DELETE', path);
      return apiRequest<Enrollment>('POST', `${path}/${change.action}`);
    },
    onSuccess: (enrollment) => {
      // What the page shows at once is the server's answer; the rest (next charge, the method's
      // "used by autopay") is read again.
      queryClient.setQueryData<AutopayState>(keyOf(target), (state) => state && { ...state, enrollment });
      void queryClient.invalidateQueries({ queryKey: keyOf(target) });
      if (target.audience === 'portal')
        void queryClient.invalidateQueries({ queryKey: queryKeys.portalPay.options });
    },
  });
}

export type AutopaySettings = ResponseOf<'getConsoleSettingsAutopay'>;

/** The seller's autopay settings: how many days before a charge its notice is mailed. */
export function useAutopaySettings() {
  return useQuery({
    queryKey: queryKeys.autopaySettings,
    queryFn: () => apiRequest<AutopaySettings>('GET', '/api/v1/console/settings/autopay'),
  });
}

export function useSaveAutopaySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AutopaySettings) =>
      apiRequest<AutopaySettings>('PUT', '/api/v1/console/settings/autopay', body),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.autopaySettings, saved),
  });
}
