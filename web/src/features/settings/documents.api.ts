import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../app/api/client';
import type { Problem } from '../../app/api/types';
import type { DocumentSettings, SavedDocumentSettings } from '../../app/api/wire';
import i18n from '../../app/i18n';
import { queryKeys } from '../../app/query-keys';

/** The seller's document template as the console edits it (the logo itself is uploaded apart). */
export type { DocumentSettings, SavedDocumentSettings };

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_FOOTER_LENGTH = 1000;
export const ACCENT_COLOR = /^#[0-9a-fA-F]{6}$/;

const key = queryKeys.documentSettings;
const path = '/api/v1/console/settings/documents';

export function useDocumentSettings() {
  return useQuery({ queryKey: key, queryFn: () => apiRequest<SavedDocumentSettings>('GET', path) });
}

export function useSaveDocumentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: DocumentSettings) => apiRequest<SavedDocumentSettings>('PUT', path, settings),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}

/** Sends the image file itself as the body (the API takes image/png or image/jpeg, not JSON). */
async function uploadLogo(file: File, csrfToken: string): Promise<SavedDocumentSettings> {
  let response: Response;
  try {
    response = await fetch(`${path}/logo`, {
      method: 'PUT',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': i18n.resolvedLanguage ?? i18n.language,
        'Content-Type': file.type || 'application/octet-stream',
        'X-CSRF-Token': csrfToken,
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    const detail = i18n.t('common:errors.network');
    throw new ApiError({ type: 'about:blank', title: detail, status: 0, code: 'network_error', detail });
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    if (payload && typeof payload === 'object' && 'code' in payload)
      throw new ApiError({ ...(payload as Problem), status: response.status });
    const detail = i18n.t('common:errors.unexpected');
    throw new ApiError({
      type: 'about:blank',
      title: detail,
      status: response.status,
      code: 'unexpected_response',
      detail,
    });
  }
  return payload as SavedDocumentSettings;
}

export function useUploadLogo(csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadLogo(file, csrfToken),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}

export function useRemoveLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<SavedDocumentSettings>('DELETE', `${path}/logo`),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}

/**
 * The address of a sample invoice PDF with these (unsaved) settings, for a frame: the page's
 * CSP allows frames from 'self' only, so the preview is a same-origin GET, not a blob.
 * `version` changes the address when the saved logo changes.
 */
export function previewUrl(settings: DocumentSettings, version: number): string {
  const params = new URLSearchParams({
    accentColor: settings.accentColor,
    footerText: settings.footerText,
    showSku: String(settings.showSku),
    showUnit: String(settings.showUnit),
    showDiscount: String(settings.showDiscount),
    showTaxDetail: String(settings.showTaxDetail),
    showPoNumber: String(settings.showPoNumber),
    v: String(version),
  });
  return `${path}/preview.pdf?${params}`;
}
