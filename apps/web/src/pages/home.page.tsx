import { Navigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/empty-state.component';
import { startPage } from '../components/navigation';
import { PageTitle } from '../components/page-title.component';
import { useSession } from '../session/use-session.hook';

/** `/` when signed in: the first page the person's roles give them. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const start = startPage(session);
  if (start) return <Navigate to={start} replace />;
  return (
    <>
      <PageTitle>{t('home.title', { name: session.user.name })}</PageTitle>
      <EmptyState>{t('home.noPages')}</EmptyState>
    </>
  );
}
