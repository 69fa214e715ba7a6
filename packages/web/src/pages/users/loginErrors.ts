import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';

/** The form field a refused change belongs to, and what to tell the admin about it. */
export interface LoginError {
  readonly field: string | undefined;
  readonly text: string;
}

/**
 * A refusal of the logins API (server modules/users/users.service.ts) in the admin's language:
 * the codes and fields are stable, the server's English sentence is the fallback.
 */
export function loginErrorOf(t: TFunction, error: unknown): LoginError | null {
  if (!isApiError(error)) return null;
  const { code, field } = error;
  if (code === 'conflict' && (field === 'disabled' || field === 'role')) {
    return { field: field === 'role' ? 'role' : undefined, text: t('errors.lastAdmin') };
  }
  if (code === 'conflict' && field === 'login') return { field, text: t('errors.login') };
  if (code === 'conflict' && field === 'personId') return { field, text: t('errors.personId') };
  if (code === 'validation_failed' && field === 'personId') return { field, text: t('errors.noPerson') };
  return { field, text: error.message };
}
