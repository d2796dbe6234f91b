import { Foundation1764300000000 } from './1764300000000-foundation';
import { LearningCore1764400000000 } from './1764400000000-learning-core';
import { BulkImport1764500000000 } from './1764500000000-bulk-import';
import { CeCredit1764600000000 } from './1764600000000-ce-credit';
import { MemberTenancy1764610000000 } from './1764610000000-member-tenancy';
import { HotPath1764620000000 } from './1764620000000-hot-path';
import { CohortTargets1764630000000 } from './1764630000000-cohort-targets';
import { ActivityFile1764640000000 } from './1764640000000-activity-file';
import { ReminderSettings1764650000000 } from './1764650000000-reminder-settings';
import { Reminders1764660000000 } from './1764660000000-reminders';
import { BrowserSessions1764670000000 } from './1764670000000-browser-sessions';
import { StateRequirements1764680000000 } from './1764680000000-state-requirements';
import { OutboxRecipientReference1764685000000 } from './1764685000000-outbox-recipient-reference';
import { ComplianceRollups1764690000000 } from './1764690000000-compliance-rollups';
import { Reports1764700000000 } from './1764700000000-reports';
import { LicenseCategories1764710000000 } from './1764710000000-license-categories';
import { ReportSchedules1764720000000 } from './1764720000000-report-schedules';
import { LiveSessions1764740000000 } from './1764740000000-live-sessions';
import { TrainingRequests1764730000000 } from './1764730000000-training-requests';
import { Attendance1764750000000 } from './1764750000000-attendance';
import { ReportingManagers1764760000000 } from './1764760000000-reporting-managers';
import { SessionDrafts1764770000000 } from './1764770000000-session-drafts';
import { SessionReminders1764780000000 } from './1764780000000-session-reminders';
import { FacilitatorBusy1764790000000 } from './1764790000000-facilitator-busy';
import { PolicySettingsOnce1764800000000 } from './1764800000000-policy-settings-once';
import { LinearTriggers1764810000000 } from './1764810000000-linear-triggers';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs load the same set. */
export const MIGRATIONS = [
  Foundation1764300000000,
  LearningCore1764400000000,
  BulkImport1764500000000,
  CeCredit1764600000000,
  MemberTenancy1764610000000,
  HotPath1764620000000,
  CohortTargets1764630000000,
  ActivityFile1764640000000,
  ReminderSettings1764650000000,
  Reminders1764660000000,
  BrowserSessions1764670000000,
  StateRequirements1764680000000,
  OutboxRecipientReference1764685000000,
  ComplianceRollups1764690000000,
  Reports1764700000000,
  LicenseCategories1764710000000,
  ReportSchedules1764720000000,
  TrainingRequests1764730000000,
  LiveSessions1764740000000,
  Attendance1764750000000,
  ReportingManagers1764760000000,
  SessionDrafts1764770000000,
  SessionReminders1764780000000,
  FacilitatorBusy1764790000000,
  PolicySettingsOnce1764800000000,
  LinearTriggers1764810000000,
];
