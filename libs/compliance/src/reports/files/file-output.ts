import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { WriteStream } from 'node:fs';

/**
 * A file written through a stream, opened first so that a path that cannot be written fails here, as a rejected
 * promise, rather than later as an 'error' event nobody listens to (which would end the process). The first
 * stream error is kept and raised by the next `drain` or `close`.
 */
export class FileOutput {
  private failure: Error | null = null;

  private constructor(readonly stream: WriteStream) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static async open(path: string): Promise<FileOutput> {
    const handle = await open(path, 'w');
    return new FileOutput(handle.createWriteStream());
  }

  /** Resolves when the stream's buffer has room again; at once when it has. */
  async drain(): Promise<void> {
    this.check();
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
    this.check();
  }

  /** Ends the stream and resolves once the file is closed (every byte written). */
  async close(): Promise<void> {
    this.check();
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close');
      // A stream something else piped into (the workbook's zip) was ended by it already.
      if (!this.stream.writableEnded) this.stream.end();
      await closed;
    }
    this.check();
  }

  /** Closes the file without finishing it; any error is already reported by then. */
  async destroy(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
