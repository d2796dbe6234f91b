export type Changes = Record<string, { from: unknown; to: unknown }>;

type Snapshot = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose values differ between two snapshots, as before/after pairs. */
export function diff(before: Snapshot | null, after: Snapshot | null, fields?: readonly string[]): Changes {
  const keys = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: Changes = {};
  for (const key of keys) {
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (!same(from, to)) changes[key] = { from, to };
  }
  return changes;
}
