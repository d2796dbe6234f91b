import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of a facilitator's busy time, and a narrow window on it across organizations (the conflicts
 * preview of a session being scheduled).
 *
 * - `session_busy(starts, ends, buffer_ms)` is the range a booking holds: the session plus the travel buffer after
 *   it. Booking writes it and the preview compares against it, so both answer the same at the buffer's edge.
 * - `facilitator_busy(ids, wanted)` returns only (facilitator_id, busy) of the active bookings of those
 *   facilitators overlapping `wanted`, in every organization: RLS hides another organization's rows from the app,
 *   yet a scheduler must see that the facilitator is busy then, and nothing else of that booking (no session,
 *   organization, location or course). It runs as its owner, the migration role, with its search_path pinned;
 *   with FORCE ROW LEVEL SECURITY the owner obeys RLS too unless it is a superuser, so a SELECT policy for that
 *   role alone lets the function read the rows.
 */
export class FacilitatorBusy1764790000000 implements MigrationInterface {
  name = 'FacilitatorBusy1764790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION session_busy(starts timestamptz, ends timestamptz, buffer_ms bigint) RETURNS tstzrange
        LANGUAGE sql STABLE PARALLEL SAFE
        RETURN tstzrange(starts, ends + buffer_ms * interval '1 millisecond', '[)');

      CREATE POLICY busy_lookup ON session_facilitators FOR SELECT TO CURRENT_USER USING (true);

      CREATE FUNCTION facilitator_busy(facilitator_ids uuid[], wanted tstzrange)
        RETURNS TABLE (facilitator_id uuid, busy tstzrange)
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
        AS $$
          SELECT f.facilitator_id, f.busy
            FROM public.session_facilitators f
           WHERE f.active AND f.facilitator_id = ANY (facilitator_ids) AND f.busy && wanted
        $$;
      REVOKE ALL ON FUNCTION facilitator_busy(uuid[], tstzrange) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION facilitator_busy(uuid[], tstzrange) TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION facilitator_busy(uuid[], tstzrange);
      DROP POLICY busy_lookup ON session_facilitators;
      DROP FUNCTION session_busy(timestamptz, timestamptz, bigint);
    `);
  }
}
