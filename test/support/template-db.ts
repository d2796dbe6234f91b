export const OWNER_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = 'beacon_e2e_template';

export function databaseUrl(database: string, user?: string): string {
  const url = new URL(OWNER_BASE_URL);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}
