import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api-client';
import { ApiError, unwrap } from '../../../api/api-error';
import type { components } from '../../../api/schema';
import { useErrorMessage } from '../../../components/error-state.component';
import { AnchorLink } from '../../../components/router-links.component';
import { OrganizationIdentityFields } from '../organization-identity-fields.component';
import { slugify } from '../slugify';

export type Conversion = components['schemas']['ConvertTrainingRequestResult'];

interface Props {
  requestId: string;
  /** The organization name the requester typed: the new organization's name to start from. */
  organizationName: string;
  /** The answer once converted: kept by the caller, since the request read again no longer offers this form. */
  done: Conversion | null;
  onConverted: (conversion: Conversion) => void;
}

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Turns a training request into a client: a new organization whose contact is invited as its org_admin, or one
 * that exists (nobody is invited: a stranger's form never grants access). Either way a draft live session is made,
 * linked from the answer.
 */
export function ConvertRequestSection({ requestId, organizationName, done, onConverted }: Props) {
  const { t } = useTranslation('platform');
  const errorMessage = useErrorMessage();
  const [mode, setMode] = useState<'create' | 'link'>('create');
  const slugEdited = useRef(false);
  const form = useForm({
    initialValues: {
      name: organizationName,
      slug: slugify(organizationName),
      timezone: BROWSER_ZONE,
      organizationId: '',
    },
  });
  const organizations = useQuery({
    queryKey: ['platform', 'organizations', 'all-for-convert'],
    queryFn: () => unwrap(api.GET('/api/v1/platform/organizations', { params: { query: { limit: 100 } } })),
    enabled: mode === 'link',
  });
  const convert = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/platform/training-requests/{id}/convert', {
          params: { path: { id: requestId } },
          body:
            mode === 'create'
              ? { organization: { name: values.name, slug: values.slug, timezone: values.timezone } }
              : { organizationId: values.organizationId },
        }),
      ),
    onSuccess: onConverted,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        // The api names nested fields (organization.slug): the form's fields are flat.
        const errors: Record<string, string> = {};
        for (const [field, message] of Object.entries(error.fieldErrors))
          errors[field.replace(/^organization\./, '')] = message;
        form.setErrors(errors);
      }
    },
  });
  const otherError = convert.isError && !(convert.error instanceof ApiError && convert.error.status === 400);

  return (
    <section aria-labelledby="request-convert">
      <Title order={3} size="h5" id="request-convert" mb="xs">
        {t('convert.title')}
      </Title>
      {done ? (
        <Stack>
          <Alert color="green" role="status">
            {done.organizationCreated
              ? t('convert.created', { email: done.invitedEmail ?? '' })
              : t('convert.linked')}
          </Alert>
          <AnchorLink to="/sessions/$id" params={{ id: done.sessionId }}>
            {t('convert.openDraft')}
          </AnchorLink>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((values) => {
            if (mode === 'link' && !values.organizationId) {
              form.setFieldError('organizationId', t('convert.pickOrganization'));
              return;
            }
            convert.mutate(values);
          })}
          noValidate
        >
          <Stack>
            <Text size="sm">{t('convert.intro')}</Text>
            {otherError && (
              <Alert color="red" role="alert">
                {errorMessage(convert.error)}
              </Alert>
            )}
            <Radio.Group
              label={t('convert.mode')}
              value={mode}
              onChange={(value) => setMode(value === 'link' ? 'link' : 'create')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="create" label={t('convert.create')} />
                <Radio value="link" label={t('convert.link')} />
              </Stack>
            </Radio.Group>
            {mode === 'create' ? (
              <>
                <OrganizationIdentityFields form={form} slugEditedRef={slugEdited} />
                <Text size="sm">{t('convert.createHelp')}</Text>
              </>
            ) : (
              <>
                <NativeSelect
                  label={t('convert.organization')}
                  disabled={!organizations.data}
                  data={[
                    { value: '', label: organizations.isError ? errorMessage(organizations.error) : '—' },
                    ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
                  ]}
                  {...form.getInputProps('organizationId')}
                />
                <Text size="sm">{t('convert.linkHelp')}</Text>
              </>
            )}
            <Group>
              <Button type="submit" loading={convert.isPending}>
                {t('convert.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}
