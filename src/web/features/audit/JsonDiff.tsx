import { Code, Table, Text } from '@mantine/core';
import { diffSnapshots, show, type Change } from './diff';

const COLOR: Record<Change['kind'], string | undefined> = {
  added: 'var(--mantine-color-teal-0)',
  removed: 'var(--mantine-color-red-0)',
  changed: 'var(--mantine-color-yellow-0)',
  same: undefined,
};

/** Field by field, before → after; changed fields are highlighted, unchanged ones dimmed. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffSnapshots(before, after);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No recorded values.
      </Text>
    );
  }
  return (
    <Table withTableBorder fz="xs" data-testid="audit-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={180}>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.key} style={{ background: COLOR[c.kind] }} data-kind={c.kind}>
            <Table.Td>
              <Text size="xs" fw={c.kind === 'same' ? 400 : 700} c={c.kind === 'same' ? 'dimmed' : undefined}>
                {c.key}
              </Text>
            </Table.Td>
            <Table.Td>
              <Code block bg="transparent" p={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {show(c.before)}
              </Code>
            </Table.Td>
            <Table.Td>
              <Code block bg="transparent" p={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {show(c.after)}
              </Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
