import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../app/api/client';
import type { BodyOf, Problem, ResponseOf } from '../../app/api/wire';
import i18n from '../../app/i18n';
import { invalidate, queryKeys } from '../../app/query-keys';

export type ImportRun = ResponseOf<'getConsoleImportsById'>;
export type ImportList = ResponseOf<'getConsoleImports'>;
export type ImportKind = ImportRun['kind'];
export type ImportStatus = ImportRun['status'];
export type ImportSummary = NonNullable<ImportRun['summary']>;
export type ImportErrors = ResponseOf<'getConsoleImportsByIdErrors'>;
export type Inspection = ResponseOf<'postConsoleImportsInspect'>;
export type ImportSettings = Inspection['settings'];
export type ImportField = Inspection['fields'][number];
export type ImportProfile = ResponseOf<'getConsoleImportProfilesById'>;
export type ImportReviews = ResponseOf<'getConsoleImportReviews'>;
export type ImportReview = ImportReviews['reviews'][number];

/** The kinds the console imports, in the order the page offers them. */
export const IMPORT_KINDS = [
  'customers',
  'contacts',
  'invoices',
  'credit_memos',
  'payments',
  'holds',
  'aging',
] as const satisfies readonly ImportKind[];

/** The largest file the console uploads (the server's limit; bigger: `saldo import` or the drop folder). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** What inspect reads of a CSV or JSON file (its first rows are all the preview needs). */
const INSPECT_HEAD_BYTES = 1024 * 1024;
/** The most inspect takes: an XLSX is sent whole (its sheets are at the end of the zip). */
const MAX_INSPECT_BYTES = 16 * 1024 * 1024;

export const isFinished = (status: ImportStatus) =>
  status === 'completed' || status === 'rejected' || status === 'failed';

/** The settings as the `Saldo-Import-Settings` header carries them: base64url of the JSON (UTF-8). */
export function settingsHeader(settings: Partial<ImportSettings>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(settings));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes inspect needs: a text file's first MiB, an XLSX whole (up to 16 MiB). */
export function inspectSlice(file: File): Blob | null {
  if (/\.xlsx$/i.test(file.name)) return file.size <= MAX_INSPECT_BYTES ? file : null;
  return file.size > INSPECT_HEAD_BYTES ? file.slice(0, INSPECT_HEAD_BYTES) : file;
}

function problemOf(status: number, text: string): Problem {
  try {
    const payload = JSON.parse(text) as Problem;
    if (payload && typeof payload === 'object' && 'code' in payload) return { ...payload, status };
  } catch {}
  const detail = i18n.t(status >= 500 ? 'common:errors.server' : 'common:errors.unexpected');
  return { type: 'about:blank', title: detail, status, code: 'unexpected_response', detail } as Problem;
}

/**
 * Sends a file as the raw body with XMLHttpRequest (fetch has no upload progress), the session's
 * CSRF token and the interface language, and answers the JSON reply or throws its problem.
 */
export function uploadFile<T>(options: {
  url: string;
  body: Blob;
  csrfToken: string;
  headers?: Record<string, string>;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', options.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', i18n.resolvedLanguage ?? i18n.language);
    xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(problemOf(xhr.status, '')));
        }
      } else reject(new ApiError(problemOf(xhr.status, xhr.responseText)));
    };
    const network = () =>
      reject(
        new ApiError({
          type: 'about:blank',
          title: i18n.t('common:errors.network'),
          status: 0,
          code: 'network_error',
          detail: i18n.t('common:errors.network'),
        } as Problem),
      );
    xhr.onerror = network;
    xhr.onabort = network;
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(options.body);
  });
}

/** POST /console/imports/inspect: what Saldo reads in the file, and its first rows as parsed. */
export function inspectFile(input: {
  file: File;
  kind: ImportKind;
  settings: Partial<ImportSettings>;
  csrfToken: string;
  profileId?: string | null;
}): Promise<Inspection> {
  const body = inspectSlice(input.file);
  if (!body) return Promise.reject(new Error('too large to preview'));
  const params = new URLSearchParams({ kind: input.kind, name: input.file.name });
  if (input.profileId) params.set('profileId', input.profileId);
  const headers: Record<string, string> = {};
  if (Object.keys(input.settings).length) headers['Saldo-Import-Settings'] = settingsHeader(input.settings);
  return uploadFile<Inspection>({
    url: `/api/v1/console/imports/inspect?${params}`,
    body,
    csrfToken: input.csrfToken,
    headers,
  });
}

