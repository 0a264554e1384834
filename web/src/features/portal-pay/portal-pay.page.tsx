import { Alert, Button, EmptyState, Paper, Skeleton, Stack, Stepper } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { minorToInput } from '../../app/money-input';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { AmountsStep } from './amounts-step';
import { methodText } from './method-label';
import { MethodStep } from './method-step';
import { BlockedNotice } from './pay-access';
import {
  allocationsBody,
  checkAmounts,
  chosenCurrency,
  clearFlow,
  currencyGroups,
  defaultTexts,
  enteredMethod,
  errorsByInvoice,
  type FlowState,
  fingerprint,
  forgetKey,
  forgetPaymentKeys,
  idempotencyKeyFor,
  loadFlow,
  MAX_INVOICES,
  methodFromParams,
  type PayInvoice,
  parseSelection,
  paymentBody,
  rememberAttempt,
  rememberPaymentFor,
  type Selection,
  saveFlow,
  selectionKey,
} from './pay-logic';
import {
  type PaymentKind,
  type PaymentOptions,
  usePayInvoices,
  usePaymentOptions,
  usePaymentQuote,
  useStartMethodEntry,
  useSubmitPayment,
} from './portal-pay.api';
import payClasses from './portal-pay.module.css';
import { ReviewStep } from './review-step';
import { tabStore } from './tab-store';

