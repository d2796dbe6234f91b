import 'i18next';
import type { resources } from './i18n.setup';

// Typed keys: t('auth:signIn.submit') fails to compile when the English resource lacks it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
