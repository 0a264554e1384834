import { ApiError } from '../../app/api/client';

/**
 * Puts a refused request's field errors on the inputs of a form whose fields nest (contacts,
 * lines): the server names a field by its path in the body ("contacts.1.email",
 * "lines.0.taxes.0.rate"); `rename` turns a body path into the form's, or null when no input
 * shows it. Problems without a field go where `byCode` says (a duplicate number on its input).
 * Returns whether some input took the error; if not, the caller shows it above the form.
 */
export function placeProblem(
  form: { setFieldError: (path: string, error: string) => void },
  error: unknown,
  {
    rename = (path) => path,
    byCode = {},
  }: { rename?: (path: string) => string | null; byCode?: Record<string, string> } = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  const seen = new Set<string>();
  for (const entry of error.problem.errors ?? []) {
    const path = rename(entry.field.replace(/^\//, '').replaceAll('/', '.'));
    // A nullable field answers once per branch it failed: the first message is the one to show.
    if (path === null || seen.has(path)) continue;
    seen.add(path);
    form.setFieldError(path, underInput(entry.field, entry.message));
    placed = true;
  }
  const target = byCode[error.problem.code];
  if (!placed && target) {
    form.setFieldError(target, error.problem.detail ?? error.problem.title);
    placed = true;
  }
  return placed;
}

/** "contacts.1.email must be a valid e-mail address" under its input: "Must be a valid e-mail address". */
function underInput(field: string, message: string): string {
  const text = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
