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
import { ShipmentsPage } from '../features/stamping/shipments/ShipmentsPage';
import { ShipmentDetailPage } from '../features/stamping/shipments/ShipmentDetailPage';
import { OrdersPage } from '../features/stamping/orders/OrdersPage';
import { OrderDetailPage } from '../features/stamping/orders/OrderDetailPage';
import { StampsPage } from '../features/stamping/stamps/StampsPage';
import { StampingSetupPage } from '../features/stamping/setup/StampingSetupPage';
import { WorkstationPage } from '../features/stamping/workstation/WorkstationPage';
import { validateWorkstationSearch } from '../features/stamping/workstation/search';
import { VerifyPage } from '../features/stamping/verify/VerifyPage';
import { OutboundsPage } from '../features/stamping/outbounds/OutboundsPage';
import { PortalPage } from '../features/portal/PortalPage';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { CatalogItemPage } from '../features/catalog/CatalogItemPage';
import { InventoryPage } from '../features/inventory/overview/InventoryPage';
import { ItemDetailPage } from '../features/inventory/item/ItemDetailPage';
import { SerialDetailPage } from '../features/inventory/serial/SerialDetailPage';
import { LedgerPage } from '../features/inventory/ledger/LedgerPage';
import { validateLedgerSearch } from '../features/inventory/ledger/search';
import { LotsPage } from '../features/inventory/lots/LotsPage';
import { LocationsPage } from '../features/inventory/locations/LocationsPage';
import { ReservationsPage } from '../features/inventory/reservations/ReservationsPage';
import { GradesPage } from '../features/inventory/grades/GradesPage';
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

const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalog',
  beforeLoad: ({ context }) => requirePermission(context, 'catalog.read'),
  component: CatalogPage,
});
const catalogItemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalog/items/$itemId',
  beforeLoad: ({ context }) => requirePermission(context, 'catalog.read'),
  component: function CatalogItem() {
    const { itemId } = catalogItemRoute.useParams();
    return <CatalogItemPage key={itemId} itemId={itemId} />;
  },
});

const inventoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: InventoryPage,
});
const itemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/items/$itemId',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: function Item() {
    const { itemId } = itemRoute.useParams();
    return <ItemDetailPage key={itemId} itemId={itemId} />;
  },
});
const serialRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/serials/$serialId',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: function Serial() {
    const { serialId } = serialRoute.useParams();
    return <SerialDetailPage key={serialId} serialId={serialId} />;
  },
});
const ledgerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/ledger',
  validateSearch: validateLedgerSearch,
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: function Ledger() {
    const search = ledgerRoute.useSearch();
    const navigate = ledgerRoute.useNavigate();
    return <LedgerPage search={search} onSearch={(next) => void navigate({ search: next, replace: true })} />;
  },
});
const lotsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/lots',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: LotsPage,
});
const locationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/locations',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: LocationsPage,
});
const reservationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/reservations',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: ReservationsPage,
});
const gradesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/grades',
  beforeLoad: ({ context }) => requirePermission(context, 'inventory.read'),
  component: GradesPage,
});

const shipmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/shipments',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: ShipmentsPage,
});
const shipmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/shipments/$shipmentId',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: function Shipment() {
    const { shipmentId } = shipmentRoute.useParams();
    return <ShipmentDetailPage key={shipmentId} shipmentId={shipmentId} />;
  },
});
const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/orders',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: OrdersPage,
});
const orderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/orders/$poId',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: function Order() {
    const { poId } = orderRoute.useParams();
    return <OrderDetailPage key={poId} poId={poId} />;
  },
});
const stampsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/stamps',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: StampsPage,
});
const stampingSetupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/setup',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: StampingSetupPage,
});
const workstationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/workstation',
  validateSearch: validateWorkstationSearch,
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: function Workstation() {
    const search = workstationRoute.useSearch();
    const navigate = workstationRoute.useNavigate();
    // a pick is a history entry (back returns to the previous PO); starting a run only settles it
    return <WorkstationPage day={search.day ?? null} picked={search.po ?? null} onPick={(po, replace = false) => void navigate({ search: { ...search, po }, replace })} />;
  },
});
const verifyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/orders/$poId/verify',
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: function Verify() {
    const { poId } = verifyRoute.useParams();
    return <VerifyPage key={poId} poId={poId} />;
  },
});
const outboundsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stamping/outbounds',
  validateSearch: (search: Record<string, unknown>): { customerId?: string } => ({
    customerId: typeof search.customerId === 'string' && /^[0-9a-f-]{36}$/i.test(search.customerId) ? search.customerId : undefined,
  }),
  beforeLoad: ({ context }) => requirePermission(context, 'stamping.read'),
  component: function Outbounds() {
    const { customerId } = outboundsRoute.useSearch();
    const navigate = outboundsRoute.useNavigate();
    return <OutboundsPage customerId={customerId} onCustomer={(id) => void navigate({ search: { customerId: id }, replace: true })} />;
  },
});
const portalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal',
  beforeLoad: ({ context }) => requirePermission(context, 'portal.use'),
  component: PortalPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    catalogRoute,
    catalogItemRoute,
    inventoryRoute,
    itemRoute,
    serialRoute,
    ledgerRoute,
    lotsRoute,
    locationsRoute,
    reservationsRoute,
    gradesRoute,
    shipmentsRoute,
    shipmentRoute,
    ordersRoute,
    orderRoute,
    stampsRoute,
    stampingSetupRoute,
    workstationRoute,
    verifyRoute,
    outboundsRoute,
    portalRoute,
    usersRoute,
    orgRoute,
    customersRoute,
    customerRoute,
    rolesRoute,
    auditRoute,
    accountRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
