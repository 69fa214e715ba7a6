/**
 * The one fetch client of the web app: JSON in and out, the session cookie (same origin),
 * and the CSRF header the server demands on every write (server http/app.ts: `x-attain-request: 1`).
 */
export const CSRF_HEADER = 'x-attain-request';

/** An API failure, carrying the server's `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra structure some errors carry (e.g. an import's row errors). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/v1/x` plus the query parameters that have a value. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; field?: string; details?: unknown };
    };
    const error = body.error ?? {};
    const message = error.message ?? response.statusText;
    return new ApiError(response.status, error.code ?? 'unknown', message, error.field, error.details);
  } catch {
    return new ApiError(response.status, 'unknown', response.statusText || `HTTP ${response.status}`);
  }
}

interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly query?: Query;
  /** A plain object is sent as JSON; FormData as multipart. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** Calls the API and returns its JSON (undefined for 204); throws {@link ApiError} on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);
