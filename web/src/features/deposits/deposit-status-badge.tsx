import { useTranslation } from 'react-i18next';
import { DocumentStatusTag } from '../../shared/ui/badges';
import type { Deposit } from './deposits.api';

/** Reconciled (every line matched, the journal entry posted) or needing a person's review. */
export function DepositStatusBadge({ status }: { status: Deposit['status'] }) {
  const { t } = useTranslation('deposits');
  return (
    <DocumentStatusTag color={status === 'reconciled' ? 'teal' : 'yellow'}>
      {t(`status.${status}`)}
    </DocumentStatusTag>
  );
}
