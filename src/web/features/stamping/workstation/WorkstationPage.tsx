import { PageHeader } from '../../../ui/PageHeader';

/** The stamping workstation: today's queue, scanning, skids. */
export function WorkstationPage() {
  return <PageHeader title="Production" />;
}
