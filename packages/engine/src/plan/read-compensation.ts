/**
 * `compensation:` of contract §6: plans of components (tiered_commission, bonus_pool) plus the
 * optional parts of docs/plans.md (accelerators, cap, clawback, fixed_floating_bonus).
 */
import { isScalar } from 'yaml';
import { Decimal } from './decimal.ts';
import { childPath, type PlanReader } from './plan-reader.ts';
import type {
  Accelerator,
  BonusPool,
  CompensationPlan,
  Component,
  FixedFloatingBonus,
  Tier,
  TieredCommission,
} from './plan-types.ts';
import { checkUniqueIds, readAppliesTo, readMetric, UNIT_KINDS } from './read-common.ts';

const TYPES = ['tiered_commission', 'bonus_pool', 'fixed_floating_bonus'] as const;

export function readCompensation(r: PlanReader, node: unknown, path: string): CompensationPlan[] {
  const list = r.seq(node, path) ?? [];
  const plans = list.map((item, i) => readPlan(r, item, childPath(path, i)));
  checkUniqueIds(r, list, path);
  return plans.filter((p): p is CompensationPlan => p !== null);
}

function readPlan(r: PlanReader, node: unknown, path: string): CompensationPlan | null {
  const e = r.map(node, path, ['id', 'applies_to', 'components']);
  if (e === null) return null;
  const id = r.string(r.required(e, 'id', path), childPath(path, 'id'));
  const applies = r.required(e, 'applies_to', path);
  const appliesTo = applies === undefined ? null : readAppliesTo(r, applies, childPath(path, 'applies_to'));
  const listPath = childPath(path, 'components');
  const listNode = r.required(e, 'components', path);
  const nodes = (listNode === undefined ? [] : r.seq(listNode, listPath)) ?? [];
  if (listNode !== undefined && nodes.length === 0) r.error(listPath, 'must not be empty');
  const components = nodes.map((c, i) => readComponent(r, c, childPath(listPath, i)));
  checkUniqueIds(r, nodes, listPath);
  if (id === null || appliesTo === null || components.some((c) => c === null)) return null;
  return { id, appliesTo, components: components as Component[] };
}

function readComponent(r: PlanReader, node: unknown, path: string): Component | null {
  const keys = [
    'id',
    'type',
    'base',
    'mode',
    'tiers',
    'filter',
    'accelerators',
    'cap',
    'clawback',
    'unit_kind',
    'rate',
    'shares',
    'rest',
    'min_score',
    'fixed',
    'floating_base',
    'coefficients',
  ];
  const e = r.map(node, path, keys);
  if (e === null) return null;
  const id = r.string(r.required(e, 'id', path), childPath(path, 'id'));
  const typeNode = r.required(e, 'type', path);
  const type = typeNode === undefined ? null : r.oneOf(typeNode, childPath(path, 'type'), TYPES);
  if (type === null) return null;
  const own: Record<(typeof TYPES)[number], string[]> = {
    tiered_commission: ['base', 'mode', 'tiers', 'filter', 'accelerators', 'clawback'],
    bonus_pool: ['unit_kind', 'rate', 'base', 'shares', 'rest', 'min_score', 'filter'],
    fixed_floating_bonus: ['fixed', 'floating_base', 'coefficients'],
  };
  for (const key of e.keys()) {
    if (key !== 'id' && key !== 'type' && key !== 'cap' && !own[type].includes(key))
      r.error(childPath(path, key), `unknown key for type ${type}`);
  }
  const cap = r.absent(e.get('cap'))
    ? null
    : r.decimal(e.get('cap'), childPath(path, 'cap'), { min: '0', maxFractionDigits: 2 });
  const capOk = cap !== null || r.absent(e.get('cap'));
  const base = (): string | null => {
    const baseNode = r.required(e, 'base', path);
    return baseNode === undefined
      ? null
      : readMetric(r, baseNode, childPath(path, 'base'), e.get('filter'), childPath(path, 'filter'));
  };
  const component =
    type === 'tiered_commission'
      ? readCommission(r, e, path, id, base(), cap)
      : type === 'bonus_pool'
        ? readPool(r, e, path, id, base(), cap)
        : readFixedFloating(r, e, path, id, cap);
  return capOk ? component : null;
}

