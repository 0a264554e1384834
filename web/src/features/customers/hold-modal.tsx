import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../shared/ui/reason-dialog';
import type { PlaceHoldBody } from './customers.api';

/**
 * Putting a customer on credit hold: the reason is internal (the team and the audit log); the
 * message for the customer is optional and is what the portal shows (without one, the portal says
 * only that the account is on hold).
 */
export function HoldModal({
  opened,
  onClose,
  name,
  mutation,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  name: string;
  mutation: UseMutationResult<unknown, Error, PlaceHoldBody>;
  onDone?: () => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('hold.placeTitle', { name })}
      text={t('hold.placeText')}
      submitLabel={t('hold.place')}
      reason={{ label: t('hold.reasonLabel'), description: t('hold.reasonHelp') }}
      note={{
        name: 'customerMessage',
        label: t('hold.messageLabel'),
        description: t('hold.messageHelp'),
        placeholder: t('hold.messagePlaceholder'),
      }}
      mutation={mutation}
      onDone={onDone}
    />
  );
}
