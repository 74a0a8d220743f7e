import { useEffect, type FormEvent } from 'react';
import { Modal, MultiSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Role } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { orNull } from '../../ui/format';
import { useCreateUser } from './api';
import { PlacementFields, type Placement } from './PlacementFields';
import { ROLE_OPTIONS, normaliseRoles } from './roles';
import { FormFooter } from '../../ui/FormFooter';

export interface UserPreset {
  roles?: Role[];
  customerId?: string | null;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** E.g. from a customer's page: role customer and that customer, pre-filled. */
  preset?: UserPreset;
}

const blank = (preset?: UserPreset) => ({
  username: '',
  displayName: '',
  email: '',
  password: '',
  roles: (preset?.roles ?? []) as Role[],
  departmentId: null as string | null,
  teamId: null as string | null,
  customerId: preset?.customerId ?? null,
});

export function CreateUserModal({ opened, onClose, preset }: Props) {
  const create = useCreateUser();
  const form = useForm(blank(preset));
  const { values } = form;

  useEffect(() => {
    if (opened) form.reset(blank(preset));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (values.roles.length === 0) {
      form.setErrors({ roles: 'Choose at least one role' });
      return;
    }
    const input = { ...values, email: orNull(values.email), username: values.username.trim(), displayName: values.displayName.trim() };
    create.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: (user) => {
          notifySuccess(`User ${user.username} created. They choose their own password at first sign-in.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  const setPlacement = (p: Placement) => {
    form.set('departmentId', p.departmentId);
    form.set('teamId', p.teamId);
    form.set('customerId', p.customerId);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New user" data-testid="create-user-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Username" required autoComplete="off" autoCapitalize="none" data-autofocus {...form.bind('username')} />
            <TextInput label="Display name" required {...form.bind('displayName')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Email" type="email" {...form.bind('email')} />
            <PasswordInput
              label="Initial password"
              description="At least 8 characters; changed at first sign-in"
              required
              autoComplete="new-password"
              {...form.bind('password')}
            />
          </SimpleGrid>
          <MultiSelect
            label="Roles"
            required
            placeholder={values.roles.length ? undefined : 'Choose roles'}
            data={ROLE_OPTIONS}
            value={values.roles}
            onChange={(next) => form.set('roles', normaliseRoles(values.roles, next as Role[]))}
            error={form.errorOf('roles')}
            data-testid="user-roles"
            comboboxProps={{ withinPortal: true }}
          />
          <PlacementFields roles={values.roles} value={values} onChange={setPlacement} errors={form.errors} />
          <FormFooter submitLabel="Create user" loading={create.isPending} onCancel={onClose} testId="create-user" />
        </Stack>
      </form>
    </Modal>
  );
}
