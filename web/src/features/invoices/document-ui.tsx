import { Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconUnlink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { Facts } from '../../shared/ui/facts';
import classes from '../../shared/ui/kit.module.css';
import { AmountFigure, figureCardClass } from '../../shared/ui/money';
import { PageHeader } from '../../shared/ui/page-header';
import { Section } from '../../shared/ui/section';
import { TableScroll } from '../../shared/ui/table-scroll';
import type { Application } from './ar.types';
import { canWriteAr } from './ar.types';

/** The top panel of an AR document: eyebrow, number and badges, customer, the big figure, facts, actions. */
export function DocumentHeader({
  eyebrow,
  number,
  badges,
  badgesAlign,
  customer,
  figureLabel,
  figure,
  figureColor,
  figureStruck = false,
  figureNote,
  facts,
  actions,
}: {
  eyebrow: string;
  number: string;
  badges: ReactNode;
  badgesAlign?: 'center';
  customer: ReactNode;
  figureLabel: string;
  figure: ReactNode;
  figureColor?: string;
  figureStruck?: boolean;
  figureNote?: ReactNode;
  facts: [string, ReactNode][];
  actions: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} className={figureCardClass}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} miw={0}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.06em">
            {eyebrow}
          </Text>
          <Group gap="sm" align={badgesAlign}>
            <Title order={1} fz={26}>
              {number}
            </Title>
            {badges}
          </Group>
          {customer}
        </Stack>
        <Stack gap={4} align="flex-end" maw="100%">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
            {figureLabel}
          </Text>
          <AmountFigure size={28} c={figureColor} struck={figureStruck}>
            {figure}
          </AmountFigure>
          {figureNote !== undefined && (
            <Text size="sm" c="dimmed">
              {figureNote}
            </Text>
          )}
        </Stack>
      </Group>
      <Box mt="lg">
        <Facts rows={facts} />
      </Box>
      <Group mt="lg" gap="sm">
        {actions}
      </Group>
    </Paper>
  );
}

/** The customer of a console document, linked to their page. */
export function CustomerAnchor({
  customer,
}: {
  customer: { id: string; name: string; accountNumber: string };
}) {
  return (
    <Anchor component={Link} to={`/console/customers/${customer.id}`} size="sm" fw={500}>
      {customer.name} · {customer.accountNumber}
    </Anchor>
  );
}

/** Where a payment or a credit memo went: one row per invoice, struck through once unapplied. */
export function ApplicationsSection({
  title,
  emptyText,
  applications,
  money,
  labels,
  canUnapply,
  onUnapply,
}: {
  title: string;
  emptyText: string;
  applications: Application[];
  money: (minor: number) => string;
  labels: {
    number: string;
    appliedAt: string;
    status: string;
    amount: string;
    applied: string;
    unapply: string;
    unappliedOn: (date: string) => string;
  };
  canUnapply: boolean;
  onUnapply: (application: Application) => void;
}) {
  const format = useFormatters();
  return (
    <Section title={title}>
      {applications.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          {emptyText}
        </Text>
      ) : (
        <TableScroll minWidth={620} stack>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{labels.number}</Table.Th>
                <Table.Th>{labels.appliedAt}</Table.Th>
                <Table.Th>{labels.status}</Table.Th>
                <Table.Th ta="right">{labels.amount}</Table.Th>
                {canUnapply && <Table.Th w={120} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.map((application) => (
                <Table.Tr key={application.id}>
                  <Table.Td data-primary>
                    <Anchor
                      component={Link}
                      to={`/console/invoices/${application.invoiceId}`}
                      size="sm"
                      fw={600}
                    >
                      {application.invoiceNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td fz="sm" data-label={labels.appliedAt}>
                    {format.dateTime(application.createdAt)}
                  </Table.Td>
                  <Table.Td data-label={labels.status}>
                    {application.unappliedAt ? (
                      <Stack gap={0}>
                        <Badge color="gray" variant="light" radius="sm" tt="none" w="fit-content">
                          {labels.unappliedOn(format.date(application.unappliedAt))}
                        </Badge>
                        {application.unapplyReason && (
                          <Text className={classes.sub}>{application.unapplyReason}</Text>
                        )}
                      </Stack>
                    ) : (
                      <Badge color="teal" variant="light" radius="sm" tt="none">
                        {labels.applied}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.num} fz="sm" fw={600} data-label={labels.amount}>
                    <span className={application.unappliedAt ? classes.struck : undefined} data-amount>
                      {money(application.amount)}
                    </span>
                  </Table.Td>
                  {canUnapply && (
                    <Table.Td ta="right" data-empty={application.unappliedAt ? true : undefined}>
                      {!application.unappliedAt && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconUnlink size={14} aria-hidden />}
                          onClick={() => onUnapply(application)}
                        >
                          {labels.unapply}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Section>
  );
}

/** A console list of AR documents: title, description, a "new" button for those who may write, the table. */
export function ArListPage({
  title,
  description,
  newTo,
  newLabel,
  children,
}: {
  title: string;
  description: string;
  newTo: string;
  newLabel: string;
  children: ReactNode;
}) {
  const { role } = useStaffContext();
  usePageTitle(title);
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          canWriteAr(role) && (
            <Button component={Link} to={newTo} leftSection={<IconPlus size={18} aria-hidden />}>
              {newLabel}
            </Button>
          )
        }
      />
      {children}
    </>
  );
}
