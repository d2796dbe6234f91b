import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forwardRef, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import type { CourseDetail, PlayerModule } from './enrollment.query';
import { Markdown } from './markdown.component';
import { useNowUntil } from './use-now.hook';

interface Props {
  enrollmentId: string;
  module: CourseDetail['modules'][number];
  progress: PlayerModule | undefined;
  /** Still open for work (not exempt, withdrawn or completed): opening and completing are offered. */
  active: boolean;
  /** After this module is marked complete: the page moves focus on to the next one. */
  onCompleted: () => void;
}

/**
 * One module of the player: its heading, its Markdown, and `Mark module complete`. The module counts as opened
 * when it first scrolls into view (the api keeps the first opening), and it can be completed once its minimum
 * reading time has passed: until then the button is disabled and the time is shown, and it enables by itself.
 */
export const ModuleSection = forwardRef<HTMLHeadingElement, Props>(function ModuleSection(
  { enrollmentId, module, progress, active, onCompleted },
  headingRef,
) {
  const { t, i18n } = useTranslation('learn');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const sectionRef = useRef<HTMLElement>(null);
  const headingId = `module-${module.id}`;
  const completed = Boolean(progress?.completedAt);
  const opened = Boolean(progress?.openedAt);
  // Without a minimum reading time (MODULE_MIN_TIME_SHARE=0) the moment equals the opening: nothing to wait for.
  const completableAt =
    progress?.completableAt && progress.completableAt !== progress.openedAt ? progress.completableAt : null;
  const now = useNowUntil(completed ? null : completableAt);
  const waiting = !completed && completableAt !== null && new Date(completableAt).getTime() > now;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'enrollments'] });
  const path = { id: enrollmentId, moduleId: module.id };
  const open = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/enrollments/{id}/modules/{moduleId}/open', { params: { path } })),
    onSuccess: refresh,
  });
  const complete = useMutation({
    mutationFn: async () => {
      if (!opened) await open.mutateAsync();
      return unwrap(api.POST('/api/v1/enrollments/{id}/modules/{moduleId}/complete', { params: { path } }));
    },
    onSuccess: async () => {
      await refresh();
      onCompleted();
    },
    // A 409 names the moment it can be completed: the refreshed enrollment shows it and waits for it.
    onError: refresh,
  });

  const { mutate: openModule, isIdle: notYetOpening } = open;
  useEffect(() => {
    const section = sectionRef.current;
    if (!active || opened || completed || !notYetOpening || !section) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        openModule();
      }
    });
    observer.observe(section);
    return () => observer.disconnect();
  }, [active, opened, completed, notYetOpening, openModule]);

  const completeError =
    complete.error && !(complete.error instanceof ApiError && complete.error.status === 409 && waiting)
      ? errorMessage(complete.error)
      : null;

  return (
    <Paper component="section" ref={sectionRef} aria-labelledby={headingId} withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={2} size="h3" id={headingId} ref={headingRef} tabIndex={-1}>
          {module.title}
        </Title>
        {completed && (
          <Text fw={700} style={{ flexShrink: 0 }}>
            ✓ {t('player.moduleDone')}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('player.estimatedMinutes', { count: module.estimatedMinutes })}
      </Text>
      <Markdown
        source={module.body}
        headingBase={3}
        tableLabel={t('player.tableLabel', { title: module.title })}
      />
      {active && !completed && (
        <Stack gap="xs" align="flex-start" mt="md">
          {waiting && completableAt && (
            <Text size="sm" id={`${headingId}-wait`}>
              {t('player.completableAt', { time: formatMoment(completableAt, i18n.language) })}
            </Text>
          )}
          {completeError && (
            <Alert color="red" role="alert" p="xs">
              {completeError}
            </Alert>
          )}
          <Button
            onClick={() => complete.mutate()}
            loading={complete.isPending}
            disabled={waiting}
            aria-describedby={waiting ? `${headingId}-wait` : undefined}
          >
            {t('player.markComplete')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
});

/** A moment later today as its time of day; on another day with its date. */
function formatMoment(value: string, locale: string): string {
  const at = new Date(value);
  const today = at.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(
    locale,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(at);
}
