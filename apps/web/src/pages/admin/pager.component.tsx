import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useCursorPages } from './use-cursor-pages.hook';

/** Previous and next page of a cursor list; hidden when everything fits on one page. */
export function Pager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation('admin');
  if (pages.pageNumber === 1 && !nextCursor) return null;
  return (
    <Group justify="space-between" mt="md">
      <Button variant="default" disabled={pages.pageNumber === 1} onClick={pages.previous}>
        {t('pager.previous')}
      </Button>
      <Text size="sm">{t('pager.page', { number: pages.pageNumber })}</Text>
      <Button variant="default" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t('pager.next')}
      </Button>
    </Group>
  );
}
