import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useEnumLabel } from '../../i18n/use-enum-label.hook';
import { switchOrganization } from '../../session/session.service';
import { useSession } from '../../session/use-session.hook';

/** A person in several organizations picks the one this session works in (POST /auth/switch). */
export function ChooseOrganizationPage() {
  const { t } = useTranslation('auth');
  const label = useEnumLabel('admin');
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<string | null>(null);

  const choose = async (organizationId: string) => {
    setError(null);
    setPending(organizationId);
    try {
      if (organizationId !== session.organizationId) await switchOrganization(organizationId);
      // Everything cached belonged to the other organization.
      queryClient.clear();
      await navigate({ to: '/' });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <PageTitle>{t('chooseOrganization.title')}</PageTitle>
      <Stack maw={480}>
        <Text>{t('chooseOrganization.intro')}</Text>
        {error !== null && <ErrorState error={error} />}
        {session.memberships.map((membership) => (
          <Stack key={membership.organizationId} gap={4}>
            <Button
              variant={membership.organizationId === session.organizationId ? 'filled' : 'outline'}
              loading={pending === membership.organizationId}
              onClick={() => void choose(membership.organizationId)}
              aria-label={t('chooseOrganization.choose', { name: membership.organizationName })}
            >
              {membership.organizationName}
            </Button>
            <Text size="sm" c="gray.7">
              {t('chooseOrganization.roles', {
                roles: membership.roles.map((role) => label('roles', role)).join(', '),
              })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </>
  );
}
