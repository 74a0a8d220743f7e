/**
 * Source types whose documents a workflow posts and answers for (a stamp run's deductions, its
 * skids' put-away). Their records point at these documents, so the generic ledger API neither
 * cancels them nor lets anyone post a document claiming such a source. Workflows register here
 * when their module loads; the inventory module knows no workflow by name.
 */
const owners = new Map<string, { workflow: string; instead: string }>();

export function ownStockSource(sourceType: string, workflow: string, instead: string): void {
  owners.set(sourceType, { workflow, instead });
}

export const sourceOwner = (sourceType: string | null | undefined) => (sourceType ? owners.get(sourceType) : undefined);
