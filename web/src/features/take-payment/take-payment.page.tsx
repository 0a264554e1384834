import { Alert, Anchor, Paper, Skeleton, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CustomerSelect } from '../customers/customer-select';
import {
  allocationsBody,
  clearFlow,
  forgetKey,
  idempotencyKeyFor,
  type MethodChoice,
  payInvoiceOf,
} from '../portal-pay/pay-logic';
import { PaySteps, usePayFlow } from '../portal-pay/pay-steps';
import { tabStore } from '../portal-pay/tab-store';
import {
  type StaffPaymentOptions,
  type TakePaymentBody,
  useStaffMethodEntry,
  useStaffPaymentOptions,
  useStaffPaymentQuote,
  useTakePayment,
} from './take-payment.api';

/**
 * /console/payments/take: staff take a payment on a customer's behalf (on the phone, at the
 * counter) in the portal's three steps — amounts, method, review — with the customer chosen
 * first. A new card or bank account is typed on the processor's own page (the numbers the customer
 * reads out never reach Saldo); ACH needs the debit authorization read to the customer. The
 * customer, the step and the method are in the address; what is typed is kept in the tab.
 */
export function TakePaymentPage() {
  const { t } = useTranslation(['takePayment', 'common']);
  const { orgName } = useStaffContext();
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customerId');
  usePageTitle(t('page.title'));
  const options = useStaffPaymentOptions(customerId);

  let body: ReactNode = null;
  if (!customerId) body = null;
  else if (options.error)
    body = <ProblemAlert error={options.error} onRetry={() => void options.refetch()} />;
  else if (!options.data)
    body = (
      <Stack gap="md">
        <Skeleton height={44} radius="md" />
        <Skeleton height={220} radius="md" />
      </Stack>
    );
  else if (!options.data.enabled) body = <Blocked options={options.data} />;
  else body = <TakeFlow key={customerId} customerId={customerId} options={options.data} />;

  return (
    <>
      <BackLink to={customerId ? `/console/customers/${customerId}` : '/console/payments'}>
        {customerId ? t('page.backToCustomer') : t('page.back')}
      </BackLink>
      <PageHeader title={t('page.title')} description={t('page.description', { org: orgName })} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <CustomerSelect
            label={t('page.customer')}
            value={customerId}
            onChange={(id) => setParams(id ? { customerId: id } : {})}
          />
        </Paper>
        {body}
      </Stack>
    </>
  );
}

/** Why this customer cannot pay online, and where that is changed. */
function Blocked({ options }: { options: StaffPaymentOptions }) {
  const { t } = useTranslation('takePayment');
  const reason = options.blockedReason ?? 'seller_off';
  const to =
    reason === 'customer_off' ? `/console/customers/${options.customer.id}` : '/console/settings/payments';
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconInfoCircle size={20} aria-hidden />}
      title={t('blocked.title')}
      data-testid="take-blocked"
    >
      {t(`blocked.${reason}`, { customer: options.customer.name })}{' '}
      <Anchor component={Link} to={to} size="sm">
        {reason === 'customer_off' ? t('blocked.toCustomer') : t('blocked.toSettings')}
      </Anchor>
    </Alert>
  );
}

/** The body of POST …/online-payments: a saved method or the token just entered. */
function takeBody(input: {
  method: MethodChoice;
  allocations: { invoiceId: string; amount: bigint }[];
  saveMethod: boolean;
  achRead: boolean;
}): TakePaymentBody {
  const method =
    input.method.type === 'saved'
      ? { paymentMethodId: input.method.id }
      : { methodToken: input.method.token, saveMethod: input.saveMethod };
  return {
    kind: input.method.kind,
    allocations: allocationsBody(input.allocations),
    ...method,
    ...(input.method.kind === 'ach' ? { achAuthorizationRead: input.achRead } : {}),
  };
}

function TakeFlow({ customerId, options }: { customerId: string; options: StaffPaymentOptions }) {
  const { t } = useTranslation(['takePayment', 'portalPay', 'common']);
  const navigate = useNavigate();
  const store = useMemo(tabStore, []);
  const flowKey = `staff:${customerId}`;
  const submit = useTakePayment(customerId);
  const rows = useMemo(
    () => options.invoices.map((invoice) => payInvoiceOf(invoice, BigInt(invoice.payable))),
    [options.invoices],
  );
  const [params] = useSearchParams();
  const flow = usePayFlow({
    store,
    flowKey,
    rows,
    options,
    frozen: submit.isPending || submit.isSuccess,
    // Invoices named in the address (from an invoice's page) are the ones ticked at first; else all.
    initial: (kept) => {
      const named = params.get('invoices')?.split(',').filter(Boolean);
      if (!named?.length || kept.excluded.length > 0) return kept;
      return { ...kept, excluded: rows.filter((row) => !named.includes(row.id)).map((row) => row.id) };
    },
  });
  const { method, check, currency, achAccepted } = flow;
  const entry = useStaffMethodEntry(customerId);
  const quote = useStaffPaymentQuote(customerId, flow.quoteBody);

  const pay = () => {
    if (!method || !check.ok || submit.isPending || !currency) return;
    if (method.kind === 'ach' && !achAccepted) return flow.setShowErrors(true);
    const body = takeBody({
      method,
      allocations: check.allocations,
      saveMethod: flow.flow.saveMethod,
      achRead: achAccepted,
    });
    // One key per payment as reviewed: a double click, a reload or a retry sends the same one.
    const print = JSON.stringify(['staff', customerId, body]);
    const idempotencyKey = idempotencyKeyFor(store, print, () => crypto.randomUUID());
    submit.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (answer) => {
          // A declined attempt is over: trying again is a new payment with a new key.
          if (answer.status === 'failed') forgetKey(store, print);
          else clearFlow(store, flowKey);
          if (answer.status === 'requires_action' && answer.actionUrl)
            window.location.assign(answer.actionUrl);
          else void navigate(`/console/payments/${answer.id}`);
        },
        onError: (error) => {
          if (isApiError(error, 'idempotency_key_reused')) forgetKey(store, print);
        },
      },
    );
  };

  if (!currency || flow.payRows.length === 0)
    return (
      <Alert color="gray" variant="light" title={t('page.nothingTitle')} data-testid="take-nothing">
        {t('page.nothingText', { customer: options.customer.name })}
      </Alert>
    );

  return (
    <Stack gap="md">
      {options.truncated && (
        <Alert color="yellow" variant="light">
          {t('portalPay:page.truncated', { count: options.invoices.length })}
        </Alert>
      )}
      {options.holdMessage && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
          {t('page.onHold', { message: options.holdMessage })}
        </Alert>
      )}
      <PaySteps
        flow={flow}
        options={options}
        quote={quote}
        entry={entry}
        returnPathname="/console/payments/take"
        paying={submit.isPending}
        payError={submit.error}
        onPay={pay}
        manageMethodsTo={null}
        reviewTexts={{
          achAccept: t('review.achRead', { customer: options.customer.name }),
          achRequired: t('review.achRequired'),
          pay: (amount) => t('review.charge', { amount }),
          once: t('review.once'),
        }}
      />
    </Stack>
  );
}
