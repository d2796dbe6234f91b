import type { MailLocale } from '../mail-locale';

/** A file sent with a mail; built when the mail is rendered, never stored with the notification. */
export interface MailAttachment {
  filename: string;
  /** With its parameters, e.g. `text/calendar; method=REQUEST; charset=utf-8`. */
  contentType: string;
  content: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
  /** The language of the layout's own words; English unless given. */
  locale?: MailLocale;
}

/** The words the layout adds around every template's own. */
const LAYOUT_TEXT: Record<MailLocale, { pasteLink: string; automated: string }> = {
  en: {
    pasteLink: 'Or paste this link into your browser:',
    automated: 'This message was sent automatically; replies are not read.',
  },
  es: {
    pasteLink: 'O copie este enlace en su navegador:',
    automated: 'Este mensaje se ha enviado automáticamente; las respuestas no se leen.',
  },
};

/** One plain-text and one HTML body from the same parts, so the two never say different things. */
export function layout(parts: MailParts): RenderedMail {
  const locale = parts.locale ?? 'en';
  const words = LAYOUT_TEXT[locale];
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []),
    '--',
    parts.footer,
    words.automated,
  ].join('\n');
  const html = `<!doctype html>
<html><body lang="${locale}" style="font-family: Arial, sans-serif; color: #1f2937; line-height: 1.5">
<p>${escapeHtml(parts.greeting)}</p>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${
  parts.action
    ? `<p><a href="${escapeHtml(parts.action.url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(parts.action.label)}</a></p>
<p style="font-size: 12px">${escapeHtml(words.pasteLink)} ${escapeHtml(parts.action.url)}</p>`
    : ''
}
<hr><p style="font-size: 12px; color: #6b7280">${escapeHtml(parts.footer)}<br>${escapeHtml(words.automated)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}
