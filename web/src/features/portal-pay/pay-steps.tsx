import { Stepper } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { AmountsStep } from './amounts-step';
import { methodText } from './method-label';
import { MethodStep } from './method-step';
import {
  allocationsBody,
  checkAmounts,
  chosenCurrency,
  currencyGroups,
  defaultTexts,
  enteredMethod,
  errorsByInvoice,
  type FlowState,
  type KeyValueStore,
  loadFlow,
  methodFromParams,
  type PayInvoice,
  saveFlow,
} from './pay-logic';
import type { PaymentKind, PaymentOptions, Quote } from './portal-pay.api';
import payClasses from './portal-pay.module.css';
import { ReviewStep, type ReviewStepProps } from './review-step';

/*
 * The three steps of paying invoices online — amounts, method, review — as the portal's pay page
 * and the console's "Take a payment" page both run them: the state (what is typed, kept in the
 * tab; the step, the currency and the method in the address) and the stepper that shows it. Each
 * page keeps its own API calls, its Idempotency-Key and where it goes once paid.
 */

export const PAY_STEPS = ['amounts', 'method', 'review'] as const;
/** What the address may carry about the method: dropped on the way to the processor's page. */
const METHOD_PARAMS = ['pm', 'method', 'kind', 'methodCancelled', 'retry'];

export function usePayFlow(input: {
  store: KeyValueStore;
  flowKey: string;
  rows: PayInvoice[];
  options: PaymentOptions;
  /** A payment is on its way: keep showing the invoices as they were while the page leaves. */
  frozen: boolean;
  /** The state at first, from what the tab kept (e.g. only some invoices ticked). */
  initial?: (kept: FlowState) => FlowState;
}) {
  const { store, flowKey, rows, options, frozen } = input;
  const format = useFormatters();
  const [params, setParams] = useSearchParams();

  // What is typed survives a reload and the trip to the processor's page.
  const [flow, setFlow] = useState<FlowState>(() => {
    const kept = loadFlow(store, flowKey);
    return input.initial ? input.initial(kept) : kept;
  });
  useEffect(() => saveFlow(store, flowKey, flow), [store, flowKey, flow]);
  const update = (change: Partial<FlowState>) => setFlow((current) => ({ ...current, ...change }));

  // Once a payment is sent the invoices refetch (money moved) while the page is still leaving;
  // what is now paid would empty the steps and be quoted again only to be refused.
  const shownRows = useRef(rows);
  if (!frozen) shownRows.current = rows;
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

  const requested = Math.max(0, PAY_STEPS.indexOf(params.get('step') as (typeof PAY_STEPS)[number]));
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
  const go = (step: number) => setParam({ step: PAY_STEPS[step] ?? 'amounts' }, false);

  /** This page again, on the method step, for the processor's page to come back to. */
  const returnPath = (pathname: string) => {
    const next = new URLSearchParams(params);
    for (const key of METHOD_PARAMS) next.delete(key);
    next.set('step', 'method');
    return `${pathname}?${next.toString().replaceAll('%2C', ',')}`;
  };

  const quoteBody =
    check.ok && method ? { kind: method.kind, allocations: allocationsBody(check.allocations) } : null;

  return {
    params,
    flow,
    update,
    groups,
    currency,
    payRows,
    notPayable,
    texts,
    excluded,
    check,
    entered,
    method,
    pendingNew,
    setPendingNew,
    achAccepted,
    setAchAccepted,
    active,
    showErrors,
    setShowErrors,
    headingRef,
    setParam,
    go,
    returnPath,
    /** What to price once the amounts and the method are chosen (asked from the method step on). */
    quoteBody: active >= 1 ? quoteBody : null,
  };
}

export type PayFlow = ReturnType<typeof usePayFlow>;

