import { Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { isCustomerUser, useMe } from '../../auth/me';
import { ROLE_LABELS } from '../../../contracts/permissions';
import { NAV_ITEMS } from '../../shell/nav-items';
import { ActivityFeed } from './ActivityFeed';

function greeting(): string {
  const h = new Date().getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/** Dashboard: a greeting, shortcuts to what this user may use, and the live activity feed. */
export function HomePage() {
  const me = useMe();
  if (!me) return null;
  const firstName = me.user.displayName.split(' ')[0] ?? me.user.displayName;
  const shortcuts = NAV_ITEMS.filter((i) => i.to !== '/' && i.permission !== null && me.permissions.includes(i.permission));

  if (isCustomerUser(me)) {
    return (
      <Stack maw={900} data-testid="customer-home">
        <Group gap="md">
          <ThemeIcon size={48} radius="md" variant="light">
            <IconBuildingStore size={28} />
          </ThemeIcon>
          <div>
            <Title order={2} data-testid="home-greeting">
              {greeting()}, {firstName}
            </Title>
            <Text c="dimmed" data-testid="customer-name">
              {me.customerName ?? 'Customer account'}
            </Text>
          </div>
        </Group>
        <ActivityFeed />
      </Stack>
    );
  }

  return (
    <Stack>
      <div>
        <Title order={2} data-testid="home-greeting">
          {greeting()}, {firstName}
        </Title>
        <Text c="dimmed">Signed in as {me.user.roles.map((r) => ROLE_LABELS[r]).join(', ')}</Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <ActivityFeed />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            {shortcuts.map((s) => (
              <Card key={s.to} withBorder radius="lg" padding="md" component={Link} to={s.to}>
                <Group gap="md">
                  <ThemeIcon size={40} radius="md" variant="light">
                    <s.icon size={22} />
                  </ThemeIcon>
                  <Text fw={500}>{s.label}</Text>
                </Group>
              </Card>
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
