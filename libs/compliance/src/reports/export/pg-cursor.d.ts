// pg-cursor ships no types (and @types/pg-cursor is not a dependency): the part of its API used here.
declare module 'pg-cursor' {
  import type { Submittable } from 'pg';

  class Cursor<Row = Record<string, unknown>> implements Submittable {
    constructor(text: string, values?: unknown[], config?: { rowMode?: 'array' });
    submit: Submittable['submit'];
    /**
     * The next `rows` rows (an empty array once the result is exhausted) and the result's field names (not passed
     * once the portal is done).
     */
    read(
      rows: number,
      callback: (error: Error | undefined, rows: Row[], result?: { fields: Array<{ name: string }> }) => void,
    ): void;
    /** Closes the portal; resolves once the connection is ready for the next statement. */
    close(): Promise<void>;
  }

  export = Cursor;
}
