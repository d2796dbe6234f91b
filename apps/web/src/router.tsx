import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { PublicLayout } from './components/public-layout.component';
import { SignedInLayout } from './components/signed-in-layout.component';
import { ChooseOrganizationPage } from './pages/auth/choose-organization.page';
import { ForgotPasswordPage } from './pages/auth/forgot-password.page';
import { InvitePage } from './pages/auth/invite.page';
import { ResetPasswordPage } from './pages/auth/reset-password.page';
import { SignInPage } from './pages/auth/sign-in.page';
import { complianceSearch } from './pages/compliance/compliance-search';
import { HomePage } from './pages/home.page';
import { CertificatesPage } from './pages/learn/certificates.page';
import { MyTrainingPage } from './pages/learn/my-training.page';
import { PreferencesPage } from './pages/learn/preferences.page';
import { NotFoundPage } from './pages/not-found.page';
import { BookPage } from './pages/public/book.page';
import { VerifyPage } from './pages/public/verify.page';
import { sessionStore } from './session/session.store';
import { useSessionState } from './session/use-session.hook';

const signedIn = () => sessionStore.get().status === 'signed-in';

function NotFound() {
  const Layout = useSessionState().status === 'signed-in' ? SignedInLayout : PublicLayout;
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  );
}

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

// Pages anyone can open. `/` is the sign-in page when signed out.
const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });
const tokenSearch = (search: Record<string, unknown>): { token?: string } =>
  typeof search.token === 'string' ? { token: search.token } : {};

const publicRoutes = [
  createRoute({
    getParentRoute: () => publicRoute,
    path: '/',
    beforeLoad: () => {
      if (signedIn()) throw redirect({ to: '/home', replace: true });
    },
    component: SignInPage,
  }),
  createRoute({ getParentRoute: () => publicRoute, path: '/sign-in', component: SignInPage }),
  createRoute({ getParentRoute: () => publicRoute, path: '/forgot-password', component: ForgotPasswordPage }),
  createRoute({
    getParentRoute: () => publicRoute,
    path: '/invite',
    validateSearch: tokenSearch,
    component: InvitePage,
  }),
  createRoute({
    getParentRoute: () => publicRoute,
    path: '/reset-password',
    validateSearch: tokenSearch,
    component: ResetPasswordPage,
  }),
  createRoute({ getParentRoute: () => publicRoute, path: '/verify/$code', component: VerifyPage }),
  createRoute({ getParentRoute: () => publicRoute, path: '/book', component: BookPage }),
];

// Pages behind sign-in: a session that ends (idle, another tab, a failed refresh) sends the page to /sign-in.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: () => {
    if (!signedIn()) throw redirect({ to: '/sign-in' });
  },
  component: SignedInLayout,
});

const appRoutes = [
  createRoute({ getParentRoute: () => appRoute, path: '/home', component: HomePage }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/choose-organization',
    component: ChooseOrganizationPage,
  }),
  createRoute({ getParentRoute: () => appRoute, path: '/learn', component: MyTrainingPage }),
  // The course player (with its assessment and Markdown renderer) is its own chunk, out of the sign-in page's first load.
  createRoute({
    getParentRoute: () => appRoute,
    path: '/learn/enrollments/$id',
    component: lazyRouteComponent(() => import('./pages/learn/enrollment.page'), 'EnrollmentPage'),
  }),
  createRoute({ getParentRoute: () => appRoute, path: '/certificates', component: CertificatesPage }),
  createRoute({ getParentRoute: () => appRoute, path: '/preferences', component: PreferencesPage }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/sessions',
    component: lazyRouteComponent(() => import('./pages/sessions/sessions.page'), 'SessionsPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/sessions/$id',
    component: lazyRouteComponent(() => import('./pages/sessions/session.page'), 'SessionPage'),
  }),
  // Staff pages load as their own chunks: a learner's first load never downloads them.
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/organization',
    component: lazyRouteComponent(
      () => import('./pages/admin/organization-settings.page'),
      'OrganizationSettingsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/team',
    component: lazyRouteComponent(() => import('./pages/team/team.page'), 'TeamPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/reports',
    // `?id=`: the report a scheduled report's mail links to, marked in the list.
    validateSearch: (search: Record<string, unknown>): { id?: string } =>
      typeof search.id === 'string' ? { id: search.id } : {},
    component: lazyRouteComponent(() => import('./pages/reports/reports.page'), 'ReportsPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/reports/schedules',
    component: lazyRouteComponent(
      () => import('./pages/reports/report-schedules.page'),
      'ReportSchedulesPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/compliance',
    validateSearch: complianceSearch,
    component: lazyRouteComponent(
      () => import('./pages/compliance/compliance-dashboard.page'),
      'ComplianceDashboardPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/compliance/requirement-gaps',
    component: lazyRouteComponent(
      () => import('./pages/compliance/requirement-gaps.page'),
      'RequirementGapsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/platform/organizations',
    component: lazyRouteComponent(() => import('./pages/platform/organizations.page'), 'OrganizationsPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/platform/users',
    component: lazyRouteComponent(() => import('./pages/platform/platform-users.page'), 'PlatformUsersPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/platform/catalog',
    component: lazyRouteComponent(() => import('./pages/platform/catalog.page'), 'CatalogPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/platform/catalog/$id/questions',
    component: lazyRouteComponent(() => import('./pages/platform/question-bank.page'), 'QuestionBankPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/platform/training-requests',
    component: lazyRouteComponent(
      () => import('./pages/platform/training-requests/training-requests.page'),
      'TrainingRequestsPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/sessions/new',
    // `?trainingRequestId=`: the intake request the session comes from, passed through to the api.
    validateSearch: (search: Record<string, unknown>): { trainingRequestId?: string } =>
      typeof search.trainingRequestId === 'string' ? { trainingRequestId: search.trainingRequestId } : {},
    component: lazyRouteComponent(() => import('./pages/sessions/new-session.page'), 'NewSessionPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/sessions/$id/edit',
    component: lazyRouteComponent(() => import('./pages/sessions/edit-session.page'), 'EditSessionPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/platform/queues',
    component: lazyRouteComponent(() => import('./pages/platform/queues.page'), 'QueuesPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/sites',
    component: lazyRouteComponent(() => import('./pages/admin/sites.page'), 'SitesPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/people',
    component: lazyRouteComponent(() => import('./pages/admin/people.page'), 'PeoplePage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/people/import',
    component: lazyRouteComponent(() => import('./pages/admin/people-import.page'), 'PeopleImportPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/people/$id',
    component: lazyRouteComponent(() => import('./pages/admin/person.page'), 'PersonPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/cohorts',
    component: lazyRouteComponent(() => import('./pages/admin/cohorts.page'), 'CohortsPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/cohorts/new',
    component: lazyRouteComponent(() => import('./pages/admin/cohort-wizard.page'), 'CohortWizardPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/cohorts/$id',
    component: lazyRouteComponent(() => import('./pages/admin/cohort-detail.page'), 'CohortDetailPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/notifications',
    component: lazyRouteComponent(() => import('./pages/admin/notifications.page'), 'NotificationsPage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/audit',
    component: lazyRouteComponent(() => import('./pages/admin/audit.page'), 'AuditPage'),
  }),
];

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren(publicRoutes),
  appRoute.addChildren(appRoutes),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// What a page tells the next one it navigates to, kept in the browser's history entry rather than the address.
declare module '@tanstack/history' {
  interface HistoryState {
    /** A session just changed: how many people holding a seat were mailed the updated invite (0: none). */
    sessionSaved?: { invited: number };
  }
}
