/** The first line of a file that is not clean UTF-8 text, and why. The header is line 1. */
export interface TextFault {
  line: number;
  message: string;
}

const NOT_UTF8 = 'the file is not valid UTF-8 text (save it as "CSV UTF-8")';
const NUL = 'a cell holds a NUL character';
const REPLACEMENT =
  'a cell holds U+FFFD (the replacement character): the file was already damaged by a wrong encoding';

/**
 * Checks a file chunk by chunk as strict UTF-8 (a character split across chunks is fine) and counts lines across
 * chunks (CRLF, CR or LF, a CRLF split between chunks counted once), so the first bad line can be named without
 * holding the file. A U+FFFD in the input is refused too: it is what a wrong decoding left behind, and storing it
 * would keep the damage. A UTF-8 BOM is accepted (the decoder drops it).
 */
export class CsvTextChecker {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The bytes of a character the last chunk ended in the middle of. */
  private pending: Buffer = Buffer.alloc(0);
  private breaks = 0;
  private endedWithCr = false;

  /** The fault in this chunk, or null when it is clean so far. */
  check(chunk: Buffer): TextFault | null {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return this.locateUndecodable(chunk);
    }
    // Three bytes of a valid chunk reach back to the start of its last character: the pending ones only matter
    // for a shorter chunk.
    this.pending = incompleteTail(chunk.length >= 3 ? chunk : Buffer.concat([this.pending, chunk]));
    return this.scan(text);
  }

  /** Call once after the last chunk: a file may not end in the middle of a character. */
  end(): TextFault | null {
    try {
      this.decoder.decode();
    } catch {
      return { line: this.breaks + 1, message: NOT_UTF8 };
    }
    return null;
  }

  /** Counts the text's line breaks, or names the line of its first NUL or U+FFFD. */
  private scan(text: string): TextFault | null {
    const nul = text.indexOf('\u0000');
    const replacement = text.indexOf('\ufffd');
    const bad = nul === -1 ? replacement : replacement === -1 ? nul : Math.min(nul, replacement);
    const counted = this.countBreaks(bad === -1 ? text : text.slice(0, bad));
    if (bad === -1) return null;
    return { line: counted + 1, message: text[bad] === '\u0000' ? NUL : REPLACEMENT };
  }

  /** Adds the breaks of `text` to the running count and answers the new count. */
  private countBreaks(text: string): number {
    let previousWasCr = this.endedWithCr;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 13 || (code === 10 && !previousWasCr)) this.breaks += 1;
      previousWasCr = code === 13;
    }
    if (text.length > 0) this.endedWithCr = previousWasCr;
    return this.breaks;
  }

  /**
   * A chunk the strict decoder refused: decoding it again leniently, after the bytes pending from the previous
   * chunk, turns the first bad byte into the first U+FFFD, and everything before it is clean text.
   */
  private locateUndecodable(chunk: Buffer): TextFault {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat([this.pending, chunk]));
    const bad = Math.max(0, text.indexOf('\ufffd'));
    const before = text.slice(0, bad);
    const nul = before.indexOf('\u0000');
    if (nul !== -1) return { line: this.countBreaks(before.slice(0, nul)) + 1, message: NUL };
    return { line: this.countBreaks(before) + 1, message: NOT_UTF8 };
  }
}

/** The trailing bytes of an unfinished character (at most 3), which the streaming decoder holds back. */
function incompleteTail(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? Buffer.from(bytes.subarray(bytes.length - back)) : Buffer.alloc(0);
  }
  return Buffer.alloc(0);
}
