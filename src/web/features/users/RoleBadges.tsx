import { Badge, Group } from '@mantine/core';
import { ROLE_LABELS } from '../../../contracts/permissions';
import type { Role } from '../../api/types';
import { ROLE_COLORS } from './roles';

export function RoleBadges({ roles }: { roles: Role[] }) {
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} color={ROLE_COLORS[r]} variant="light" size="md" data-testid="role-badge">
          {ROLE_LABELS[r]}
        </Badge>
      ))}
    </Group>
  );
}
