import { Anchor, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import i18n from '../../app/i18n';
import { parseMoneyInput } from '../../app/money-input';
import { Facts } from '../../shared/ui/facts';
import { Money } from '../../shared/ui/money';
import type { PayLink } from '../pay-link/pay-link.api';

/**
 * What a pay-now e-mail's link shows with no sign-in: who is paid, for whom, and exactly its
 * documents — each with its dates, lines, total, what is due on it and its PDF — then the total.
 */
export function PayLinkDocuments({ link, paid }: { link: PayLink; paid: boolean }) {
  const { t } = useTranslation(['payNow', 'payLink']);
  const format = useFormatters();
  return (
    <Stack gap="sm">
      <Facts
        rows={[
          [t('payLink:page.seller'), link.seller.name],
          [t('payLink:page.customer'), link.customer.name],
        ]}
      />
      <Text fw={600} component="h2" fz="md" m={0}>
        {t('payNow:page.documents')}
      </Text>
      {link.invoices.map((i) => (
        <Paper key={i.number} withBorder p="sm" radius="md" data-testid="pay-link-document">
          <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
            <Stack gap={0}>
              <Text fw={600}>{t('payLink:page.invoice', { number: i.number })}</Text>
              {i.detail && (
                <Text size="xs" c="dimmed">
                  {t('payNow:page.issued', { date: format.day(i.detail.issueDate) })} ·{' '}
                  {t('payNow:page.due', { date: format.day(i.detail.dueDate) })}
                </Text>
              )}
            </Stack>
            <Money minor={i.amount} currency={link.currency} fw={700} />
          </Group>
          {i.detail && (
            <Stack gap={2} mt="xs">
              {i.detail.lines.map((line) => (
                <Group
                  key={`${line.description}|${line.quantity}|${line.unitPrice}|${line.netAmount}`}
                  justify="space-between"
                  gap="xs"
                  wrap="nowrap"
                >
                  <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {line.description}{' '}
                    <Text span size="xs" c="dimmed">
                      {t('payNow:page.line', { quantity: line.quantity, price: line.unitPrice })}
                    </Text>
                  </Text>
                  <Money minor={line.netAmount} currency={link.currency} />
                </Group>
              ))}
              <Group justify="space-between" gap="xs" mt={4}>
                <Anchor href={i.detail.pdfUrl} target="_blank" size="sm">
                  <Group gap={4} component="span">
                    <IconDownload size={16} aria-hidden />
                    {t('payNow:page.pdf', { number: i.number })}
                  </Group>
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('payNow:page.total', { amount: format.money(i.detail.total, link.currency) })}
                </Text>
              </Group>
            </Stack>
          )}
        </Paper>
      ))}
      <Facts
        rows={[
          [
            t(paid ? 'payLink:page.amountPaid' : 'payLink:page.amount'),
            <Money key="amount" minor={link.amount} currency={link.currency} fw={700} />,
          ],
          ...(paid
            ? []
            : [[t('payLink:page.expires'), format.dateTime(String(link.expiresAt))] as [string, string]]),
        ]}
      />
    </Stack>
  );
}

/**
 * All of it, or another amount (when the seller's payment settings allow part payments): typed in
 * the page's language, exact (no floats), at most what the link names; oldest due invoice first.
 */
export function PartialAmount({
  link,
  onChange,
}: {
  link: PayLink;
  onChange: (amount: number | null, valid: boolean) => void;
}) {
  const { t } = useTranslation('payNow');
  const format = useFormatters();
  const [choice, setChoice] = useState<'full' | 'other'>('full');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const check = (value: string) => {
    const parsed = parseMoneyInput(value, link.currency, format.locale);
    if (!parsed.ok) {
      setError(t('page.invalid'));
      return onChange(null, false);
    }
    if (parsed.minor > BigInt(link.amount)) {
      setError(t('page.tooMuch', { amount: format.money(link.amount, link.currency) }));
      return onChange(null, false);
    }
    setError(null);
    onChange(Number(parsed.minor), true);
  };
  const minimum = link.partial?.minimum ?? null;
  return (
    <Radio.Group
      label={t('page.amountChoice')}
      value={choice}
      onChange={(v) => {
        const next = v === 'other' ? 'other' : 'full';
        setChoice(next);
        if (next === 'full') {
          setError(null);
          onChange(null, true);
        } else check(text);
      }}
    >
      <Stack gap="xs" mt={6}>
        <Radio value="full" label={t('page.full', { amount: format.money(link.amount, link.currency) })} />
        <Radio value="other" label={t('page.other')} />
        {choice === 'other' && (
          <TextInput
            label={t('page.otherLabel')}
            inputMode="decimal"
            value={text}
            error={error}
            description={[
              t('page.oldestFirst'),
              minimum !== null ? t('page.minimum', { amount: format.money(minimum, link.currency) }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
            onChange={(e) => {
              setText(e.currentTarget.value);
              check(e.currentTarget.value);
            }}
          />
        )}
      </Stack>
    </Radio.Group>
  );
}

/** The title of the page a link that cannot be used shows: expired, revoked, or not a link. */
export function unusableTitle(error: unknown): string {
  if (isApiError(error, 'pay_link_expired')) return i18n.t('payNow:page.expiredTitle');
  if (isApiError(error, 'pay_link_cancelled')) return i18n.t('payNow:page.cancelledTitle');
  return i18n.t('payLink:invalid.title');
}
