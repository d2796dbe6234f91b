import { Injectable } from '@nestjs/common';
import { rows } from '@beacon/core/database';

export interface ConflictRow {
  facilitator_id: string;
  facilitator_name: string;
  busy_from: Date;
  busy_until: Date;
  session_id: string | null;
}

export interface ConflictProbe {
  facilitatorIds: readonly string[];
  startsAt: string;
  endsAt: string;
  bufferMs: number;
  excludeSessionId: string | null;
}

@Injectable()
export class LiveSessionConflictRepository {
  /**
   * The bookings of these facilitators whose busy time overlaps the proposed session's (`session_busy`, as booking
   * writes it), in any organization (`facilitator_busy`). A booking the entered organization can read under RLS
   * is named by its session; another organization's stays anonymous busy time. An active facilitator holds at most
   * one booking per busy range (the exclusion constraint), so the range finds the own row exactly.
   */
  find(probe: ConflictProbe): Promise<ConflictRow[]> {
    return rows<ConflictRow>(
      `SELECT b.facilitator_id, u.name AS facilitator_name, lower(b.busy) AS busy_from,
              upper(b.busy) AS busy_until, own.session_id
         FROM facilitator_busy($1::uuid[], session_busy($2, $3, $4)) AS b
         JOIN users u ON u.id = b.facilitator_id
         LEFT JOIN session_facilitators own
           ON own.active AND own.facilitator_id = b.facilitator_id AND own.busy = b.busy
        WHERE $5::uuid IS NULL OR own.session_id IS DISTINCT FROM $5
        ORDER BY lower(b.busy), lower(u.name), b.facilitator_id`,
      [probe.facilitatorIds, probe.startsAt, probe.endsAt, probe.bufferMs, probe.excludeSessionId],
    );
  }
}
