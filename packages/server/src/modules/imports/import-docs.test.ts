import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_NAMES } from '../entities/entities.ts';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../docs/import.md');

describe('docs/import.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');

  it.each(ENTITY_NAMES)('lists every column, label and alias of %s', (entity) => {
    const section = doc.slice(doc.indexOf(`### ${entity} (${ENTITIES[entity].zh})`));
    expect(section.length).toBeLessThan(doc.length);
    for (const column of ENTITIES[entity].columns) {
      const line = section.split('\n').find((l) => l.startsWith(`| \`${column.name}\` |`));
      expect(line, `${entity}.${column.name}`).toBeDefined();
      for (const label of [column.zh, ...(column.aliases ?? [])]) expect(line).toContain(label);
    }
  });
});
