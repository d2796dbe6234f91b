import { QueryFailedError } from 'typeorm';
import { serializeError } from './error.serializer';

function queryFailed(): QueryFailedError {
  const driverError = Object.assign(
    new Error('new row for relation "users" violates check constraint "users_hash_check"'),
    {
      code: '23514',
      severity: 'ERROR',
      constraint: 'users_hash_check',
      table: 'users',
      detail: 'Failing row contains (nurse@example.test, $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA).',
    },
  );
  return new QueryFailedError(
    'UPDATE users SET password_hash = $2 WHERE email = $1',
    ['nurse@example.test', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'],
    driverError,
  );
}

describe('serializeError', () => {
  it('keeps the class, SQLSTATE, constraint, table and stack of a failed query', () => {
    const logged = serializeError(queryFailed());
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      constraint: 'users_hash_check',
      table: 'users',
    });
    expect(logged.stack).toMatch(/^QueryFailedError: .*\n\s+at /);
  });

  it('drops the statement, its parameters and the driver detail', () => {
    const logged = JSON.stringify(serializeError(queryFailed()));
    expect(logged).not.toContain('argon2id');
    expect(logged).not.toContain('nurse@example.test');
    expect(logged).not.toContain('password_hash');
    expect(logged).not.toContain('Failing row');
  });

  it('scrubs values PostgreSQL quotes in its message, in the message and the stack alike', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "nurse@example.test"'), {
      code: '22P02',
      severity: 'ERROR',
    });
    const logged = serializeError(
      new QueryFailedError('SELECT $1::uuid', ['nurse@example.test'], driverError),
    );
    expect(logged.message).toBe('invalid input syntax for type uuid: "…"');
    expect(logged.stack).not.toContain('nurse@example.test');
  });

  it('keeps the message of an application error and serializes its cause safely', () => {
    const logged = serializeError(new Error('relay failed', { cause: queryFailed() }));
    expect(logged.message).toBe('relay failed');
    expect(logged.cause).toMatchObject({ type: 'QueryFailedError', code: '23514' });
    expect(JSON.stringify(logged)).not.toContain('argon2id');
  });

  it('turns a thrown non-error into its text', () => {
    expect(serializeError('boom')).toEqual({ type: 'string', message: 'boom' });
  });
});
