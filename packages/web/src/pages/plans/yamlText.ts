/**
 * A small YAML writer for the plan's file shape: block mappings and sequences, flow lists for
 * scalars, decimals written exactly as typed. Enough for the designer's YAML tab (the server
 * parses and validates; the web keeps the engine's yaml library out of its bundle).
 */

/** A decimal as typed: written plain when it is a decimal number, quoted otherwise. */
export class Dec {
  constructor(readonly text: string) {}
}

export type YamlValue =
  | string
  | number
  | boolean
  | null
  | Dec
  | YamlValue[]
  | { [key: string]: YamlValue | undefined };

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Plain scalars that cannot be mistaken for numbers, booleans, null or YAML syntax. */
const PLAIN = /^[\p{L}_][\p{L}\p{N}_\-. ]*$/u;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n)$/i;

function scalar(value: string | number | boolean | null | Dec): string {
  if (value === null) return 'null';
  if (value instanceof Dec) return DECIMAL.test(value.text) ? value.text : JSON.stringify(value.text);
  if (typeof value !== 'string') return String(value);
  return PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') ? value : JSON.stringify(value);
}

const isScalar = (v: YamlValue): v is string | number | boolean | null | Dec =>
  v === null || typeof v !== 'object' || v instanceof Dec;

const entries = (map: { [key: string]: YamlValue | undefined }) =>
  Object.entries(map).filter((e): e is [string, YamlValue] => e[1] !== undefined);

/** A value that fits on its key's line: a scalar, an empty collection, a list of scalars. */
function inline(value: YamlValue): string | null {
  if (isScalar(value)) return scalar(value);
  if (Array.isArray(value)) {
    if (value.every(isScalar)) return `[${value.map((v) => scalar(v as string)).join(', ')}]`;
    return value.length === 0 ? '[]' : null;
  }
  return entries(value).length === 0 ? '{}' : null;
}

function block(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const one = inline(item);
      if (one !== null) return [`${pad}- ${one}`];
      const lines = block(item, indent + 2);
      return [`${pad}- ${(lines[0] ?? '').trimStart()}`, ...lines.slice(1)];
    });
  }
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  return entries(value).flatMap(([key, v]) => {
    const one = inline(v);
    if (one !== null) return [`${pad}${scalar(key)}: ${one}`];
    return [`${pad}${scalar(key)}:`, ...block(v, indent + 2)];
  });
}

/**
 * The value as block YAML, keys in the object's order, undefined entries left out.
 * @example toYaml({ calendar: { fiscal_year_start: 1 }, awards: [] }) // 'calendar:\n  fiscal_year_start: 1\nawards: []\n'
 */
export function toYaml(value: { [key: string]: YamlValue | undefined }): string {
  return `${block(value, 0).join('\n')}\n`;
}
