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
  return (
    <>
      <Tooltip label={label}>
        <UnstyledButton
          aria-label={`${label}: ${customerName}`}
          data-subscribed={subscribed ? 'true' : 'false'}
          data-testid="collection-mark"
          onClick={() => canChange && setOpen(true)}
          style={{ display: 'inline-flex', padding: 4, cursor: canChange ? 'pointer' : 'default' }}
        >
          <IconCircleFilled
            size={12}
            color={subscribed ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-gray-5)'}
            aria-hidden
          />
        </UnstyledButton>
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
