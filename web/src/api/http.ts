// One way to call the API: JSON in and out, RFC 7807 problems turned into ApiError, the access token attached,
// one refresh-and-retry on 401, and offline or unreachable servers told apart from HTTP errors.
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  request_id?: string;
  [member: string]: unknown;
}

export type FailureKind = "offline" | "network" | "http";

export class ApiError extends Error {
  readonly kind: FailureKind;
  readonly status: number;
  readonly problem?: Problem;
  /** Seconds to wait, from Retry-After (429, 503). */
  readonly retryAfter?: number;

  constructor(kind: FailureKind, status: number, message: string, problem?: Problem, retryAfter?: number) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** How a request authenticates: never, when signed in, or only signed in (fails with 401 otherwise). */
export type AuthMode = "none" | "optional" | "required";

export interface TokenSource {
  /** The current access token (refreshed first when about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** Called after a 401 with a token: refresh; true when a new token is worth a retry. */
  refreshAfterRejection(): Promise<boolean>;
}

let tokens: TokenSource = {
  accessToken: async () => null,
  refreshAfterRejection: async () => false,
};

export function setTokenSource(source: TokenSource): void {
  tokens = source;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** Raw body (a File, CSV text...) sent with contentType instead of JSON. */
  rawBody?: BodyInit;
  contentType?: string;
  auth?: AuthMode;
  signal?: AbortSignal;
  /** Return the Response itself (downloads). */
  raw?: boolean;
}

export function withQuery(path: string, query?: RequestOptions["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes("?") ? "&" : "?"}${text}` : path;
}

async function problemOf(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get("Retry-After");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function send(method: string, url: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  let body: BodyInit | undefined;
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    if (options.contentType) headers["Content-Type"] = options.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(url, { method, headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    throw new ApiError(offline ? "offline" : "network", 0, (error as Error).message);
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? "optional";
  const url = withQuery(path, options.query);
  let token = auth === "none" ? null : await tokens.accessToken();
  if (auth === "required" && !token) throw new ApiError("http", 401, "sign in first");
  let response = await send(method, url, options, token);
  if (response.status === 401 && token && (await tokens.refreshAfterRejection())) {
    token = await tokens.accessToken();
    response = await send(method, url, options, token);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const message = problem?.detail || problem?.title || `${response.status} ${response.statusText}`;
    throw new ApiError("http", response.status, message, problem, retryAfterOf(response));
  }
  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("POST", path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PUT", path, { ...options, body }),
  del: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, options),
};
