import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { resources } from './i18n.setup';

type Namespace = keyof (typeof resources)['en'];

/**
 * Words for a value the api names (a mail kind, an audit action): the translation under `<group>.<value>` in
 * `ns`, else the value as the api sent it, since the api may add values before the page learns their words.
 */
export function useEnumLabel(ns: Namespace): (group: string, value: string) => string {
  const { i18n } = useTranslation(ns);
  const { language } = i18n;
  return useCallback(
    (group: string, value: string) => {
      const key = `${group}.${value}`;
      const found: unknown = i18n.getResource(language, ns, key) ?? i18n.getResource('en', ns, key);
      return typeof found === 'string' ? found : value;
    },
    [i18n, language, ns],
  );
}
