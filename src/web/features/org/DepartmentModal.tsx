import { useEffect, type FormEvent } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import type { DepartmentDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { useCreateDepartment, useUpdateDepartment } from './api';
import { FormFooter } from '../../ui/FormFooter';

/** Create a department (code + name), or rename one (`department` given). */
export function DepartmentModal({ opened, department, onClose }: { opened: boolean; department: DepartmentDto | null; onClose: () => void }) {
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const form = useForm({ code: '', name: '' });

  useEffect(() => {
    if (opened) form.reset({ code: department?.code ?? '', name: department?.name ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, department?.id]);

  const done = (message: string) => {
    notifySuccess(message);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = form.values.name.trim();
    if (department) {
      update.mutate({ id: department.id, patch: { name } }, { onSuccess: (d) => done(`Renamed to ${d.name}.`), onError: form.fail });
    } else {
      const input = { code: form.values.code.trim(), name };
      create.mutate({ input, key: form.idempotencyKey }, { onSuccess: (d) => done(`Department ${d.name} created.`), onError: form.fail });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={department ? `Rename ${department.code}` : 'New department'} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Code" required disabled={department !== null} description={department ? 'Codes do not change' : 'Short, e.g. PCB'} {...form.bind('code')} />
          <TextInput label="Name" required data-autofocus {...form.bind('name')} />
          <FormFooter submitLabel={department ? 'Save' : 'Create department'} loading={create.isPending || update.isPending} onCancel={onClose} testId="department" />
        </Stack>
      </form>
    </Modal>
  );
}
