import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { browseRoutes } from '../modules/browse/browse.routes.ts';
import { closesRoutes } from '../modules/closes/closes.routes.ts';
import { dashboardsRoutes } from '../modules/dashboards/dashboards.routes.ts';
import { exportsRoutes } from '../modules/exports/exports.routes.ts';
import { goalsRoutes } from '../modules/goals/goals.routes.ts';
import { importRoutes } from '../modules/imports/imports.routes.ts';
import { orgRoutes } from '../modules/org/org.routes.ts';
import { plansRoutes } from '../modules/plans/plans.routes.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.ts';
import { statementsRoutes } from '../modules/statements/statements.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import type { RouteModule } from './context.ts';

/** Every feature's routes, mounted under /api/v1. Add a module here when you add a feature. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  authRoutes,
  auditRoutes,
  browseRoutes,
  goalsRoutes,
  dashboardsRoutes,
  exportsRoutes,
  importRoutes,
  orgRoutes,
  reportsRoutes,
  usersRoutes,
  plansRoutes,
  closesRoutes,
  statementsRoutes,
];
