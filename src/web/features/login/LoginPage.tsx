import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title, Group } from '@mantine/core';
import { IconAlertCircle, IconBuildingFactory2 } from '@tabler/icons-react';
import { useRouter } from '@tanstack/react-router';
import { useLogin } from '../../auth/session';
import { ApiError, messageOf } from '../../api/problem';

function loginErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'auth.rate_limited') return err.detail ?? 'Too many failed sign-ins. Wait a few minutes and try again.';
    if (err.code === 'auth.invalid_credentials') return 'Wrong username or password, or the account is inactive.';
  }
  return messageOf(err);
}

/** Sign-in; afterwards back to the page that was asked for (`?redirect=`). */
export function LoginPage({ redirectTo }: { redirectTo: string }) {
  const router = useRouter();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => router.history.push(redirectTo) },
    );
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="md" p="xl" radius="lg" w="100%" maw={420}>
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <Stack>
            <Group gap="sm">
              <ThemeIcon size={44} radius="md">
                <IconBuildingFactory2 size={26} />
              </ThemeIcon>
              <div>
                <Title order={2}>Shopfloor</Title>
                <Text c="dimmed" size="sm">
                  Sign in to continue
                </Text>
              </div>
            </Group>
            {login.isError && (
              <Alert color="red" icon={<IconAlertCircle />} data-testid="login-error" role="alert">
                {loginErrorText(login.error)}
              </Alert>
            )}
            <TextInput
              label="Username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" size="lg" loading={login.isPending} disabled={!username.trim() || !password} data-testid="login-submit">
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
