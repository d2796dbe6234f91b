import type { ReportScheduleMail } from './report-schedule-mail.types';
import { reportScheduleTemplate } from './report-schedule.template';

const CONTEXT = { providerName: 'Beacon Training' };

const ready: ReportScheduleMail = {
  recipientName: 'Edna <Educator>',
  organizationName: 'Mercy General',
  reportType: 'certificates',
  frequency: 'weekly',
  periodStart: '2031-03-03',
  outcome: 'ready',
  url: 'http://beacon.test/reports?id=r1',
  locale: 'en',
};

describe('the scheduled report mail', () => {
  it('names the report and its period, and links to the signed-in reports page', () => {
    const mail = reportScheduleTemplate.render(ready, { ...CONTEXT, locale: 'en' });
    expect(mail.subject).toBe('Your weekly certificates report is ready (Mercy General)');
    expect(mail.text).toContain('for the period starting March 3, 2031 is ready');
    expect(mail.text).toContain('Open reports: http://beacon.test/reports?id=r1');
    expect(mail.text).toContain('It is not attached');
    expect(mail.html).toContain('Edna &lt;Educator&gt;');
  });

  it('says a failed report could not be built, with the same link', () => {
    const mail = reportScheduleTemplate.render(
      { ...ready, outcome: 'failed', frequency: 'monthly', reportType: 'overdue' },
      { ...CONTEXT, locale: 'en' },
    );
    expect(mail.subject).toBe('Your monthly overdue training report could not be built (Mercy General)');
    expect(mail.text).toContain('http://beacon.test/reports?id=r1');
  });

  it('speaks Spanish to a Spanish reader', () => {
    const mail = reportScheduleTemplate.render({ ...ready, locale: 'es' }, { ...CONTEXT, locale: 'es' });
    expect(mail.subject).toBe('Su informe semanal de certificados está listo (Mercy General)');
    expect(mail.text).toContain('3 de marzo de 2031');
    expect(mail.text).toContain('Abrir los informes: http://beacon.test/reports?id=r1');
  });
});
