import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

interface Props {
  /** What the server refused beyond the fields' own errors (a 409, a network failure); null: nothing. */
  problem: string | null;
  /** The alert's title: what did not happen ("Not posted"). */
  problemTitle: string;
  submitLabel: string;
  loading: boolean;
  onCancel: () => void;
  /** Prefix of the test ids: `<testId>-problem`, `<testId>-submit`. */
  testId: string;
  submitColor?: string;
}

/** The end of a form dialog: the server's refusal, if any, then Cancel and the submit button. */
export function FormFooter({ problem, problemTitle, submitLabel, loading, onCancel, testId, submitColor }: Props) {
  return (
    <>
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle />} title={problemTitle} data-testid={`${testId}-problem`}>
          {problem}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" color={submitColor} loading={loading} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
