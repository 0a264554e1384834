import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';

export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Rule = 'required' | 'email' | 'passwordLength';

/** A client-side validation message; a component so it follows language changes while shown. */
function ValidationMessage({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  switch (rule) {
    case 'required':
      return t('validation.required');
    case 'email':
      return t('validation.email');
    case 'passwordLength':
      return t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH });
  }
}

const message = (rule: Rule) => <ValidationMessage rule={rule} />;

export const rules = {
  required: (value: string) => (value.trim() ? null : message('required')),
  email: (value: string) =>
    !value.trim() ? message('required') : EMAIL.test(value.trim()) ? null : message('email'),
  newPassword: (value: string) =>
    !value ? message('required') : value.length < MIN_PASSWORD_LENGTH ? message('passwordLength') : null,
};

/** "/email", "body.email" and "email" all name the form field `email`. */
function fieldName(field: string): string {
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

/**
 * Shows a failed request on a form: each `errors[]` entry on its input, and the problem's
 * `detail` above the form when no input took it.
 */
export function useServerErrors<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>) {
  const [formError, setFormError] = useState<ApiError | Error | null>(null);

  const handleError = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setFormError(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const names = Object.keys(form.getValues());
    let placed = false;
    for (const entry of error.problem.errors ?? []) {
      const name = fieldName(entry.field);
      if (names.includes(name)) {
        form.setFieldError(name, entry.message);
        placed = true;
      }
    }
    setFormError(placed ? null : error);
  };

  return { formError, handleError, clearFormError: () => setFormError(null) };
}
