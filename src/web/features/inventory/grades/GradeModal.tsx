import { useEffect, type FormEvent } from 'react';
import { Modal, Stack, Switch, TextInput } from '@mantine/core';
import type { GradeDto } from '../../../api/types';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useSticky } from '../../../ui/use-sticky';
import { useCreateGrade, useRenameGrade } from '../api/grades';
import { FormFooter } from '../../../ui/FormFooter';

const blank = () => ({ code: '', name: '', usable: false });

/** Adds a grade, or renames one: a grade's code is part of every stock key and never changes. */
export function GradeModal({ editing, onClose }: { editing: GradeDto | 'new' | null; onClose: () => void }) {
  const create = useCreateGrade();
  const rename = useRenameGrade();
  const shown = useSticky(editing);
  const existing = shown !== null && shown !== 'new' ? shown : null;
  const form = useForm(blank());
  const { values } = form;

  useEffect(() => {
    if (editing) form.reset(editing === 'new' ? blank() : { code: editing.code, name: editing.name, usable: editing.usable });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = values.name.trim();
    const done = (g: GradeDto) => {
      notifySuccess(existing ? `Grade ${g.code} renamed to ${g.name}.` : `Grade ${g.name} added.`);
      onClose();
    };
    if (existing) return rename.mutate({ code: existing.code, name }, { onSuccess: done, onError: form.fail });
    create.mutate({ input: { code: values.code.trim(), name, usable: values.usable }, key: form.idempotencyKey }, { onSuccess: done, onError: form.fail });
  };

  return (
    <Modal opened={editing !== null} onClose={onClose} title={existing ? `Rename grade · ${existing.code}` : 'New grade'} size="md" data-testid="grade-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!existing && (
            <TextInput
              label="Code"
              required
              description="Lowercase letters, digits, dash or underscore, such as b-stock"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="off"
              data-autofocus
              {...form.bind('code')}
            />
          )}
          <TextInput label="Name" required autoComplete="off" data-autofocus={existing ? true : undefined} {...form.bind('name')} />
          {!existing && (
            <Switch
              label="Counts as available stock"
              checked={values.usable}
              onChange={(e) => form.set('usable', e.currentTarget.checked)}
              data-testid="grade-usable"
            />
          )}
          <FormFooter submitLabel={existing ? 'Rename' : 'Add grade'} loading={create.isPending || rename.isPending} onCancel={onClose} testId="grade" />
        </Stack>
      </form>
    </Modal>
  );
}
