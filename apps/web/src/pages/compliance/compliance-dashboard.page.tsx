import '@mantine/charts/styles.css';
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { useSession } from '../../session/use-session.hook';
import { ComplianceFilters } from './compliance-filters.component';
import { ComplianceHeadline } from './compliance-headline.component';
import { summaryQuery, trendQuery } from './compliance-dashboard.queries';
import { type ComplianceSearch, FILTER_KEYS, lastWeeks } from './compliance-search';
import { CompletionByGroup } from './completion-by-group.component';
import { CompletionTrend } from './completion-trend.component';
import { FilterRefusal, refusedFilters } from './filter-refusal.component';
import { OverdueList } from './overdue-list.component';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** Shown instead of the figures when nothing is enrolled: staff are told how to start. */
function NothingEnrolled({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation('compliance');
  const { roles } = useSession();
  if (filtered) return <EmptyState>{t('empty.filtered')}</EmptyState>;
  if (!roles.includes('org_admin') && !roles.includes('educator'))
    return <EmptyState>{t('empty.manager')}</EmptyState>;
  return (
    <EmptyState>
      {t('empty.staff')} <AnchorLink to="/admin/cohorts/new">{t('empty.createCohort')}</AnchorLink>
    </EmptyState>
  );
}

/**
 * `/compliance`: completion in total, by the chosen grouping and by week, and who is overdue. The grouping and
 * filters live in the URL, so a link reproduces the view; the api scopes a manager to their reporting chain.
 */
export function ComplianceDashboardPage() {
  const { t } = useTranslation('compliance');
  const search = useSearch({ from: '/app/compliance' });
  const navigate = useNavigate({ from: '/compliance' });
  const grouping = search.groupBy ?? 'site';
  // The trend's 12 weeks end on the day the page opened.
  const [range] = useState(() => lastWeeks(new Date()));
  const summary = useQuery(summaryQuery(search, grouping));
  const trend = useQuery(trendQuery(search, range));
  const filtered = FILTER_KEYS.some((key) => search[key] !== undefined);
  const refused = refusedFilters(summary.error);
  // With nothing enrolled at all, the empty state says what to do; no trend or list of nothing below it. Refused
  // filters refuse the trend too.
  const onlyTheTop = (!filtered && summary.data?.totals.enrolled === 0) || refused.length > 0;

  const update = (change: Partial<ComplianceSearch>) =>
    void navigate({ search: (current) => ({ ...current, ...change }), replace: true });

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text mt="-sm">{t('intro')}</Text>
      </div>
      <Section id="compliance-filters-title" title={t('filters.label')}>
        <ComplianceFilters search={search} grouping={grouping} onChange={update} />
        {(search.from || search.to) && (
          <Text size="sm" mt="xs">
            {t('filters.dateHint')}
          </Text>
        )}
      </Section>
      {summary.isPending ? (
        <LoadingState />
      ) : refused.length > 0 ? (
        <FilterRefusal refused={refused} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.totals.enrolled === 0 ? (
        <NothingEnrolled filtered={filtered} />
      ) : (
        <>
          <Section id="compliance-totals-title" title={t('headline.label')}>
            <ComplianceHeadline totals={summary.data.totals} />
          </Section>
          <Section id="compliance-groups-title" title={t(`groups.title.${grouping}`)}>
            <CompletionByGroup grouping={grouping} groups={summary.data.groups} />
          </Section>
        </>
      )}
      {!onlyTheTop && (
        <Section id="compliance-trend-title" title={t('trend.title')}>
          {trend.isPending ? (
            <LoadingState />
          ) : trend.isError ? (
            <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
          ) : (
            <CompletionTrend periods={trend.data} />
          )}
        </Section>
      )}
      {!onlyTheTop && (
        <Section id="compliance-overdue-title" title={t('overdue.title')}>
          <OverdueList />
        </Section>
      )}
    </Stack>
  );
}
