import { Tabs } from '@mantine/core';
import { IconBookmark, IconBox, IconListDetails, IconMapPin, IconRosetteDiscountCheck, IconTags } from '@tabler/icons-react';
import { useNavigate, useRouterState } from '@tanstack/react-router';

const TABS = [
  { to: '/inventory', label: 'Overview', icon: IconBox, testId: 'inventory-tab-overview' },
  { to: '/inventory/ledger', label: 'Stock ledger', icon: IconListDetails, testId: 'inventory-tab-ledger' },
  { to: '/inventory/reservations', label: 'Reservations', icon: IconBookmark, testId: 'inventory-tab-reservations' },
  { to: '/inventory/lots', label: 'Lots', icon: IconTags, testId: 'inventory-tab-lots' },
  { to: '/inventory/locations', label: 'Locations', icon: IconMapPin, testId: 'inventory-tab-locations' },
  { to: '/inventory/grades', label: 'Grades', icon: IconRosetteDiscountCheck, testId: 'inventory-tab-grades' },
] as const;

type TabPath = (typeof TABS)[number]['to'];

/** The inventory area's sub-pages, as tabs under the one "Inventory" navigation entry. */
export function InventoryTabs() {
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = TABS.find((t) => t.to === pathname)?.to ?? null;
  return (
    <Tabs value={current} onChange={(to) => to && void navigate({ to: to as TabPath })} mb="lg" keepMounted={false}>
      <Tabs.List>
        {TABS.map((t) => (
          <Tabs.Tab key={t.to} value={t.to} leftSection={<t.icon size={18} />} data-testid={t.testId} py="md">
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
