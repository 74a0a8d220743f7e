import { Outlet, createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { meQuery } from '../auth/me';
import { AppLayout } from '../shell/AppLayout';
import { LoginPage } from '../features/login/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { UsersPage } from '../features/users/UsersPage';
import { DepartmentsPage } from '../features/org/DepartmentsPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage';
import { RolesPage } from '../features/roles/RolesPage';
import { AuditPage } from '../features/audit/AuditPage';
import { AccountPage } from '../features/account/AccountPage';
import { NotFound } from './NotFound';
import { requirePermission, requireSignedIn, safeRedirect, type RouterContext } from './guards';

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: safeRedirect(search.redirect) }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  component: function Login() {
    const { redirect: to } = loginRoute.useSearch();
    return <LoginPage redirectTo={to ?? '/'} />;
  },
});

/** Everything behind sign-in shares the shell. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location.href),
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  beforeLoad: ({ context }) => requirePermission(context, 'users.read'),
  component: UsersPage,
});
const orgRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org',
  beforeLoad: ({ context }) => requirePermission(context, 'org.read'),
  component: DepartmentsPage,
});
const customersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers',
  beforeLoad: ({ context }) => requirePermission(context, 'customers.read'),
  component: CustomersPage,
});
const customerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId',
  beforeLoad: ({ context }) => requirePermission(context, 'customers.read'),
  component: function Customer() {
    const { customerId } = customerRoute.useParams();
    return <CustomerDetailPage key={customerId} customerId={customerId} />;
  },
});
const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roles',
  beforeLoad: ({ context }) => requirePermission(context, 'roles.read'),
  component: RolesPage,
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  beforeLoad: ({ context }) => requirePermission(context, 'audit.read'),
  component: AuditPage,
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  beforeLoad: ({ context }) => requirePermission(context, 'self.use'),
  component: AccountPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([homeRoute, usersRoute, orgRoute, customersRoute, customerRoute, rolesRoute, auditRoute, accountRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
