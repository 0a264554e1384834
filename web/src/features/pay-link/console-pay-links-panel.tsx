import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { DocumentStatusTag } from '../../shared/ui/badges';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { type CustomerCredit, useCancelPayLink, useCustomerCredit } from './pay-link.api';

const stateColor: Record<CustomerCredit['payLinks'][number]['state'], string> = {
  open: 'blue',
  processing: 'grape',
  paid: 'teal',
  expired: 'gray',
  cancelled: 'gray',
};

/**
 * The customer page's view of orders over the credit limit: the ERP's latest credit checks and
 * the pay links they made, with their state; staff may cancel a link nobody paid. A link's
 * address is never shown here: only its recipient may open it. Hidden until there is something.
 */
export function ConsolePayLinksPanel({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation('payLink');
  const format = useFormatters();
  const credit = useCustomerCredit(customerId);
  const cancel = useCancelPayLink(customerId);
  if (credit.isPending) return null;
  if (credit.isError) return <ProblemAlert error={credit.error} onRetry={() => credit.refetch()} />;
  const { creditChecks, payLinks } = credit.data;
  if (creditChecks.length === 0 && payLinks.length === 0) return null;
  return (
    <Section title={t('panel.title')} padded>
      <Text size="sm" c="dimmed">
        {t('panel.description')}
      </Text>
      <Stack gap={4}>
        <Text fw={600} size="sm" component="h3" m={0}>
          {t('panel.checks')}
        </Text>
        {creditChecks.slice(0, 10).map((c) => (
          <Group key={c.id} justify="space-between" gap="xs" wrap="wrap" py={4}>
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {t('panel.order')} {c.orderReference} · <Money minor={c.orderAmount} currency={c.currency} />
              </Text>
              <Text size="xs" c="dimmed">
                {t('panel.available')}:{' '}
                {c.availableCredit === null ? (
                  t('panel.noLimit')
                ) : (
                  <Money minor={c.availableCredit} currency={c.currency} />
                )}{' '}
                · {format.dateTime(String(c.checkedAt))}
              </Text>
            </Stack>
            <Group gap="xs">
              <DocumentStatusTag color={c.decision === 'approved' ? 'teal' : 'orange'}>
                {t(`panel.decisions.${c.decision}`)}
              </DocumentStatusTag>
              {c.amountToPay > 0 && (
                <Text size="sm">
                  {t('panel.toPay')}: <Money minor={c.amountToPay} currency={c.currency} />
                </Text>
              )}
              {c.payLinkUnavailable && (
                <Text size="xs" c="dimmed">
                  {t('panel.unavailable')}
                </Text>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      <Stack gap={4}>
        <Text fw={600} size="sm" component="h3" m={0}>
          {t('panel.links')}
        </Text>
        {payLinks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('panel.noLinks')}
          </Text>
        )}
        {payLinks.slice(0, 10).map((l) => {
          const what = l.orderReference ?? l.invoices.map((i) => i.number).join(', ');
          return (
            <Group key={l.id} justify="space-between" gap="xs" wrap="wrap" py={4}>
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {what} · <Money minor={l.amount} currency={l.currency} />
                </Text>
                <Text size="xs" c="dimmed">
                  {t('panel.expires')} {format.dateTime(String(l.expiresAt))}
                  {l.payment ? ` · ${t('panel.payment')} ${l.payment.number}` : ''}
                </Text>
              </Stack>
              <Group gap="xs">
                <DocumentStatusTag color={stateColor[l.state]}>
                  {t(`panel.states.${l.state}`)}
                </DocumentStatusTag>
                {canWrite && l.state === 'open' && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('panel.cancelLink', { what })}
                    loading={cancel.isPending && cancel.variables === l.id}
                    onClick={() => cancel.mutate(l.id)}
                  >
                    {t('panel.cancel')}
                  </Button>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
      {cancel.isError && <ProblemAlert error={cancel.error} />}
    </Section>
  );
}
