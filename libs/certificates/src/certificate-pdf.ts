import PDFDocument from 'pdfkit';
import type { CertificateRow } from './certificate.repository';
import { FONT, fontData } from './certificate-fonts';

type Doc = PDFKit.PDFDocument;
type Weight = 'regular' | 'bold';

/** pdfkit's current font exposes its fontkit font, which says which code points the font can draw. */
interface FontWithGlyphs {
  font?: { hasGlyphForCodePoint(codePoint: number): boolean };
}

/** Noto Sans when it has a glyph for every character of the line (Latin incl. Vietnamese, Greek, Cyrillic). */
function latinCovers(doc: Doc, text: string): boolean {
  doc.font(FONT.regular);
  const font = (doc as unknown as { _font: FontWithGlyphs })._font.font;
  if (!font) return true;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (!/\s/.test(char) && !font.hasGlyphForCodePoint(codePoint)) return false;
  }
  return true;
}

/**
 * Selects the font for a whole line: Noto Sans, or Noto Sans SC (CJK) for a line Noto Sans cannot draw in full, so
 * a line never mixes fonts mid-word. The CJK font is registered only when a line needs it.
 */
function useFontFor(doc: Doc, text: string, weight: Weight): Doc {
  if (latinCovers(doc, text)) return doc.font(weight === 'bold' ? FONT.bold : FONT.regular);
  const name = weight === 'bold' ? FONT.cjkBold : FONT.cjkRegular;
  doc.registerFont(name, fontData(name));
  return doc.font(name);
}

/**
 * Glyph composition (`ccmp`) off: Noto Sans would draw "ị" as the glyph of "i" plus a combining dot, and pdfkit's
 * text layer maps each glyph to the first character it drew, so a copied or extracted name read "Thi" for "Thị".
 * Drawn precomposed, every character keeps its own glyph. (@types/pdfkit only types the array form that enables
 * features; pdfkit hands the object, which can also disable one, to fontkit as is.)
 */
const FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

function hours(value: string): string {
  return Number(value).toFixed(2);
}

/**
 * A one-page certificate from the certificate as issued: learner, activity title, completion date, hours, the
 * credit types the provider is accredited for and configured (none: a plain certificate of completion with the
 * hours of instruction), the provider's accreditation statements, provider name and address, certificate number and
 * a verification URL. Noto Sans is embedded (subset) so names in any Latin, Greek or Cyrillic script print as given;
 * right-to-left scripts are not shaped.
 */
export function renderCertificatePdf(certificate: CertificateRow, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 54,
    info: {
      Title: `Certificate ${certificate.number}`,
      Author: certificate.provider_name,
      Subject: certificate.course_title,
    },
  });
  doc.registerFont(FONT.regular, fontData(FONT.regular));
  doc.registerFont(FONT.bold, fontData(FONT.bold));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 108;
  const line = (text: string, size: number, weight: Weight = 'regular', gap = 0) => {
    if (gap) doc.moveDown(gap);
    useFontFor(doc, text, weight).fontSize(size).text(text, { width, align: 'center', features: FEATURES });
  };

  doc
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .lineWidth(2)
    .stroke('#1d4ed8');
  doc.fillColor('#1f2937');
  useFontFor(doc, certificate.provider_name, 'regular')
    .fontSize(12)
    .text(certificate.provider_name, 54, 60, { width, align: 'center', features: FEATURES });
  line('Certificate of Completion', 26, 'bold', 0.6);
  line('This certifies that', 13, 'regular', 0.8);
  line(certificate.learner_name, 22, 'bold', 0.4);
  line('has completed the continuing education activity', 13, 'regular', 0.4);
  line(certificate.course_title, 16, 'bold', 0.4);
  line(`Completed on ${certificate.completed_on}`, 12, 'regular', 0.6);
  if (certificate.credits.length === 0) {
    line(`${hours(certificate.credit_hours)} hour(s) of instruction`, 12);
  } else {
    for (const credit of certificate.credits) line(`${credit.label}: ${hours(certificate.credit_hours)}`, 12);
  }
  doc.moveDown(1.2);
  for (const statement of certificate.accreditation_statements) line(statement, 10, 'regular', 0.3);
  // The record details sit at the foot of the page, where auditors look for them.
  doc.y = Math.max(doc.y + 12, doc.page.height - 150);
  const provider = certificate.provider_address
    ? `${certificate.provider_name}, ${certificate.provider_address}`
    : certificate.provider_name;
  line(`Provider: ${provider}`, 10);
  line(`Certificate number: ${certificate.number}`, 10);
  doc.font(FONT.regular).text(`Verify at: ${verifyUrl}`, { width, align: 'center', link: verifyUrl });
  if (certificate.revoked_at) {
    doc.fillColor('#b91c1c');
    line('REVOKED', 10, 'bold', 0.5);
  }
  doc.end();
  return done;
}
