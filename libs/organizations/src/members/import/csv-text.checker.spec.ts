import { CsvTextChecker, TextFault } from './csv-text.checker';

/** Feeds the bytes to a checker in chunks of `size` and answers the first fault. */
function firstFault(bytes: Buffer, size = bytes.length): TextFault | null {
  const checker = new CsvTextChecker();
  for (let at = 0; at < bytes.length; at += size) {
    const fault = checker.check(bytes.subarray(at, at + size));
    if (fault) return fault;
  }
  return checker.end();
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('CsvTextChecker', () => {
  it('accepts UTF-8 with a BOM and multi-byte characters split across chunks of any size', () => {
    const bytes = utf8('\ufeffemail,name\r\na@x.org,José Muñoz\r\nb@x.org,Đặng Thị 😀\r\n');
    for (const size of [1, 2, 3, 5, 7, bytes.length]) expect(firstFault(bytes, size)).toBeNull();
  });

  it('names the first line of a Latin-1 file, whatever the chunk size', () => {
    const bytes = Buffer.concat([
      utf8('email,name\r\na@x.org,Ana\r\n'),
      Buffer.from('b@x.org,José\r\n', 'latin1'),
    ]);
    for (const size of [1, 2, 4, 9, bytes.length]) {
      expect(firstFault(bytes, size)).toEqual({
        line: 3,
        message: expect.stringContaining('not valid UTF-8'),
      });
    }
  });

  it('names the line of a NUL and of a literal U+FFFD, counting CR, LF and CRLF split across chunks once', () => {
    const nul = utf8('email\r\na@x.org\r\n\r\nb\u0000@x.org\r\n');
    for (const size of [1, 3, nul.length]) {
      expect(firstFault(nul, size)).toEqual({ line: 4, message: expect.stringContaining('NUL') });
    }
    expect(firstFault(utf8('email\ra@x.org\nJos\ufffd\n'))).toEqual({
      line: 3,
      message: expect.stringContaining('U+FFFD'),
    });
  });

  it('refuses a file that ends in the middle of a character', () => {
    expect(firstFault(Buffer.concat([utf8('email\na@x.org\n'), Buffer.from([0xc3])]))).toEqual({
      line: 3,
      message: expect.stringContaining('not valid UTF-8'),
    });
  });
});
