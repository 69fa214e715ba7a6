/**
 * Loads the demo company through the import service (the same validation and writes as a
 * user's files, so the demo also proves the import path) and creates its logins.
 */
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { createUser } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { type EntityName, IMPORT_ORDER } from '../entities/entities.ts';
import { isRole } from '../entities/roles.ts';
import { type ImportProgress, importRecords } from '../imports/import.service.ts';
import type { DemoCompany, PersonRecord } from './types.ts';

/** The password of every demo login (docs/demo.md). */
export const DEMO_PASSWORD = 'attain-demo';
/** A001's login; everyone else signs in with their person id. */
export const ADMIN_LOGIN = 'admin';

export interface EntityLoaded {
  readonly entity: EntityName;
  readonly rows: number;
  readonly inserted: number;
  readonly milliseconds: number;
}

export interface LoadListener {
  /** While an entity loads (validating, then writing), every ~1000 rows. */
  onProgress?(entity: EntityName, progress: ImportProgress, total: number): void;
  /** When an entity is in. */
  onLoaded?(loaded: EntityLoaded): void;
}

/** True once the database has an organisation: the demo then leaves it alone. */
export async function holdsCompanyData(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Imports every entity of the company in IMPORT_ORDER, each in its own atomic import.
 * A rejected import is a bug of the generator, so it throws with the first errors.
 */
export async function loadDemoCompany(
  db: Db,
  company: DemoCompany,
  listener: LoadListener = {},
): Promise<EntityLoaded[]> {
  const loaded: EntityLoaded[] = [];
  for (const entity of IMPORT_ORDER) {
    const records = company[entity] as unknown as Record<string, unknown>[];
    const started = performance.now();
    const report = await importRecords(db, () => records, {
      entity,
      actor: SYSTEM_ACTOR,
      source: `demo/${entity}`,
      onProgress: (progress) => listener.onProgress?.(entity, progress, records.length),
    });
    if (!report.ok) {
      const first = report.errors
        .slice(0, 5)
        .map((e) => `row ${e.row} ${e.column} '${e.value}': ${e.reason}`)
        .join('; ');
      throw new AppError(
        'internal',
        `the demo's ${entity} were rejected (${report.errors.length} errors): ${first}`,
      );
    }
    const done = {
      entity,
      rows: report.rows,
      inserted: report.inserted,
      milliseconds: performance.now() - started,
    };
    loaded.push(done);
    listener.onLoaded?.(done);
  }
  return loaded;
}

export interface DemoLogin {
  readonly login: string;
  readonly personId: string;
  readonly role: string;
  readonly name: string;
}

/** The login of a demo person: `admin` for A001, else the person id. */
export const loginOf = (person: Pick<PersonRecord, 'id'>): string =>
  person.id === 'A001' ? ADMIN_LOGIN : person.id;

/**
 * Creates a login for every person (password attain-demo). One scrypt hash serves them all:
 * hashing 140 times would take seconds for nothing. Existing logins are kept.
 */
export async function createDemoLogins(
  db: Db,
  people: readonly PersonRecord[],
  now: Date,
): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: DemoLogin[] = [];
  for (const person of people) {
    if (!isRole(person.role)) throw new AppError('internal', `demo person ${person.id} has no valid role`);
    const login = loginOf(person);
    const user = {
      login,
      password: DEMO_PASSWORD,
      displayName: person.name,
      role: person.role,
      personId: person.id,
    };
    try {
      await createUser(db.kysely, SYSTEM_ACTOR, user, now, passwordHash);
      created.push({ login, personId: person.id, role: person.role, name: person.name });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    }
  }
  return created;
}
