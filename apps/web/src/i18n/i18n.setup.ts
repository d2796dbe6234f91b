import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from './en/admin.json';
import enAuth from './en/auth.json';
import enBook from './en/book.json';
import enCommon from './en/common.json';
import enCompliance from './en/compliance.json';
import enLearn from './en/learn.json';
import enPlatform from './en/platform.json';
import enReports from './en/reports.json';
import enRequirements from './en/requirements.json';
import enSchedules from './en/schedules.json';
import enSessions from './en/sessions.json';
import enTeam from './en/team.json';
import enVerify from './en/verify.json';
import esAdmin from './es/admin.json';
import esAuth from './es/auth.json';
import esBook from './es/book.json';
import esCommon from './es/common.json';
import esCompliance from './es/compliance.json';
import esLearn from './es/learn.json';
import esPlatform from './es/platform.json';
import esReports from './es/reports.json';
import esRequirements from './es/requirements.json';
import esSchedules from './es/schedules.json';
import esSessions from './es/sessions.json';
import esTeam from './es/team.json';
import esVerify from './es/verify.json';

// One namespace per area of pages (i18n/<locale>/<area>.json); `common` holds the shell's and shared words.
export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    learn: enLearn,
    verify: enVerify,
    book: enBook,
    admin: enAdmin,
    team: enTeam,
    reports: enReports,
    platform: enPlatform,
    requirements: enRequirements,
    compliance: enCompliance,
    schedules: enSchedules,
    sessions: enSessions,
  },
  es: {
    common: esCommon,
    auth: esAuth,
    learn: esLearn,
    verify: esVerify,
    book: esBook,
    admin: esAdmin,
    team: esTeam,
    reports: esReports,
    platform: esPlatform,
    requirements: esRequirements,
    compliance: esCompliance,
    schedules: esSchedules,
    sessions: esSessions,
  },
} as const;

export const i18n = i18next.createInstance();

export function initI18n(locale: string): Promise<unknown> {
  document.documentElement.lang = locale;
  return i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
