import { useMemo } from 'react';
import { useCan } from '../../auth/me';
import { useDepartments, useTeams } from '../org/api';
import { useCustomerOptions } from '../customers/api';

/** id → display name for departments, teams and customers, for tables and pickers. */
export function useOrgNames() {
  const can = useCan();
  const departments = useDepartments(can('org.read'));
  const teams = useTeams(null, can('org.read'));
  const customers = useCustomerOptions(can('customers.read'));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const d of departments.data ?? []) names.set(d.id, d.name);
    for (const t of teams.data ?? []) names.set(t.id, t.name);
    for (const c of customers.data ?? []) names.set(c.id, c.name);
    return {
      name: (id: string | null) => (id ? names.get(id) ?? '…' : null),
      departments: departments.data ?? [],
      teams: teams.data ?? [],
      customers: customers.data ?? [],
    };
  }, [departments.data, teams.data, customers.data]);
}
