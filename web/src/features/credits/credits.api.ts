import type { NewCreditBody } from '../../app/api/wire';
import type { Audience, CreditDetail, CreditSummary } from '../invoices/ar.types';
import { type ArDocumentQuery, arDocumentHooks } from '../invoices/ar-documents.api';

export type CreditQuery = ArDocumentQuery;

export type { NewCreditBody };

const credits = arDocumentHooks<CreditSummary, CreditDetail, NewCreditBody>({
  key: 'credits',
  path: 'credit-memos',
  applicationsPath: 'credit-applications',
  // The reason is optional to unapply a credit: none typed, none sent.
  unapplyBody: (body) => (body.reason ? body : {}),
});

export const useCredits = credits.useList;
export const useCredit = credits.useDetail;
export const useCreateCredit = credits.useCreate;
export const useApplyCredit = credits.useApply;
export const useUnapplyCredit = credits.useUnapply;

export function creditPdfUrl(audience: Audience, id: string): string {
  return `${credits.documentsPath(audience)}/${encodeURIComponent(id)}/pdf`;
}
