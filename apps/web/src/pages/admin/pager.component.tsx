import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useCursorList } from '../../api/use-cursor-list.hook';

/** Previous and next page of a cursor list; hidden when everything fits on one page. */
export function Pager({ page }: { page: ReturnType<typeof useCursorList>['page'] }) {
  const { t } = useTranslation('admin');
  if (page.number === 1 && !page.hasNext) return null;
  return (
    <Group justify="space-between" mt="md">
      <Button variant="default" disabled={!page.hasPrevious} onClick={page.previous}>
        {t('pager.previous')}
      </Button>
      <Text size="sm">{t('pager.page', { number: page.number })}</Text>
      <Button variant="default" disabled={!page.hasNext} onClick={page.next}>
        {t('pager.next')}
      </Button>
    </Group>
  );
}
