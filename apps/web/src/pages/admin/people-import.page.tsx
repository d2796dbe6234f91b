import { Alert, Button, Group, Input, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { type ImportResult, rowErrors, type UploadProgress, uploadRoster } from './upload-roster';

const COLUMNS =
  'email,name,employee_id,site,department,job_title,roles,manager_email,license_type,license_state,license_number,license_expires_on,locale';

function ProgressBars({ progress }: { progress: UploadProgress }) {
  const { t } = useTranslation('admin');
  const percent = Math.round(progress.sent * 100);
  return (
    <Stack gap="xs">
      <Text size="sm" id="upload-progress-label">
        {t('import.uploaded', { percent })}
      </Text>
      <Progress.Root size="lg">
        <Progress.Section value={percent} aria-labelledby="upload-progress-label" />
      </Progress.Root>
      {progress.phase === 'processing' && (
        <>
          <Text size="sm" id="server-progress-label">
            {t('import.processing')}
          </Text>
          <Progress.Root size="lg">
            <Progress.Section value={100} striped animated aria-labelledby="server-progress-label" />
          </Progress.Root>
        </>
      )}
    </Stack>
  );
}

function Counts({ result }: { result: ImportResult }) {
  const { t } = useTranslation('admin');
  const prefix = result.dryRun ? 'import.would' : 'import.did';
  return (
    <Alert
      variant="filled"
      color={result.dryRun ? 'blue.8' : 'teal.9'}
      title={t(result.dryRun ? 'import.checked' : 'import.done')}
    >
      <List size="sm">
        <List.Item>{t(`${prefix}.created`, { count: result.created })}</List.Item>
        <List.Item>{t(`${prefix}.updated`, { count: result.updated })}</List.Item>
        <List.Item>{t(`${prefix}.unchanged`, { count: result.unchanged })}</List.Item>
        <List.Item>{t(`${prefix}.invited`, { count: result.invited })}</List.Item>
      </List>
    </Alert>
  );
}

function RowErrors({ errors }: { errors: ReturnType<typeof rowErrors> }) {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="xs">
      <Alert color="red" title={t('import.refused', { count: errors.length })}>
        {t('import.refusedHelp')}
      </Alert>
      <ScrollRegion label={t('import.errorsCaption')} minWidth={320}>
        <Table striped captionSide="top">
          <Table.Caption>{t('import.errorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th>{t('import.field')}</Table.Th>
              <Table.Th>{t('import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.field}-${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.field}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

/** `/admin/people/import`: a CSV roster, checked first (dry run), then imported, with upload progress. */
export function PeopleImportPage() {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const run = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) => {
      setProgress({ sent: 0, phase: 'uploading' });
      return uploadRoster(chosen, dryRun, setProgress);
    },
    onSuccess: async (result) => {
      if (!result.dryRun) await queryClient.invalidateQueries({ queryKey: ['members'] });
    },
    onSettled: () => setProgress(null),
  });
  const errors = rowErrors(run.error);

  return (
    <>
      <PageTitle>{t('import.title')}</PageTitle>
      <Stack maw={820}>
        <AnchorLink to="/admin/people">{t('person.back')}</AnchorLink>
        <Text size="sm">{t('import.help')}</Text>
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {COLUMNS}
        </Text>
        <Input.Wrapper
          label={t('import.file')}
          description={t('import.fileHelp')}
          labelProps={{ htmlFor: inputId }}
          descriptionProps={{ id: `${inputId}-help` }}
        >
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${inputId}-help`}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              run.reset();
            }}
          />
        </Input.Wrapper>
        <Group>
          <Button
            variant="default"
            disabled={!file || run.isPending}
            onClick={() => file && run.mutate({ chosen: file, dryRun: true })}
          >
            {t('import.check')}
          </Button>
          <Button
            disabled={!file || run.isPending}
            onClick={() => file && run.mutate({ chosen: file, dryRun: false })}
          >
            {t('import.import')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {progress && <ProgressBars progress={progress} />}
          {run.isSuccess && <Counts result={run.data} />}
          {run.isError && errors.length === 0 && (
            <Alert color="red" title={t('import.failed')}>
              {errorMessage(run.error)}
            </Alert>
          )}
        </div>
        {errors.length > 0 && (
          <section aria-labelledby="row-errors">
            <Title order={2} size="h4" id="row-errors" mb="xs">
              {t('import.errorsTitle')}
            </Title>
            <RowErrors errors={errors} />
          </section>
        )}
      </Stack>
    </>
  );
}
