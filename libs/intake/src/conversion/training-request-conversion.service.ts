import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { FieldError, Problems } from '@beacon/core/http';
import { OrganizationsService, SitesService } from '@beacon/organizations';
import { LiveSessionDraftsService } from '@beacon/sessions';
import type { ConvertTrainingRequestDto } from '../dto/convert-training-request.dto';
import type { Setting, TrainingRequestStatus } from '../dto/training-request.types';
import { TrainingRequestRepository, TrainingRequestRow } from '../training-request.repository';
import { TrainingRequestsService } from '../training-requests.service';

/** Statuses a request may be converted from: the open ones (spam, declined, duplicate and completed are done). */
const CONVERTIBLE: readonly TrainingRequestStatus[] = ['new', 'triaged', 'proposed', 'scheduled'];

/** Statuses a conversion moves on to `proposed`: its drafted session is the proposal. */
const BEFORE_PROPOSED: readonly TrainingRequestStatus[] = ['new', 'triaged'];

const SITE_KIND: Record<Setting, 'hospital' | 'satellite_clinic' | 'other'> = {
  emergency_department: 'hospital',
  both: 'hospital',
  satellite_clinic: 'satellite_clinic',
  other: 'other',
};

/**
 * Converts a training request: links it to an organization (created, with its contact invited as org_admin, or
 * one that exists, inviting nobody: a stranger's form never grants access to a hospital) and drafts its session.
 * One transaction: the request's row lock makes a burst of conversions of one request convert it once.
 */
@Injectable()
export class TrainingRequestConversionService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly requests: TrainingRequestRepository,
    private readonly pipeline: TrainingRequestsService,
    private readonly organizations: OrganizationsService,
    private readonly sites: SitesService,
    private readonly drafts: LiveSessionDraftsService,
  ) {}

  convert(id: string, body: ConvertTrainingRequestDto, actorUserId: string) {
    if ((body.organizationId === undefined) === (body.organization === undefined)) {
      const message = 'give exactly one of organizationId and organization';
      const errors: FieldError[] = [
        { field: 'organizationId', message },
        { field: 'organization', message },
      ];
      throw Problems.invalid(errors);
    }
    return this.tx.platform(async () => {
      const row = await this.requests.findForUpdate(id);
      if (!row) throw Problems.notFound('training request');
      if (row.organization_id !== null) throw Problems.conflict('The request is converted already.');
      if (!CONVERTIBLE.includes(row.status))
        throw Problems.conflict(`A ${row.status} request cannot be converted.`);
      const { organizationId, siteId } = await this.organizationFor(row, body);
      const created = body.organization !== undefined;
      const sessionId = await this.drafts.draft({
        organizationId,
        trainingRequestId: id,
        preferredDates: row.preferred_dates,
        place: row.city !== null && row.state !== null ? `${row.city}, ${row.state}` : null,
        staffCount: row.staff_count,
        facilitatorId: row.assigned_facilitator_id,
        courseId: body.session?.courseId,
        siteId: body.session?.siteId ?? siteId,
        startsAt: body.session?.startsAt,
        endsAt: body.session?.endsAt,
      });
      if (!(await this.requests.linkOrganization(id, organizationId)))
        throw Problems.conflict('The request is converted already.');
      await this.requests.addActivity(id, {
        action: 'converted',
        actorUserId,
        organizationId,
        organizationCreated: created,
        sessionId,
      });
      await this.propose(row, actorUserId);
      return {
        request: await this.pipeline.detail(id),
        organizationId,
        organizationCreated: created,
        invitedEmail: created ? row.email : null,
        sessionId,
      };
    });
  }

  /**
   * A drafted session is a date put to the hospital: a request not yet that far moves to `proposed`, recorded as a
   * status change by the converter. Publishing the session moves it on to `scheduled` (SessionForRequestListener).
   */
  private async propose(row: TrainingRequestRow, actorUserId: string): Promise<void> {
    if (!BEFORE_PROPOSED.includes(row.status)) return;
    await this.pipeline.moveStatus(row, 'proposed', actorUserId);
  }

  /**
   * The organization linked, or the one created (with its contact invited, through the service behind POST
   * /platform/organizations) and a first site for the session, named after the request's city.
   */
  private async organizationFor(
    row: TrainingRequestRow,
    body: ConvertTrainingRequestDto,
  ): Promise<{ organizationId: string; siteId: string | undefined }> {
    if (body.organizationId !== undefined) {
      if (!(await this.requests.organizationExists(body.organizationId)))
        throw Problems.notFound('organization');
      return { organizationId: body.organizationId, siteId: undefined };
    }
    const wanted = body.organization;
    if (!wanted) throw Problems.invalidField('organization', 'organization must be given');
    const organization = await this.organizations.create({
      ...wanted,
      admin: { email: row.email, name: row.contact_name },
    });
    const site = await this.tx.withOrganization(organization.id, () =>
      this.sites.create({ name: row.city ?? organization.name, kind: SITE_KIND[row.setting] }),
    );
    return { organizationId: organization.id, siteId: site.id };
  }
}