/** POST /console/imports: uploads the whole file and queues its run (one key per file the person means). */
export function startImport(input: {
  file: File;
  kind: ImportKind;
  settings: ImportSettings;
  csrfToken: string;
  idempotencyKey: string;
  profileId?: string | null;
  onProgress: (fraction: number) => void;
}): Promise<ImportRun> {
  const params = new URLSearchParams({ kind: input.kind, name: input.file.name });
  if (input.profileId) params.set('profileId', input.profileId);
  return uploadFile<ImportRun>({
    url: `/api/v1/console/imports?${params}`,
    body: input.file,
    csrfToken: input.csrfToken,
    headers: {
      'Saldo-Import-Settings': settingsHeader(input.settings),
      'Idempotency-Key': input.idempotencyKey,
    },
    onProgress: input.onProgress,
  });
}

export function useImports(query: { kind?: ImportKind | undefined; page: number }) {
  return useQuery({
    queryKey: queryKeys.imports.list(query),
    queryFn: () => {
      const params = new URLSearchParams({ page: String(query.page), pageSize: '25' });
      if (query.kind) params.set('kind', query.kind);
      return apiRequest<ImportList>('GET', `/api/v1/console/imports?${params}`);
    },
    placeholderData: keepPreviousData,
    // Runs in flight move on by themselves: the history follows them.
    refetchInterval: (q) => (q.state.data?.imports.some((r) => !isFinished(r.status)) ? 2000 : false),
  });
}

/** One run, polled every second until it finishes; then what it changed is refreshed everywhere. */
export function useImport(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.imports.detail(id),
    queryFn: async () => {
      const run = await apiRequest<ImportRun>('GET', `/api/v1/console/imports/${encodeURIComponent(id)}`);
      const before = client.getQueryData<ImportRun>(queryKeys.imports.detail(id));
      if (isFinished(run.status) && before && !isFinished(before.status)) {
        void invalidate(client, 'invoice');
        void invalidate(client, 'customer');
        void client.invalidateQueries({ queryKey: queryKeys.imports.all });
      }
      return run;
    },
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data.status) ? false : 1000),
  });
}

export function useImportErrors(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.imports.errors(id, page),
    queryFn: () =>
      apiRequest<ImportErrors>(
        'GET',
        `/api/v1/console/imports/${encodeURIComponent(id)}/errors?page=${page}&pageSize=50`,
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Where the browser downloads a run's error report (in the interface language). */
export const errorReportUrl = (id: string) => `/api/v1/console/imports/${encodeURIComponent(id)}/errors.csv`;

export function useImportProfiles(kind: ImportKind) {
  return useQuery({
    queryKey: queryKeys.imports.profiles(kind),
    queryFn: () =>
      apiRequest<ResponseOf<'getConsoleImportProfiles'>>(
        'GET',
        `/api/v1/console/import-profiles?kind=${kind}`,
      ),
  });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'putConsoleImportProfiles'>) =>
      apiRequest<ImportProfile>('PUT', '/api/v1/console/import-profiles', body),
    onSuccess: (saved) => client.invalidateQueries({ queryKey: queryKeys.imports.profiles(saved.kind) }),
  });
}

export function useDeleteProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: ImportProfile) =>
      apiRequest<void>('DELETE', `/api/v1/console/import-profiles/${encodeURIComponent(profile.id)}`),
    onSuccess: (_done, profile) =>
      client.invalidateQueries({ queryKey: queryKeys.imports.profiles(profile.kind) }),
  });
}

export function useImportReviews(query: { status: 'open' | 'resolved' | 'dismissed'; page: number }) {
  return useQuery({
    queryKey: queryKeys.imports.reviews(query),
    queryFn: () =>
      apiRequest<ImportReviews>(
        'GET',
        `/api/v1/console/import-reviews?status=${query.status}&page=${query.page}&pageSize=25`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useResolveReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; resolution: 'resolved' | 'dismissed' }) =>
      apiRequest<void>('POST', `/api/v1/console/import-reviews/${encodeURIComponent(input.id)}/resolve`, {
        resolution: input.resolution,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.imports.reviewsAll }),
  });
}

/** An aging difference the ERP shows as less open: Saldo records an ERP payment for it (409 if closed). */
export function useCorrectReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string }) =>
      apiRequest<unknown>('POST', `/api/v1/console/import-reviews/${encodeURIComponent(input.id)}/correct`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.imports.reviewsAll });
      void invalidate(client, 'payment');
    },
  });
}
