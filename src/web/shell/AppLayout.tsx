import { useEffect } from 'react';
import { AppShell, useMatches } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useMe } from '../auth/me';
import { LiveProvider } from '../live/LiveProvider';
import { AppHeader } from './AppHeader';
import { NavMenu } from './NavMenu';
import { ForcedPasswordChange } from './ForcedPasswordChange';

/**
 * The signed-in frame: header, role-driven navbar — a drawer behind the burger on phones, a rail
 * of icons on tablets and small laptops (a 1024 px station screen keeps its width for the work),
 * the full list from 1200 px.
 */
export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const href = useRouterState({ select: (s) => s.location.href });
  const [navOpened, nav] = useDisclosure(false);
  const rail = useMatches({ base: false, sm: true, lg: false });

  useEffect(() => {
    // the session ended (signed out elsewhere, expired, revoked): back to sign-in, then here again
    if (!me) void navigate({ to: '/login', search: { redirect: href === '/' ? undefined : href } });
  }, [me, navigate, href]);

  if (!me) return null;
  if (me.user.mustChangePassword) return <ForcedPasswordChange me={me} />;

  return (
    <LiveProvider enabled={me.permissions.includes('events.subscribe')}>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: { base: 270, sm: 76, lg: 270 }, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <AppHeader me={me} navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar p="sm">
          <NavMenu onNavigate={nav.close} rail={rail} />
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </LiveProvider>
  );
}
