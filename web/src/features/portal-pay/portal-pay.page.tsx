import { Alert, Button, EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { minorToInput } from '../../app/money-input';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { BlockedNotice } from './pay-access';
import {
  clearFlow,
  fingerprint,
  forgetKey,
  forgetPaymentKeys,
  idempotencyKeyFor,
  MAX_INVOICES,
  type PayInvoice,
  parseSelection,
  paymentBody,
  rememberAttempt,
  rememberPaymentFor,
  type Selection,
  selectionKey,
} from './pay-logic';
import { PaySteps, usePayFlow } from './pay-steps';
import {
  type PaymentOptions,
  usePayInvoices,
  usePaymentOptions,
  usePaymentQuote,
  useStartMethodEntry,
  useSubmitPayment,
} from './portal-pay.api';
import { tabStore } from './tab-store';

/**
 * /portal/pay: pay one or several invoices, or the overdue or whole balance, in three steps —
 * amounts, method, review. The selection, the step and the method are in the address (the back
 * button goes back a step; the processor's page comes back to it); what is typed is kept in the tab.
 */
export function PortalPayPage() {
  const { t } = useTranslation(['portalPay', 'common']);
  const { orgName } = useCustomerContext();
  const [params] = useSearchParams();
  const invoicesParam = params.get('invoices');
  const presetParam = params.get('preset');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection is those two parameters only
  const selection = useMemo(() => parseSelection(params), [invoicesParam, presetParam]);
  usePageTitle(t('page.title'));
  const options = usePaymentOptions();
  const invoices = usePayInvoices(selection);

  let body: ReactNode;
  if (!selection) {
    body = (
      <Paper withBorder>
        <EmptyState
          py={40}
          icon={<IconFileInvoice size={28} stroke={1.5} aria-hidden />}
          withIndicatorBackground
          title={t('page.noSelectionTitle')}
          description={t('page.noSelectionText')}
        >
          <Button component={Link} to="/portal/invoices?status=open&sort=dueDate" variant="light">
            {t('page.toInvoices')}
          </Button>
        </EmptyState>
      </Paper>
    );
  } else if (options.isError && !options.data) {
    body = <ProblemAlert error={options.error} onRetry={() => void options.refetch()} />;
  } else if (invoices.error) {
    body = <ProblemAlert error={invoices.error} onRetry={invoices.refetch} />;
  } else if (!options.data || !invoices.rows) {
    body = (
      <Stack gap="md">
        <Skeleton height={44} radius="md" />
        <Skeleton height={220} radius="md" />
      </Stack>
    );
  } else if (!options.data.enabled) {
    body = <BlockedNotice options={options.data} />;
  } else {
    body = (
      <PayFlow
        key={selectionKey(selection)}
        selection={selection}
        options={options.data}
        rows={invoices.rows}
        truncated={invoices.truncated}
      />
    );
  }

  return (
    <>
      <BackLink to="/portal/invoices">{t('page.back')}</BackLink>
      <PageHeader title={t('page.title')} description={t('page.description', { org: orgName })} />
      {body}
    </>
  );
}

function PayFlow({
  selection,
  options,
  rows,
  truncated,
}: {
  selection: Selection;
  options: PaymentOptions;
  rows: PayInvoice[];
  truncated: boolean;
}) {
  const { t } = useTranslation(['portalPay', 'common']);
  const format = useFormatters();
  const navigate = useNavigate();
  const store = useMemo(tabStore, []);
  const flowKey = selectionKey(selection);
  const submit = useSubmitPayment();
  const flow = usePayFlow({ store, flowKey, rows, options, frozen: submit.isPending || submit.isSuccess });
  const { params, setParam, method, check, currency, achAccepted } = flow;

  // "Try again" after a failed payment: that attempt is over, the next one gets a new key.
  const retry = params.get('retry');
  useEffect(() => {
    if (!retry) return;
    forgetPaymentKeys(store, retry);
    setParam({ retry: null });
  }, [retry, store, setParam]);

  const entry = useStartMethodEntry();
  const quote = usePaymentQuote(flow.quoteBody);

  const pay = () => {
    if (!method || !check.ok || submit.isPending || !currency) return;
    if (method.kind === 'ach' && !achAccepted) return flow.setShowErrors(true);
    const body = paymentBody({
      method,
      allocations: check.allocations,
      saveMethod: flow.flow.saveMethod,
      achAccepted,
    });
    const print = fingerprint(body);
    const idempotencyKey = idempotencyKeyFor(store, print, () => crypto.randomUUID());
    submit.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (answer) => {
          rememberPaymentFor(store, print, answer.id);
          const review = new URLSearchParams(params);
          review.set('step', 'review');
          review.delete('retry');
          rememberAttempt(store, answer.id, {
            path: `/portal/pay?${review.toString()}`,
            selection: flowKey,
            texts: Object.fromEntries(
              check.allocations.map((a) => [a.invoiceId, minorToInput(a.amount, currency, format.locale)]),
            ),
          });
          if (answer.status === 'failed') forgetKey(store, print);
          else clearFlow(store, flowKey);
          if (answer.status === 'requires_action' && answer.actionUrl)
            window.location.assign(answer.actionUrl);
          else void navigate(`/portal/payments/${answer.id}`);
        },
        onError: (error) => {
          // The server refused this key for another body: the next try is a new attempt.
          if (isApiError(error, 'idempotency_key_reused')) forgetKey(store, print);
        },
      },
    );
  };

  if (!currency || flow.payRows.length === 0)
    return (
      <Alert color="gray" variant="light" title={t('page.nothingTitle')}>
        {t('page.nothingText')}
      </Alert>
    );

  return (
    <Stack gap="md">
      {truncated && (
        <Alert color="yellow" variant="light">
          {t('page.truncated', { count: MAX_INVOICES })}
        </Alert>
      )}
      <PaySteps
        flow={flow}
        options={options}
        quote={quote}
        entry={entry}
        returnPathname="/portal/pay"
        paying={submit.isPending}
        payError={submit.error}
        onPay={pay}
      />
    </Stack>
  );
}
