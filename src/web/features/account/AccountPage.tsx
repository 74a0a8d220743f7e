import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../ui/PageHeader';
import { RoleBadges } from '../users/RoleBadges';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TokensPanel } from './TokensPanel';

export function AccountPage() {
  const me = useMe();
  if (!me) return null;
  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${me.user.username}`} />
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder radius="lg" padding="lg">
            <Title order={3} mb="xs">
              {me.user.displayName}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {me.user.email ?? 'No email on file'}
              {me.customerName ? ` · ${me.customerName}` : ''}
            </Text>
            <RoleBadges roles={me.user.roles} />
          </Card>
          <Card withBorder radius="lg" padding="lg">
            <Title order={3} mb="md">
              Change password
            </Title>
            <ChangePasswordForm />
          </Card>
        </SimpleGrid>
        <TokensPanel />
      </Stack>
    </>
  );
}
