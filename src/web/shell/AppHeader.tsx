import { Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingFactory2 } from '@tabler/icons-react';
import type { Me } from '../api/types';
import { LiveIndicator } from './LiveIndicator';
import { UserMenu } from './UserMenu';

export function AppHeader({ me, navOpened, onToggleNav }: { me: Me; navOpened: boolean; onToggleNav: () => void }) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="md" aria-label="Toggle navigation" data-testid="burger" />
        <ThemeIcon size="lg" radius="md" variant="filled">
          <IconBuildingFactory2 size={20} />
        </ThemeIcon>
        <Text fw={700} size="lg" data-testid="product-name">
          Shopfloor
        </Text>
      </Group>
      <Group gap="lg" wrap="nowrap">
        <LiveIndicator />
        <UserMenu me={me} />
      </Group>
    </Group>
  );
}
