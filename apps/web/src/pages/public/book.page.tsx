import { Alert, Box, Button, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';

const SETTINGS = ['emergency_department', 'satellite_clinic', 'both', 'other'] as const;
const FORMATS = ['onsite', 'virtual', 'either'] as const;

interface Values {
  organizationName: string;
  contactName: string;
  email: string;
  phone: string;
  setting: (typeof SETTINGS)[number];
  format: (typeof FORMATS)[number];
  staffCount: string;
  message: string;
  website: string;
}

/** Text left empty is not sent: the api treats an optional field given as "" as a value to judge. */
const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** `/book`: a stranger asks the provider for a live training (the public intake form). */
export function BookPage() {
  const { t, i18n } = useTranslation('book');
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      organizationName: '',
      contactName: '',
      email: '',
      phone: '',
      setting: 'emergency_department',
      format: 'onsite',
      staffCount: '',
      message: '',
      website: '',
    },
  });

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    const staffCount = given(values.staffCount);
    try {
      const receipt = await unwrap(
        api.POST('/api/v1/public/training-requests', {
          body: {
            organizationName: values.organizationName,
            contactName: values.contactName,
            email: values.email.trim(),
            phone: given(values.phone),
            setting: values.setting,
            format: values.format,
            staffCount: staffCount === undefined ? undefined : Number(staffCount),
            message: given(values.message),
            website: values.website === '' ? undefined : values.website,
            locale: i18n.language === 'es' ? 'es' : 'en',
          },
        }),
      );
      setReference(receipt.reference);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
      else if (error instanceof ApiError && error.status === 429) setFormError(t('tooMany'));
      else setFormError(errorMessage(error));
    }
  });

  if (reference) {
    return (
      <>
        <PageTitle>{t('sentTitle')}</PageTitle>
        <Alert color="green" role="status">
          {t('sent', { reference })}
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text>{t('intro')}</Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('organization')}
            required
            autoComplete="organization"
            {...form.getInputProps('organizationName')}
          />
          <TextInput label={t('name')} required autoComplete="name" {...form.getInputProps('contactName')} />
          <TextInput
            label={t('email')}
            required
            type="email"
            autoComplete="email"
            {...form.getInputProps('email')}
          />
          <TextInput label={t('phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          <NativeSelect
            label={t('setting')}
            data={SETTINGS.map((value) => ({ value, label: t(`settings.${value}`) }))}
            {...form.getInputProps('setting')}
          />
          <NativeSelect
            label={t('format')}
            data={FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }))}
            {...form.getInputProps('format')}
          />
          <TextInput
            label={t('staffCount')}
            type="number"
            min={1}
            inputMode="numeric"
            {...form.getInputProps('staffCount')}
          />
          <Textarea label={t('message')} autosize minRows={4} {...form.getInputProps('message')} />
          {/* The honeypot: off-screen and hidden from assistive technology, out of the tab order; a bot that
              fills every field fills it too, and the api then files the request as spam. */}
          <Box
            aria-hidden="true"
            style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
          >
            <TextInput
              label={t('website')}
              tabIndex={-1}
              autoComplete="off"
              {...form.getInputProps('website')}
            />
          </Box>
          <Button type="submit" loading={form.submitting}>
            {t('submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
