/**
 * The organisation of a generated benchmark data set: a company, regions of ten teams, teams of
 * ten reps, one manager per team and region. Ids are positional (`R00001`, `T0001`, `G01`) so
 * that two runs with the same sizes give the same org whatever the seed.
 */
import type { Random } from './prng.ts';

export interface BenchRep {
  readonly id: string;
  readonly team: number;
  readonly region: number;
  /** Relative sales weight: stars sell several times what strugglers do. */
  readonly skill: number;
  readonly hireDate: string;
}

export interface BenchOrg {
  readonly units: string[][];
  readonly people: string[][];
  readonly reps: readonly BenchRep[];
  readonly regions: number;
}

const TEAM_SIZE = 10;
const TEAMS_PER_REGION = 10;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function buildBenchOrg(repCount: number, random: Random, horizonStart: string): BenchOrg {
  const teams = Math.max(1, Math.ceil(repCount / TEAM_SIZE));
  const regions = Math.max(1, Math.ceil(teams / TEAMS_PER_REGION));
  const units: string[][] = [['HQ', 'Company', '', 'company']];
  const people: string[][] = [
    ['VP', 'Sales VP', 'vp@bench.attain', 'HQ', 'manager', 'VP Sales', '2015-01-01', '', ''],
  ];
  for (let r = 0; r < regions; r++) {
    const region = `G${pad(r + 1, 3)}`;
    units.push([region, `Region ${r + 1}`, 'HQ', 'region']);
    people.push([
      `M${region}`,
      `Manager ${region}`,
      '',
      region,
      'manager',
      'Regional director',
      '2016-01-01',
      '',
      'VP',
    ]);
  }
  const reps: BenchRep[] = [];
  for (let t = 0; t < teams; t++) {
    const team = `T${pad(t + 1, 5)}`;
    const region = Math.floor(t / TEAMS_PER_REGION);
    const regionId = `G${pad(region + 1, 3)}`;
    units.push([team, `Team ${t + 1}`, regionId, 'team']);
    people.push([
      `M${team}`,
      `Manager ${team}`,
      '',
      team,
      'manager',
      'Team manager',
      '2017-01-01',
      '',
      `M${regionId}`,
    ]);
    for (let i = 0; i < TEAM_SIZE && reps.length < repCount; i++) {
      const id = `R${pad(reps.length + 1, 6)}`;
      // Log-normal skill: a few stars, a long tail of average sellers.
      const skill = Math.exp(0.6 * random.normal());
      const hireYear = 2012 + random.int(0, 12);
      const hireDate = `${Math.min(hireYear, Number(horizonStart.slice(0, 4)))}-${pad(random.int(1, 12), 2)}-01`;
      reps.push({ id, team: t, region, skill, hireDate });
      people.push([id, `Rep ${id}`, '', team, 'rep', 'Sales rep', hireDate, '', `M${team}`]);
    }
  }
  return { units, people, reps, regions };
}
