import { Modal } from '@mantine/core';
import type { UserDto } from '../../api/types';
import { useSticky } from '../../ui/use-sticky';
import { TokensPanel } from '../account/TokensPanel';

/** An administrator's view of one user's API tokens, to revoke one that leaked or is no longer used. */
export function UserTokensModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const shown = useSticky(user);
  return (
    <Modal opened={user !== null} onClose={onClose} title={`API tokens · ${shown?.username ?? ''}`} size="xl" data-testid="user-tokens-modal">
      {shown && <TokensPanel userId={shown.id} />}
    </Modal>
  );
}
