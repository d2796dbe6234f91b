import { PassThrough, Readable } from 'node:stream';
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

  it('leaves an over-limit input paused but open, so that the 413 can still be answered on its socket', async () => {
    const input = new PassThrough();
    const reading = readMemberCsv(input, 100);
    input.write(`email\n${'a@x.org\n'.repeat(20)}`);
    await expect(reading).rejects.toBeInstanceOf(CsvTooLargeError);
    expect(input.destroyed).toBe(false);
    expect(input.isPaused()).toBe(true);
    input.destroy();
  });

  it('counts CRLF, CR and LF line ends alike, also in quoted fields and empty lines, whatever the chunks', async () => {
    const text =
      '\ufeffemail,name\r\n\r\na@x.org,"A\r\nA"\r\n\r\n\r\nb@x.org,B\r\nc@x.org\r\n\r\n"d@x.org",D\r\n';
    for (const size of [1, 2, 5, 1000]) {
      const bytes = Buffer.from(text, 'utf8');
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const result = await readMemberCsv(Readable.from(chunks), 1_000_000);
      expect(result.rows.map((r) => r.line)).toEqual([3, 7, 10]);
      expect(result.errors).toEqual([expect.objectContaining({ row: 8, field: 'name' })]);
    }
    const cr = await read('email,name\rA@x.org,A\r\rb@x.org,B\r');
    expect(cr.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports invalid CSV at the line where the broken record starts, keeping the rows before it', async () => {
    const unclosed = await read('email,name\na@x.org,A\n\nb@x.org,"B\nc@x.org,C\n');
    expect(unclosed.rows.map((r) => r.line)).toEqual([2]);
    expect(unclosed.errors).toEqual([expect.objectContaining({ row: 4, field: 'name' })]);
    expect(unclosed.rowsCheckable).toBe(true);
    const badQuote = await read('email,name\r\na@x.org,"A\r\nA"\r\n\r\nb@x.org,"B\r\nB"x\r\nc@x.org,C\r\n');
    expect(badQuote.errors).toEqual([expect.objectContaining({ row: 5, field: 'name' })]);
  });

  it('says whether the rows can be checked: not for an empty file or a header without email', async () => {
    for (const empty of ['', '\ufeff', '\r\n\r\n']) {
      expect(await read(empty)).toEqual({
        rows: [],
        errors: [expect.objectContaining({ row: 1, field: 'email' })],
        rowsCheckable: false,
      });
    }
    expect((await read('name\nAna\n')).rowsCheckable).toBe(false);
    expect((await read('email,colour\na@x.org,blue\n')).rowsCheckable).toBe(true);
  });
});

describe('readMemberCsv on text that is not clean UTF-8', () => {
  it('reports a Latin-1 file at its first bad line and reads no rows', async () => {
    const latin1 = Buffer.from('email,name\na@x.org,Ana\nb@x.org,José Muñoz\n', 'latin1');
    expect(await readMemberCsv(Readable.from([latin1]), 1_000_000)).toEqual({
      rows: [],
      errors: [{ row: 3, field: 'file', message: expect.stringContaining('not valid UTF-8') }],
      rowsCheckable: false,
    });
  });

  it('reports a NUL in a cell at its line', async () => {
    const result = await read('email,name\na@x.org,A\u0000na\n');
    expect(result.errors).toEqual([{ row: 2, field: 'file', message: expect.stringContaining('NUL') }]);
    expect(result.rowsCheckable).toBe(false);
  });
});
