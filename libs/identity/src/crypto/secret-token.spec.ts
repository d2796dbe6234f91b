import { newSecretToken, sha256 } from './secret-token';

describe('secret tokens', () => {
  it('are URL-safe, 256-bit and different every time', () => {
    const a = newSecretToken();
    const b = newSecretToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('are stored as a SHA-256 hex digest, never as themselves', () => {
    const token = newSecretToken();
    expect(sha256(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(token)).not.toContain(token);
    expect(sha256(token)).toBe(sha256(token));
  });
});
