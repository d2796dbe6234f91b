import { Box, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../i18n/locale';
import { chooseLocale } from '../i18n/locale-preference';

/**
 * Named in the other language (`Español` on an English page): the words a person looking for it can read. On a
 * phone it shows the language's first letters (`ES`), which its accessible name still begins with: the full label
 * does not fit beside the sign-out button at 360 px.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const target = t('switchLanguage.locale');
  const onClick = () => {
    if (isLocale(target)) chooseLocale(target);
  };
  return (
    <Button
      variant="subtle"
      size="compact-md"
      lang={t('switchLanguage.lang')}
      aria-label={t('switchLanguage.label')}
      onClick={onClick}
    >
      <Box component="span" visibleFrom="xs">
        {t('switchLanguage.label')}
      </Box>
      <Box component="span" hiddenFrom="xs" aria-hidden>
        {t('switchLanguage.label').slice(0, 2).toUpperCase()}
      </Box>
    </Button>
  );
}
