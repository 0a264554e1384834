import type { MethodKind } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Where the processor's entry page sends the browser back: `returnPath` on Saldo's own origin,
 * under `area` (the portal's or the console's pages; nowhere else, so the page cannot be made to
 * hand a token to another site), with `kind` added — or `methodCancelled=1` on cancel.
 */
export function entryReturnUrls(
  publicUrl: string,
  returnPath: string,
  area: '/portal/' | '/console/',
  kind: MethodKind,
): { returnUrl: string; cancelUrl: string } {
  const back = new URL(returnPath, publicUrl);
  if (back.origin !== new URL(publicUrl).origin || !back.pathname.startsWith(area))
    throw new AppError('validation_failed', {}, [{ field: 'returnPath', code: 'pattern' }]);
  const returnUrl = new URL(back);
  returnUrl.searchParams.set('kind', kind);
  const cancelUrl = new URL(back);
  cancelUrl.searchParams.set('methodCancelled', '1');
  return { returnUrl: returnUrl.toString(), cancelUrl: cancelUrl.toString() };
}
