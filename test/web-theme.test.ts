import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { colors, cssVariablesResolver, errorShade, theme } from '../web/src/app/theme.ts';
import { AGING_BUCKET_COLORS } from '../web/src/features/reports/aging-colors.ts';

/**
 * The web theme's text colours meet WCAG 2.2 AA (4.5:1 for normal text) on the backgrounds they
 * are drawn on. The browser journeys check every page with axe; this holds the palette itself.
 */

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const palette = { ...DEFAULT_THEME.colors, ...colors } as Record<string, readonly string[]>;
const shade = (color: string, index: number) => palette[color]![index]!;
const white = '#ffffff';

describe('web theme contrast (WCAG 2.2 AA)', () => {
  it('dimmed text (gray 6) on white, on the page background and on a hovered row', () => {
    for (const background of [white, shade('gray', 0), shade('gray', 1), shade('gray', 2)])
      expect(contrast(shade('gray', 6), background)).toBeGreaterThanOrEqual(4.5);
  });

  it('white on the primary filled colour and its hover (the sign-in button), and links on the page', () => {
    expect(theme.primaryColor).toBe('teal');
    const primaryShade = (theme.primaryShade as { light: number }).light;
    expect(contrast(white, shade('teal', primaryShade))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(white, shade('teal', primaryShade + 1))).toBeGreaterThanOrEqual(4.5);
    for (const background of [white, shade('gray', 0), shade('teal', 0)])
      expect(contrast(shade('teal', primaryShade), background)).toBeGreaterThanOrEqual(4.5);
  });

  it('light badges, alerts and the active navigation item: shade 9 on the 1 and 2 tints', () => {
    for (const color of ['teal', 'red', 'orange', 'yellow', 'blue', 'gray', 'grape', 'indigo', 'dark'])
      for (const tint of [1, 2])
        expect(contrast(shade(color, 9), shade(color, tint)), `${color} 9 on ${tint}`).toBeGreaterThanOrEqual(
          4.5,
        );
  });

  it('the overdue badge (white on red 7) and red text on a hovered row', () => {
    expect(contrast(white, shade('red', 7))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shade('red', 7), shade('gray', 1))).toBeGreaterThanOrEqual(4.5);
  });

  it("error text (a field's message) on white and on the page background", () => {
    const light = cssVariablesResolver(theme as never).light as Record<string, string>;
    expect(light['--mantine-color-error']).toBe(`var(--mantine-color-red-${errorShade})`);
    for (const background of [white, shade('gray', 0)])
      expect(contrast(shade('red', errorShade), background)).toBeGreaterThanOrEqual(4.5);
  });

  it("the aging chart's bars: 3:1 against the white card (non-text contrast), each bucket its own colour", () => {
    const hexes = AGING_BUCKET_COLORS.map((c) => {
      const [color, index] = c.split('.') as [string, string];
      return shade(color, Number(index));
    });
    for (const [i, hex] of hexes.entries())
      expect(contrast(hex, white), AGING_BUCKET_COLORS[i]).toBeGreaterThanOrEqual(3);
    expect(new Set(hexes).size).toBe(hexes.length);
  });
});
