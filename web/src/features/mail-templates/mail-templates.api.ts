import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { operations } from '../../app/api/schema.gen';
import type { Locale } from '../../app/api/types';
import { queryKeys } from '../../app/query-keys';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<Op extends keyof operations, S extends number> = operations[Op]['responses'] extends infer R
  ? R extends Record<S, infer Body>
    ? Json<Body>
    : never
  : never;

export type MailTemplateListItem = Ok<'getConsoleMailTemplates', 200>['items'][number];
export type MailTemplateKey = MailTemplateListItem['key'];
export type MailTemplate = Ok<'getConsoleMailTemplatesByKeyByLocale', 200>;
export type MailTemplateVariable = MailTemplate['variables'][number];
export type MailTemplateVersion = MailTemplate['versions'][number];
export type MailPreview = Ok<'postConsoleMailTemplatesByKeyByLocalePreview', 200>;
export type MailTemplateProblem = MailPreview['problems'][number];
export type MailTemplatePart = MailTemplateProblem['part'];
export interface MailTemplateSources {
  subject: string;
  preheader: string;
  textBody: string;
  htmlBody: string;
}

const base = '/api/v1/console/mail-templates';
const one = (key: string, locale: Locale) => `${base}/${encodeURIComponent(key)}/${locale}`;

export function useMailTemplates() {
  return useQuery({
    queryKey: queryKeys.mailTemplates.all,
    queryFn: () => apiRequest<{ items: MailTemplateListItem[] }>('GET', base),
  });
}

export function useMailTemplate(key: string, locale: Locale) {
  return useQuery({
    queryKey: queryKeys.mailTemplates.one(key, locale),
    queryFn: () => apiRequest<MailTemplate>('GET', one(key, locale)),
  });
}

/** The message the sources write for the chosen customer (null: the sample customer), or their problems. */
export function useMailPreview(
  key: string,
  locale: Locale,
  sources: MailTemplateSources | null,
  customerId: string | null,
) {
  const body = { sources, customerId };
  return useQuery({
    queryKey: queryKeys.mailTemplates.preview(key, locale, body),
    queryFn: () => apiRequest<MailPreview>('POST', `${one(key, locale)}/preview`, body),
    enabled: sources !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSaveMailTemplate(key: string, locale: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sources: MailTemplateSources) =>
      apiRequest<{ version: number }>('POST', `${one(key, locale)}/versions`, sources),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.mailTemplates.all }),
  });
}

export function useRestoreMailTemplate(key: string, locale: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      apiRequest<{ version: number }>('POST', `${one(key, locale)}/versions/${version}/restore`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.mailTemplates.all }),
  });
}

export function useTestSendMailTemplate(key: string, locale: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sources: MailTemplateSources; customerId: string | null }) =>
      apiRequest<{ id: string; to: string }>('POST', `${one(key, locale)}/test`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.outbox.all }),
  });
}
