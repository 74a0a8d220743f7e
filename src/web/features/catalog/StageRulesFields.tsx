import { MultiSelect, Stack, Text } from '@mantine/core';
import type { ItemDto } from '../../api/types';
import { useVariants } from '../inventory/api/catalog';

/**
 * On an existing staged item: which attributes apply at each stage, changeable only for stages no
 * variant is at yet (new stage values included). `changed` holds the stages edited in this form.
 */
export function StageRulesFields({ item, newStages, changed, onChange, errorOf }: {
  item: ItemDto;
  newStages: string[];
  changed: Record<string, string[]>;
  onChange: (changed: Record<string, string[]>) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const variants = useVariants(item.id);
  const inUse = new Set((variants.data ?? []).map((v) => v.stage?.toLowerCase()).filter(Boolean));
  const stageAttribute = item.stageAttribute!;
  const stages = [...(item.attributes.find((a) => a.attribute === stageAttribute)?.values ?? []), ...newStages];
  const others = item.attributes.map((a) => a.attribute).filter((a) => a !== stageAttribute);
  if (others.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="stage-rules-fields">
      <Text size="sm" c="dimmed">
        Attributes at each stage. A stage with variants keeps its attributes: its variants were made by them.
      </Text>
      {stages.map((stage) => {
        const used = inUse.has(stage.toLowerCase());
        return (
          <MultiSelect
            key={stage}
            label={`At ${stage}`}
            placeholder="Every attribute"
            description={used ? 'Variants are at this stage' : undefined}
            data={others}
            value={changed[stage] ?? item.stageAttributes[stage] ?? []}
            onChange={(v) => onChange({ ...changed, [stage]: v })}
            disabled={used || variants.isPending}
            error={errorOf(`stageRules.${stage}`)}
            comboboxProps={{ withinPortal: true }}
          />
        );
      })}
    </Stack>
  );
}
