import { AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../session/session.service';
import { useIdleSignOut } from '../session/use-idle-sign-out.hook';
import { useSession, useSessionState } from '../session/use-session.hook';
import { LanguageSwitch } from './language-switch.component';
import { navigationSections } from './navigation';
import { NavLinkLink } from './router-links.component';

/**
 * The shell of every signed-in page, rendered only while there is a session: when it ends (sign-out, idle, another
 * tab), the pages under it must not render again and read a session that is gone; the router then sends the page to
 * /sign-in.
 */
export function SignedInLayout({ children }: { children?: ReactNode }) {
  const signedIn = useSessionState().status === 'signed-in';
  return signedIn ? <SignedInShell>{children}</SignedInShell> : null;
}

/** Header, the role's navigation, and the idle sign-out. */
function SignedInShell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  useIdleSignOut(session.organizationId);
  const organization = session.memberships.find((m) => m.organizationId === session.organizationId);
  const sections = navigationSections(session);

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
            {/* On a phone the header holds the menu, the language and sign-out; the page's title says where one is. */}
            <Text fw={700} size="lg" visibleFrom="xs">
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
        {sections.map(({ section, items }) => (
          <Stack key={section} gap={0} mb="sm" role="group" aria-labelledby={`navigation-${section}`}>
            <Text
              id={`navigation-${section}`}
              size="xs"
              fw={700}
              tt="uppercase"
              c="gray.7"
              px="sm"
              mb={4}
              hidden={sections.length === 1}
            >
              {t(`navigation.sections.${section}`)}
            </Text>
            {items.map((item) => (
              <NavLinkLink
                key={item.to}
                to={item.to}
                // An entry names a page, whatever view of it the search params hold.
                activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
                label={t(`navigation.${item.label}`)}
                onClick={close}
              />
            ))}
          </Stack>
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
