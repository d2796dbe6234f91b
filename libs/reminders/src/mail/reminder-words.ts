import type { MailLocale } from '@beacon/core/mail';

export function footer(locale: MailLocale, providerName: string, organizationName: string): string {
  return locale === 'es'
    ? `Enviado por Beacon, gestionado por ${providerName}, en nombre de ${organizationName}.`
    : `Sent by Beacon, run by ${providerName}, on behalf of ${organizationName}.`;
}
