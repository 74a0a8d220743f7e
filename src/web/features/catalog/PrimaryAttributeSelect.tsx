import { Select } from '@mantine/core';

/** The item's main axis of variation (typically size): its variants are listed in that attribute's order. */
export function PrimaryAttributeSelect({ codes, value, onChange, error }: {
  codes: string[];
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
}) {
  return (
    <Select
      label="Primary attribute"
      description="Optional: the main axis of variation, such as size. Variants are listed in its order. Not the stage attribute."
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      placeholder="None"
      data={[...new Set(codes)]}
      value={value && codes.includes(value) ? value : null}
      onChange={onChange}
      error={error}
      clearable
      comboboxProps={{ withinPortal: true }}
      data-testid="primary-attribute"
      w={260}
    />
  );
}
