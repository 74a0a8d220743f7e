import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconAdjustments, IconAlertTriangle, IconChevronRight } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { StockSummaryDto } from '../../../api/types';
import { formatDecimal } from '../decimal';

interface Props {
  card: StockSummaryDto;
  canAdjust: boolean;
  onAdjust: () => void;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0} px="xs" py={6} bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={650} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** One item's stock at a glance: in store (large), then production, defects, deliveries, serials. */
export function ProductCard({ card, canAdjust, onAdjust }: Props) {
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="stock-card" data-code={card.itemCode}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor
            fw={650}
            size="lg"
            renderRoot={(props) => <Link to="/inventory/items/$itemId" params={{ itemId: card.itemId }} {...props} />}
            data-testid="stock-card-link"
          >
            {card.itemName}
          </Anchor>
          <Group gap={6}>
            <Badge variant="outline" color="gray">
              {card.itemCode}
            </Badge>
            <Badge variant="light" color="gray">
              {card.kind}
            </Badge>
            {card.category && (
              <Text size="xs" c="dimmed">
                {card.category}
              </Text>
            )}
          </Group>
        </Stack>
        {card.lowStock && (
          <Tooltip label={`Below the threshold of ${formatDecimal(card.lowStockThreshold)} ${card.uom}`}>
            <Badge color="orange" variant="filled" leftSection={<IconAlertTriangle size={14} />} data-testid="low-stock">
              Low stock
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group align="baseline" gap={6} my="sm">
        <Text fz={32} fw={700} lh={1} data-testid="store-qty">
          {formatDecimal(card.storeQty)}
        </Text>
        <Text c="dimmed">{card.uom} in store</Text>
      </Group>
      <SimpleGrid cols={2} spacing={6} verticalSpacing={6} mb="md">
        <Figure label="In production" value={formatDecimal(card.inProductionQty)} testId="production-qty" />
        <Figure label="Defects" value={formatDecimal(card.defectQty)} testId="defect-qty" />
        <Figure label="Delivered" value={formatDecimal(card.deliveredQty)} testId="delivered-qty" />
        <Figure label="Serials" value={String(card.totalSerials)} testId="serial-count" />
      </SimpleGrid>
      {card.inTransitQty !== '0' && (
        <Text size="sm" mb={4} data-testid="transit-qty">
          {formatDecimal(card.inTransitQty)} {card.uom} in transit
        </Text>
      )}
      <Text size="sm" c="dimmed" mt="auto" mb="sm">
        Value {formatDecimal(card.value)}
      </Text>
      <Group gap="xs" grow>
        {canAdjust && (
          <Button size="sm" variant="light" leftSection={<IconAdjustments size={16} />} onClick={onAdjust} data-testid="adjust-button">
            Adjust
          </Button>
        )}
        <Button
          size="sm"
          variant="default"
          rightSection={<IconChevronRight size={16} />}
          renderRoot={(props) => <Link to="/inventory/items/$itemId" params={{ itemId: card.itemId }} {...props} />}
        >
          Details
        </Button>
      </Group>
    </Card>
  );
}
