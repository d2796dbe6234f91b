import PDFDocument from 'pdfkit';
import type { CertificateRow } from './certificate.repository';

const CREDIT_TYPE_NAMES: Record<string, string> = {
  nursing_contact_hours: 'Nursing contact hours (ANCC NCPD)',
  ama_pra_category_1: 'AMA PRA Category 1 Credit™',
  ipce: 'Interprofessional Continuing Education (IPCE) credit',
};

export function creditTypeName(code: string): string {
  return CREDIT_TYPE_NAMES[code] ?? code;
}

/**
 * A one-page certificate with what accredited CE certificates must show: learner, activity title, completion date,
 * credit hours and type, provider name and address, accreditation statement(s), certificate number and a
 * verification URL. Everything printed comes from the certificate as issued.
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
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 108;
  doc
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .lineWidth(2)
    .stroke('#1d4ed8');
  doc
    .fillColor('#1f2937')
    .font('Helvetica')
    .fontSize(12)
    .text(certificate.provider_name, 54, 60, { width, align: 'center' });
  doc
    .moveDown(0.6)
    .font('Helvetica-Bold')
    .fontSize(26)
    .text('Certificate of Completion', { width, align: 'center' });
  doc.moveDown(0.8).font('Helvetica').fontSize(13).text('This certifies that', { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(22)
    .text(certificate.learner_name, { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font('Helvetica')
    .fontSize(13)
    .text('has completed the continuing education activity', { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(certificate.course_title, { width, align: 'center' });
  doc
    .moveDown(0.6)
    .font('Helvetica')
    .fontSize(12)
    .text(`Completed on ${certificate.completed_on}`, { width, align: 'center' })
    .text(
      `Credit awarded: ${Number(certificate.credit_hours).toFixed(2)} hour(s) — ${certificate.credit_types.map(creditTypeName).join('; ')}`,
      { width, align: 'center' },
    );
  doc.moveDown(1.2).fontSize(10);
  for (const statement of certificate.accreditation_statements)
    doc.text(statement, { width, align: 'center' }).moveDown(0.3);
  // The record details sit at the foot of the page, where auditors look for them.
  doc.y = Math.max(doc.y + 12, doc.page.height - 150);
  const provider = certificate.provider_address
    ? `${certificate.provider_name}, ${certificate.provider_address}`
    : certificate.provider_name;
  doc
    .fontSize(10)
    .text(`Provider: ${provider}`, { width, align: 'center' })
    .text(`Certificate number: ${certificate.number}`, { width, align: 'center' })
    .text(`Verify at: ${verifyUrl}`, { width, align: 'center', link: verifyUrl });
  if (certificate.revoked_at) {
    doc.moveDown(0.5).fillColor('#b91c1c').font('Helvetica-Bold').text('REVOKED', { width, align: 'center' });
  }
  doc.end();
  return done;
}