/** The stepper of a pay flow: each step's screen, wired to the flow's state. */
export function PaySteps({
  flow,
  options,
  quote,
  entry,
  returnPathname,
  paying,
  payError,
  onPay,
  reviewTexts,
  manageMethodsTo,
}: {
  flow: PayFlow;
  options: PaymentOptions;
  quote: { data: Quote | undefined; error: unknown; isFetching: boolean; refetch: () => unknown };
  /** Opens the processor's page for a new method (a mutation that redirects). */
  entry: {
    mutate: (body: { kind: PaymentKind; returnPath: string }) => void;
    isPending: boolean;
    isSuccess: boolean;
    error: unknown;
  };
  /** This page's path, where the processor's page comes back to. */
  returnPathname: string;
  paying: boolean;
  payError: unknown;
  onPay: () => void;
  reviewTexts?: ReviewStepProps['texts'];
  manageMethodsTo?: string | null;
}) {
  const { t } = useTranslation(['portalPay', 'common']);
  const { method, check, currency, headingRef, go, setParam, setPendingNew, pendingNew } = flow;
  if (!currency) return null;

  const continueFromMethod = () => {
    if (pendingNew) {
      entry.mutate({ kind: pendingNew, returnPath: flow.returnPath(returnPathname) });
      return;
    }
    if (!method) return flow.setShowErrors(true);
    go(2);
  };

  const savedMethod =
    method?.type === 'saved' ? options.savedMethods.find((saved) => saved.id === method.id) : undefined;
  const methodTitle = savedMethod
    ? methodText(t, savedMethod)
    : method?.kind === 'ach'
      ? t('method.enteredAch')
      : t('method.enteredCard');
  const problem = (payError ?? quote.error) as unknown;
  const invoiceErrors =
    problem instanceof ApiError ? errorsByInvoice(problem.problem.errors, check.allocations) : {};

  return (
    <Stepper
      active={flow.active}
      onStepClick={go}
      allowNextStepsSelect={false}
      size="sm"
      classNames={{ step: payClasses.step, stepBody: payClasses.stepBody }}
    >
      <Stepper.Step label={t('steps.amounts')} description={t('steps.amountsDescription')}>
        <AmountsStep
          headingRef={headingRef}
          currency={currency}
          currencies={flow.groups.map((group) => group.currency)}
          onCurrency={(next) => setParam({ currency: next })}
          rows={flow.payRows}
          notPayable={flow.notPayable}
          texts={flow.texts}
          onText={(id, text) => flow.update({ texts: { ...flow.flow.texts, [id]: text } })}
          excluded={flow.excluded}
          onInclude={(id, include) =>
            flow.update({
              excluded: include
                ? flow.flow.excluded.filter((other) => other !== id)
                : [...flow.flow.excluded, id],
            })
          }
          partial={options.partial}
          check={check}
          showErrors={flow.showErrors}
          onContinue={() => (check.ok ? go(1) : flow.setShowErrors(true))}
        />
      </Stepper.Step>
      <Stepper.Step label={t('steps.method')} description={t('steps.methodDescription')}>
        <MethodStep
          headingRef={headingRef}
          options={options}
          currency={currency}
          choice={method}
          entered={flow.entered}
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
          saveMethod={flow.flow.saveMethod}
          onSaveMethod={(saveMethod) => flow.update({ saveMethod })}
          cancelled={flow.params.get('methodCancelled') === '1'}
          entering={entry.isPending || entry.isSuccess}
          entryError={entry.error}
          showErrors={flow.showErrors}
          onContinue={continueFromMethod}
          onBack={() => go(0)}
          manageMethodsTo={manageMethodsTo}
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
            rows={flow.payRows}
            allocations={check.allocations}
            quote={quote}
            invoiceErrors={invoiceErrors}
            achAccepted={flow.achAccepted}
            onAchAccepted={flow.setAchAccepted}
            paying={paying}
            payError={payError}
            showErrors={flow.showErrors}
            onPay={onPay}
            onBack={() => go(1)}
            texts={reviewTexts}
          />
        )}
      </Stepper.Step>
    </Stepper>
  );
}
