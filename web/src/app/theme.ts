import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  mergeThemeOverrides,
} from '@mantine/core';

const fontStack =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/**
 * Mantine's palette with the shades that carry text deepened to WCAG 2.2 AA (4.5:1). The light
 * tints (0–6: backgrounds, borders, the logo) are Mantine's own; only the text shades move:
 * 6 of gray is "dimmed" text (5.4:1 on white, 5.1:1 on the page's gray-0), 7 is a filled
 * button or badge under white text and a link (primaryShade), 8 its hover, 9 the text of a
 * light badge, alert or active nav link on the 1 and 2 tints.
 */
function deepen(
  name: 'gray' | 'teal' | 'red' | 'orange' | 'yellow' | 'blue' | 'indigo',
  shades: Record<number, string>,
): MantineColorsTuple {
  return DEFAULT_THEME.colors[name]!.map(
    (shade, index) => shades[index] ?? shade,
  ) as unknown as MantineColorsTuple;
}

export const colors = {
  // #636b74: 5.4:1 on white, 5.1:1 on gray-0, 4.6:1 on gray-2.
  gray: deepen('gray', { 6: '#636b74' }),
  // Saldo's green: white on 7 is 5.3:1 (was 3.1:1); 9 on the 1 tint 7.1:1, on the 2 tint 6.3:1.
  teal: deepen('teal', { 7: '#0b7a5a', 8: '#09684d', 9: '#065a43' }),
  // White on 7 (the overdue badge) 5.4:1, and 7 as text on a hovered row (gray-1) 4.8:1; 9 on the
  // 1 and 2 tints 6.1:1 and 5.1:1.
  red: deepen('red', { 7: '#cc2929', 8: '#b82525', 9: '#a61e1e' }),
  // 9 on the 1 and 2 tints ("unpaid" and "partly paid" badges, the warning alert): ≥ 4.8:1.
  orange: deepen('orange', { 9: '#a63c06' }),
  yellow: deepen('yellow', { 9: '#8a5300' }),
  blue: deepen('blue', { 9: '#155a9c' }),
  // The customer side's accent (context icons).
  indigo: deepen('indigo', { 9: '#3043b5' }),
};

export const theme = createTheme({
  colors,
  primaryColor: 'teal',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: fontStack,
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontFamily: fontStack, fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
  },
});

/**
 * Mantine draws error text (a field's message, its border) in red 6, 3.3:1 on white: Saldo uses
 * red 8 (6.3:1) in the light scheme. Exported so the contrast test reads the same value.
 */
export const errorShade = 8;
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': `var(--mantine-color-red-${errorShade})` },
  dark: {},
});

/** The names of a calendar's buttons (common:calendar). */
export interface CalendarLabels {
  previousMonth: string;
  nextMonth: string;
  previousYear: string;
  nextYear: string;
  previousDecade: string;
  nextDecade: string;
}

/**
 * The theme in the user's language: icon-only buttons Mantine draws by itself (the close button
 * of dialogs, drawers and notifications, the clear button of inputs, a calendar's arrows) need an
 * accessible name, and a table that scrolls sideways must be reachable with the keyboard (its
 * viewport takes the focus).
 */
export function localizedTheme(labels: { close: string; clear: string; calendar: CalendarLabels }) {
  const closeButtonProps = { 'aria-label': labels.close };
  const clearButtonProps = { 'aria-label': labels.clear };
  // The month and year buttons are named by what they show. Days of the next and previous
  // months are not drawn: Mantine greys them below 4.5:1.
  const dateProps = { clearButtonProps, ariaLabels: labels.calendar, hideOutsideDates: true };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps } },
        Drawer: { defaultProps: { closeButtonProps } },
        Notification: { defaultProps: { closeButtonProps } },
        Alert: { defaultProps: { closeButtonLabel: labels.close } },
        Select: { defaultProps: { clearButtonProps } },
        MultiSelect: { defaultProps: { clearButtonProps } },
        Autocomplete: { defaultProps: { clearButtonProps } },
        TagsInput: { defaultProps: { clearButtonProps } },
        FileInput: { defaultProps: { clearButtonProps } },
        DateInput: { defaultProps: dateProps },
        DatePickerInput: { defaultProps: dateProps },
        TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
      },
    }),
  );
}
