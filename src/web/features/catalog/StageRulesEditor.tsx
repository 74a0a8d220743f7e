import { MultiSelect, Select, Stack, Text } from '@mantine/core';
import type { AttributeRow } from './AttributesEditor';

/**
 * For goods that change as they move through production: which attribute holds the stages, and
 * which other attributes apply at each stage (a stage with none chosen takes them all).
 */
export function StageRulesEditor({ rows, stageAttribute, rules, onStage, onRules, errors }: {
  rows: AttributeRow[];
  stageAttribute: string | null;
  rules: Record<string, string[]>;
  onStage: (code: string | null) => void;
  onRules: (rules: Record<string, string[]>) => void;
  errors: Record<string, string>;
}) {
  const codes = rows.map((r) => r.attribute.trim()).filter(Boolean);
  const stages = rows.find((r) => r.attribute.trim() === stageAttribute)?.values ?? [];
  const others = codes.filter((c) => c !== stageAttribute);
  return (
    <Stack gap="xs">
      <Select
        label="Stage attribute"
        description="Optional: the attribute whose values are production stages"
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        placeholder="None"
        clearable
        data={codes}
        value={stageAttribute && codes.includes(stageAttribute) ? stageAttribute : null}
        onChange={onStage}
        error={errors.stageAttribute}
        comboboxProps={{ withinPortal: true }}
        data-testid="stage-attribute"
      />
      {stageAttribute && stages.length > 0 && others.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            Attributes that apply at each stage
          </Text>
          {stages.map((stage) => (
            <MultiSelect
              key={stage}
              label={stage}
              placeholder="Every attribute"
              data={others}
              value={(rules[stage] ?? []).filter((c) => others.includes(c))}
              onChange={(v) => onRules({ ...rules, [stage]: v })}
              error={errors[`stageAttributes.${stage}`]}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
