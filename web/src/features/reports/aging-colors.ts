/**
 * The aging chart's bar per bucket, current to 90+ days: from teal through orange to red, each at
 * least 3:1 against the white card it is drawn on (WCAG 2.2 non-text contrast, 1.4.11) — the
 * lighter yellow and orange shades were not. test/web-theme.test.ts holds them to it.
 */
export const AGING_BUCKET_COLORS = ['teal.8', 'orange.7', 'orange.9', 'red.7', 'red.9'] as const;
