import type { ReactNode } from 'react';
import { Button, Card, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';

/** One setup list: a line saying what it is, an add button for those who manage stamping, the table. */
export function SetupCard({ description, addLabel, addTestId, onAdd, children }: {
  description: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  const can = useCan();
  return (
    <Card withBorder radius="lg" padding="md">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Text size="sm" c="dimmed">{description}</Text>
        {can('stamping.manage') && (
          <Button leftSection={<IconPlus size={18} />} onClick={onAdd} data-testid={addTestId}>
            {addLabel}
          </Button>
        )}
      </Group>
      {children}
    </Card>
  );
}
