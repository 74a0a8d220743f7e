import { useMemo, useState } from 'react';
import { Button, SimpleGrid, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { DepartmentDto, TeamDto } from '../../api/types';
import { useCan } from '../../auth/me';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useSticky } from '../../ui/use-sticky';
import { useUserOptions } from '../users/api';
import { useDeleteDepartment, useDeleteTeam, useDepartments, useTeams, useUpdateDepartment } from './api';
import { DepartmentCard } from './DepartmentCard';
import { DepartmentModal } from './DepartmentModal';
import { TeamModal } from './TeamModal';

type Pending = { kind: 'department'; item: DepartmentDto } | { kind: 'team'; item: TeamDto } | null;

export function DepartmentsPage() {
  const can = useCan();
  const canManage = can('org.manage');
  const departments = useDepartments();
  const teams = useTeams();
  const users = useUserOptions(can('users.read'));
  const updateDepartment = useUpdateDepartment();
  const deleteDepartment = useDeleteDepartment();
  const deleteTeam = useDeleteTeam();

  const [departmentModal, setDepartmentModal] = useState<{ department: DepartmentDto | null } | null>(null);
  const [teamModal, setTeamModal] = useState<{ department: DepartmentDto; team: TeamDto | null } | null>(null);
  const [toDelete, setToDelete] = useState<Pending>(null);
  const shownDelete = useSticky(toDelete);

  const teamsByDepartment = useMemo(() => {
    const map = new Map<string, TeamDto[]>();
    for (const t of teams.data ?? []) map.set(t.departmentId, [...(map.get(t.departmentId) ?? []), t]);
    return map;
  }, [teams.data]);
  const leadName = (id: string | null) => (id ? users.data?.find((u) => u.id === id)?.displayName ?? null : null);

  const toggleActive = (d: DepartmentDto) =>
    updateDepartment.mutate(
      { id: d.id, patch: { active: !d.active } },
      { onSuccess: (x) => notifySuccess(`${x.name} ${x.active ? 'activated' : 'deactivated'}.`), onError: (e) => notifyError(e) },
    );

  const confirmDelete = () => {
    if (!toDelete) return;
    const options = {
      onSuccess: () => {
        notifySuccess(`Deleted ${toDelete.item.name}.`);
        setToDelete(null);
      },
      onError: (e: unknown) => notifyError(e),
    };
    if (toDelete.kind === 'department') deleteDepartment.mutate(toDelete.item.id, options);
    else deleteTeam.mutate(toDelete.item.id, options);
  };

  return (
    <>
      <PageHeader
        title="Departments & teams"
        description="How the shop floor is organised. Users are placed in a department and optionally one of its teams."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setDepartmentModal({ department: null })} data-testid="new-department">
              New department
            </Button>
          )
        }
      />
      <QueryState pending={departments.isPending} error={departments.error ?? teams.error}>
        {(departments.data ?? []).length === 0 && <Text c="dimmed">No departments yet.</Text>}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {(departments.data ?? []).map((d) => (
            <DepartmentCard
              key={d.id}
              department={d}
              teams={teamsByDepartment.get(d.id) ?? []}
              leadName={leadName}
              canManage={canManage}
              onRename={() => setDepartmentModal({ department: d })}
              onToggleActive={() => toggleActive(d)}
              onDelete={() => setToDelete({ kind: 'department', item: d })}
              onAddTeam={() => setTeamModal({ department: d, team: null })}
              onEditTeam={(team) => setTeamModal({ department: d, team })}
              onDeleteTeam={(team) => setToDelete({ kind: 'team', item: team })}
            />
          ))}
        </SimpleGrid>
      </QueryState>
      <DepartmentModal opened={departmentModal !== null} department={departmentModal?.department ?? null} onClose={() => setDepartmentModal(null)} />
      <TeamModal department={teamModal?.department ?? null} team={teamModal?.team ?? null} onClose={() => setTeamModal(null)} />
      <ConfirmModal
        opened={toDelete !== null}
        title={shownDelete?.kind === 'team' ? 'Delete team' : 'Delete department'}
        confirmLabel="Delete"
        loading={deleteDepartment.isPending || deleteTeam.isPending}
        onConfirm={confirmDelete}
        onClose={() => setToDelete(null)}
      >
        Delete {shownDelete?.item.name} ({shownDelete?.item.code})? This cannot be undone; deactivate instead to keep its history readable.
      </ConfirmModal>
    </>
  );
}
