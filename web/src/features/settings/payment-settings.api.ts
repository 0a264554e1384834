import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../app/api/client';
import type { BodyOf, ResponseOf } from '../../app/api/wire';
import { invalidate, queryKeys } from '../../app/query-keys';
import { formFieldOf, type PaymentSettingsBody, type SavedPaymentSettings } from './payment-settings.form';

export type { PaymentSettingsBody, SavedPaymentSettings };
export type Organization = ResponseOf<'getConsoleOrganization'>;
type OnlinePaymentsBody = BodyOf<'putConsoleCustomersByIdOnlinePayments'>;
type OnlinePaymentsResult = ResponseOf<'putConsoleCustomersByIdOnlinePayments'>;

const key = queryKeys.paymentSettings;
const path = '/api/v1/console/settings/payments';

export function usePaymentSettings() {
  return useQuery({ queryKey: key, queryFn: () => apiRequest<SavedPaymentSettings>('GET', path) });
}

/** The seller's profile: its default currency is the currency of the partial minimum and the fee cap. */
export function useOrganization() {
  return useQuery({
    queryKey: queryKeys.organization,
    queryFn: () => apiRequest<Organization>('GET', '/api/v1/console/organization'),
    staleTime: 5 * 60_000,
  });
}

/**
 * Saves the settings. The body may hold Stripe's secret key: the mutation is dropped from the
 * cache as soon as it settles (`gcTime: 0`) and the page resets it, so the key does not linger.
 */
export function useSavePaymentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentSettingsBody) => apiRequest<SavedPaymentSettings>('PUT', path, body),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    gcTime: 0,
  });
}

/** A failed save with each field error renamed to the form field that shows it. */
export function withFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  return new ApiError({
    ...error.problem,
    errors: error.problem.errors.map((entry) => ({
      ...entry,
      field: formFieldOf(entry.field) ?? entry.field,
    })),
  });
}

/** Lets a customer account pay online, or not (owners, admins, AR agents). */
export function useSetOnlinePayments(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OnlinePaymentsBody) =>
      apiRequest<OnlinePaymentsResult>(
        'PUT',
        `/api/v1/console/customers/${encodeURIComponent(customerId)}/online-payments`,
        body,
      ),
    // Awaited, so the switch keeps showing the new value until the customer has been read again.
    onSuccess: () => invalidate(queryClient, 'customer'),
  });
}
