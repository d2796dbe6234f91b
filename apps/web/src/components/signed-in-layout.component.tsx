import { AppShell, Burger, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../session/session.service';
import { useIdleSignOut } from '../session/use-idle-sign-out.hook';
import { useSession, useSessionState } from '../session/use-session.hook';
import { LanguageSwitch } from './language-switch.component';
import { navigationFor } from './navigation';
import { NavLinkLink } from './router-links.component';

/** The shell of every signed-in page: header, the role's navigation, and the idle sign-out. */
export function SignedInLayout({ children }: { children?: ReactNode }) {
  // At sign-out the session ends a render before the route guard sends the page to /sign-in: show nothing then,
  // rather than pages that read a session no longer there.
  if (useSessionState().status !== 'signed-in') return null;
  return <SignedInShell>{children}</SignedInShell>;
}

function SignedInShell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  useIdleSignOut(session.organizationId);
  const organization = session.memberships.find((m) => m.organizationId === session.organizationId);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('navigation.close') : t('navigation.open')}
            />
            <Text fw={700} size="lg">
              {t('appName')}
            </Text>
            {organization && (
              <Text size="sm" visibleFrom="sm" c="gray.7">
                {organization.organizationName}
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button variant="outline" size="compact-md" onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('navigation.label')}>
        <Text size="sm" fw={600} mb="xs">
          {session.user.name}
        </Text>
        {navigationFor(session).map((item) => (
          <NavLinkLink key={item.to} to={item.to} label={t(`navigation.${item.label}`)} onClick={close} />
        ))}
        {session.memberships.length > 1 && (
          <NavLinkLink to="/choose-organization" label={t('navigation.switchOrganization')} onClick={close} />
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children ?? <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
