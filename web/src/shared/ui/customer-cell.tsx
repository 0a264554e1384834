import { Table, Text } from '@mantine/core';
import type { CustomerRef } from '../../app/api/wire';
import classes from './kit.module.css';

/** A customer's name over its account number, in a list row. */
export function CustomerCell({ customer, label }: { customer: CustomerRef; label?: string }) {
  return (
    <Table.Td data-label={label}>
      <div>
        <Text size="sm" fw={500} lineClamp={2} maw={220}>
          {customer.name}
        </Text>
        <Text className={classes.sub}>{customer.accountNumber}</Text>
      </div>
    </Table.Td>
  );
}
