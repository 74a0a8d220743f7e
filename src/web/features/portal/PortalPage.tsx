import { useState } from 'react';
import { Badge, Button, Card, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../ui/PageHeader';
import { usePortalRequests } from './api';
import { isOpenRequest } from './request-status';
import { ShipmentsTab } from './ShipmentsTab';
import { OrdersTab } from './OrdersTab';
import { RequestsTab } from './RequestsTab';
import { OutboundsTab } from './OutboundsTab';
import { NewRequestModal } from './new-request/NewRequestModal';

type Tab = 'shipments' | 'orders' | 'requests' | 'outbounds';

/** The customer portal: own shipments, production orders, requests and outbounds, all live. */
export function PortalPage() {
  const me = useMe();
  const [tab, setTab] = useState<Tab>('orders');
  const [creating, setCreating] = useState(false);
  const requests = usePortalRequests();
  const open = (requests.data ?? []).filter(isOpenRequest).length;
  return (
    <>
      <PageHeader
        title={me?.customerName ? `Portal — ${me.customerName}` : 'Portal'}
        description="Your shipments, production orders, requests and outbounds, updated live as the plant works."
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-request">
            New request
          </Button>
        }
      />
      <Card withBorder radius="lg" padding="md">
        <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'orders')} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="shipments" data-testid="portal-tab-shipments">Shipments</Tabs.Tab>
            <Tabs.Tab value="orders" data-testid="portal-tab-orders">Orders</Tabs.Tab>
            <Tabs.Tab value="requests" data-testid="portal-tab-requests" rightSection={open ? <Badge size="xs" circle>{open}</Badge> : undefined}>Requests</Tabs.Tab>
            <Tabs.Tab value="outbounds" data-testid="portal-tab-outbounds">Outbounds</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="shipments"><ShipmentsTab /></Tabs.Panel>
          <Tabs.Panel value="orders"><OrdersTab /></Tabs.Panel>
          <Tabs.Panel value="requests"><RequestsTab /></Tabs.Panel>
          <Tabs.Panel value="outbounds"><OutboundsTab /></Tabs.Panel>
        </Tabs>
      </Card>
      <NewRequestModal opened={creating} onClose={() => { setCreating(false); setTab('requests'); }} />
    </>
  );
}
