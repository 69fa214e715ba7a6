/**
 * The designer's form model and its two conversions: the plan in the file's shape (contract §6,
 * as GET /plans/:version and POST /plans/preview answer it, decimals as text) → form values, and
 * form values → the file's shape for {@link toYaml}. Decimals stay text all the way (InputNumber
 * in string mode), never a binary float. The web does not import the engine (metricKinds.ts).
 */
import { Dec, type YamlValue } from './yamlText.ts';

export type AppliesKind = 'role' | 'people' | 'unit';

export interface FormAppliesTo {
  kind: AppliesKind;
  role?: string;
  people?: string[];
  unit?: string;
}

export interface FormScoring {
  type: 'linear' | 'ladder' | 'lower_is_better';
  cap?: string | null;
  floor?: string | null;
  bands?: { threshold?: string | null; score?: string | null }[];
}

export interface FormItem {
  metric?: string;
  /** `product_line=A, customer_type=enterprise`: written into the metric's braces (contract §5). */
  filter?: string;
  target?: string | null;
  weight?: string | null;
  scoring: FormScoring;
}

export interface FormScorecard {
  id?: string;
  applies_to: FormAppliesTo;
  grades: { name?: string; min?: string | null }[];
  groups: { name?: string; weight?: string | null; items: FormItem[] }[];
}

export type ComponentType = 'tiered_commission' | 'bonus_pool' | 'fixed_floating_bonus';
export type ClawbackChoice = 'none' | 'first_tier' | 'rate';

export interface FormComponent {
  id?: string;
  type: ComponentType;
  base?: string;
  filter?: string;
  mode?: 'marginal' | 'retroactive';
  tiers?: { upto?: string | null; rate?: string | null }[];
  accelerators?: { above?: string | null; multiplier?: string | null }[];
  clawback?: ClawbackChoice;
  clawback_rate?: string | null;
  unit_kind?: string;
  rate?: string | null;
  shares?: (string | null)[];
  rest?: 'by_score' | 'equal';
  min_score?: string | null;
  fixed?: string | null;
  floating_base?: string | null;
  coefficients?: { grade?: string; coefficient?: string | null }[];
  cap?: string | null;
}

export interface FormAward {
  id?: string;
  metric?: string;
  filter?: string;
  within?: { unit_kind?: string | null };
  hired_within_months?: number | null;
  min_responses?: number | null;
}

export interface FormPlan {
  calendar: { fiscal_year_start?: number | null };
  scorecards: FormScorecard[];
  compensation: { id?: string; applies_to: FormAppliesTo; components: FormComponent[] }[];
  awards: FormAward[];
  promotion: {
    enabled: boolean;
    metric?: string;
    filter?: string;
    min_attainment?: string | null;
    consecutive_quarters?: number | null;
  };
}

