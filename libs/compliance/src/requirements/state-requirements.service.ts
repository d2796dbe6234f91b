import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, Page, toKeysetPage } from '@beacon/core/http';
import type { StateRequirementQuery, StateRequirementView } from '../dto/state-requirement.dto';
import { decodeRequirementCursor, encodeRequirementCursor } from './requirement-cursor';
import { StateRequirementRepository, StateRequirementRow } from './state-requirement.repository';

@Injectable()
export class StateRequirementsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly requirements: StateRequirementRepository,
  ) {}

  list(query: StateRequirementQuery): Promise<Page<StateRequirementView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeRequirementCursor(query.cursor);
    return this.tx.platform(async () => {
      const rows = await this.requirements.list({ state: query.state }, after, limit);
      return toKeysetPage(rows, limit, (row) => encodeRequirementCursor(row.code), toView);
    });
  }
}

function toView(row: StateRequirementRow): StateRequirementView {
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    scope: row.scope,
    licenseTypes: row.license_types,
    licenseTypesDescription: row.license_types_description,
    hours: row.hours === null ? null : Number(row.hours),
    hoursNote: row.hours_note,
    frequency: row.frequency,
    everyNRenewals: row.every_n_renewals,
    frequencyNote: row.frequency_note,
    approvalMode: row.approval_mode,
    approvalNote: row.approval_note,
    contentSummary: row.content_summary,
    sources: row.sources.map((source) => ({ title: source.title, url: source.url ?? null })),
    confidence: row.confidence,
    unconfirmed: row.unconfirmed,
    needsReview: row.unconfirmed || row.confidence !== 'H',
    note: row.note,
    reviewedOn: row.reviewed_on,
  };
}
