import { Alert, Button, Checkbox, Divider, Group, Radio, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconDownload,
  IconShieldLock,
} from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { Facts } from '../../shared/ui/facts';
import { SectionLoader } from '../../shared/ui/loaders';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { PartialAmount, PayLinkDocuments, unusableTitle } from '../pay-now/pay-link-documents';
import { CenteredCard } from '../shell/centered-layout';
import {
  type PayLink,
  type PaymentKind,
  rememberToken,
  usePayLink,
  usePayLinkPayment,
  usePayLinkSubmit,
  useStartEntry,
} from './pay-link.api';

/**
 * The page a pay link opens, with no sign-in: who is paid, for what, how much; a card or bank
 * account entered on the processor's own page; review (the card fee, the ACH authorization) and
 * pay; then the result and the receipt. The token in the address is the only authority.
 */
export function PayLinkPage() {
  const { t } = useTranslation('payLink');
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const link = usePayLink(token);
  const paymentId = search.get('payment');
  usePageTitle(link.data ? t('page.title', { seller: link.data.seller.name }) : t('invalid.title'));

  if (link.isPending) return <SectionLoader />;
  if (link.isError)
    return (
      <CenteredCard
        title={unusableTitle(link.error)}
        icon={
          <ThemeIcon color="red" variant="light" size={44} radius="xl">
            <IconAlertTriangle size={24} aria-hidden />
          </ThemeIcon>
        }
      >
        <ProblemAlert error={link.error} />
      </CenteredCard>
    );
  const data = link.data;
  if (paymentId) return <PaymentResult link={data} token={token} paymentId={paymentId} justPaid />;
  if (data.state !== 'open' && data.payment)
    return <PaymentResult link={data} token={token} paymentId={data.payment.id} justPaid={false} />;
  return <PayForm link={data} token={token} />;
}

/** A pay-now e-mail's documents, each with its dates, lines and PDF (pay-now/pay-link-documents.tsx). */
function Summary({ link, paid = false }: { link: PayLink; paid?: boolean }) {
  if (link.sentByMail) return <PayLinkDocuments link={link} paid={paid} />;
  return <LinkSummary link={link} paid={paid} />;
}

function LinkSummary({ link, paid = false }: { link: PayLink; paid?: boolean }) {
  const { t } = useTranslation('payLink');
  const format = useFormatters();
  const what =
    link.purpose === 'order' ? (
      t('page.order', { reference: link.orderReference })
    ) : (
      <Stack gap={2}>
        {link.invoices.map((i) => (
          <Text key={i.number} size="sm">
            {t('page.invoice', { number: i.number })} · <Money minor={i.amount} currency={link.currency} />
          </Text>
        ))}
      </Stack>
    );
  return (
    <Facts
      rows={[
        [t('page.seller'), link.seller.name],
        [t('page.customer'), link.customer.name],
        [t('page.what'), what],
        [
          t(paid ? 'page.amountPaid' : 'page.amount'),
          <Money key="amount" minor={link.amount} currency={link.currency} fw={700} />,
        ],
        ...(paid
          ? []
          : ([[t('page.expires'), format.dateTime(String(link.expiresAt))]] as [string, ReactNode][])),
      ]}
    />
  );
}

function PayForm({ link, token }: { link: PayLink; token: string }) {
  const { t } = useTranslation('payLink');
  const [search, setSearch] = useSearchParams();
  const method = search.get('method');
  const kind = (search.get('kind') === 'ach' ? 'ach' : 'card') as PaymentKind;
  const cancelled = search.get('methodCancelled') === '1';
  const seller = link.seller.name;
  return (
    <CenteredCard
      title={t('page.title', { seller })}
      description={t('page.description', { seller, customer: link.customer.name })}
    >
      <Summary link={link} />
      {link.purpose === 'order' && (
        <Text size="sm" c="dimmed">
          {t('page.orderExplain', { seller })}
        </Text>
      )}
      <Divider />
      {link.blockedReason ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />}>
          {t(`blocked.${link.blockedReason}`, { seller })}
        </Alert>
      ) : method ? (
        <Review
          link={link}
          token={token}
          method={method}
          kind={kind}
          onChange={() => setSearch(new URLSearchParams(), { replace: true })}
        />
      ) : (
        <ChooseMethod link={link} token={token} cancelled={cancelled} />
      )}
    </CenteredCard>
  );
}

