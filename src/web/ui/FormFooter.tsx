import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

interface Props {
  submitLabel: string;
  loading: boolean;
  onCancel: () => void;
  /** Prefix of the test ids: `<testId>-problem`, `<testId>-submit`. */
  testId: string;
  /** What the server refused beyond the fields' own errors (a 409, a network failure); none: nothing. */
  problem?: string | null;
  /** The alert's title: what did not happen ("Not posted"). */
  problemTitle?: string;
  submitColor?: string;
  /** The submit button waits until the form is whole. */
  disabled?: boolean;
}

/** The end of a form dialog: the server's refusal, if any, then Cancel and the submit button. */
export function FormFooter({ submitLabel, loading, onCancel, testId, problem, problemTitle, submitColor, disabled }: Props) {
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
        <Button type="submit" color={submitColor} disabled={disabled} loading={loading} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
