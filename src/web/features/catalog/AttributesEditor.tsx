import { ActionIcon, Button, Group, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { errorUnder } from './labels';

export interface AttributeRow {
  attribute: string;
  values: string[];
}

/**
 * The attributes a new item varies by, each with its allowed values. Errors come keyed as the API
 * names them (`attributes.1.values`).
 */
export function AttributesEditor({ rows, onChange, errors }: { rows: AttributeRow[]; onChange: (rows: AttributeRow[]) => void; errors: Record<string, string> }) {
  const update = (i: number, row: Partial<AttributeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <Stack gap="xs" data-testid="attributes-editor">
      <Text size="sm" fw={500}>
        Attributes
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          None: the item has one variant. Add attributes such as size or colour if its stock comes in several.
        </Text>
      )}
      {rows.map((r, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" data-testid="attribute-row">
          <TextInput
            aria-label={`Attribute ${i + 1} name`}
            placeholder="size"
            value={r.attribute}
            onChange={(e) => update(i, { attribute: e.currentTarget.value })}
            error={errorUnder(errors, `attributes.${i}.attribute`)}
            w={160}
          />
          <TagsInput
            aria-label={`Values of attribute ${i + 1}`}
            placeholder="Type a value, then Enter"
            value={r.values}
            onChange={(values) => update(i, { values })}
            error={errorUnder(errors, `attributes.${i}.values`)}
            splitChars={[',', '|']}
            style={{ flex: 1 }}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove attribute ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, { attribute: '', values: [] }])} data-testid="add-attribute">
          Add attribute
        </Button>
      </Group>
    </Stack>
  );
}