function ChooseMethod({ link, token, cancelled }: { link: PayLink; token: string; cancelled: boolean }) {
  const { t } = useTranslation('payLink');
  const [kind, setKind] = useState<PaymentKind>(link.methods[0] ?? 'card');
  const entry = useStartEntry(token, link.id);
  return (
    <Stack gap="md">
      {cancelled && (
        <Alert color="yellow" variant="light">
          {t('method.cancelled')}
        </Alert>
      )}
      <Radio.Group label={t('method.title')} value={kind} onChange={(v) => setKind(v as PaymentKind)}>
        <Stack gap="xs" mt="xs">
          {link.methods.map((m) => (
            <Radio key={m} value={m} label={t(`method.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconShieldLock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="dimmed">
          {t('method.secure', { seller: link.seller.name })}
        </Text>
      </Group>
      {entry.isError && <ProblemAlert error={entry.error} />}
      <Button
        onClick={() => {
          rememberToken(link.id, token);
          entry.mutate(kind);
        }}
        loading={entry.isPending || entry.isSuccess}
      >
        {t('method.continue')}
      </Button>
    </Stack>
  );
}

function Review({
  link,
  token,
  method,
  kind,
  onChange,
}: {
  link: PayLink;
  token: string;
  method: string;
  kind: PaymentKind;
  onChange: () => void;
}) {
  const { t } = useTranslation('payLink');
  const format = useFormatters();
  const navigate = useNavigate();
  const submit = usePayLinkSubmit(token);
  const [accepted, setAccepted] = useState(false);
  // One key per method entered: a retried click replays the same payment, never a second charge.
  const idempotencyKey = useMemo(() => (method ? crypto.randomUUID() : ''), [method]);
  // A pay-now link may be paid in part when the seller allows it (pay-now/partial-amount.tsx).
  const [partial, setPartial] = useState<number | null>(null);
  const [partialValid, setPartialValid] = useState(true);
  const fee = kind === 'card' && partial === null ? link.fees.card : 0;
  const total = (partial ?? link.amount) + fee;
  const pay = () =>
    submit.mutate(
      {
        body: {
          kind,
          methodToken: method,
          ...(kind === 'ach' ? { achAuthorizationAccepted: accepted } : {}),
          ...(partial !== null ? { amount: partial } : {}),
        },
        idempotencyKey,
      },
      {
        onSuccess: (answer) => {
          if (answer.actionUrl) window.location.assign(answer.actionUrl);
          else navigate(`/pay/${token}?payment=${answer.id}`, { replace: true });
        },
      },
    );
  return (
    <Stack gap="md">
      <Text fw={600} component="h2" fz="lg" m={0}>
        {t('review.title')}
      </Text>
      {link.sentByMail && link.partial?.allowed && (
        <PartialAmount
          link={link}
          onChange={(amount, valid) => {
            setPartial(amount);
            setPartialValid(valid);
          }}
        />
      )}
      <Facts
        rows={[
          [t('review.with'), t(kind === 'ach' ? 'review.achEntered' : 'review.cardEntered')],
          ...(fee > 0
            ? ([[t('review.fee'), <Money key="fee" minor={fee} currency={link.currency} />]] as [
                string,
                ReactNode,
              ][])
            : []),
          [t('review.total'), <Money key="total" minor={total} currency={link.currency} fw={700} />],
        ]}
      />
      {kind === 'ach' && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {link.achAuthorization}
          </Text>
          <Checkbox
            label={t('review.achAccept')}
            checked={accepted}
            onChange={(e) => setAccepted(e.currentTarget.checked)}
          />
        </Stack>
      )}
      {submit.isError && <ProblemAlert error={submit.error} />}
      <Group justify="space-between" wrap="wrap-reverse" gap="sm">
        <Button variant="subtle" onClick={onChange}>
          {t('review.change')}
        </Button>
        <Button
          data-testid="pay-link-submit"
          onClick={pay}
          loading={submit.isPending}
          disabled={(kind === 'ach' && !accepted) || !partialValid}
        >
          {t('review.pay', { amount: format.money(total, link.currency) })}
        </Button>
      </Group>
    </Stack>
  );
}

function PaymentResult({
  link,
  token,
  paymentId,
  justPaid,
}: {
  link: PayLink;
  token: string;
  paymentId: string;
  /** Arrived here from paying (the payment in the address), not by opening a paid link again. */
  justPaid: boolean;
}) {
  const { t } = useTranslation('payLink');
  const format = useFormatters();
  const navigate = useNavigate();
  const payment = usePayLinkPayment(token, paymentId);
  if (payment.isPending) return <SectionLoader />;
  if (payment.isError)
    return (
      <CenteredCard title={t('invalid.title')}>
        <ProblemAlert error={payment.error} />
      </CenteredCard>
    );
  const p = payment.data;
  const seller = link.seller.name;
  const amount = format.money(p.total, p.currency);
  const receipt = p.receiptUrl && (
    <Button
      component="a"
      href={p.receiptUrl}
      variant="light"
      leftSection={<IconDownload size={18} aria-hidden />}
    >
      {t('result.receipt')}
    </Button>
  );
  const icon = (color: string, glyph: ReactNode) => (
    <ThemeIcon color={color} variant="light" size={44} radius="xl">
      {glyph}
    </ThemeIcon>
  );
  const tryAgain = (
    <Button onClick={() => navigate(`/pay/${token}`, { replace: true })}>{t('result.tryAgain')}</Button>
  );
  let title: string;
  let body: ReactNode;
  let glyph: ReactNode;
  switch (p.status) {
    case 'completed':
    case 'refunded':
    case 'disputed':
      title = justPaid ? t('result.completedTitle') : t('result.paidTitle');
      glyph = icon('green', <IconCircleCheck size={26} aria-hidden />);
      body = (
        <>
          <Text>
            {justPaid
              ? t('result.completedText', { seller, amount, number: p.number })
              : t('result.paidText', { number: p.number })}
          </Text>
          {link.purpose === 'order' && (
            <Text size="sm" c="dimmed">
              {t('result.orderKept', { reference: link.orderReference })}
            </Text>
          )}
          {receipt}
        </>
      );
      break;
    case 'pending':
      title = t('result.pendingTitle');
      glyph = icon('blue', <IconClockHour4 size={26} aria-hidden />);
      body = <Text>{t('result.pendingText', { amount, number: p.number })}</Text>;
      break;
    case 'failed':
      title = t('result.failedTitle');
      glyph = icon('red', <IconCircleX size={26} aria-hidden />);
      body = (
        <>
          <Alert color="red" variant="light" role="alert">
            {p.failure?.message}
          </Alert>
          {link.state === 'open' && tryAgain}
        </>
      );
      break;
    case 'returned':
    case 'reversed':
      title = t('result.returnedTitle');
      glyph = icon('red', <IconCircleX size={26} aria-hidden />);
      body = (
        <>
          <Text>{p.returnReason?.message ?? t('result.returnedText', { seller })}</Text>
          {link.state === 'open' && tryAgain}
        </>
      );
      break;
    default:
      title = t('result.processingTitle');
      glyph = icon('blue', <IconClockHour4 size={26} aria-hidden />);
      body = <Text>{t('result.processingText')}</Text>;
  }
  return (
    <CenteredCard title={title} icon={glyph}>
      <Summary link={link} paid={p.status !== 'failed'} />
      {body}
    </CenteredCard>
  );
}
