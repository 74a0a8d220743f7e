import type { ComponentType } from 'react';
import {
  IconHome,
  IconUsers,
  IconSitemap,
  IconBuildingStore,
  IconShieldCheck,
  IconHistory,
  IconUserCircle,
  IconBuildingWarehouse,
  IconTruckDelivery, IconTruckLoading,
  IconCalendarEvent,
  IconStack2,
  IconSettings,
  IconScan,
  IconBuildingFactory2,
  IconCategory,
} from '@tabler/icons-react';
import type { Permission } from '../api/types';

export interface NavItem {
  to: '/' | '/catalog' | '/inventory' | '/stamping/shipments' | '/stamping/orders' | '/stamping/stamps' | '/stamping/outbounds' | '/stamping/setup' | '/stamping/workstation' | '/portal' | '/users' | '/org' | '/customers' | '/roles' | '/audit' | '/account';
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown only to users holding this permission; null means everyone signed in. */
  permission: Permission | null;
  testId: string;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Home', icon: IconHome, permission: null, testId: 'nav-home' },
  { to: '/catalog', label: 'Catalog', icon: IconCategory, permission: 'catalog.read', testId: 'nav-catalog' },
  { to: '/inventory', label: 'Inventory', icon: IconBuildingWarehouse, permission: 'inventory.read', testId: 'nav-inventory' },
  { to: '/portal', label: 'Portal', icon: IconBuildingFactory2, permission: 'portal.use', testId: 'nav-portal' },
  { to: '/stamping/workstation', label: 'Production', icon: IconScan, permission: 'stamping.run', testId: 'nav-workstation' },
  { to: '/stamping/orders', label: 'Production orders', icon: IconCalendarEvent, permission: 'stamping.read', testId: 'nav-orders' },
  { to: '/stamping/shipments', label: 'Shipments', icon: IconTruckDelivery, permission: 'stamping.read', testId: 'nav-shipments' },
  { to: '/stamping/stamps', label: 'Stamp inventory', icon: IconStack2, permission: 'stamping.read', testId: 'nav-stamps' },
  { to: '/stamping/outbounds', label: 'Outbounds', icon: IconTruckLoading, permission: 'stamping.read', testId: 'nav-outbounds' },
  { to: '/stamping/setup', label: 'Stamping setup', icon: IconSettings, permission: 'stamping.read', testId: 'nav-stamping-setup' },
  { to: '/users', label: 'Users', icon: IconUsers, permission: 'users.read', testId: 'nav-users' },
  { to: '/org', label: 'Departments & teams', icon: IconSitemap, permission: 'org.read', testId: 'nav-org' },
  { to: '/customers', label: 'Customers', icon: IconBuildingStore, permission: 'customers.read', testId: 'nav-customers' },
  { to: '/roles', label: 'Roles & permissions', icon: IconShieldCheck, permission: 'roles.read', testId: 'nav-roles' },
  { to: '/audit', label: 'Audit log', icon: IconHistory, permission: 'audit.read', testId: 'nav-audit' },
  { to: '/account', label: 'My account', icon: IconUserCircle, permission: 'self.use', testId: 'nav-account' },
];
