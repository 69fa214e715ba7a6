import { fen, formatMoney } from '@attain/engine';
import type { EntitySpec } from '../entities/entities.ts';

/** A stored row as the API shows it: money as contract money strings, booleans as booleans. */
export function presentRow(spec: EntitySpec, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const value = row[column.name] ?? null;
    if (value === null) out[column.name] = null;
    else if (column.type === 'money') out[column.name] = formatMoney(fen(Number(value)));
    else if (column.type === 'boolean') out[column.name] = Number(value) === 1;
    else if (column.type === 'integer') out[column.name] = Number(value);
    else out[column.name] = value;
  }
  return out;
}

/** Metadata of an entity for the web's generic tables and filters. */
export function presentEntitySpec(spec: EntitySpec) {
  return {
    name: spec.name,
    zh: spec.zh,
    en: spec.en,
    defaultSort: spec.defaultSort,
    columns: spec.columns.map((c) => ({
      name: c.name,
      type: c.type,
      zh: c.zh,
      en: c.en,
      required: c.required,
      ...(c.values ? { values: [...c.values] } : {}),
      ...(c.references ? { references: c.references } : {}),
    })),
  };
}
