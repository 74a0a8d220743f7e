import { Button, PasswordInput, Stack } from '@mantine/core';
import { useChangeOwnPassword } from '../../auth/session';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';

export function ChangePasswordForm({ submitLabel = 'Change password' }: { submitLabel?: string }) {
  const change = useChangeOwnPassword();
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { currentPassword, newPassword, confirm } = form.values;
    if (newPassword !== confirm) {
      form.setErrors({ confirm: 'The passwords differ' });
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess('Password changed. Your other sessions were signed out.');
        },
        onError: form.fail,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordInput label="Current password" name="currentPassword" autoComplete="current-password" required {...form.bind('currentPassword')} />
        <PasswordInput
          label="New password"
          name="newPassword"
          description="At least 8 characters"
          autoComplete="new-password"
          required
          {...form.bind('newPassword')}
        />
        <PasswordInput label="Repeat new password" name="confirm" autoComplete="new-password" required {...form.bind('confirm')} />
        <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