const STEPS = ['amounts', 'method', 'review'] as const;
/** What the address may carry besides the selection and the step: the flow's own state. */
const METHOD_PARAMS = ['pm', 'method', 'kind', 'methodCancelled', 'retry'];

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
  const [params, setParams] = useSearchParams();
  const store = useMemo(tabStore, []);
  const flowKey = selectionKey(selection);

  // What is typed survives a reload and the trip to the processor's page.
  const [flow, setFlow] = useState<FlowState>(() => loadFlow(store, flowKey));
  useEffect(() => saveFlow(store, flowKey, flow), [store, flowKey, flow]);
  const update = (change: Partial<FlowState>) => setFlow((current) => ({ ...current, ...change }));

  // "Try again" after a failed payment: that attempt is over, the next one gets a new key.
  const retry = params.get('retry');
  useEffect(() => {
    if (!retry) return;
    forgetPaymentKeys(store, retry);
    setParams(
      (current) => {
        current.delete('retry');
        return current;
      },
      { replace: true },
    );
  }, [retry, store, setParams]);

  // Once a payment is sent the page shows the invoices as they were: they refetch (money moved)
  // while the page is still leaving, and what is now paid would empty the steps and be quoted
  // again only to be refused.
  const submit = useSubmitPayment();
  const shownRows = useRef(rows);
  if (!submit.isPending && !submit.isSuccess) shownRows.current = rows;
  const groups = currencyGroups(shownRows.current);
  const currency = chosenCurrency(groups, params.get('currency')) ?? groups[0]?.currency ?? null;
  const payRows = groups.find((group) => group.currency === currency)?.rows ?? [];
  const notPayable = shownRows.current.filter((row) => row.payable <= 0n);
  const texts = { ...defaultTexts(payRows, format.locale), ...flow.texts };
  const excluded = useMemo(() => new Set(flow.excluded), [flow.excluded]);
  const check = checkAmounts(payRows, texts, excluded, options.partial, format.locale);

  const entered = enteredMethod(params, options);
  const method = methodFromParams(params, options);
  const [pendingNew, setPendingNew] = useState<PaymentKind | null>(null);
  const [achAccepted, setAchAccepted] = useState(false);

  const requested = Math.max(0, STEPS.indexOf(params.get('step') as (typeof STEPS)[number]));
  const reachable = !check.ok ? 0 : !method ? 1 : 2;
  const active = Math.min(requested, reachable);
  const [showErrors, setShowErrors] = useState(false);

  // Each step's heading takes the focus when the step opens (not on the first view of the page).
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(active);
  useEffect(() => {
    if (shown.current === active) return;
    shown.current = active;
    setShowErrors(false);
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const setParam = (change: Record<string, string | null>, replace = true) =>
    setParams(
      (current) => {
        for (const [key, value] of Object.entries(change)) {
          if (value === null) current.delete(key);
          else current.set(key, value);
        }
        return current;
      },
      { replace },
    );
  const go = (step: number) => setParam({ step: STEPS[step] ?? 'amounts' }, false);

  const entry = useStartMethodEntry();
  const quoteBody =
    check.ok && method ? { kind: method.kind, allocations: allocationsBody(check.allocations) } : null;
  const quote = usePaymentQuote(active >= 1 ? quoteBody : null);

  const returnPath = () => {
    const next = new URLSearchParams(params);
    for (const key of METHOD_PARAMS) next.delete(key);
    next.set('step', 'method');
    return `/portal/pay?${next.toString().replaceAll('%2C', ',')}`;
  };

  const continueFromMethod = () => {
    if (pendingNew) {
      entry.mutate({ kind: pendingNew, returnPath: returnPath() });
      return;
    }
    if (!method) return setShowErrors(true);
    go(2);
  };

  const pay = () => {
    if (!method || !check.ok || submit.isPending || !currency) return;
    if (method.kind === 'ach' && !achAccepted) return setShowErrors(true);
    const body = paymentBody({
      method,
      allocations: check.allocations,
      saveMethod: flow.saveMethod,
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

  if (!currency || payRows.length === 0)
    return (
      <Alert color="gray" variant="light" title={t('page.nothingTitle')}>
        {t('page.nothingText')}
      </Alert>
    );

  const savedMethod =
    method?.type === 'saved' ? options.savedMethods.find((saved) => saved.id === method.id) : undefined;
  const methodTitle = savedMethod
    ? methodText(t, savedMethod)
    : method?.kind === 'ach'
      ? t('method.enteredAch')
      : t('method.enteredCard');
  const problem = (submit.error ?? quote.error) as unknown;
  const invoiceErrors =
    problem instanceof ApiError ? errorsByInvoice(problem.problem.errors, check.allocations) : {};

  return (
    <Stack gap="md">
      {truncated && (
        <Alert color="yellow" variant="light">
          {t('page.truncated', { count: MAX_INVOICES })}
        </Alert>
      )}
      <Stepper
        active={active}
        onStepClick={go}
        allowNextStepsSelect={false}
        size="sm"
        classNames={{ step: payClasses.step, stepBody: payClasses.stepBody }}
      >
        <Stepper.Step label={t('steps.amounts')} description={t('steps.amountsDescription')}>
          <AmountsStep
            headingRef={headingRef}
            currency={currency}
            currencies={groups.map((group) => group.currency)}
            onCurrency={(next) => setParam({ currency: next })}
            rows={payRows}
            notPayable={notPayable}
            texts={texts}
            onText={(id, text) => update({ texts: { ...flow.texts, [id]: text } })}
            excluded={excluded}
            onInclude={(id, include) =>
              update({
                excluded: include ? flow.excluded.filter((other) => other !== id) : [...flow.excluded, id],
              })
            }
            partial={options.partial}
            check={check}
            showErrors={showErrors}
            onContinue={() => (check.ok ? go(1) : setShowErrors(true))}
          />
        </Stepper.Step>
        <Stepper.Step label={t('steps.method')} description={t('steps.methodDescription')}>
          <MethodStep
            headingRef={headingRef}
            options={options}
            currency={currency}
            choice={method}
            entered={entered}
            pendingNew={pendingNew}
            onPickSaved={(id) => {
              setPendingNew(null);
              setParam({ pm: id, methodCancelled: null });
            }}
            onPickNew={(kind) => setPendingNew(kind)}
            onPickEntered={() => {
              setPendingNew(null);
              setParam({ pm: null, methodCancelled: null });
            }}
            saveMethod={flow.saveMethod}
            onSaveMethod={(saveMethod) => update({ saveMethod })}
            cancelled={params.get('methodCancelled') === '1'}
            entering={entry.isPending || entry.isSuccess}
            entryError={entry.error}
            showErrors={showErrors}
            onContinue={continueFromMethod}
            onBack={() => go(0)}
          />
        </Stepper.Step>
        <Stepper.Step label={t('steps.review')} description={t('steps.reviewDescription')}>
          {method && (
            <ReviewStep
              headingRef={headingRef}
              options={options}
              currency={currency}
              method={method}
              methodTitle={methodTitle}
              rows={payRows}
              allocations={check.allocations}
              quote={quote}
              invoiceErrors={invoiceErrors}
              achAccepted={achAccepted}
              onAchAccepted={setAchAccepted}
              paying={submit.isPending}
              payError={submit.error}
              showErrors={showErrors}
              onPay={pay}
              onBack={() => go(1)}
            />
          )}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
