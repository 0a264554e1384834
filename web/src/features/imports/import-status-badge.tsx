import { useTranslation } from 'react-i18next';
import { DocumentStatusTag } from '../../shared/ui/badges';
import type { ImportStatus } from './imports.api';

const colors: Record<ImportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  completed: 'teal',
  rejected: 'orange',
  failed: 'red',
  interrupted: 'yellow',
};

/** Where a run is: waiting, importing, or how it ended. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('imports');
  return <DocumentStatusTag color={colors[status]}>{t(`status.${status}`)}</DocumentStatusTag>;
}
