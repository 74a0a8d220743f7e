import { Fragment } from 'react';
import { NavLink, ScrollArea, Stack, Tooltip } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useCan } from '../auth/me';
import { NAV_ITEMS } from './nav-items';

/**
 * The role-driven navigation: links the signed-in user has no permission for are not shown. As a
 * rail, icons only, each named by its tooltip and for screen readers.
 */
export function NavMenu({ onNavigate, rail = false }: { onNavigate: () => void; rail?: boolean }) {
  const can = useCan();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items = NAV_ITEMS.filter((item) => item.permission === null || can(item.permission));
  return (
    <ScrollArea>
      <Stack gap={4} component="nav" aria-label="Main">
        {items.map((item) => {
          const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
          const link = (
            <NavLink
              component={Link}
              to={item.to}
              label={rail ? undefined : item.label}
              aria-label={rail ? item.label : undefined}
              leftSection={<item.icon size={22} stroke={1.6} />}
              active={active}
              onClick={onNavigate}
              data-testid={item.testId}
              py="sm"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
          return rail ? <Tooltip key={item.to} label={item.label} position="right" withArrow>{link}</Tooltip> : <Fragment key={item.to}>{link}</Fragment>;
        })}
      </Stack>
    </ScrollArea>
  );
}
