import { useEffect, type FormEvent } from 'react';
import { Modal, MultiSelect, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { Role, UserDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { orNull } from '../../ui/format';
import { useSticky } from '../../ui/use-sticky';
import { useUpdateUser } from './api';
import { PlacementFields, type Placement } from './PlacementFields';
import { ROLE_OPTIONS, normaliseRoles } from './roles';
import { FormFooter } from '../../ui/FormFooter';

const fromUser = (u: UserDto | null) => ({
  displayName: u?.displayName ?? '',
  email: u?.email ?? '',
  roles: u?.roles ?? ([] as Role[]),
  departmentId: u?.departmentId ?? null,
  teamId: u?.teamId ?? null,
  customerId: u?.customerId ?? null,
  active: u?.active ?? true,
});

/** Edit name, roles, placement, and (de)activate. Deactivating ends the user's sessions. */
export function EditUserModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const update = useUpdateUser();
  const shown = useSticky(user);
  const form = useForm(fromUser(user));
  const { values } = form;

  useEffect(() => {
    if (user) form.reset(fromUser(user));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    const patch = { ...values, displayName: values.displayName.trim(), email: orNull(values.email) };
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: (u) => {
          notifySuccess(`Saved ${u.username}.`);
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
    <Modal opened={user !== null} onClose={onClose} title={shown ? `Edit ${shown.username}` : ''} data-testid="edit-user-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Display name" required {...form.bind('displayName')} />
            <TextInput label="Email" type="email" {...form.bind('email')} />
          </SimpleGrid>
          <MultiSelect
            label="Roles"
            required
            placeholder={values.roles.length ? undefined : 'Choose roles'}
            data={ROLE_OPTIONS}
            value={values.roles}
            onChange={(next) => form.set('roles', normaliseRoles(values.roles, next as Role[]))}
            error={form.errorOf('roles')}
            comboboxProps={{ withinPortal: true }}
          />
          <PlacementFields roles={values.roles} value={values} onChange={setPlacement} errors={form.errors} />
          <Switch
            label="Active"
            description={values.active ? 'Can sign in' : 'Cannot sign in; open sessions end when saved'}
            checked={values.active}
            onChange={(e) => form.set('active', e.currentTarget.checked)}
            data-testid="user-active"
          />
          {form.errors['(body)'] && <Text c="red" size="sm">{form.errors['(body)']}</Text>}
          <FormFooter submitLabel="Save" loading={update.isPending} onCancel={onClose} testId="edit-user" />
        </Stack>
      </form>
    </Modal>
  );
}
