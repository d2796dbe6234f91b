import { Inject, Injectable } from '@nestjs/common';
import { fork } from 'node:child_process';
import { extname, join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import type { ReportExportFault, ReportExportMessage, ReportExportRequest } from './report-export.message';

/**
 * The export process's old generation: it holds two batches of rows and a writer's buffers, never the file. The
 * bound keeps a leak from growing unseen (it fails the run instead) and makes V8 collect early.
 */
const MAX_OLD_SPACE_MB = 96;

/** The export process's entry beside this file: compiled (dist) or, run from the sources, the TypeScript one. */
const ENTRY = join(__dirname, `report-export.child${extname(__filename)}`);
/**
 * From the sources (the test suites), the entry is transpiled as the suites' worker processes are; compiled, it
 * needs nothing (it imports no `@beacon/*` path).
 */
const LOADER =
  extname(__filename) === '.ts'
    ? ['-r', join(resolve(__dirname, '..', '..', '..', '..', '..'), 'test/support/ts-register.js')]
    : [];

/** A failure of the export process, with what `failureReason` reads (a SQLSTATE, a failed system call). */
export class ReportExportError extends Error {
  readonly code?: string;
  readonly syscall?: string;

  constructor(fault: ReportExportFault) {
    super(fault.message);
    this.code = fault.code;
    this.syscall = fault.syscall;
  }
}

/**
 * Runs the file-building part of a report (cursor → writer → part file) in a process of its own, one per run: the
 * worker, with every module loaded, already holds ~145 MB, and the rows and the writer's buffers would come on top
 * (see tools/bench/RESULTS.md). The process is the run: it ends when the run does, and a worker that dies takes it
 * with it (it exits when its IPC channel closes).
 */
@Injectable()
export class ReportExportProcess {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Resolves with the number of rows written once the process has finished the file; `onProgress` (awaited in
   * turn, never two at once) hears the count as it grows. Rejects with a `ReportExportError`, or an Error naming
   * how the process ended, and then the part file may be half written.
   */
  run(
    request: Omit<ReportExportRequest, 'databaseUrl'>,
    onProgress: (rowCount: number) => Promise<void>,
  ): Promise<number> {
    const child = fork(ENTRY, [], {
      execArgv: [...LOADER, `--max-old-space-size=${MAX_OLD_SPACE_MB}`],
      // Dates among the statement's parameters stay dates.
      serialization: 'advanced',
      // Its own process group: a terminal's Ctrl-C reaches the worker alone, which finishes the job in hand.
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise<number>((resolvePromise, reject) => {
      let progress: Promise<void> = Promise.resolve();
      let progressFailure: unknown = null;
      let done: number | null = null;
      let fault: ReportExportFault | null = null;
      child.on('message', (message: ReportExportMessage) => {
        if (message.type === 'progress')
          progress = progress
            .then(() => (progressFailure === null ? onProgress(message.rowCount) : undefined))
            .catch((error: unknown) => {
              progressFailure ??= error;
              child.kill('SIGKILL');
            });
        else if (message.type === 'done') done = message.rowCount;
        else fault = message.fault;
      });
      // Not started at all (no such entry, no memory): 'close' may never come.
      child.once('error', (error) => {
        child.kill('SIGKILL');
        reject(error);
      });
      // After the exit and the IPC channel's end, so every message it sent has been heard.
      child.once('close', (code, signal) => {
        void progress.then(() => {
          if (progressFailure !== null) reject(progressFailure);
          else if (fault) reject(new ReportExportError(fault));
          else if (code === 0 && done !== null) resolvePromise(done);
          else
            reject(
              new Error(`The report export process ended (${signal ?? `exit code ${code}`}) unfinished`),
            );
        });
      });
      // A process killed before it read its request fails the send (EPIPE); 'close' then says how it ended, which
      // is the reason the report records, not the pipe's error.
      child.send({ ...request, databaseUrl: this.config.databaseAppUrl }, () => undefined);
    });
  }
}
