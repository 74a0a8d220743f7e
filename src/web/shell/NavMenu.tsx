import { NavLink, ScrollArea, Stack } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useCan } from '../auth/me';
import { NAV_ITEMS } from './nav-items';

/** The role-driven navigation: links the signed-in user has no permission for are not shown. */
export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const can = useCan();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items = NAV_ITEMS.filter((item) => item.permission === null || can(item.permission));
  return (
    <ScrollArea>
      <Stack gap={4} component="nav" aria-label="Main">
        {items.map((item) => {
          const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={22} stroke={1.6} />}
              active={active}
              onClick={onNavigate}
              data-testid={item.testId}
              py="sm"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
