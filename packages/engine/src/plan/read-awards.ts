/** `awards:` and `promotion:` of contract §6. */
import { childPath, type PlanReader } from './plan-reader.ts';
import type { Award, Promotion } from './plan-types.ts';
import { checkUniqueIds, readMetric, UNIT_KINDS } from './read-common.ts';

export function readAwards(r: PlanReader, node: unknown, path: string): Award[] {
  const list = r.seq(node, path) ?? [];
  const awards = list.map((item, i) => readAward(r, item, childPath(path, i)));
  checkUniqueIds(r, list, path);
  return awards.filter((a): a is Award => a !== null);
}

function readAward(r: PlanReader, node: unknown, path: string): Award | null {
  const e = r.map(node, path, [
    'id',
    'type',
    'metric',
    'filter',
    'within',
    'hired_within_months',
    'min_responses',
  ]);
  if (e === null) return null;
  const id = r.string(r.required(e, 'id', path), childPath(path, 'id'));
  const typeNode = r.required(e, 'type', path);
  const type = typeNode === undefined ? null : r.oneOf(typeNode, childPath(path, 'type'), ['top'] as const);
  const metricNode = r.required(e, 'metric', path);
  const metric =
    metricNode === undefined
      ? null
      : readMetric(r, metricNode, childPath(path, 'metric'), e.get('filter'), childPath(path, 'filter'));
  let withinUnitKind: string | null = null;
  let ok = true;
  if (!r.absent(e.get('within'))) {
    const withinPath = childPath(path, 'within');
    const within = r.map(e.get('within'), withinPath, ['unit_kind']);
    const kindNode = within && r.required(within, 'unit_kind', withinPath);
    withinUnitKind =
      kindNode === undefined || kindNode === null
        ? null
        : r.oneOf(kindNode, childPath(withinPath, 'unit_kind'), UNIT_KINDS);
    ok = withinUnitKind !== null;
  }
  const optionalInt = (key: string, min: number): number | null | undefined => {
    if (r.absent(e.get(key))) return null;
    return r.integer(e.get(key), childPath(path, key), min) ?? undefined;
  };
  const hiredWithinMonths = optionalInt('hired_within_months', 0);
  const minResponses = optionalInt('min_responses', 1);
  if (
    id === null ||
    type === null ||
    metric === null ||
    !ok ||
    hiredWithinMonths === undefined ||
    minResponses === undefined
  )
    return null;
  return { id, type, metric, withinUnitKind, hiredWithinMonths, minResponses };
}

export function readPromotion(r: PlanReader, node: unknown, path: string): Promotion | null {
  const e = r.map(node, path, ['metric', 'filter', 'min_attainment', 'consecutive_quarters']);
  if (e === null) return null;
  const metricNode = r.required(e, 'metric', path);
  const metric =
    metricNode === undefined
      ? null
      : readMetric(r, metricNode, childPath(path, 'metric'), e.get('filter'), childPath(path, 'filter'));
  const minNode = r.required(e, 'min_attainment', path);
  const minAttainment =
    minNode === undefined ? null : r.decimal(minNode, childPath(path, 'min_attainment'), { min: '0' });
  const nNode = r.required(e, 'consecutive_quarters', path);
  const consecutiveQuarters =
    nNode === undefined ? null : r.integer(nNode, childPath(path, 'consecutive_quarters'), 1, 40);
  if (metric === null || minAttainment === null || consecutiveQuarters === null) return null;
  return { metric, minAttainment, consecutiveQuarters };
}
