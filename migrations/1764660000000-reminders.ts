import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `organization_id = NULLIF(current_setting('app.organization_id', true), '')::uuid`;

/**
 * What the reminder sweep needs beyond the settings of 1764650000000.
 *
 * 1. `reminder_send_after(at, zone, win)`: the first instant at or after `at` inside an organization's reminder
 *    window (`{ start, end, days }`, ISO weekdays) read in `zone`; a null window is any time. Local days are walked
 *    with `AT TIME ZONE`, so a DST change moves the opening with the wall clock, never by an hour.
 * 2. `reminder_escalations`: which overdue enrollment was reported to which recipient. An `immediate` digest goes
 *    out only when a sweep finds an escalation its recipient was not told about yet.
 */
export class Reminders1764660000000 implements MigrationInterface {
  name = 'Reminders1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reminder_send_after(at timestamptz, zone text, win jsonb) RETURNS timestamptz
        LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
      DECLARE
        local_at timestamp;
        opens time;
        closes time;
        open_days int[];
        day date;
      BEGIN
        IF at IS NULL OR win IS NULL OR jsonb_typeof(win) <> 'object' THEN RETURN at; END IF;
        local_at := at AT TIME ZONE zone;
        opens := (win ->> 'start')::time;
        closes := (win ->> 'end')::time;
        open_days := coalesce(ARRAY(SELECT jsonb_array_elements_text(win -> 'days')::int), '{}');
        IF cardinality(open_days) = 0 THEN open_days := '{1,2,3,4,5,6,7}'; END IF;
        FOR step IN 0..7 LOOP
          day := local_at::date + step;
          CONTINUE WHEN NOT (extract(isodow FROM day)::int = ANY (open_days));
          IF step = 0 AND local_at::time >= opens AND local_at::time < closes THEN RETURN at; END IF;
          IF step > 0 OR local_at::time < opens THEN RETURN (day + opens) AT TIME ZONE zone; END IF;
        END LOOP;
        RETURN at;
      END
      $fn$;

      CREATE TABLE reminder_escalations (
        organization_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        cycle integer NOT NULL,
        recipient_membership_id uuid NOT NULL,
        notified_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, enrollment_id, recipient_membership_id),
        FOREIGN KEY (organization_id, enrollment_id) REFERENCES enrollments (organization_id, id),
        FOREIGN KEY (organization_id, recipient_membership_id) REFERENCES memberships (organization_id, id)
      );
      ALTER TABLE reminder_escalations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE reminder_escalations FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON reminder_escalations USING (${TENANT}) WITH CHECK (${TENANT});
      GRANT SELECT, INSERT ON reminder_escalations TO beacon_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE reminder_escalations;
      DROP FUNCTION reminder_send_after(timestamptz, text, jsonb);
    `);
  }
}
