import { Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconPoint,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useFormatters } from '../../app/format';

/*
 * An online payment's trail as both sides show it — the console's processor panel and the
 * portal's result page: what it was paid with, the card fee and what was charged, and its
 * timeline of processor events. The words are the caller's (its own namespace); the shape,
 * colours and icons are one.
 */

/** A step's colour, by the lifecycle status it reached. */
export const lifecycleColors: Record<string, string> = {
  initiated: 'gray',
  processing: 'blue',
  requires_action: 'yellow',
  pending: 'grape',
  completed: 'teal',
  failed: 'red',
  returned: 'red',
  refunded: 'gray',
  disputed: 'orange',
  reversed: 'red',
};

/** One processor event of the payment's timeline. */
export interface TrailStep {
  at: string;
  status: string;
  detail: string | null;
  refundId?: string | null;
}

/** The timeline, oldest first: each step's icon, its title (the caller's words), its detail and when. */
export function PaymentTimeline({
  steps,
  title,
  empty,
}: {
  steps: TrailStep[];
  title: (step: TrailStep) => ReactNode;
  empty: string;
}) {
  const format = useFormatters();
  if (steps.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Timeline bulletSize={22} lineWidth={2} active={steps.length - 1} data-testid="payment-timeline">
      {steps.map((step) => (
        <Timeline.Item
          key={`${step.at}-${step.status}-${step.refundId ?? ''}`}
          bullet={<StepIcon status={step.status} />}
          color={lifecycleColors[step.status] ?? 'gray'}
          title={
            <Text size="sm" fw={600} component="div">
              {title(step)}
            </Text>
          }
        >
          {step.detail && (
            <Text size="sm" c="dimmed">
              {step.detail}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            <time dateTime={step.at}>{format.dateTime(step.at)}</time>
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/**
 * The facts rows of what a payment charged: the method, then — only when there is a card fee —
 * the fee and the total charged (`alwaysTotal`: the total whatever the fee).
 */
export function chargeRows(input: {
  labels: { method: string; fee: string; total: string };
  method: ReactNode;
  fee: number;
  total: number;
  money: (minor: number) => string;
  alwaysTotal?: boolean;
}): [string, ReactNode][] {
  const { labels, fee, money } = input;
  return [
    [labels.method, input.method],
    ...(fee > 0 ? [[labels.fee, money(fee)] as [string, ReactNode]] : []),
    ...(fee > 0 || input.alwaysTotal
      ? [
          [
            labels.total,
            <strong key="total" data-amount>
              {money(input.total)}
            </strong>,
          ] as [string, ReactNode],
        ]
      : []),
  ];
}

function StepIcon({ status }: { status: string }) {
  const icon =
    status === 'completed' ? (
      <IconCircleCheck size={14} aria-hidden />
    ) : status === 'failed' ? (
      <IconCircleX size={14} aria-hidden />
    ) : status === 'returned' || status === 'refunded' || status === 'reversed' ? (
      <IconArrowBackUp size={14} aria-hidden />
    ) : status === 'disputed' || status === 'requires_action' ? (
      <IconAlertTriangle size={14} aria-hidden />
    ) : status === 'pending' ? (
      <IconClockHour4 size={14} aria-hidden />
    ) : (
      <IconPoint size={14} aria-hidden />
    );
  return (
    <ThemeIcon size={22} radius="xl" color={lifecycleColors[status] ?? 'gray'} variant="light">
      {icon}
    </ThemeIcon>
  );
}
