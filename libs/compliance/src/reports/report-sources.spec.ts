import type { ReportSource } from './report-source';
import { ReportSources } from './report-sources';

const source = (type: ReportSource['type']): ReportSource => ({
  type,
  columns: [{ key: 'a', header: 'A' }],
  query: () => ({ sql: 'SELECT 1 AS a', params: [] }),
});

describe('ReportSources', () => {
  it('finds a registered source by type, and nothing for a type no source was registered for', () => {
    const sources = new ReportSources([source('compliance'), source('overdue')]);
    expect(sources.get('overdue')?.type).toBe('overdue');
    expect(sources.get('requirement_gaps')).toBeNull();
    expect(sources.available()).toEqual(['compliance', 'overdue']);
  });

  it('refuses two sources for one type at start-up', () => {
    expect(() => new ReportSources([source('compliance'), source('compliance')])).toThrow(/compliance/);
  });
});
