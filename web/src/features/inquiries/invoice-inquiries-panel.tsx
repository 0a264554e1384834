import { Badge, Box, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCalendarDollar, IconHelpCircle, IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { AskDialog } from './ask-dialog';
import {
  type Audience,
  type Inquiry,
  type PaymentPromise,
  type Resolution,
  resolutions,
  useCancelPromise,
  useInquiries,
  useInquiry,
  usePromises,
  useReplyToInquiry,
  useResolveInquiry,
} from './inquiries.api';
import { PromiseDialog } from './promise-dialog';

export interface InquiryInvoice {
  id: string;
  number: string;
  currency: string;
  openAmount: number;
  status: string;
  customer: { id: string };
}

/**
 * An invoice's questions, disputes and promises to pay, under the invoice: each thread with its
 * messages and a reply box while open; staff resolve with the outcome, the customer may withdraw.
 * `canWrite`: may ask, answer and promise (console: owners, admins, AR agents; portal: everyone
 * asks, payers and account admins promise — `canPromise`).
 */
export function InvoiceInquiriesPanel({
  audience,
  invoice,
  canWrite,
  canPromise,
}: {
  audience: Audience;
  invoice: InquiryInvoice;
  canWrite: boolean;
  canPromise: boolean;
}) {
  const { t } = useTranslation('inquiries');
  const format = useFormatters();
  const inquiries = useInquiries(audience, { invoiceId: invoice.id, page: 1, pageSize: 50 });
  const promises = usePromises(audience, invoice.customer.id, invoice.id);
  const [asking, setAsking] = useState<'question' | 'dispute' | null>(null);
  const [promising, setPromising] = useState(false);
  const open = invoice.status === 'open' && invoice.openAmount > 0;
  const items = inquiries.data?.items ?? [];
  const disputeOpen = items.some((i) => i.kind === 'dispute' && i.status === 'open');
  const promiseItems = promises.data?.items ?? [];
  return (
    <Box id="inquiries" mt="lg" style={{ scrollMarginTop: 80 }}>
      <Section
        title={t('panel.title')}
        actions={
          canWrite && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconHelpCircle size={14} aria-hidden />}
                onClick={() => setAsking('question')}
                disabled={invoice.status !== 'open'}
              >
                {t(`panel.ask.${audience}`)}
              </Button>
              {open && !disputeOpen && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconMessageReport size={14} aria-hidden />}
                  onClick={() => setAsking('dispute')}
                >
                  {t(`panel.dispute.${audience}`)}
                </Button>
              )}
              {open && canPromise && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconCalendarDollar size={14} aria-hidden />}
                  onClick={() => setPromising(true)}
                >
                  {t('panel.promise')}
                </Button>
              )}
            </Group>
          )
        }
        padded
      >
        {inquiries.isError && (
          <ProblemAlert error={inquiries.error} onRetry={() => void inquiries.refetch()} />
        )}
        {inquiries.data && items.length === 0 && promiseItems.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(`panel.empty.${audience}`)}
          </Text>
        )}
        {items.map((inquiry) => (
          <InquiryThread key={inquiry.id} audience={audience} inquiry={inquiry} canWrite={canWrite} />
        ))}
        {promiseItems.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('promises.title')}
            </Text>
            {promiseItems.map((promise) => (
              <PromiseRow
                key={promise.id}
                audience={audience}
                customerId={invoice.customer.id}
                promise={promise}
                canCancel={canPromise}
                money={(minor) => format.money(minor, promise.currency)}
              />
            ))}
          </Stack>
        )}
      </Section>
      {asking && (
        <AskDialog audience={audience} kind={asking} invoice={invoice} onClose={() => setAsking(null)} />
      )}
      {promising && (
        <PromiseDialog audience={audience} invoice={invoice} onClose={() => setPromising(false)} />
      )}
    </Box>
  );
}

