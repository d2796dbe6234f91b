import type { components } from './schema';

export type Problem = components['schemas']['ProblemSchema'];

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}

/** A non-2xx answer of the api, with its problem+json body when it sent one. */
export class ApiError extends Error {
  readonly problem: Problem | null;

  constructor(
    readonly status: number,
    body: unknown,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(isProblem(body) ? body.detail || body.title : `HTTP ${status}`);
    this.name = 'ApiError';
    this.problem = isProblem(body) ? body : null;
  }

  /**
   * `errors[].field` is the request body's property path, so a form whose values are named like the body can
   * show each message next to its field (Mantine's form.setErrors takes this object as is).
   */
  get fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const { field, message } of this.problem?.errors ?? [])
      errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
    return errors;
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful openapi-fetch call; any other answer becomes an ApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiError(
      response.status,
      error,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return data as T;
}
