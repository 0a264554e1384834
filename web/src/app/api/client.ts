import i18n from '../i18n';
import type { Me, Problem } from './types';

/** An error the API answered with (problem+json), or a request that never got an answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The CSRF token of the current session. Every /me-shaped answer carries the latest one
 * (it changes whenever the session does: signing in, accepting an invitation, resetting a
 * password), and every state-changing request sends it back.
 */
let csrfToken: string | null = null;

export function rememberSession(me: Me | null): void {
  csrfToken = me?.csrfToken ?? null;
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.resolvedLanguage ?? i18n.language,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(localProblem(0, 'network_error', i18n.t('common:errors.network')));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const payload = parseJson(text);

  if (!response.ok) throw new ApiError(toProblem(response.status, payload));
  if (payload === undefined) {
    throw new ApiError(localProblem(response.status, 'invalid_response', i18n.t('common:errors.unexpected')));
  }
  return payload as T;
}

/** Requests whose answer is the session (`Me`): the CSRF token is taken from it right away. */
export async function apiSessionRequest(method: Method, path: string, body?: unknown): Promise<Me> {
  const me = await apiRequest<Me>(method, path, body);
  rememberSession(me);
  return me;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toProblem(status: number, payload: unknown): Problem {
  if (payload && typeof payload === 'object' && 'code' in payload && 'title' in payload) {
    return { ...(payload as Problem), status };
  }
  const message = status >= 500 ? i18n.t('common:errors.server') : i18n.t('common:errors.unexpected');
  return localProblem(status, status >= 500 ? 'server_error' : 'unexpected_response', message);
}

function localProblem(status: number, code: string, detail: string): Problem {
  return { type: 'about:blank', title: detail, status, code, detail };
}
