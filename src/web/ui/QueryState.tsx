import type { ReactNode } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { messageOf } from '../api/problem';

/** Loader while pending, a red alert on failure, else the children. */
export function QueryState({ pending, error, children }: { pending: boolean; error: unknown; children: ReactNode }) {
  if (pending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="Could not load">
        {messageOf(error)}
      </Alert>
    );
  }
  return <>{children}</>;
}
