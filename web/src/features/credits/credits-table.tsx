import { Anchor, Text } from '@mantine/core';
import { IconDownload, IconReceiptRefund } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { DocumentStatusTag } from '../../shared/ui/badges';
import classes from '../../shared/ui/kit.module.css';
import { MoneyDocumentsTable } from '../../shared/ui/money-documents-table';
import { useSearchableList } from '../../shared/ui/search-box';
import type { Audience, CreditSummary } from '../invoices/ar.types';
import { creditPdfUrl, useCredits } from './credits.api';

export function CreditStatusTag({ credit }: { credit: Pick<CreditSummary, 'status' | 'unappliedAmount'> }) {
  const { t } = useTranslation('credits');
  if (credit.status === 'void') return <DocumentStatusTag color="dark">{t('status.void')}</DocumentStatusTag>;
  return credit.unappliedAmount > 0 ? (
    <DocumentStatusTag color="blue">{t('status.available')}</DocumentStatusTag>
  ) : (
    <DocumentStatusTag color="teal">{t('status.applied')}</DocumentStatusTag>
  );
}

/** Credit memos, newest first, with what is still available to apply. */
export function CreditsTable({
  audience,
  customerId,
  showCustomer = false,
  syncUrl = false,
  linkTo,
}: {
  audience: Audience;
  customerId?: string;
  showCustomer?: boolean;
  syncUrl?: boolean;
  linkTo?: (credit: CreditSummary) => string;
}) {
  const { t } = useTranslation(['credits', 'invoices', 'common']);
  const format = useFormatters();
  const list = useSearchableList(syncUrl);
  const credits = useCredits(audience, {
    customerId,
    q: list.q || undefined,
    page: list.state.page,
    pageSize: 25,
  });

  return (
    <MoneyDocumentsTable
      result={credits}
      list={list}
      showCustomer={showCustomer}
      linkTo={linkTo}
      labels={{
        searchLabel: t('table.searchLabel'),
        searchPlaceholder: t('table.searchPlaceholder'),
        emptyTitle: t('table.emptyTitle'),
        emptyText: t('table.emptyText'),
        noMatchesTitle: t('table.noMatchesTitle'),
        noMatchesText: t('table.noMatchesText'),
        pagination: t('table.pagination'),
        number: t('fields.number'),
        date: t('fields.issueDate'),
        status: t('fields.status'),
        amount: t('fields.amount'),
        pdf: t('fields.pdf'),
      }}
      emptyIcon={<IconReceiptRefund size={28} stroke={1.5} aria-hidden />}
      subline={(credit) =>
        credit.reason && (
          <Text className={classes.sub} truncate="end" maw={240}>
            {credit.reason}
          </Text>
        )
      }
      dateOf={(credit) => credit.issueDate}
      extra={{
        title: t('fields.invoice'),
        cell: (credit) =>
          credit.invoice ? (
            <Anchor
              component={Link}
              to={`/${audience}/invoices/${credit.invoice.id}`}
              size="sm"
              className={classes.nowrap}
            >
              {credit.invoice.number}
            </Anchor>
          ) : (
            <Text component="span" c="dimmed" size="sm">
              —
            </Text>
          ),
      }}
      status={(credit) => <CreditStatusTag credit={credit} />}
      unappliedNote={(credit) =>
        credit.status === 'open' && credit.unappliedAmount > 0
          ? t('fields.availableShort', { amount: format.money(credit.unappliedAmount, credit.currency) })
          : null
      }
      pdf={{
        tooltip: t('actions.pdf'),
        href: (credit) => creditPdfUrl(audience, credit.id),
        ariaLabel: (credit) => t('actions.pdfOf', { number: credit.number }),
        icon: <IconDownload size={18} aria-hidden />,
      }}
    />
  );
}
