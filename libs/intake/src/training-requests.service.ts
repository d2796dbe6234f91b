import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, Problems, toPage } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { OutboxService } from '@beacon/notifications';
import type {
  CreateTrainingRequestDto,
  TrainingRequestListQuery,
  UpdateTrainingRequestDto,
} from './dto/training-request.dto';
import { canMove, type IntakeLocale, type TrainingRequestStatus } from './dto/training-request.types';
import { ActivityRow, TrainingRequestRepository, TrainingRequestRow } from './training-request.repository';

/** API.md: at most 3 acknowledgements a day to one address, so the form cannot be used to flood a mailbox. */
const ACKS_PER_DAY = 3;

export interface TrainingRequestReceiptView {
  id: string;
  reference: string;
  status: TrainingRequestStatus;
}

const view = (row: TrainingRequestRow) => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  organizationName: row.organization_name,
  contactName: row.contact_name,
  email: row.email,
  phone: row.phone,
  role: row.role,
  setting: row.setting,
  staffCount: row.staff_count,
  preferredDates: row.preferred_dates,
  location: row.city !== null && row.state !== null ? { city: row.city, state: row.state } : null,
  format: row.format,
  message: row.message,
  locale: row.locale,
  duplicateOf: row.duplicate_of,
  assignedFacilitatorId: row.assigned_facilitator_id,
  organizationId: row.organization_id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const activityView = (row: ActivityRow) => ({
  id: row.id,
  action: row.action,
  actorId: row.actor_user_id,
  actorName: row.actor_name,
  from: row.from_status,
  to: row.to_status,
  facilitatorId: row.facilitator_id,
  note: row.note,
  linkedRequestId: row.linked_request_id,
  organizationId: row.organization_id,
  organizationCreated: row.organization_created,
  sessionId: row.session_id,
  at: row.created_at.toISOString(),
});

