import { Button, Center } from '@mantine/core';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
  testId?: string;
}

export function LoadMore({ hasMore, loading, onLoad, testId = 'load-more' }: Props) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="light" onClick={onLoad} loading={loading} data-testid={testId}>
        Load more
      </Button>
    </Center>
  );
}
