import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, MultiSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';
import { PERMISSIONS } from '../../../contracts/permissions';
import type { Permission } from '../../api/types';
import { useMe } from '../../auth/me';
import { useForm } from '../../ui/use-form';
import { useCreateToken, type CreatedToken } from './api';
import { FormFooter } from '../../ui/FormFooter';

/** Issue an API token limited to permissions the user holds; its secret is shown exactly once. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const me = useMe();
  const create = useCreateToken();
  const form = useForm({ name: '', scopes: [] as Permission[], expiresInDays: 90 as number | string });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const scopeOptions = (me?.permissions ?? []).map((p) => ({ value: p, label: `${PERMISSIONS[p as Permission]?.label ?? p} (${p})` }));

  useEffect(() => {
    if (opened) {
      form.reset();
      setCreated(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { name, scopes, expiresInDays } = form.values;
    if (scopes.length === 0) {
      form.setErrors({ scopes: 'Choose at least one permission' });
      return;
    }
    const days = typeof expiresInDays === 'number' ? expiresInDays : null;
    create.mutate({ input: { name: name.trim(), scopes, expiresInDays: days }, key: form.idempotencyKey }, { onSuccess: setCreated, onError: form.fail });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={created ? 'Token created' : 'New API token'} closeOnClickOutside={!created}>
      {created ? (
        <Stack data-testid="token-secret">
          <Alert color="yellow" icon={<IconAlertTriangle />}>
            Copy the token now. It is not stored in readable form and will not be shown again.
          </Alert>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} fz="sm" data-testid="token-value">
            {created.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : 'indigo'} leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />} onClick={copy}>
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Send it as <Code>Authorization: Bearer …</Code>
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Name" description="What uses it, e.g. “label printer”" required data-autofocus {...form.bind('name')} />
            <MultiSelect
              label="Permissions"
              description="A token can hold only permissions you have"
              placeholder={form.values.scopes.length ? undefined : 'Choose permissions'}
              required
              data={scopeOptions}
              value={form.values.scopes}
              onChange={(v) => form.set('scopes', v as Permission[])}
              error={form.errorOf('scopes')}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label="Expires after (days)"
              description="Leave empty for a token that never expires"
              min={1}
              max={3650}
              value={form.values.expiresInDays}
              onChange={(v) => form.set('expiresInDays', v)}
              error={form.errorOf('expiresInDays')}
            />
            <FormFooter submitLabel="Create token" loading={create.isPending} onCancel={onClose} testId="create-token" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
