import { useEffect, type FormEvent } from 'react';
import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { DepartmentDto, TeamDto } from '../../api/types';
import { useCan } from '../../auth/me';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { useUserOptions } from '../users/api';
import { useCreateTeam, useUpdateTeam } from './api';
import { FormFooter } from '../../ui/FormFooter';

interface Props {
  /** The department a new team goes into; null closes the modal. */
  department: DepartmentDto | null;
  /** The team being edited, or null to create one. */
  team: TeamDto | null;
  onClose: () => void;
}

export function TeamModal({ department, team, onClose }: Props) {
  const can = useCan();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const users = useUserOptions(can('users.read') && department !== null);
  const form = useForm({ code: '', name: '', leadUserId: null as string | null, active: true });
  const opened = department !== null;

  useEffect(() => {
    if (opened) form.reset({ code: team?.code ?? '', name: team?.name ?? '', leadUserId: team?.leadUserId ?? null, active: team?.active ?? true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, team?.id]);

  const done = (message: string) => {
    notifySuccess(message);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!department) return;
    const { code, name, leadUserId, active } = form.values;
    if (team) {
      update.mutate({ id: team.id, patch: { name: name.trim(), leadUserId, active } }, { onSuccess: (t) => done(`Saved team ${t.name}.`), onError: form.fail });
    } else {
      const input = { departmentId: department.id, code: code.trim(), name: name.trim(), leadUserId };
      create.mutate({ input, key: form.idempotencyKey }, { onSuccess: (t) => done(`Team ${t.name} created.`), onError: form.fail });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit team ${team.code}` : `New team in ${department?.name ?? ''}`} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Code" required disabled={team !== null} {...form.bind('code')} />
          <TextInput label="Name" required data-autofocus {...form.bind('name')} />
          <Select
            label="Team lead"
            placeholder={can('users.read') ? 'None' : 'You cannot see users'}
            clearable
            searchable
            disabled={!can('users.read')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            value={form.values.leadUserId}
            onChange={(v) => form.set('leadUserId', v)}
            error={form.errorOf('leadUserId')}
          />
          {team && <Switch label="Active" checked={form.values.active} onChange={(e) => form.set('active', e.currentTarget.checked)} />}
          <FormFooter submitLabel={team ? 'Save' : 'Create team'} loading={create.isPending || update.isPending} onCancel={onClose} testId="team" />
        </Stack>
      </form>
    </Modal>
  );
}
