/**
 * The demo organisation: 达成科技 (HQ) with four sales regions, twelve teams, HR and finance,
 * managers, reps with a skill each, a few leavers, newcomers and team moves.
 * Ids follow fixed patterns whatever the seed (docs/demo.md, tests): A001, H001, F001, M100,
 * M101–M104 (regions), M1<region digit><team index> (teams), S0001… (reps).
 */
import { iso, monthsUpTo } from './calendar.ts';
import { type CustomerRegion, personName } from './names.ts';
import type { Random } from './random.ts';
import type { DemoSize, PersonRecord, UnitMoveRecord, UnitRecord } from './types.ts';

export interface Region {
  readonly id: string;
  readonly name: string;
  readonly managerId: string;
  readonly customerRegion: CustomerRegion;
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly region: Region;
  readonly managerId: string;
}

/** A rep as the event generators see them: who, when employed, where, how good. */
export interface Rep {
  readonly id: string;
  readonly hire: number;
  /** Last working day, or null while employed. */
  readonly leave: number | null;
  /** Teams over time, oldest first; the first stint has `from` = -Infinity. */
  readonly stints: readonly { readonly team: Team; readonly from: number }[];
  /** Revenue multiplier: 1 is an average rep, stars reach ~2, strugglers ~0.5. */
  readonly skill: number;
  /** Customer care, 0–1: drives survey scores and complaints. */
  readonly quality: number;
}

export interface Org {
  readonly units: UnitRecord[];
  readonly people: PersonRecord[];
  readonly moves: UnitMoveRecord[];
  readonly teams: readonly Team[];
  readonly reps: readonly Rep[];
}

const REGION_PLAN = [
  {
    code: 'EAST',
    name: '华东大区',
    customerRegion: '华东',
    teams: ['上海一部', '上海二部', '杭州团队', '南京团队'],
  },
  { code: 'NORTH', name: '华北大区', customerRegion: '华北', teams: ['北京一部', '北京二部', '天津团队'] },
  { code: 'SOUTH', name: '华南大区', customerRegion: '华南', teams: ['广州团队', '深圳团队', '福州团队'] },
  { code: 'WEST', name: '西部大区', customerRegion: '西部', teams: ['成都团队', '西安团队'] },
] as const;

export const COMPANY_ID = 'HQ';

function buildStructure(): { regions: Region[]; teams: Team[]; units: UnitRecord[] } {
  const units: UnitRecord[] = [
    { id: COMPANY_ID, name: '达成科技', parent_id: '', kind: 'company' },
    { id: 'HR', name: '人力资源部', parent_id: COMPANY_ID, kind: 'other' },
    { id: 'FIN', name: '财务部', parent_id: COMPANY_ID, kind: 'other' },
  ];
  const regions: Region[] = [];
  const teams: Team[] = [];
  REGION_PLAN.forEach((plan, r) => {
    const region: Region = {
      id: `R-${plan.code}`,
      name: plan.name,
      managerId: `M10${r + 1}`,
      customerRegion: plan.customerRegion,
    };
    regions.push(region);
    units.push({ id: region.id, name: region.name, parent_id: COMPANY_ID, kind: 'region' });
    plan.teams.forEach((name, t) => {
      const team: Team = { id: `T-${plan.code}-${t + 1}`, name, region, managerId: `M1${r + 1}${t + 1}` };
      teams.push(team);
      units.push({ id: team.id, name, parent_id: region.id, kind: 'team' });
    });
  });
  return { regions, teams, units };
}

/** Rep i's first team: consecutive blocks, so S0001 is always in T-EAST-1. */
const initialTeam = (teams: readonly Team[], index: number, reps: number) =>
  teams[Math.floor((index * teams.length) / reps)] as Team;

function drawSkill(random: Random): { skill: number; quality: number } {
  const profile = random.float();
  // ~8% stars, ~10% strugglers, the rest lognormal around 1.
  const tier = profile < 0.08 ? 1.7 : profile > 0.9 ? 0.55 : 1;
  const skill = tier * Math.exp(random.normal(0, 0.3));
  const quality = Math.min(0.98, Math.max(0.05, 0.55 + random.normal(0, 0.18) + 0.25 * Math.log(skill)));
  return { skill, quality };
}

function repTitle(hire: number, today: number): string {
  const years = (today - hire) / 365;
  if (years >= 4) return '资深销售代表';
  if (years >= 2) return '高级销售代表';
  return '销售代表';
}

interface RepDraft {
  id: string;
  hire: number;
  leave: number | null;
  team: Team;
  skill: number;
  quality: number;
}

function draftReps(
  random: Random,
  teams: readonly Team[],
  size: DemoSize,
  today: number,
  start: number,
): RepDraft[] {
  const drafts: RepDraft[] = [];
  for (let i = 0; i < size.reps; i++) {
    const id = `S${String(i + 1).padStart(4, '0')}`;
    // S0001 is a steady, tenured rep in every demo (docs/demo.md shows it as the rep login).
    const newcomer = i > 0 && random.chance(0.08);
    const earliest = i === 0 ? 900 : 210;
    const hire = newcomer ? today - random.int(20, 180) : today - random.int(earliest, 6 * 365);
    drafts.push({ id, hire, leave: null, team: initialTeam(teams, i, size.reps), ...drawSkill(random) });
  }
  const leavers = random.shuffle(drafts.slice(1).filter((d) => d.hire < start - 90));
  for (const draft of leavers.slice(0, Math.round(size.reps * 0.05))) {
    // Leaves inside the period, after at least four months in the job; too short a period: stays.
    const earliest = Math.max(start + 20, draft.hire + 120);
    if (earliest <= today - 10) draft.leave = random.int(earliest, today - 10);
  }
  return drafts;
}

