import { Alert, Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useFormatters } from '../../i18n/use-formatters.hook';

/** The public page a certificate's QR code and verify link open: anyone can check it without signing in. */
export function VerifyPage() {
  const { t } = useTranslation('verify');
  const { code } = useParams({ from: '/public/verify/$code' });
  const { formatDate } = useFormatters();
  const query = useQuery({
    queryKey: ['public-certificate', code],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/public/certificates/{verificationCode}', {
          params: { path: { verificationCode: code } },
        }),
      ),
    retry: false,
  });

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.error instanceof ApiError && query.error.status === 404)
      return (
        <Alert color="red" role="alert">
          {t('notFound')}
        </Alert>
      );
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    const certificate = query.data;
    const hours = t('creditHours', { count: certificate.creditHours });
    const credits = certificate.credits.length
      ? `${hours} (${certificate.credits.map((credit) => credit.label).join('; ')})`
      : hours;
    const facts: Array<[string, string]> = [
      [t('learner'), certificate.learnerName],
      [t('course'), certificate.courseTitle],
      [t('credits'), credits],
      [t('date'), formatDate(certificate.completedOn)],
      [t('number'), certificate.number],
      [t('provider'), certificate.provider],
    ];
    return (
      <Stack>
        <Badge size="xl" color={certificate.valid ? 'teal.9' : 'red.9'} variant="filled">
          {certificate.valid ? t('valid') : t('revoked')}
        </Badge>
        <Text>
          {certificate.valid ? t('validHelp', { provider: certificate.provider }) : t('revokedHelp')}
        </Text>
        <Paper withBorder p="md" radius="md">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" m={0}>
            {facts.map(([term, value]) => (
              <div key={term}>
                <Text component="dt" fw={600} size="sm">
                  {term}
                </Text>
                <Text component="dd" m={0}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      </Stack>
    );
  };

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {body()}
    </>
  );
}