function readCommission(
  r: PlanReader,
  e: Map<string, unknown>,
  path: string,
  id: string | null,
  base: string | null,
  cap: string | null,
): TieredCommission | null {
  const modeNode = r.required(e, 'mode', path);
  const mode =
    modeNode === undefined
      ? null
      : r.oneOf(modeNode, childPath(path, 'mode'), ['marginal', 'retroactive'] as const);
  const tiersNode = r.required(e, 'tiers', path);
  const tiers = tiersNode === undefined ? null : readTiers(r, tiersNode, childPath(path, 'tiers'));
  const accelerators = r.absent(e.get('accelerators'))
    ? []
    : readAccelerators(r, e.get('accelerators'), childPath(path, 'accelerators'));
  const clawback = readClawback(r, e.get('clawback'), childPath(path, 'clawback'));
  if (
    id === null ||
    base === null ||
    mode === null ||
    tiers === null ||
    accelerators === null ||
    clawback === undefined
  )
    return null;
  return { id, type: 'tiered_commission', base, mode, tiers, accelerators, cap, clawback };
}

/** Tiers ascend by `upto`; every tier but the last has one, the last is open. */
function readTiers(r: PlanReader, node: unknown, path: string): Tier[] | null {
  const list = r.seq(node, path);
  if (list === null) return null;
  if (list.length === 0) {
    r.error(path, 'must not be empty');
    return null;
  }
  let ok = true;
  const tiers: Tier[] = [];
  list.forEach((tierNode, i) => {
    const at = childPath(path, i);
    const e = r.map(tierNode, at, ['upto', 'rate']);
    if (e === null) {
      ok = false;
      return;
    }
    const last = i === list.length - 1;
    let upto: string | null = null;
    if (last && !r.absent(e.get('upto'))) {
      r.error(childPath(at, 'upto'), 'the last tier is open: it must have no upto');
      ok = false;
    } else if (!last) {
      const uptoNode = r.required(e, 'upto', at);
      upto = uptoNode === undefined ? null : r.decimal(uptoNode, childPath(at, 'upto'), { above: '0' });
      const previous = tiers[tiers.length - 1]?.upto;
      if (upto !== null && previous && !new Decimal(upto).greaterThan(previous)) {
        r.error(childPath(at, 'upto'), `must be greater than the previous tier's upto (${previous})`);
        upto = null;
      }
      if (upto === null) ok = false;
    }
    const rateNode = r.required(e, 'rate', at);
    const rate = rateNode === undefined ? null : r.decimal(rateNode, childPath(at, 'rate'), { min: '0' });
    if (rate === null) {
      ok = false;
      return;
    }
    tiers.push({ upto, rate });
  });
  return ok ? tiers : null;
}

function readAccelerators(r: PlanReader, node: unknown, path: string): Accelerator[] | null {
  const list = r.seq(node, path);
  if (list === null) return null;
  const result: Accelerator[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const at = childPath(path, i);
    const e = r.map(item, at, ['above', 'multiplier']);
    if (e === null) {
      ok = false;
      return;
    }
    const aboveNode = r.required(e, 'above', at);
    const above = aboveNode === undefined ? null : r.decimal(aboveNode, childPath(at, 'above'), { min: '0' });
    const mNode = r.required(e, 'multiplier', at);
    const multiplier =
      mNode === undefined ? null : r.decimal(mNode, childPath(at, 'multiplier'), { min: '0' });
    const previous = result[result.length - 1];
    if (above !== null && previous && !new Decimal(above).greaterThan(previous.above)) {
      r.error(childPath(at, 'above'), `must be greater than the previous threshold (${previous.above})`);
      ok = false;
      return;
    }
    if (above === null || multiplier === null) {
      ok = false;
      return;
    }
    result.push({ above, multiplier });
  });
  return ok ? result : null;
}