/** Effective dates of team moves in the last 18 months: the 1st of a month, one mid-quarter (15 May, 15 Aug…). */
function drawMoves(
  random: Random,
  drafts: readonly RepDraft[],
  teams: readonly Team[],
  size: DemoSize,
  today: number,
) {
  const months = monthsUpTo(today, Math.min(18, size.months)).slice(1);
  const movers = random.shuffle(drafts.slice(1).filter((d) => d.leave === null));
  const count = Math.min(8, Math.max(1, Math.round(size.reps / 18)), movers.length);
  const moves = new Map<string, { team: Team; from: number }>();
  const midQuarterMonths = months.filter((m) => m.month % 3 === 2 && m.last < today);
  for (const mover of movers) {
    if (moves.size >= count || months.length === 0) break;
    // The first move takes effect mid-quarter (15 May, 15 Aug…): a quarter then credits two teams.
    const from =
      moves.size === 0 && midQuarterMonths.length > 0
        ? random.pick(midQuarterMonths).first + 14
        : random.pick(months).first;
    if (from <= mover.hire + 60) continue;
    const sameRegion = teams.filter((t) => t.region === mover.team.region && t !== mover.team);
    const elsewhere = teams.filter((t) => t !== mover.team);
    const team =
      sameRegion.length > 0 && random.chance(0.75) ? random.pick(sameRegion) : random.pick(elsewhere);
    if (team) moves.set(mover.id, { team, from });
  }
  return moves;
}

export function generateOrg(random: Random, size: DemoSize, today: number, start: number): Org {
  const { regions, teams, units } = buildStructure();
  const names = new Set<string>();
  const nameOf = () => {
    let name = personName(random);
    while (names.has(name)) name = personName(random);
    names.add(name);
    return name;
  };
  const yearsAgo = (min: number, max: number) =>
    iso(today - random.int(Math.round(min * 365), Math.round(max * 365)));
  const person = (p: Omit<PersonRecord, 'name' | 'email' | 'leave_date'>): PersonRecord => ({
    ...p,
    name: nameOf(),
    email: `${p.id.toLowerCase()}@demo.attain.cn`,
    leave_date: '',
  });

  // The fixed staff: id, unit, role, title, hired between min and max years ago, manager.
  const staff: [string, string, string, string, number, number, string][] = [
    ['A001', COMPANY_ID, 'admin', '系统管理员', 3, 5, ''],
    ['H001', 'HR', 'hr', '人力资源经理', 3, 6, ''],
    ['F001', 'FIN', 'finance', '财务经理', 3, 6, ''],
    ['M100', COMPANY_ID, 'manager', '销售副总裁', 6, 8, ''],
    ...regions.map((r): (typeof staff)[number] => [r.managerId, r.id, 'manager', '大区总监', 4, 7, 'M100']),
    ...teams.map((t): (typeof staff)[number] => [
      t.managerId,
      t.id,
      'manager',
      '销售经理',
      2.5,
      6,
      t.region.managerId,
    ]),
  ];
  const people: PersonRecord[] = staff.map(([id, unit_id, role, title, min, max, manager_id]) =>
    person({ id, unit_id, role, title, hire_date: yearsAgo(min, max), manager_id }),
  );

  const drafts = draftReps(random, teams, size, today, start);
  const moved = drawMoves(random, drafts, teams, size, today);
  const reps: Rep[] = [];
  const moves: UnitMoveRecord[] = [];
  for (const draft of drafts) {
    const move = moved.get(draft.id);
    const stints = [{ team: draft.team, from: Number.NEGATIVE_INFINITY }, ...(move ? [move] : [])];
    if (move) moves.push({ person_id: draft.id, unit_id: move.team.id, effective_from: iso(move.from) });
    reps.push({
      id: draft.id,
      hire: draft.hire,
      leave: draft.leave,
      stints,
      skill: draft.skill,
      quality: draft.quality,
    });
    const current = (stints[stints.length - 1] as { team: Team }).team;
    people.push({
      ...person({
        id: draft.id,
        // Contract §2: people.unit_id is the unit before the first move; manager_id is today's manager.
        unit_id: draft.team.id,
        role: 'rep',
        title: repTitle(draft.hire, today),
        hire_date: iso(draft.hire),
        manager_id: current.managerId,
      }),
      leave_date: draft.leave === null ? '' : iso(draft.leave),
    });
  }
  return { units, people, moves, teams, reps };
}

/** The rep's team on a day (effective-dated, contract §4). */
export function teamOn(rep: Rep, dayNumber: number): Team {
  let team = (rep.stints[0] as { team: Team }).team;
  for (const stint of rep.stints) if (stint.from <= dayNumber) team = stint.team;
  return team;
}

export const isEmployed = (rep: Rep, dayNumber: number): boolean =>
  rep.hire <= dayNumber && (rep.leave === null || dayNumber <= rep.leave);

/** A newcomer's output ramps up over about six months (their first deals take time). */
export const rampOf = (rep: Rep, dayNumber: number): number =>
  Math.min(1, 0.2 + (0.8 * (dayNumber - rep.hire)) / 180);
