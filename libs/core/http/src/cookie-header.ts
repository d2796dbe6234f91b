/**
 * The value of one cookie in a `Cookie` request header, or null when it is absent. Browsers list the cookie with
 * the longest matching path first, so the first occurrence wins. The value is percent-decoded as Express encodes
 * it when setting; one that does not decode is returned as sent (it then matches nothing), never thrown on.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    let value = pair.slice(separator + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}
