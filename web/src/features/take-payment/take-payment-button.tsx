import { Button } from '@mantine/core';
import { IconCreditCard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Take a payment": opens the console's pay-on-behalf page, for one customer when it is known. */
export function TakePaymentButton({
  customerId,
  variant = 'default',
}: {
  customerId?: string;
  variant?: 'default' | 'filled';
}) {
  const { t } = useTranslation('takePayment');
  const to = customerId
    ? `/console/payments/take?customerId=${encodeURIComponent(customerId)}`
    : '/console/payments/take';
  return (
    <Button component={Link} to={to} variant={variant} leftSection={<IconCreditCard size={16} aria-hidden />}>
      {t('page.action')}
    </Button>
  );
}