/** `clawback: true` or `{ rate }`; undefined after an error. */
function readClawback(r: PlanReader, node: unknown, path: string): TieredCommission['clawback'] | undefined {
  if (r.absent(node)) return null;
  if (isScalar(node) && typeof node.value === 'boolean') return node.value ? { rate: null } : null;
  if (isScalar(node)) {
    r.error(path, 'must be true, false or { rate }');
    return undefined;
  }
  const e = r.map(node, path, ['rate']);
  if (e === null) return undefined;
  if (r.absent(e.get('rate'))) return { rate: null };
  const rate = r.decimal(e.get('rate'), childPath(path, 'rate'), { min: '0' });
  return rate === null ? undefined : { rate };
}

function readPool(
  r: PlanReader,
  e: Map<string, unknown>,
  path: string,
  id: string | null,
  base: string | null,
  cap: string | null,
): BonusPool | null {
  const kindNode = r.required(e, 'unit_kind', path);
  const unitKind =
    kindNode === undefined ? null : r.oneOf(kindNode, childPath(path, 'unit_kind'), UNIT_KINDS);
  const rateNode = r.required(e, 'rate', path);
  const rate = rateNode === undefined ? null : r.decimal(rateNode, childPath(path, 'rate'), { min: '0' });
  let shares: string[] | null = [];
  if (!r.absent(e.get('shares'))) {
    const sharesPath = childPath(path, 'shares');
    const list = r.seq(e.get('shares'), sharesPath);
    const values = (list ?? []).map((s, i) => r.decimal(s, childPath(sharesPath, i), { min: '0', max: '1' }));
    shares = list !== null && values.every((v) => v !== null) ? (values as string[]) : null;
    if (shares?.reduce((sum, s) => sum.plus(s), new Decimal(0)).greaterThan(1)) {
      r.error(sharesPath, 'must sum to at most 1');
      shares = null;
    }
  }
  const rest = r.absent(e.get('rest'))
    ? 'by_score'
    : r.oneOf(e.get('rest'), childPath(path, 'rest'), ['by_score', 'equal'] as const);
  const minScore = r.absent(e.get('min_score'))
    ? null
    : r.decimal(e.get('min_score'), childPath(path, 'min_score'));
  if (id === null || base === null || unitKind === null || rate === null || shares === null || rest === null)
    return null;
  if (minScore === null && !r.absent(e.get('min_score'))) return null;
  return { id, type: 'bonus_pool', unitKind, rate, base, shares, rest, minScore, cap };
}

function readFixedFloating(
  r: PlanReader,
  e: Map<string, unknown>,
  path: string,
  id: string | null,
  cap: string | null,
): FixedFloatingBonus | null {
  const money = { min: '0', maxFractionDigits: 2 };
  const fixed = r.absent(e.get('fixed')) ? '0' : r.decimal(e.get('fixed'), childPath(path, 'fixed'), money);
  const baseNode = r.required(e, 'floating_base', path);
  const floatingBase =
    baseNode === undefined ? null : r.decimal(baseNode, childPath(path, 'floating_base'), money);
  const coefPath = childPath(path, 'coefficients');
  const coefNode = r.required(e, 'coefficients', path);
  const entries = coefNode === undefined ? null : r.freeMap(coefNode, coefPath);
  const coefficients: Record<string, string> = {};
  let ok = entries !== null;
  for (const [grade, value] of entries ?? []) {
    const c = r.decimal(value, childPath(coefPath, grade), { min: '0' });
    if (c === null) ok = false;
    else coefficients[grade] = c;
  }
  if (id === null || fixed === null || floatingBase === null || !ok) return null;
  return { id, type: 'fixed_floating_bonus', fixed, floatingBase, coefficients, cap };
}
