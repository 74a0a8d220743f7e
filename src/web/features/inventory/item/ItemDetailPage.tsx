import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAdjustments, IconArrowLeft, IconBarcode, IconCategory, IconClipboardCheck, IconListDetails } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { QueryState } from '../../../ui/QueryState';
import { useItem } from '../api/catalog';
import { useItemSummary } from '../api/stock';
import { AdjustmentModal } from '../dialogs/AdjustmentModal';
import { CountModal } from '../dialogs/CountModal';
import type { ItemRef } from '../dialogs/use-key-form';
import { ItemStats } from './ItemStats';
import { BalancesTable } from './BalancesTable';
import { SerialsPanel } from './SerialsPanel';
import { RegisterSerialsModal } from './RegisterSerialsModal';

/** One item: its figures, where its stock is, and its serial units. */
export function ItemDetailPage({ itemId }: { itemId: string }) {
  const can = useCan();
  const item = useItem(itemId);
  const summary = useItemSummary(item.data);
  const [adjusting, setAdjusting] = useState<ItemRef | null>(null);
  const [counting, setCounting] = useState(false);
  const [registering, setRegistering] = useState(false);
  const i = item.data;
  const ref: ItemRef | null = i ? { id: i.id, code: i.code, name: i.name, uom: i.uom } : null;

  return (
    <Stack>
      <Anchor component={Link} to="/inventory" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} /> Inventory
        </Group>
      </Anchor>
      <QueryState pending={item.isPending} error={item.error}>
        {i && (
          <>
            <Group justify="space-between" align="flex-end" wrap="wrap" data-testid="item-detail" data-code={i.code}>
              <Stack gap={4}>
                <Group gap="sm">
                  <Title order={2}>{i.name}</Title>
                  <Badge variant="outline" color="gray">
                    {i.code}
                  </Badge>
                  <Badge variant="light" color="gray">
                    {i.kind}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {[i.category, `unit: ${i.uom}`].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Group gap="sm">
                {can('catalog.read') && (
                  <Button
                    variant="default"
                    leftSection={<IconCategory size={18} />}
                    renderRoot={(props) => <Link to="/catalog/items/$itemId" params={{ itemId: i.id }} {...props} />}
                    data-testid="item-catalog"
                  >
                    Catalog
                  </Button>
                )}
                <Button
                  variant="default"
                  leftSection={<IconListDetails size={18} />}
                  renderRoot={(props) => <Link to="/inventory/ledger" search={{ itemId: i.id }} {...props} />}
                  data-testid="item-ledger"
                >
                  Ledger
                </Button>
                {can('inventory.adjust') && (
                  <>
                    <Button variant="light" leftSection={<IconClipboardCheck size={18} />} onClick={() => setCounting(true)} data-testid="count-button">
                      Count
                    </Button>
                    <Button leftSection={<IconAdjustments size={18} />} onClick={() => setAdjusting(ref)} data-testid="adjust-button">
                      Adjust
                    </Button>
                  </>
                )}
              </Group>
            </Group>
            <QueryState pending={summary.isPending} error={summary.error}>
              <ItemStats summary={summary.data ?? null} />
            </QueryState>
            <Card withBorder radius="lg" padding="lg">
              <Title order={3} mb="md">
                Balances
              </Title>
              <BalancesTable itemId={i.id} />
            </Card>
            <Card withBorder radius="lg" padding="lg">
              <Group justify="space-between" mb="md">
                <Title order={3}>Serial units</Title>
                {can('inventory.post') && (
                  <Button variant="light" leftSection={<IconBarcode size={18} />} onClick={() => setRegistering(true)} data-testid="register-serials">
                    Register serials
                  </Button>
                )}
              </Group>
              <SerialsPanel itemId={i.id} />
            </Card>
            {can('inventory.post') && <RegisterSerialsModal item={i} opened={registering} onClose={() => setRegistering(false)} />}
            {can('inventory.adjust') && (
              <>
                <AdjustmentModal item={adjusting} onClose={() => setAdjusting(null)} />
                <CountModal opened={counting} item={ref} onClose={() => setCounting(false)} />
              </>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
