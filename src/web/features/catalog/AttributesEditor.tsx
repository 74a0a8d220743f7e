import { useRef } from 'react';
import { ActionIcon, Autocomplete, Button, Group, Stack, TagsInput, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { AttributeDto } from '../../api/types';
import { errorUnder } from './labels';

export interface AttributeRow {
  attribute: string;
  values: string[];
}

/**
 * The attributes a new item varies by, each with its allowed values. An attribute picked from the
 * plant's library starts with the library's values (the item's own copy: remove what it does not
 * come in). Errors come keyed as the API names them (`attributes.1.values`).
 */
export function AttributesEditor({ rows, onChange, errors, library }: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  errors: Record<string, string>;
  library: AttributeDto[];
}) {
  const update = (i: number, row: Partial<AttributeRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  // an option picked from the list (Mantine reports the pick, then the new text): only a pick fills values
  const picked = useRef<string | null>(null);
  const rename = (i: number, code: string) => {
    const known = picked.current === code ? library.find((a) => a.code === code.toLowerCase()) : undefined;
    picked.current = null;
    update(i, known && rows[i]!.values.length === 0 ? { attribute: code, values: known.values } : { attribute: code });
  };
  const unused = library.map((a) => a.code).filter((code) => !rows.some((r) => r.attribute.trim().toLowerCase() === code));
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
          <Autocomplete
            aria-label={`Attribute ${i + 1} name`}
            placeholder="size"
            data={unused}
            value={r.attribute}
            onChange={(v) => rename(i, v)}
            onOptionSubmit={(code) => { picked.current = code; }}
            error={errorUnder(errors, `attributes.${i}.attribute`)}
            comboboxProps={{ withinPortal: true }}
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
