import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PeriodFields } from './period-fields';
import { portalStatementUrl, thisMonth } from './statements.api';

/** The portal's statement of account: any period, as a PDF. */
export function PortalStatementCard() {
  const { t } = useTranslation('statements');
  const [period, setPeriod] = useState(thisMonth);
  const valid = Boolean(period.from && period.to && period.from <= period.to);
  return (
    <Paper withBorder p="md" data-testid="portal-statement">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('portalTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portalIntro')}{' '}
          <Anchor component={Link} to="/help/statements" size="sm" underline="always">
            {t('help')}
          </Anchor>
        </Text>
        <PeriodFields value={period} onChange={setPeriod} />
        <div>
          <Button
            component="a"
            href={valid ? portalStatementUrl(period.from, period.to) : undefined}
            target="_blank"
            disabled={!valid}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('downloadPdf')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
