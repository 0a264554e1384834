import type { StatementSettings } from './statements.repository.ts';

const monthBefore = (ym: string): string => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const monthAfter = (ym: string): string => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * When the monthly statements next go out, as the sweep (claimDueStatementPeriods) will find them:
 * the seller's day of this month when last month is still to send (today when that day has
 * passed: the next hourly sweep catches up), else that day of next month; with the month they
 * cover. Nothing when they are off. `today` is the seller's calendar day ('YYYY-MM-DD').
 */
export function nextStatementRun(
  settings: StatementSettings,
  today: string,
): { runOn: string; period: string } | null {
  if (!settings.enabled) return null;
  const thisMonth = today.slice(0, 7);
  const day = String(settings.dayOfMonth).padStart(2, '0');
  const pending = monthBefore(thisMonth);
  if (settings.lastPeriod === null || settings.lastPeriod < pending) {
    const runOn = `${thisMonth}-${day}`;
    return { runOn: runOn < today ? today : runOn, period: pending };
  }
  return { runOn: `${monthAfter(thisMonth)}-${day}`, period: thisMonth };
}
