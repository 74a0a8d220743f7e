/**
 * The workstation's place in the address: another day's queue (`day`) and the PO picked on it
 * (`po`), so a reload, a shared link and back / forward keep what the operator was looking at.
 */
export interface WorkstationSearch {
  /** YYYY-MM-DD; absent: today's queue */
  day?: string;
  /** the picked PO's id; absent: the active order */
  po?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateWorkstationSearch(search: Record<string, unknown>): WorkstationSearch {
  const { day, po } = search;
  // absent keys stay absent: the address then reads /stamping/workstation, not ?day=undefined
  return {
    ...(typeof day === 'string' && DAY.test(day) ? { day } : {}),
    ...(typeof po === 'string' && ID.test(po) ? { po } : {}),
  };
}
