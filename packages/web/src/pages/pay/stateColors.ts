import type { CloseState } from './payApi.ts';

/** Tag colours of a close run's state. */
export const STATE_COLORS: Record<CloseState, string> = {
  draft: 'default',
  manager_approved: 'processing',
  finance_approved: 'success',
};