// ---------------------------------------------------------------- file shape → form

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const obj = (v: Json | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const text = (v: Json | undefined): string | undefined =>
  v === null || v === undefined || typeof v === 'object' ? undefined : String(v);
const num = (v: Json | undefined): number | null => (typeof v === 'number' ? v : v ? Number(v) : null);

/** `revenue{customer_type=enterprise,product_line=A}` → metric `revenue`, filter `customer_type=enterprise, product_line=A`. */
export function splitMetricKey(key: string): { metric: string; filter?: string } {
  const match = /^([^{]+)\{(.*)\}$/.exec(key);
  if (!match) return { metric: key };
  return { metric: match[1] ?? key, filter: (match[2] ?? '').split(',').join(', ') };
}

function appliesToForm(v: Json | undefined): FormAppliesTo {
  const a = obj(v);
  if ('people' in a) return { kind: 'people', people: arr(a.people).map(String) };
  if ('unit' in a) return { kind: 'unit', unit: text(a.unit) };
  return { kind: 'role', role: text(a.role) ?? 'rep' };
}

function scoringForm(v: Json | undefined): FormScoring {
  const s = obj(v);
  const type = (text(s.type) ?? 'linear') as FormScoring['type'];
  if (type === 'ladder')
    return {
      type,
      bands: arr(s.bands).map((pair) => ({ threshold: text(arr(pair)[0]), score: text(arr(pair)[1]) })),
    };
  return { type, cap: text(s.cap) ?? null, floor: text(s.floor) ?? null };
}

function componentForm(v: Json | undefined): FormComponent {
  const c = obj(v);
  const type = (text(c.type) ?? 'tiered_commission') as ComponentType;
  const common = { id: text(c.id), type, cap: text(c.cap) ?? null };
  if (type === 'tiered_commission') {
    const clawback = c.clawback;
    const base = splitMetricKey(text(c.base) ?? 'revenue');
    return {
      ...common,
      base: base.metric,
      filter: base.filter,
      mode: (text(c.mode) ?? 'marginal') as 'marginal',
      tiers: arr(c.tiers).map((t) => ({ upto: text(obj(t).upto) ?? null, rate: text(obj(t).rate) ?? null })),
      accelerators: arr(c.accelerators).map((a) => ({
        above: text(obj(a).above) ?? null,
        multiplier: text(obj(a).multiplier) ?? null,
      })),
      clawback: clawback === true ? 'first_tier' : clawback && typeof clawback === 'object' ? 'rate' : 'none',
      clawback_rate: text(obj(clawback ?? null).rate) ?? null,
    };
  }
  if (type === 'bonus_pool') {
    const base = splitMetricKey(text(c.base) ?? 'revenue');
    return {
      ...common,
      base: base.metric,
      filter: base.filter,
      unit_kind: text(c.unit_kind),
      rate: text(c.rate) ?? null,
      shares: arr(c.shares).map((s) => text(s) ?? null),
      rest: (text(c.rest) ?? 'by_score') as 'by_score',
      min_score: text(c.min_score) ?? null,
    };
  }
  return {
    ...common,
    fixed: text(c.fixed) ?? null,
    floating_base: text(c.floating_base) ?? null,
    coefficients: Object.entries(obj(c.coefficients)).map(([grade, value]) => ({
      grade,
      coefficient: text(value) ?? null,
    })),
  };
}

/** The plan in the file's shape (JSON, decimals as text) → the designer's form values. */
export function fileToForm(file: unknown): FormPlan {
  const f = obj(file as Json);
  const promotion = obj(f.promotion);
  const promotionMetric = splitMetricKey(text(promotion.metric) ?? 'revenue');
  return {
    calendar: { fiscal_year_start: num(obj(f.calendar).fiscal_year_start) ?? 1 },
    scorecards: arr(f.scorecards).map((sv) => {
      const s = obj(sv);
      return {
        id: text(s.id),
        applies_to: appliesToForm(s.applies_to),
        grades: Object.entries(obj(s.grades)).map(([name, min]) => ({ name, min: text(min) ?? null })),
        groups: arr(s.groups).map((gv) => {
          const g = obj(gv);
          return {
            name: text(g.name),
            weight: text(g.weight) ?? null,
            items: arr(g.items).map((iv) => {
              const i = obj(iv);
              return {
                ...splitMetricKey(text(i.metric) ?? ''),
                target: text(i.target) ?? null,
                weight: text(i.weight) ?? null,
                scoring: scoringForm(i.scoring),
              };
            }),
          };
        }),
      };
    }),
    compensation: arr(f.compensation).map((cv) => {
      const c = obj(cv);
      return {
        id: text(c.id),
        applies_to: appliesToForm(c.applies_to),
        components: arr(c.components).map(componentForm),
      };
    }),
    awards: arr(f.awards).map((av) => {
      const a = obj(av);
      return {
        id: text(a.id),
        ...splitMetricKey(text(a.metric) ?? 'revenue'),
        within: { unit_kind: text(obj(a.within).unit_kind) ?? null },
        hired_within_months: num(a.hired_within_months),
        min_responses: num(a.min_responses),
      };
    }),
    promotion: {
      enabled: 'promotion' in f,
      metric: promotionMetric.metric,
      filter: promotionMetric.filter,
      min_attainment: text(promotion.min_attainment) ?? '1',
      consecutive_quarters: num(promotion.consecutive_quarters) ?? 4,
    },
  };
}

// ---------------------------------------------------------------- form → file shape

type Out = { [key: string]: YamlValue | undefined };

const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** A decimal field: plain in the YAML when it is one, quoted otherwise (the server then names it). */
const dec = (v: string | number | null | undefined): YamlValue | undefined =>
  blank(v) ? undefined : new Dec(String(v).trim());
const str = (v: string | null | undefined): string | undefined => (blank(v) ? undefined : String(v).trim());

/** `revenue` + `product_line=A, customer_type=x` → `revenue{customer_type=x,product_line=A}` (keys sorted, §5). */
export function metricKeyOf(metric: string | undefined, filter: string | undefined): string | undefined {
  const name = str(metric);
  if (!name) return undefined;
  const parts = (filter ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .sort();
  return parts.length === 0 ? name : `${name}{${parts.join(',')}}`;
}

function appliesToFile(a: FormAppliesTo | undefined): YamlValue {
  if (a?.kind === 'people') return { people: (a.people ?? []).map(String) };
  if (a?.kind === 'unit') return { unit: str(a.unit) ?? '' };
  return { role: str(a?.role) ?? '' };
}

function scoringFile(s: FormScoring | undefined): Out {
  if (s?.type === 'ladder')
    return {
      type: 'ladder',
      bands: (s.bands ?? []).map((b) => [dec(b.threshold) ?? '', dec(b.score) ?? '']),
    };
  return { type: s?.type ?? 'linear', cap: dec(s?.cap), floor: dec(s?.floor) };
}

function componentFile(c: FormComponent): Out {
  const head = { id: str(c.id), type: c.type };
  if (c.type === 'tiered_commission')
    return {
      ...head,
      base: metricKeyOf(c.base, c.filter),
      mode: c.mode ?? 'marginal',
      tiers: (c.tiers ?? []).map((t, i, all) => ({
        upto: i === all.length - 1 && blank(t.upto) ? undefined : dec(t.upto),
        rate: dec(t.rate),
      })),
      accelerators:
        (c.accelerators ?? []).length > 0
          ? (c.accelerators ?? []).map((a) => ({ above: dec(a.above), multiplier: dec(a.multiplier) }))
          : undefined,
      cap: dec(c.cap),
      clawback:
        c.clawback === 'first_tier'
          ? true
          : c.clawback === 'rate'
            ? { rate: dec(c.clawback_rate) }
            : undefined,
    };
  if (c.type === 'bonus_pool')
    return {
      ...head,
      unit_kind: str(c.unit_kind),
      rate: dec(c.rate),
      base: metricKeyOf(c.base, c.filter),
      shares: (c.shares ?? []).map((s) => dec(s) ?? ''),
      rest: c.rest ?? 'by_score',
      min_score: dec(c.min_score),
      cap: dec(c.cap),
    };
  return {
    ...head,
    fixed: dec(c.fixed),
    floating_base: dec(c.floating_base),
    coefficients: Object.fromEntries(
      (c.coefficients ?? []).map((e) => [str(e.grade) ?? '', dec(e.coefficient) ?? '']),
    ) as YamlValue,
    cap: dec(c.cap),
  };
}

/** The designer's values in the file's shape (contract §6 keys), for {@link toYaml}. */
export function formToFile(plan: FormPlan): Out {
  return {
    calendar: { fiscal_year_start: plan.calendar?.fiscal_year_start ?? undefined },
    scorecards: (plan.scorecards ?? []).map((s) => ({
      id: str(s.id),
      applies_to: appliesToFile(s.applies_to),
      grades: Object.fromEntries(
        (s.grades ?? []).map((g) => [str(g.name) ?? '', dec(g.min) ?? '']),
      ) as YamlValue,
      groups: (s.groups ?? []).map((g) => ({
        name: str(g.name),
        weight: dec(g.weight),
        items: (g.items ?? []).map((i) => ({
          metric: metricKeyOf(i.metric, i.filter),
          target: dec(i.target),
          weight: dec(i.weight),
          scoring: scoringFile(i.scoring),
        })),
      })),
    })),
    compensation: (plan.compensation ?? []).map((c) => ({
      id: str(c.id),
      applies_to: appliesToFile(c.applies_to),
      components: (c.components ?? []).map(componentFile),
    })),
    awards: (plan.awards ?? []).map((a) => ({
      id: str(a.id),
      type: 'top',
      metric: metricKeyOf(a.metric, a.filter),
      within: blank(a.within?.unit_kind) ? undefined : { unit_kind: str(a.within?.unit_kind ?? undefined) },
      hired_within_months: a.hired_within_months ?? undefined,
      min_responses: a.min_responses ?? undefined,
    })),
    promotion: plan.promotion?.enabled
      ? {
          metric: metricKeyOf(plan.promotion.metric, plan.promotion.filter),
          min_attainment: dec(plan.promotion.min_attainment),
          consecutive_quarters: plan.promotion.consecutive_quarters ?? undefined,
        }
      : undefined,
  };
}
