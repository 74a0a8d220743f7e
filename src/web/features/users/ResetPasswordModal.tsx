import { useEffect, type FormEvent } from 'react';
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { UserDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { useSticky } from '../../ui/use-sticky';
import { useResetPassword } from './api';
import { FormFooter } from '../../ui/FormFooter';

/** An administrator sets a temporary password; the user must change it and their sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const reset = useResetPassword();
  const shown = useSticky(user);
  const form = useForm({ password: '' });

  useEffect(() => {
    if (user) form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    reset.mutate(
      { id: user.id, password: form.values.password },
      {
        onSuccess: () => {
          notifySuccess(`New password set for ${user.username}.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title="Reset password" size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {shown?.displayName} will have to choose a new password at next sign-in, and is signed out everywhere now.
          </Text>
          <PasswordInput label="Temporary password" required autoComplete="new-password" data-autofocus {...form.bind('password')} />
          <FormFooter submitLabel="Set password" loading={reset.isPending} onCancel={onClose} testId="reset-password" submitColor="orange" />
        </Stack>
      </form>
    </Modal>
  );
}
