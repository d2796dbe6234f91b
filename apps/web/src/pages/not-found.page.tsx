import { Stack, Text } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../components/router-links.component';
import { PageTitle } from '../components/page-title.component';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <AnchorLink to="/">{t('notFound.home')}</AnchorLink>
    </Stack>
  );
}
