/** Shapes of the API responses the web app reads (see packages/server and CONTRACT.md §2). */

/** The roles a person or login may have (server modules/entities ROLES, contract §2). */
export const ROLES = ['rep', 'manager', 'hr', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  readonly userId: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: string;
  readonly personId: string | null;
}

export interface Permissions {
  readonly viewOrg: boolean;
  readonly viewAllPeople: boolean;
  readonly viewFacts: boolean;
  readonly importData: boolean;
  readonly importFacts: boolean;
  readonly viewAudit: boolean;
  readonly manageUsers: boolean;
  // Goals (server modules/access/permissions.ts); optional so fixtures written before goals still fit.
  readonly viewGoals?: boolean;
  readonly editGoals?: boolean;
  readonly proposeGoals?: boolean;
  readonly lockGoals?: boolean;
}

export interface Me {
  readonly user: SessionUser;
  readonly permissions: Permissions;
}

export interface Page<Row> {
  readonly rows: Row[];
  readonly total: number;
}

/**
 * The names behind the ids a page of entity rows refers to, by entity then id (server
 * browse.names.ts); an id the user may not see by name is absent.
 */
export type ReferenceNames = Partial<Record<string, Record<string, string>>>;

export interface EntityPage extends Page<EntityRow> {
  readonly names?: ReferenceNames;
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly kind: string | null;
  readonly headcount: number;
}

export interface PersonRow {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly unitId: string;
  readonly unitName: string | null;
  readonly role: string;
  readonly title: string | null;
  readonly hireDate: string;
  readonly leaveDate: string | null;
  readonly managerId: string | null;
  readonly managerName: string | null;
}

export interface UnitMove {
  readonly unitId: string;
  readonly unitName: string | null;
  readonly effectiveFrom: string;
}

export interface PersonDetail {
  readonly person: PersonRow;
  /** The unit on the hire date (people.unit_id), before any move. */
  readonly homeUnit?: { unitId: string; unitName: string | null };
  readonly moves: UnitMove[];
}

export type ColumnType =
  | 'id'
  | 'text'
  | 'date'
  | 'money'
  | 'share'
  | 'decimal'
  | 'integer'
  | 'boolean'
  | 'enum';

export interface EntityColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly zh: string;
  readonly en: string;
  readonly required: boolean;
  readonly values?: string[];
  readonly references?: string;
}

export interface EntityMeta {
  readonly name: string;
  readonly zh: string;
  readonly en: string;
  /** The column the server sorts by when asked for no order. */
  readonly defaultSort?: string;
  readonly columns: EntityColumn[];
}

export type Cell = string | number | boolean | null;
export type EntityRow = Record<string, Cell>;

export interface ImportPreview {
  /** null for XLSX (no text encoding). */
  readonly encoding: string | null;
  readonly columns: { header: string; column: string | null }[];
  readonly rows: string[][];
  readonly warnings: string[];
}

export interface ImportRowError {
  readonly row: number;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
}

export interface ImportReport {
  readonly entity: string;
  readonly source: string;
  readonly dryRun: boolean;
  readonly ok: boolean;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly warnings: string[];
  readonly errors: ImportRowError[];
}

export interface ImportJob {
  readonly id: string;
  readonly entity: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly progress: { phase: string; rows: number; bytesRead?: number; totalBytes?: number };
  readonly report: ImportReport | null;
  readonly error: string | { code?: string; message?: string } | null;
}

export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly detail: unknown;
}
