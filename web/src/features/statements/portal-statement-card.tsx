import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PeriodFields, StatementDownload } from './period-fields';
import { periodProblem, portalStatementUrl, thisMonth } from './statements.api';

/** The portal's statement of account: any period, as a PDF. */
export function PortalStatementCard() {
  const { t } = useTranslation('statements');
  const [period, setPeriod] = useState(thisMonth);
  // The server refuses such a period too (statement_period_invalid); the fields say why here.
  const valid = periodProblem(period) === null;
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
          <StatementDownload
            href={valid ? portalStatementUrl(period.from, period.to) : null}
            label={t('downloadPdf')}
          />
        </div>
      </Stack>
    </Paper>
  );
}
