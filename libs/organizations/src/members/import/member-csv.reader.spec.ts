import { Readable } from 'node:stream';
import { CsvTooLargeError, readMemberCsv } from './member-csv.reader';

const read = (text: string, max = 1_000_000) =>
  readMemberCsv(Readable.from([Buffer.from(text, 'utf8')]), max);

describe('readMemberCsv', () => {
  it('accepts a BOM, any column order and CRLF line ends', async () => {
    const result = await read('\ufeffname,email\r\nAna,ana@x.org\r\nBo,bo@x.org\r\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, values: { name: 'Ana', email: 'ana@x.org' } },
      { line: 3, values: { name: 'Bo', email: 'bo@x.org' } },
    ]);
  });

  it('reports the line where a record starts, past empty lines and quoted line breaks', async () => {
    const result = await read('email,job_title\n\na@x.org,"Charge\nNurse"\nb@x.org,RN\n');
    expect(result.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(result.rows[0].values.job_title).toBe('Charge\nNurse');
  });

  it('refuses unknown and repeated columns and a header without email', async () => {
    const result = await read('name,favourite_colour,name\nAna,blue,Ana\n');
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'favourite_colour' }),
        expect.objectContaining({ row: 1, field: 'name', message: 'this column appears twice' }),
        expect.objectContaining({ row: 1, field: 'email' }),
      ]),
    );
  });

  it('reports a row with a missing field by its line', async () => {
    const result = await read('email,name\na@x.org\n');
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, field: 'name' })]);
  });

  it('stops reading a file over the size limit', async () => {
    await expect(read(`email\n${'a@x.org\n'.repeat(100)}`, 100)).rejects.toBeInstanceOf(CsvTooLargeError);
  });
});