function PromiseRow({
  audience,
  customerId,
  promise,
  canCancel,
  money,
}: {
  audience: Audience;
  customerId: string;
  promise: PaymentPromise;
  canCancel: boolean;
  money: (minor: number) => string;
}) {
  const { t } = useTranslation('inquiries');
  const format = useFormatters();
  const cancel = useCancelPromise(audience, customerId);
  const color = { open: 'blue', kept: 'teal', missed: 'red', cancelled: 'gray' }[promise.state];
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Group gap="xs" wrap="wrap">
        <Badge color={color} variant="light" radius="sm" tt="none">
          {t(`promises.state.${promise.state}`)}
        </Badge>
        <Text size="sm">
          {t(promise.invoice ? 'promises.line' : 'promises.lineAccount', {
            amount: money(promise.amount),
            date: format.day(promise.promisedOn),
          })}
        </Text>
        {promise.note && (
          <Text size="sm" c="dimmed">
            “{promise.note}”
          </Text>
        )}
      </Group>
      {canCancel && promise.state === 'open' && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          loading={cancel.isPending}
          onClick={() => cancel.mutate(promise.id)}
        >
          {t('promises.cancel')}
        </Button>
      )}
    </Group>
  );
}

function InquiryThread({
  audience,
  inquiry,
  canWrite,
}: {
  audience: Audience;
  inquiry: Inquiry;
  canWrite: boolean;
}) {
  const { t } = useTranslation('inquiries');
  const format = useFormatters();
  const detail = useInquiry(audience, inquiry.id);
  const reply = useReplyToInquiry(audience, inquiry.id);
  const resolve = useResolveInquiry(audience, inquiry.id);
  const [text, setText] = useState('');
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = inquiry.status === 'open';
  const heading =
    inquiry.kind === 'dispute'
      ? t('thread.dispute', {
          reason: t(`reason.${inquiry.reason ?? 'other'}`),
          amount:
            inquiry.disputedAmount === null
              ? t('thread.wholeAmount')
              : format.money(inquiry.disputedAmount, inquiry.currency),
        })
      : t('thread.question');
  const send = () => {
    if (!text.trim()) {
      setError(t('thread.messageRequired'));
      return;
    }
    setError(null);
    reply.mutate(text, { onSuccess: () => setText('') });
  };
  const close = () => {
    if (audience === 'portal') {
      resolve.mutate({ resolution: 'withdrawn' });
      return;
    }
    if (!resolution) {
      setError(t('thread.resolutionRequired'));
      return;
    }
    setError(null);
    resolve.mutate({ resolution, message: text.trim() || null }, { onSuccess: () => setText('') });
  };
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {heading}
        </Text>
        <Badge color={open ? 'orange' : 'gray'} variant="light" radius="sm" tt="none">
          {open ? t('status.open') : t(`resolution.${inquiry.resolution ?? 'answered'}`)}
        </Badge>
      </Group>
      {detail.data?.messages.map((message) => (
        <Stack
          key={message.position}
          gap={2}
          pl="sm"
          style={{
            borderLeft: `3px solid var(--mantine-color-${message.author === 'staff' ? 'teal' : 'blue'}-3)`,
          }}
        >
          <Text size="xs" c="dimmed">
            {t(`author.${audience}.${message.author}`, { name: message.authorName ?? '' })} ·{' '}
            {format.dateTime(String(message.createdAt))}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
        </Stack>
      ))}
      {open && canWrite && (
        <Stack gap="xs">
          {(reply.error || resolve.error) && <ProblemAlert error={reply.error ?? resolve.error} />}
          <Textarea
            label={t('thread.replyLabel')}
            autosize
            minRows={2}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={error}
          />
          <Group justify="space-between" gap="xs" wrap="wrap">
            {audience === 'console' ? (
              <Group gap="xs" wrap="wrap">
                <Select
                  aria-label={t('thread.resolutionLabel')}
                  placeholder={t('thread.resolutionLabel')}
                  size="xs"
                  w={220}
                  data={resolutions.map((value) => ({ value, label: t(`resolution.${value}`) }))}
                  value={resolution}
                  onChange={(value) => setResolution(value as Resolution | null)}
                />
                <Button size="xs" variant="default" onClick={close} loading={resolve.isPending}>
                  {t('thread.resolve')}
                </Button>
              </Group>
            ) : (
              <Button size="xs" variant="subtle" color="gray" onClick={close} loading={resolve.isPending}>
                {t('thread.withdraw')}
              </Button>
            )}
            <Button size="xs" onClick={send} loading={reply.isPending}>
              {t('thread.send')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
