import { describe, expect, it } from '@jest/globals';
import { ApiError, unwrap } from './api-error';

const problem = (extra: object = {}) => ({
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'The request is invalid.',
  ...extra,
});

const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe('ApiError', () => {
  it('takes its message from the problem detail, else its title', () => {
    expect(new ApiError(400, problem()).message).toBe('The request is invalid.');
    expect(new ApiError(409, problem({ status: 409, title: 'Conflict', detail: '' })).message).toBe(
      'Conflict',
    );
  });

  it('keeps a problem+json body and says only the status of any other body', () => {
    const error = new ApiError(502, '<html>Bad gateway</html>');
    expect(error.problem).toBeNull();
    expect(error.message).toBe('HTTP 502');
    expect(new ApiError(400, problem()).problem).toEqual(problem());
  });

  it('maps each field error to its body path, joining two messages for one field', () => {
    const error = new ApiError(
      400,
      problem({
        errors: [
          { field: 'email', message: 'must be an email' },
          { field: 'admin.name', message: 'must not be empty' },
          { field: 'email', message: 'is already invited' },
        ],
      }),
    );
    expect(error.fieldErrors).toEqual({
      email: 'must be an email; is already invited',
      'admin.name': 'must not be empty',
    });
  });

  it('has no field errors without a problem body or without errors in it', () => {
    expect(new ApiError(500, null).fieldErrors).toEqual({});
    expect(new ApiError(400, problem()).fieldErrors).toEqual({});
  });
});

describe('unwrap', () => {
  it('gives the data of a successful answer', async () => {
    await expect(unwrap(Promise.resolve({ data: { id: 'a' }, response: answer(200) }))).resolves.toEqual({
      id: 'a',
    });
  });

  it('turns any other answer into an ApiError with its status and problem', async () => {
    const failed = unwrap(Promise.resolve({ error: problem(), response: answer(400) }));
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ status: 400, problem: problem(), retryAfterSeconds: null });
  });

  it('reads a positive Retry-After in seconds and ignores one it cannot read', async () => {
    const limited = (retryAfter: string) =>
      unwrap(Promise.resolve({ error: null, response: answer(429, { 'Retry-After': retryAfter }) }));
    await expect(limited('30')).rejects.toMatchObject({ retryAfterSeconds: 30 });
    await expect(limited('Wed, 21 Oct 2026 07:28:00 GMT')).rejects.toMatchObject({ retryAfterSeconds: null });
    await expect(limited('0')).rejects.toMatchObject({ retryAfterSeconds: null });
  });
});
