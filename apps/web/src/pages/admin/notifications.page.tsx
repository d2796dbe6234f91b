import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { CaptionedTable } from '../../components/captioned-table.component';
import { useEnumLabel } from '../../i18n/use-enum-label.hook';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { useSession } from '../../session/use-session.hook';
import { Pager } from './pager.component';
import { notify } from './notify';

const KINDS = [
  'invitation',
  'assignment_created',
  'due_soon',
  'overdue',
  'escalation',
  'certificate_issued',
  'report_schedule',
  'live_session_registered',
  'live_session_seat',
  'live_session_updated',
  'live_session_cancelled',
  'live_session_reminder',
];
const STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_COLORS: Record<Status, string> = {
  pending: 'blue.8',
  sending: 'blue.8',
  sent: 'teal.9',
  failed: 'red.9',
  cancelled: 'gray.7',
};

/** `/admin/notifications`: the organization's outbox, with `Retry` on failed mail (org_admin). */
export function NotificationsPage() {
  const { t } = useTranslation('admin');
  const label = useEnumLabel('admin');
  const { formatDate } = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const canRetry = useSession().roles.includes('org_admin');
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [recipientText, setRecipientText] = useState('');
  const [recipient] = useDebouncedValue(recipientText.trim(), 400);
  const list = useCursorList({
    queryKey: ['notifications', { kind, status, recipient }],
    fetchPage: (cursor) =>
      unwrap(
        api.GET('/api/v1/notifications', {
          params: {
            query: {
              kind: kind ?? undefined,
              status: status ?? undefined,
              recipient: recipient || undefined,
              cursor,
              limit: 50,
            },
          },
        }),
      ),
    keepPrevious: true,
  });
  const retry = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      notify(t('notifications.retried'));
    },
    onError: (error) => notify(errorMessage(error), 'failure'),
  });

  const table = (
    <QueryTable list={list} isEmpty={list.page.items.length === 0} empty={t('notifications.empty')}>
      <CaptionedTable
        caption={t('notifications.caption')}
        minWidth={720}
        headers={[
          t('notifications.kind'),
          t('notifications.recipient'),
          t('notifications.status'),
          t('notifications.createdAt'),
          t('notifications.attempts'),
          t('sites.actions'),
        ]}
      >
        {list.page.items.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>{label('notifications.kinds', row.kind)}</Table.Td>
            <Table.Td>{row.recipientEmail}</Table.Td>
            <Table.Td>
              <Badge variant="filled" color={STATUS_COLORS[row.status]}>
                {t(`notifications.statuses.${row.status}`)}
              </Badge>
              {row.lastError && (
                <Text size="xs" c="red.9">
                  {row.lastError}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDate(row.createdAt)}</Table.Td>
            <Table.Td>{row.attempts}</Table.Td>
            <Table.Td>
              {row.status === 'failed' && canRetry && (
                <Button
                  size="compact-sm"
                  variant="outline"
                  loading={retry.isPending && retry.variables === row.id}
                  aria-label={t('notifications.retryNamed', {
                    kind: label('notifications.kinds', row.kind),
                    email: row.recipientEmail,
                  })}
                  onClick={() => retry.mutate(row.id)}
                >
                  {t('notifications.retry')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CaptionedTable>
      <Pager page={list.page} />
    </QueryTable>
  );

  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <Stack>
        <Group align="flex-end" role="search" aria-label={t('notifications.filters')}>
          <Select
            label={t('notifications.kind')}
            data={KINDS.map((value) => ({ value, label: label('notifications.kinds', value) }))}
            clearable
            searchable
            value={kind}
            onChange={setKind}
          />
          <Select
            label={t('notifications.status')}
            data={STATUSES.map((value) => ({ value, label: t(`notifications.statuses.${value}`) }))}
            clearable
            value={status}
            onChange={(value) => setStatus(value as Status | null)}
          />
          <TextInput
            label={t('notifications.recipient')}
            type="email"
            value={recipientText}
            onChange={(event) => setRecipientText(event.currentTarget.value)}
          />
        </Group>
        {table}
      </Stack>
    </>
  );
}
