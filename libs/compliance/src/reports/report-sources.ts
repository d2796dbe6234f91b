import { Inject, Injectable } from '@nestjs/common';
import type { ReportSource, ReportType } from './report-source';

/** The sources the app builds reports from; a module adds one by listing it under this token. */
export const REPORT_SOURCE_LIST = Symbol('REPORT_SOURCE_LIST');

/** The registered report sources, by type. A type without one is refused when requested (not available yet). */
@Injectable()
export class ReportSources {
  private readonly byType = new Map<ReportType, ReportSource>();

  constructor(@Inject(REPORT_SOURCE_LIST) sources: readonly ReportSource[]) {
    for (const source of sources) {
      if (this.byType.has(source.type)) throw new Error(`Two report sources for type ${source.type}`);
      this.byType.set(source.type, source);
    }
  }

  get(type: ReportType): ReportSource | null {
    return this.byType.get(type) ?? null;
  }

  available(): ReportType[] {
    return [...this.byType.keys()];
  }
}
