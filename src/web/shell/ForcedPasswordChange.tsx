import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { Me } from '../api/types';
import { useLogout } from '../auth/session';
import { ChangePasswordForm } from '../features/account/ChangePasswordForm';

/** A new or reset account must choose its own password before anything else. */
export function ForcedPasswordChange({ me }: { me: Me }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w="100%" maw={460} data-testid="forced-password-change">
        <Stack>
          <Title order={2}>Choose a new password</Title>
          <Text c="dimmed" size="sm">
            Welcome, {me.user.displayName}. Your password was set by an administrator; choose your own to continue.
          </Text>
          <ChangePasswordForm submitLabel="Set password and continue" />
          <Button variant="subtle" color="gray" onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}>
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
