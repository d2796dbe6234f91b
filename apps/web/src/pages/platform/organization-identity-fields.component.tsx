import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { slugify } from './slugify';

interface OrganizationIdentity {
  name: string;
  slug: string;
  timezone: string;
}

/**
 * A new organization's name, slug and time zone, the slug following the name until someone types in it
 * (`slugEditedRef`, kept by the form's owner so a reset can start following again).
 */
export function OrganizationIdentityFields<Values extends OrganizationIdentity>({
  form,
  slugEditedRef,
}: {
  form: UseFormReturnType<Values>;
  slugEditedRef: RefObject<boolean>;
}) {
  const { t } = useTranslation('platform');
  const nameProps = form.getInputProps('name');
  const slugProps = form.getInputProps('slug');
  return (
    <>
      <TextInput
        label={t('organizations.name')}
        {...nameProps}
        onChange={(event) => {
          nameProps.onChange(event);
          if (!slugEditedRef.current) slugProps.onChange(slugify(event.currentTarget.value));
        }}
      />
      <TextInput
        label={t('organizations.slug')}
        description={t('organizations.slugHelp')}
        {...slugProps}
        onChange={(event) => {
          slugEditedRef.current = true;
          slugProps.onChange(event);
        }}
      />
      <TextInput
        label={t('organizations.timezone')}
        description={t('organizations.timezoneHelp')}
        {...form.getInputProps('timezone')}
      />
    </>
  );
}
