import { Inject, Injectable } from '@nestjs/common';
import type { ReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import type { ReportFormat } from '../report-source';

/** A stored report file opened for reading. */
export interface OpenReportFile {
  size: number;
  stream: ReadStream;
}

/**
 * Report files under STORAGE_DIR: `reports/<organization>/<report>.<format>`, the name kept on the report row.
 * A run writes `<name>.<run>.part` and renames it into place once complete, so a reader never sees half a file
 * and a run that dies leaves only a part file, which the report's next run deletes.
 */
@Injectable()
export class ReportFiles {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The name a report's file is stored under (relative to STORAGE_DIR). */
  nameFor(organizationId: string, reportId: string, format: ReportFormat): string {
    return join('reports', organizationId, `${reportId}.${format}`);
  }

  /** Creates the folder and deletes what earlier runs of the report left; answers the path this run writes to. */
  async startRun(name: string, runId: string): Promise<string> {
    const path = this.path(name);
    await mkdir(dirname(path), { recursive: true });
    await this.removeParts(name);
    return `${path}.${runId}.part`;
  }

  /** Moves a finished part file into place (atomically, replacing any earlier file) and answers its size. */
  async commit(partPath: string, name: string): Promise<number> {
    const handle = await open(partPath, 'r');
    let size: number;
    try {
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await rename(partPath, this.path(name));
    return size;
  }

  /** Deletes a part file; a missing one is fine. */
  async removePart(partPath: string): Promise<void> {
    await rm(partPath, { force: true });
  }

  /** Deletes a report's file and any part files; missing ones are fine. */
  async remove(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
    await this.removeParts(name);
  }

  /** The file, opened (so a missing one is known before anything is sent), or null when it is gone. */
  async open(name: string): Promise<OpenReportFile | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.path(name), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      return { size, stream: handle.createReadStream() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private path(name: string): string {
    return join(this.config.storageDir, name);
  }

  private async removeParts(name: string): Promise<void> {
    const path = this.path(name);
    const prefix = `${basename(path)}.`;
    let entries: string[];
    try {
      entries = await readdir(dirname(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries)
      if (entry.startsWith(prefix) && entry.endsWith('.part'))
        await rm(join(dirname(path), entry), { force: true });
  }
}
