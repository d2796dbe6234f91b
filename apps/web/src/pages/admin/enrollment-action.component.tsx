import { Button, Group, Modal, NumberInput, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { notify } from './notify';

interface Props {
  enrollmentId: string;
  memberName: string;
  kind: 'exempt' | 'grant';
}

/** `Exempt` (with a reason) or `Grant attempts` (a count) for one enrollment of the cohort. */
export function EnrollmentAction({ enrollmentId, memberName, kind }: Props) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm({ initialValues: { reason: '', count: 1 as number | string } });
  const act = useMutation({
    mutationFn: async (values: typeof form.values) => {
      const params = { params: { path: { id: enrollmentId } } };
      if (kind === 'exempt')
        await unwrap(
          api.POST('/api/v1/enrollments/{id}/exempt', { ...params, body: { reason: values.reason } }),
        );
      else
        await unwrap(
          api.POST('/api/v1/enrollments/{id}/assessment/grant-attempts', {
            ...params,
            body: { count: Number(values.count) },
          }),
        );
    },
    onSuccess: async () => {
      close();
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      notify(t(`cohort.${kind}Done`, { name: memberName }));
    },
    onError: (error) =>
      form.setErrors(
        error instanceof ApiError && error.status === 400
          ? error.fieldErrors
          : { [kind === 'exempt' ? 'reason' : 'count']: errorMessage(error) },
      ),
  });
  const title = t(`cohort.${kind}Named`, { name: memberName });
  return (
    <>
      <Button variant="default" size="compact-sm" aria-label={title} onClick={open}>
        {t(`cohort.${kind}`)}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <form onSubmit={form.onSubmit((values) => act.mutate(values))} noValidate>
          <Stack>
            {kind === 'exempt' ? (
              <Textarea label={t('cohort.reason')} data-autofocus {...form.getInputProps('reason')} />
            ) : (
              <NumberInput
                label={t('cohort.count')}
                min={1}
                max={10}
                data-autofocus
                {...form.getInputProps('count')}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('confirm.cancel')}
              </Button>
              <Button type="submit" loading={act.isPending}>
                {t(`cohort.${kind}Confirm`)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
