import { Select, SimpleGrid } from '@mantine/core';
import type { Role } from '../../api/types';
import { useOrgNames } from './use-org-names';

export interface Placement {
  departmentId: string | null;
  teamId: string | null;
  customerId: string | null;
}

interface Props {
  roles: Role[];
  value: Placement;
  onChange: (next: Placement) => void;
  errors: Record<string, string>;
}

/**
 * Where a user sits: staff in a department and optionally one of its teams; a customer user in
 * exactly one customer (the customer picker shows only when the customer role is chosen).
 */
export function PlacementFields({ roles, value, onChange, errors }: Props) {
  const org = useOrgNames();
  if (roles.includes('customer')) {
    return (
      <Select
        label="Customer"
        placeholder="Choose the customer"
        required
        searchable
        data={org.customers.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
        value={value.customerId}
        onChange={(customerId) => onChange({ departmentId: null, teamId: null, customerId })}
        error={errors.customerId}
        data-testid="user-customer"
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  const teams = org.teams.filter((t) => t.active && (!value.departmentId || t.departmentId === value.departmentId));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <Select
        label="Department"
        placeholder="None"
        clearable
        data={org.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
        value={value.departmentId}
        onChange={(departmentId) => onChange({ departmentId, teamId: null, customerId: null })}
        error={errors.departmentId}
        data-testid="user-department"
      />
      <Select
        label="Team"
        placeholder="None"
        clearable
        data={teams.map((t) => ({ value: t.id, label: t.name }))}
        value={value.teamId}
        onChange={(teamId) => {
          const team = org.teams.find((t) => t.id === teamId);
          onChange({ departmentId: team?.departmentId ?? value.departmentId, teamId, customerId: null });
        }}
        error={errors.teamId}
        data-testid="user-team"
      />
    </SimpleGrid>
  );
}
