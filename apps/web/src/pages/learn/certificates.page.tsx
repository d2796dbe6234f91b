import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { downloadCertificate } from './certificate-download';

type Certificate = components['schemas']['CertificateView'];

/** GET /me/certificates (first 200), newest first. */
const myCertificatesQuery = {
  queryKey: ['me', 'certificates'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/me/certificates', { params: { query: { limit: 200 } } }))).items,
};

function CertificateItem({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation('learn');
  const { formatDate } = useFormatters();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={4}>
        <Text fw={600}>{certificate.courseTitle}</Text>
        <Text size="sm">{t('certificates.number', { number: certificate.number })}</Text>
        <Text size="sm">
          {t('certificates.completedOn', { date: formatDate(certificate.completedOn) })} ·{' '}
          {t('certificates.credits', { hours: certificate.creditHours })}
          {certificate.credits.length > 0 &&
            ` (${certificate.credits.map((credit) => credit.label).join(', ')})`}
        </Text>
        {certificate.revoked && (
          <Text size="sm" c="red.9" fw={600}>
            {t('certificates.revoked')}
          </Text>
        )}
        <Group gap="lg" mt="xs">
          <Anchor
            href="/certificates"
            fw={600}
            aria-describedby={`certificate-${certificate.id}`}
            onClick={(event) => {
              event.preventDefault();
              setError(null);
              downloadCertificate(certificate.id).catch((failure: unknown) =>
                setError(errorMessage(failure)),
              );
            }}
          >
            {t('certificate.download')}
          </Anchor>
          <AnchorLink to="/verify/$code" params={{ code: certificate.verificationCode }}>
            {t('certificates.verify')}
          </AnchorLink>
        </Group>
        {/* Names which certificate each of the identical links is about, for a screen reader's list of links. */}
        <span id={`certificate-${certificate.id}`} className="visually-hidden">
          {certificate.courseTitle} {certificate.number}
        </span>
        {error && (
          <Text role="alert" c="red.9" size="sm">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** `/certificates`: my certificates, each with its PDF and its public verification page. */
export function CertificatesPage() {
  const { t } = useTranslation('learn');
  const query = useQuery(myCertificatesQuery);

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (query.data.length === 0) return <EmptyState>{t('certificates.empty')}</EmptyState>;
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {query.data.map((certificate) => (
          <CertificateItem key={certificate.id} certificate={certificate} />
        ))}
      </Stack>
    );
  };

  return (
    <>
      <PageTitle>{t('certificates.title')}</PageTitle>
      {body()}
    </>
  );
}
