import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { RouteErrorPage } from './pages/not-found/RouteErrorPage.tsx';
import { SetupPage } from './pages/setup/SetupPage.tsx';

// Pages behind the sign-in load on demand: the login screen stays small.
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const GoalsPage = lazy(() => import('./pages/goals/GoalsPage.tsx'));
const OrgPage = lazy(() => import('./pages/org/OrgPage.tsx'));
const EntityBrowserPage = lazy(() => import('./pages/data/EntityBrowserPage.tsx'));
const ImportPage = lazy(() => import('./pages/import/ImportPage.tsx'));
const PayPage = lazy(() => import('./pages/pay/PayPage.tsx'));
const StatementPage = lazy(() => import('./pages/pay/StatementPage.tsx'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

export const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A page's failure shows inside the layout, menu still there.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'goals', element: <GoalsPage /> },
          { path: 'pay', element: <PayPage /> },
          { path: 'pay/statement/:personId', element: <StatementPage /> },
          { path: 'plans', element: <PlansPage /> },
          { path: 'org', element: <OrgPage /> },
          { path: 'data/:entity', element: <EntityBrowserPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
