import { mergeThemeOverrides, type MantineThemeOverride } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

/**
 * The theme with the words Mantine's own controls need: a notification's close button is an icon alone, so
 * without a label assistive technology announces a nameless button.
 */
export function useLocalizedTheme(): MantineThemeOverride {
  const { t } = useTranslation('common');
  const closeLabel = t('closeNotification');
  return useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } } },
      }),
    [closeLabel],
  );
}