@Injectable()
export class TrainingRequestsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly requests: TrainingRequestRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Stores a stranger's request and writes its mail to the outbox in one transaction. A filled honeypot is stored
   * as spam and answered like any other request, with no mail. A second request from the same email and
   * organization within a day joins the first: the requester is answered with the first's reference, and the
   * provider is not told twice.
   */
  submit(input: CreateTrainingRequestDto, locale: IntakeLocale): Promise<TrainingRequestReceiptView> {
    this.checkDatesAhead(input.preferredDates ?? []);
    const fields = {
      organizationName: input.organizationName,
      contactName: input.contactName,
      email: input.email,
      phone: input.phone ?? null,
      role: input.role ?? null,
      setting: input.setting,
      staffCount: input.staffCount ?? null,
      preferredDates: input.preferredDates ?? [],
      city: input.location?.city ?? null,
      state: input.location?.state ?? null,
      format: input.format,
      message: input.message ?? null,
      locale,
    };
    return this.tx.platform(async () => {
      if (input.website !== undefined && input.website.trim() !== '') {
        const spam = await this.requests.insert({ ...fields, status: 'spam', duplicateOf: null });
        await this.requests.addActivity(spam.id, { action: 'received', actorUserId: null, to: 'spam' });
        // Looks like any accepted request, so a bot learns nothing from the answer.
        return { id: spam.id, reference: spam.reference, status: 'new' };
      }
      await this.requests.lockContact(input.email, input.organizationName);
      const lead = await this.requests.findRecentLead(input.email, input.organizationName);
      const row = await this.requests.insert({
        ...fields,
        status: lead ? 'duplicate' : 'new',
        duplicateOf: lead?.id ?? null,
      });
      await this.requests.addActivity(row.id, { action: 'received', actorUserId: null, to: row.status });
      if (lead) {
        await this.requests.addActivity(lead.id, {
          action: 'linked',
          actorUserId: null,
          linkedRequestId: row.id,
        });
      }
      const answered = lead ?? row;
      if (await this.requests.takeAckSlot(input.email, ACKS_PER_DAY)) {
        await this.outbox.enqueue({
          kind: 'training_request_ack',
          recipientEmail: input.email,
          dedupeKey: `training_request_ack:${row.id}`,
          payload: { reference: answered.reference, locale },
        });
      }
      if (!lead) await this.notifyProvider(row);
      return { id: answered.id, reference: answered.reference, status: answered.status };
    });
  }

  list(query: TrainingRequestListQuery): Promise<Page<ReturnType<typeof view>>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.platform(async () =>
      toPage(
        await this.requests.list(query.status, after, limit),
        limit,
        (r) => ({ at: r.cursor_at, id: r.id }),
        view,
      ),
    );
  }

  get(id: string) {
    return this.tx.platform(() => this.detail(id));
  }

  /**
   * Moves a request the caller has locked (`findForUpdate`, in the caller's platform transaction) from its status
   * to `to`, with the `status_changed` entry by the actor in the same transaction. The caller has decided the move
   * is allowed; a 409 if the request moved meanwhile all the same.
   */
  async moveStatus(row: TrainingRequestRow, to: TrainingRequestStatus, actorUserId: string): Promise<void> {
    if (!(await this.requests.moveStatus(row.id, row.status, to)))
      throw Problems.conflict('The request changed meanwhile; reload it and try again.');
    await this.requests.addActivity(row.id, { action: 'status_changed', actorUserId, from: row.status, to });
  }

  /**
   * Applies a status move, an assignment and a note together, or nothing. The row is locked and the move is a
   * compare-and-set on the status read, so of two PATCHes racing from one status only one moves it; the other is
   * a 409.
   */
  update(id: string, input: UpdateTrainingRequestDto, actorUserId: string) {
    if (input.status === undefined && input.assignedFacilitatorId === undefined && input.note === undefined) {
      throw Problems.invalidField('body', 'give at least one of status, assignedFacilitatorId, note');
    }
    return this.tx.platform(async () => {
      const row = await this.requests.findForUpdate(id);
      if (!row) throw Problems.notFound('training request');
      const facilitator =
        input.assignedFacilitatorId === undefined
          ? null
          : await this.requests.findFacilitator(input.assignedFacilitatorId);
      if (input.assignedFacilitatorId !== undefined && !facilitator) {
        throw Problems.invalidField(
          'assignedFacilitatorId',
          'assignedFacilitatorId must be a facilitator id',
        );
      }
      if (input.status !== undefined) {
        if (!canMove(row.status, input.status)) {
          throw Problems.conflict(`A ${row.status} request cannot move to ${input.status}.`);
        }
        await this.moveStatus(row, input.status, actorUserId);
      }
      if (facilitator && facilitator.id !== row.assigned_facilitator_id) {
        await this.requests.assign(id, facilitator.id);
        const activityId = await this.requests.addActivity(id, {
          action: 'assigned',
          actorUserId,
          facilitatorId: facilitator.id,
        });
        await this.outbox.enqueue({
          kind: 'training_request_assigned',
          recipientEmail: facilitator.email,
          recipientUserId: facilitator.id,
          dedupeKey: `training_request_assigned:${activityId}`,
          payload: {
            recipientName: facilitator.name,
            reference: row.reference,
            organizationName: row.organization_name,
            requestUrl: `${this.config.publicUrl}/platform/training-requests/${id}`,
            locale: facilitator.locale === 'es' ? 'es' : 'en',
          },
        });
      }
      if (input.note !== undefined) {
        await this.requests.addActivity(id, { action: 'note', actorUserId, note: input.note });
      }
      return this.detail(id);
    });
  }

  /** The request as the pipeline shows it; in the platform scope. */
  async detail(id: string) {
    const row = await this.requests.find(id);
    if (!row) throw Problems.notFound('training request');
    const activity = (await this.requests.activity(id)).map(activityView);
    return {
      ...view(row),
      notes: activity
        .filter((a) => a.action === 'note')
        .map((a) => ({
          id: a.id,
          authorId: a.actorId,
          authorName: a.actorName,
          text: a.note ?? '',
          at: a.at,
        })),
      activity,
      linkedRequests: (await this.requests.linkedTo(id)).map(view),
    };
  }

  private async notifyProvider(row: TrainingRequestRow): Promise<void> {
    await this.outbox.enqueue({
      kind: 'training_request_notice',
      recipientEmail: this.config.providerInbox,
      dedupeKey: `training_request_notice:${row.id}`,
      payload: {
        reference: row.reference,
        organizationName: row.organization_name,
        contactName: row.contact_name,
        email: row.email,
        phone: row.phone,
        role: row.role,
        setting: row.setting,
        staffCount: row.staff_count,
        preferredDates: row.preferred_dates,
        location: row.city !== null ? `${row.city}, ${row.state ?? ''}` : null,
        format: row.format,
        message: row.message,
        pipelineUrl: `${this.config.publicUrl}/platform/training-requests/${row.id}`,
      },
    });
  }

  /** Preferred dates must lie ahead: after today in UTC (the requester's zone is not known). */
  private checkDatesAhead(dates: string[]): void {
    const today = this.clock.now().toISOString().slice(0, 10);
    const past = dates.flatMap((date, i) => (date <= today ? [i] : []));
    if (past.length > 0) {
      throw Problems.invalid(
        past.map((i) => ({ field: `preferredDates.${i}`, message: 'preferredDates must be future dates' })),
      );
    }
  }
}
