/** `scorecards:` of contract §6: applies_to, grades, weighted groups of scored items. */

import { parseMetricKey } from '../metric-key.ts';
import { MONEY_METRICS } from '../metric-names.ts';
import { Decimal } from './decimal.ts';
import { childPath, type PlanReader } from './plan-reader.ts';
import type { Grade, Scorecard, ScoreGroup, ScoreItem, Scoring } from './plan-types.ts';
import { checkUniqueIds, readAppliesTo, readMetric } from './read-common.ts';

export function readScorecards(r: PlanReader, node: unknown, path: string): Scorecard[] {
  const list = r.seq(node, path) ?? [];
  const cards = list.map((item, i) => readScorecard(r, item, childPath(path, i)));
  checkUniqueIds(r, list, path);
  return cards.filter((c): c is Scorecard => c !== null);
}

function readScorecard(r: PlanReader, node: unknown, path: string): Scorecard | null {
  const e = r.map(node, path, ['id', 'applies_to', 'grades', 'groups']);
  if (e === null) return null;
  const id = r.string(r.required(e, 'id', path), childPath(path, 'id'));
  const applies = r.required(e, 'applies_to', path);
  const appliesTo = applies === undefined ? null : readAppliesTo(r, applies, childPath(path, 'applies_to'));
  const gradesNode = r.required(e, 'grades', path);
  const grades = gradesNode === undefined ? null : readGrades(r, gradesNode, childPath(path, 'grades'));
  const groupsPath = childPath(path, 'groups');
  const groupsNode = r.required(e, 'groups', path);
  const groupNodes = groupsNode === undefined ? [] : r.seq(groupsNode, groupsPath);
  if (groupsNode !== undefined && groupNodes?.length === 0) r.error(groupsPath, 'must not be empty');
  const groups = (groupNodes ?? []).map((g, i) => readGroup(r, g, childPath(groupsPath, i)));
  if (id === null || appliesTo === null || grades === null || groups.some((g) => g === null)) return null;
  return { id, appliesTo, grades, groups: groups as ScoreGroup[] };
}

/** Grades: a map from name to lowest score, strictly descending in file order. */
function readGrades(r: PlanReader, node: unknown, path: string): Grade[] | null {
  const entries = r.freeMap(node, path);
  if (entries === null) return null;
  if (entries.length === 0) r.error(path, 'must not be empty');
  const grades: Grade[] = [];
  let ok = entries.length > 0;
  for (const [name, value] of entries) {
    const min = r.decimal(value, childPath(path, name));
    if (min === null) {
      ok = false;
      continue;
    }
    const previous = grades[grades.length - 1];
    if (previous && !new Decimal(min).lessThan(previous.min)) {
      r.error(
        childPath(path, name),
        `must be lower than ${previous.name} (${previous.min}): grades go from highest to lowest`,
      );
      ok = false;
    }
    grades.push({ name, min });
  }
  return ok ? grades : null;
}

function readGroup(r: PlanReader, node: unknown, path: string): ScoreGroup | null {
  const e = r.map(node, path, ['name', 'weight', 'items']);
  if (e === null) return null;
  const name = r.string(r.required(e, 'name', path), childPath(path, 'name'));
  const weightNode = r.required(e, 'weight', path);
  const weight =
    weightNode === undefined ? null : r.decimal(weightNode, childPath(path, 'weight'), { above: '0' });
  const itemsPath = childPath(path, 'items');
  const itemsNode = r.required(e, 'items', path);
  const itemNodes = itemsNode === undefined ? [] : r.seq(itemsNode, itemsPath);
  if (itemsNode !== undefined && itemNodes?.length === 0) r.error(itemsPath, 'must not be empty');
  const items = (itemNodes ?? []).map((item, i) => readItem(r, item, childPath(itemsPath, i)));
  if (name === null || weight === null || items.some((i) => i === null)) return null;
  return { name, weight, items: items as ScoreItem[] };
}

