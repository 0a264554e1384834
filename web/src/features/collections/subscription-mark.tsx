import { Tooltip, UnstyledButton } from '@mantine/core';
import { IconCircleFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubscriptionModal } from './subscription-modal';

/** The customer list's mark: green when subscribed to the weekly collection, grey when not; opens the window. */
export function SubscriptionMark({
  customerId,
  customerName,
  subscribed,
  canChange,
}: {
  customerId: string;
  customerName: string;
  subscribed: boolean;
  canChange: boolean;
}) {
  const { t } = useTranslation('collections');
  const [open, setOpen] = useState(false);
  const label = subscribed ? t('subscription.markOn') : t('subscription.markOff');
  const dot = (
    <IconCircleFilled
      size={12}
      color={subscribed ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-5)'}
      aria-hidden
    />
  );
  // 24 × 24: a target a finger (and WCAG 2.2's target size) can hit. Read-only roles see the mark only.
  const box = {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: 24,
    height: 24,
  };
  return (
    <>
      <Tooltip label={label}>
        {canChange ? (
          <UnstyledButton
            aria-label={`${label}: ${customerName}`}
            data-subscribed={subscribed ? 'true' : 'false'}
            data-testid="collection-mark"
            onClick={() => setOpen(true)}
            style={{ ...box, cursor: 'pointer' }}
          >
            {dot}
          </UnstyledButton>
        ) : (
          <span
            role="img"
            aria-label={`${label}: ${customerName}`}
            data-subscribed={subscribed ? 'true' : 'false'}
            data-testid="collection-mark"
            style={box}
          >
            {dot}
          </span>
        )}
      </Tooltip>
      {open && (
        <SubscriptionModal
          customerId={customerId}
          customerName={customerName}
          opened
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
