import { api, apiUrl } from './client.ts';
import type { ImportJob, ImportPreview } from './types.ts';

export type TemplateFormat = 'csv' | 'xlsx';

/** Where the browser downloads an entity's import template. */
export const templateUrl = (entity: string, lang: string, format: TemplateFormat) =>
  apiUrl(`/imports/templates/${encodeURIComponent(entity)}`, { lang, format });

function formOf(file: File, fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  form.append('file', file);
  return form;
}

export const previewImport = (entity: string, file: File, encoding?: string) =>
  api<ImportPreview>(`/imports/${encodeURIComponent(entity)}/preview`, {
    method: 'POST',
    body: formOf(file, { encoding }),
  });

export const startImport = (entity: string, file: File, options: { dryRun: boolean; encoding?: string }) =>
  api<{ jobId: string }>(`/imports/${encodeURIComponent(entity)}`, {
    method: 'POST',
    body: formOf(file, { encoding: options.encoding, dryRun: String(options.dryRun) }),
  });

export const fetchImportJob = (jobId: string) => api<ImportJob>(`/imports/jobs/${encodeURIComponent(jobId)}`);