function readItem(r: PlanReader, node: unknown, path: string): ScoreItem | null {
  const e = r.map(node, path, ['metric', 'target', 'weight', 'scoring', 'filter']);
  if (e === null) return null;
  const metricNode = r.required(e, 'metric', path);
  const metric =
    metricNode === undefined
      ? null
      : readMetric(r, metricNode, childPath(path, 'metric'), e.get('filter'), childPath(path, 'filter'));
  let target: string | null = null;
  let targetOk = true;
  if (!r.absent(e.get('target'))) {
    const key = metric === null ? null : parseMetricKey(metric);
    const money =
      key !== null && 'key' in key && key.key.variant === 'value' && MONEY_METRICS.has(key.key.base);
    target = r.decimal(e.get('target'), childPath(path, 'target'), money ? { maxFractionDigits: 2 } : {});
    targetOk = target !== null;
  }
  const weightNode = r.required(e, 'weight', path);
  const weight =
    weightNode === undefined ? null : r.decimal(weightNode, childPath(path, 'weight'), { above: '0' });
  const scoringNode = r.required(e, 'scoring', path);
  const scoring = scoringNode === undefined ? null : readScoring(r, scoringNode, childPath(path, 'scoring'));
  if (metric === null || !targetOk || weight === null || scoring === null) return null;
  return { metric, target, weight, scoring };
}

function readScoring(r: PlanReader, node: unknown, path: string): Scoring | null {
  const e = r.map(node, path, ['type', 'cap', 'floor', 'bands']);
  if (e === null) return null;
  const typeNode = r.required(e, 'type', path);
  const type =
    typeNode === undefined
      ? null
      : r.oneOf(typeNode, childPath(path, 'type'), ['linear', 'ladder', 'lower_is_better'] as const);
  if (type === null) return null;
  if (type === 'ladder') {
    for (const key of ['cap', 'floor'])
      if (e.has(key)) r.error(childPath(path, key), 'applies to linear and lower_is_better only');
    const bandsNode = r.required(e, 'bands', path);
    const bands = bandsNode === undefined ? null : readBands(r, bandsNode, childPath(path, 'bands'));
    return bands && { type, bands };
  }
  if (e.has('bands')) r.error(childPath(path, 'bands'), 'applies to ladder only');
  const floor = r.absent(e.get('floor'))
    ? '0'
    : r.decimal(e.get('floor'), childPath(path, 'floor'), { min: '0' });
  const cap = r.absent(e.get('cap')) ? null : r.decimal(e.get('cap'), childPath(path, 'cap'), { min: '0' });
  if (floor === null || (cap === null && !r.absent(e.get('cap')))) return null;
  if (cap !== null && new Decimal(cap).lessThan(floor)) {
    r.error(childPath(path, 'cap'), `must be at least the floor (${floor})`);
    return null;
  }
  return { type, cap, floor };
}

/** Ladder bands: `[threshold, score]` pairs with strictly ascending thresholds. */
function readBands(r: PlanReader, node: unknown, path: string): [string, string][] | null {
  const list = r.seq(node, path);
  if (list === null) return null;
  if (list.length === 0) r.error(path, 'must not be empty');
  const bands: [string, string][] = [];
  let ok = list.length > 0;
  list.forEach((band, i) => {
    const at = childPath(path, i);
    const pair = r.seq(band, at);
    if (pair === null || pair.length !== 2) {
      if (pair !== null) r.error(at, 'must be [threshold, score]');
      ok = false;
      return;
    }
    const threshold = r.decimal(pair[0], childPath(at, 0));
    const score = r.decimal(pair[1], childPath(at, 1), { min: '0' });
    if (threshold === null || score === null) {
      ok = false;
      return;
    }
    const previous = bands[bands.length - 1];
    if (previous && !new Decimal(threshold).greaterThan(previous[0])) {
      r.error(childPath(at, 0), `must be greater than the previous threshold (${previous[0]}): bands ascend`);
      ok = false;
    }
    bands.push([threshold, score]);
  });
  return ok ? bands : null;
}
