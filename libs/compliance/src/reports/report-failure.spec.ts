import { failureReason, ReportFailure } from './report-failure';

describe('failureReason', () => {
  it('shows what kind of step failed, never the error text (paths, SQL or row values)', () => {
    const fsError = Object.assign(new Error("EACCES: permission denied, open '/srv/files/x.csv'"), {
      code: 'EACCES',
      syscall: 'open',
    });
    const permError = Object.assign(new Error('EPERM: operation not permitted'), {
      code: 'EPERM',
      syscall: 'open',
    });
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "Ana Pérez"'), {
      code: '22P02',
    });
    expect(failureReason(fsError)).toBe('The report file could not be written to storage.');
    expect(failureReason(permError)).toBe('The report file could not be written to storage.');
    expect(failureReason(pgError)).toBe('The report could not be read from the database.');
    expect(failureReason(new Error('Ana Pérez broke it'))).toBe('The report could not be built.');
    expect(failureReason('a string')).toBe('The report could not be built.');
  });

  it('shows the reason of a ReportFailure, which is written to be shown', () => {
    expect(failureReason(new ReportFailure('This type of report is not available.'))).toBe(
      'This type of report is not available.',
    );
  });
});
