import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../i18n/locale';
import { chooseLocale } from '../i18n/locale-preference';

/** Named in the other language (`Español` on an English page): the words a person looking for it can read. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const target = t('switchLanguage.locale');
  const onClick = () => {
    if (isLocale(target)) chooseLocale(target);
  };
  return (
    <Button variant="subtle" size="compact-md" lang={t('switchLanguage.lang')} onClick={onClick}>
      {t('switchLanguage.label')}
    </Button>
  );
}
