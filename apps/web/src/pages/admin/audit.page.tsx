import { Code, List, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { CaptionedTable } from '../../components/captioned-table.component';
import { useEnumLabel } from '../../i18n/use-enum-label.hook';
import { Pager } from './pager.component';

const ENTITY_TYPES = [
  'organization',
  'site',
  'department',
  'member',
  'cohort',
  'enrollment',
  'certificate',
  'notification',
  'attempt',
];

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `changes` as the api records them: `{ field: { from, to } }`, else the value as it is. */
function Changes({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useTranslation('admin');
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <List size="sm" spacing={2}>
      {entries.map(([field, change]) => {
        const pair = change as { from?: unknown; to?: unknown } | null;
        const isPair = pair !== null && typeof pair === 'object' && ('from' in pair || 'to' in pair);
        return (
          <List.Item key={field}>
            <Code>{field}</Code>{' '}
            {isPair ? t('audit.change', { from: show(pair.from), to: show(pair.to) }) : show(change)}
          </List.Item>
        );
      })}
    </List>
  );
}

/** `/admin/audit`: who changed what, newest first (org_admin). */
export function AuditPage() {
  const { t, i18n } = useTranslation('admin');
  const label = useEnumLabel('admin');
  const [entityType, setEntityType] = useState<string | null>(null);
  const list = useCursorList({
    queryKey: ['audit', { entityType }],
    fetchPage: (cursor) =>
      unwrap(
        api.GET('/api/v1/audit-events', {
          params: { query: { entityType: entityType ?? undefined, cursor, limit: 50 } },
        }),
      ),
    keepPrevious: true,
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const table = (
    <QueryTable list={list} isEmpty={list.page.items.length === 0} empty={t('audit.empty')}>
      <CaptionedTable
        caption={t('audit.caption')}
        minWidth={720}
        headers={[t('audit.at'), t('audit.action'), t('audit.actor'), t('audit.changes')]}
      >
        {list.page.items.map((event) => (
          <Table.Tr key={event.id}>
            <Table.Td>{when.format(new Date(event.at))}</Table.Td>
            <Table.Td>{label('audit.actions', event.action)}</Table.Td>
            <Table.Td>{t(`audit.actors.${event.actorType}`)}</Table.Td>
            <Table.Td>
              <Changes changes={event.changes as Record<string, unknown>} />
            </Table.Td>
          </Table.Tr>
        ))}
      </CaptionedTable>
      <Pager page={list.page} />
    </QueryTable>
  );

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Stack>
        <Select
          label={t('audit.entityType')}
          data={ENTITY_TYPES.map((value) => ({ value, label: label('audit.entityTypes', value) }))}
          clearable
          value={entityType}
          onChange={setEntityType}
          maw={320}
        />
        {table}
      </Stack>
    </>
  );
}
