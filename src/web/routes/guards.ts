import { redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from '../auth/me';
import { keys } from '../api/keys';
import type { Me, Permission } from '../api/types';

export interface RouterContext {
  queryClient: QueryClient;
}

/** Only same-site paths are accepted as a post-sign-in destination. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : undefined;
}

/** Signed-in area: otherwise to /login, remembering where we were going. */
export async function requireSignedIn(context: RouterContext, href: string): Promise<void> {
  const me = await context.queryClient.ensureQueryData(meQuery);
  if (!me) throw redirect({ to: '/login', search: { redirect: safeRedirect(href) } });
}

/** A page the user's roles do not allow: back home (the navigation does not offer it either). */
export function requirePermission(context: RouterContext, permission: Permission): void {
  const me = context.queryClient.getQueryData<Me | null>(keys.me);
  if (!me?.permissions.includes(permission)) throw redirect({ to: '/' });
}
