import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/es';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from './i18n';
import { DATE_INPUT_FORMATS as FORMATS, parseTypedDate } from './typed-date';

export type DayInputProps = Omit<
  DateInputProps,
  'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'
> & {
  /** 'YYYY-MM-DD', or '' for none… */
  value?: string;
  /** …or only the starting value (Mantine's uncontrolled forms). */
  defaultValue?: string;
  onChange: (value: string) => void;
};

/**
 * A calendar date field in the interface language (not the browser's): typed as the language
 * writes dates, or picked from a calendar (its DatesProvider sets the language and
 * first weekday, here so the dates library loads only with the pages that use it). Its value
 * stays a 'YYYY-MM-DD' string.
 */
export function DayInput({ value, defaultValue, onChange, ...props }: DayInputProps) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const lang = isLocale(language) ? language : 'en';
  // Mantine's DateInput keeps the typed text itself and does not follow a value changed from
  // outside (a "clear filters" button, an address): keep the value here, in step with what is
  // typed, and start the field afresh when the value changes from outside.
  const [current, setCurrent] = useState(value ?? defaultValue ?? '');
  const [seen, setSeen] = useState(value);
  const [generation, setGeneration] = useState(0);
  if (value !== seen) {
    // The value given changed: from what was typed here (nothing to do), or from outside.
    setSeen(value);
    if (value !== undefined && value !== current) {
      setCurrent(value);
      setGeneration((g) => g + 1);
    }
  }
  return (
    // The calendar's month and day names and first weekday follow the interface language too.
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: lang === 'es' ? 1 : 0 }}>
      <DateInput
        key={generation}
        valueFormat={FORMATS[lang].format}
        placeholder={FORMATS[lang].placeholder}
        dateParser={(text) => parseTypedDate(text, lang)}
        value={current || null}
        onChange={(next) => {
          const ymd = next ? String(next).slice(0, 10) : '';
          setCurrent(ymd);
          onChange(ymd);
        }}
        {...props}
      />
    </DatesProvider>
  );
}
