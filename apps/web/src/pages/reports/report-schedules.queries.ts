import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type ReportSchedule = components['schemas']['ReportScheduleView'];
export type ScheduleRecipient = components['schemas']['ScheduleRecipientView'];
type NewSchedule = components['schemas']['CreateReportScheduleDto'];
export type ScheduleType = NewSchedule['type'];
export type ScheduleFrequency = NewSchedule['frequency'];

export const SCHEDULE_TYPES: readonly ScheduleType[] = [
  'compliance',
  'overdue',
  'certificates',
  'requirement_gaps',
];
export const SCHEDULE_FREQUENCIES: readonly ScheduleFrequency[] = ['weekly', 'monthly'];

export const SCHEDULES_KEY = ['report-schedules'] as const;
export const RECIPIENTS_KEY = ['report-schedules', 'recipients'] as const;
/** How many schedules the page shows: an organization keeps a handful. */
export const SCHEDULES_SHOWN = 100;

export function fetchSchedules() {
  return unwrap(api.GET('/api/v1/report-schedules', { params: { query: { limit: SCHEDULES_SHOWN } } }));
}

export function fetchRecipients() {
  return unwrap(api.GET('/api/v1/report-schedules/recipients'));
}

export function createSchedule(body: NewSchedule) {
  return unwrap(api.POST('/api/v1/report-schedules', { body }));
}

export function setScheduleActive(id: string, active: boolean) {
  return unwrap(api.PATCH('/api/v1/report-schedules/{id}', { params: { path: { id } }, body: { active } }));
}

export function deleteSchedule(id: string) {
  return unwrap(api.DELETE('/api/v1/report-schedules/{id}', { params: { path: { id } } }));
}
