import { api } from './client.ts';
import type { Me } from './types.ts';

/** The server's rule (auth.service MIN_PASSWORD_LENGTH). */
export const MIN_PASSWORD_LENGTH = 8;

export const fetchMe = () => api<Me>('/auth/me');
export const fetchSetupState = () => api<{ needsSetup: boolean }>('/setup');

export const login = (body: { login: string; password: string }) =>
  api<Me>('/auth/login', { method: 'POST', body });

export const logout = () => api<void>('/auth/logout', { method: 'POST' });

export const setupAdmin = (body: { login: string; password: string; displayName: string }) =>
  api<Me>('/setup', { method: 'POST', body });
