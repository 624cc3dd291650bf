// The one way the web app talks to the server: JSON in and out, the CSRF header on every
// state-changing request, and error bodies turned into ApiError with the server's stable code.
import type { Access, Me, TotpEnrollment } from '../shared/users.ts';

/** A failed request: `code` is the server's error code, or `network` when the server was not reached. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The signed-in user as `GET /api/me` describes them. */
export type SignedInUser = Me;

let csrfToken: string | null = null;
let onSessionEnded: (() => void) | null = null;

/** Registers what happens when the server says the session is gone (the app shows the login page). */
export function setSessionEndedHandler(handler: (() => void) | null): void {
  onSessionEnded = handler;
}

/** Tells the app the session is gone, as a 401 does (e.g. when a sync finds nobody signed in). */
export function reportSessionEnded(): void {
  onSessionEnded?.();
}

/** A list reply. */
export type Items<T> = { items: T[] };

/** A query string ("?a=1&b=x") of the params that have a value; empty when none has. */
export function queryOf(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends one request; resolves with the parsed JSON body (undefined for 204), rejects with ApiError.
 * A Blob body (a photo) is sent as it is, with its own type; anything else as JSON.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // No Accept header (every answer is JSON) and credentials 'include' (same-origin, so the same cookies): a GET
  // then matches index.html's <link rel=preload as=fetch crossorigin=use-credentials>, so /api/me is reused.
  const headers: Record<string, string> = {};
  const isBlob = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['content-type'] = isBlob ? (body as Blob).type : 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isBlob ? (body as Blob) : JSON.stringify(body),
      credentials: 'include',
    });
  } catch (cause) {
    throw new ApiError('network', 0, cause instanceof Error ? cause.message : 'network error');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  const code =
    typeof error?.code === 'string' ? error.code : response.status >= 500 ? 'internal' : 'bad_request';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
  if (code === 'unauthenticated' && path !== '/api/me') onSessionEnded?.();
  throw new ApiError(code, response.status, message, error?.details);
}

/** Sends a JSON request whose answer is a file; resolves with it and its name, rejects with ApiError. */
export async function download(path: string, body: unknown): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'include',
    });
  } catch (cause) {
    throw new ApiError('network', 0, cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; details?: unknown } }
      | undefined;
    throw new ApiError(
      payload?.error?.code ?? 'bad_request',
      response.status,
      payload?.error?.message ?? `HTTP ${response.status}`,
      payload?.error?.details,
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'sigap-cadangan.sigapbak';
  return { blob: await response.blob(), fileName };
}

/** The signed-in user, or undefined when nobody is signed in. */
export async function findMe(): Promise<SignedInUser | undefined> {
  try {
    const { csrfToken: token, ...me } = await request<SignedInUser & { csrfToken: string | null }>(
      'GET',
      '/api/me',
    );
    csrfToken = token;
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return undefined;
    throw error;
  }
}

/** Signs in with a username and password; the server sets the session cookie. */
export async function signIn(username: string, password: string, totp?: string): Promise<SignedInUser> {
  const result = await request<{ user: SignedInUser; csrfToken: string }>('POST', '/api/auth/login', {
    username,
    password,
    ...(totp ? { totp } : {}),
  });
  csrfToken = result.csrfToken;
  return result.user;
}

/** Sets a new password with a one-time code (from a code sheet or an operator), then signs in with it. */
export async function signInWithCode(
  username: string,
  code: string,
  newPassword: string,
): Promise<SignedInUser> {
  const { username: exact } = await request<{ username: string }>('POST', '/api/auth/code', {
    username,
    code,
    newPassword,
  });
  return signIn(exact, newPassword);
}

/** Ends the session on the server. */
export async function signOut(): Promise<void> {
  try {
    await request<void>('POST', '/api/auth/logout');
  } finally {
    csrfToken = null;
  }
}

/** Changes the signed-in user's own password. */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<void>('POST', '/api/me/password', { currentPassword, newPassword });
}

/** Starts enrolling the second factor: the secret and its QR code. */
export function startTotp(): Promise<TotpEnrollment> {
  return request<TotpEnrollment>('POST', '/api/me/totp');
}

/** Confirms the second factor with a first code; the recovery codes come back once. */
export function confirmTotp(code: string): Promise<{ recoveryCodes: string[] }> {
  return request<{ recoveryCodes: string[] }>('POST', '/api/me/totp/confirm', { code });
}

/** The signed-in user's live sessions and API tokens. */
export function listOwnAccess(): Promise<Access> {
  return request<Access>('GET', '/api/me/access');
}

/** Ends one of the signed-in user's sessions (this one signs them out). */
export async function endOwnSession(id: string): Promise<void> {
  await request<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`);
}

/** Revokes one of the signed-in user's API tokens. */
export async function revokeOwnToken(id: string): Promise<void> {
  await request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
}
