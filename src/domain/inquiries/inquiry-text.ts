import { AppError } from '../errors.ts';

/** A message of a thread: trimmed, 1 to 5,000 characters, no control characters but line breaks and tabs. */
export function inquiryText(value: string, field = 'message'): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (!text) throw new AppError('validation_failed', {}, [{ field, code: 'required' }]);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw new AppError('validation_failed', {}, [{ field, code: 'invalid' }]);
  if (text.length > 5000) throw new AppError('validation_failed', {}, [{ field, code: 'too_long' }]);
  return text;
}
