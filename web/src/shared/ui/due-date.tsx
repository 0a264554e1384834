import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../../app/api/wire';
import { useFormatters } from '../../app/format';
import classes from './kit.module.css';

/** A due date, in red with "N days overdue" under it when the invoice is open and late. */
export function DueDate({
  invoice,
}: {
  invoice: { status: InvoiceStatus; dueDate: string; overdue: boolean; daysOverdue: number };
}) {
  const { t } = useTranslation('kit');
  const format = useFormatters();
  const late = invoice.status === 'open' && invoice.overdue;
  return (
    <>
      <Text size="sm" c={late ? 'red.7' : undefined} fw={late ? 500 : undefined} className={classes.nowrap}>
        {format.day(invoice.dueDate)}
      </Text>
      {late && (
        // The hint may wrap ("Vencida hace / 100 días"): a list with a long status and long
        // amounts still fits a 1280-wide screen beside the navigation.
        <Text size="xs" c="red.7">
          {t('overdueDays', { count: invoice.daysOverdue })}
        </Text>
      )}
    </>
  );
}
