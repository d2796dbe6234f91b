import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';

/** `Rename` for a named thing: a dialog with the name, the api's field error shown next to it. */
export function RenameButton({
  name,
  onRename,
}: {
  name: string;
  onRename: (name: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm({ initialValues: { name } });
  const rename = useMutation({
    mutationFn: (values: { name: string }) => onRename(values.name),
    onSuccess: close,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
      else form.setErrors({ name: errorMessage(error) });
    },
  });
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        aria-label={t('sites.renameNamed', { name })}
        onClick={() => {
          form.setValues({ name });
          open();
        }}
      >
        {t('sites.rename')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('sites.renameNamed', { name })} centered>
        <form onSubmit={form.onSubmit((values) => rename.mutate(values))} noValidate>
          <Stack>
            <TextInput label={t('sites.newName')} data-autofocus {...form.getInputProps('name')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('confirm.cancel')}
              </Button>
              <Button type="submit" loading={rename.isPending}>
                {t('sites.saveName')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
