import { Injectable } from '@nestjs/common';
import { one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import type { ReminderWindow } from '../reminder-window';

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  reminder_window: ReminderWindow | null;
  idle_sign_out_minutes: number;
  created_at: Date;
  cursor_at: string;
}

export interface OrganizationSettings {
  name: string;
  timezone: string;
  reminderWindow: ReminderWindow | null;
  idleSignOutMinutes: number;
}

const COLUMNS =
  'id, name, slug, timezone, reminder_window, idle_sign_out_minutes, created_at, created_at::text AS cursor_at';

/** Organizations are a platform table: reached by id, listed only for platform staff. */
@Injectable()
export class OrganizationRepository {
  async insert(input: {
    id: string;
    name: string;
    slug: string;
    timezone: string;
  }): Promise<OrganizationRow | null> {
    return one<OrganizationRow>(
      `INSERT INTO organizations (id, name, slug, timezone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO NOTHING RETURNING ${COLUMNS}`,
      [input.id, input.name, input.slug, input.timezone],
    );
  }

  async findById(id: string, forUpdate = false): Promise<OrganizationRow | null> {
    return one<OrganizationRow>(
      `SELECT ${COLUMNS} FROM organizations WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
  }

  async updateSettings(id: string, settings: OrganizationSettings): Promise<OrganizationRow> {
    const row = await one<OrganizationRow>(
      `UPDATE organizations
          SET name = $2, timezone = $3, reminder_window = $4::jsonb, idle_sign_out_minutes = $5, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        settings.name,
        settings.timezone,
        settings.reminderWindow === null ? null : JSON.stringify(settings.reminderWindow),
        settings.idleSignOutMinutes,
      ],
    );
    return row as OrganizationRow;
  }

  async list(after: CursorPosition | null, limit: number): Promise<OrganizationRow[]> {
    const params: unknown[] = [];
    const where = after ? `WHERE ${afterCursor(after, params)}` : '';
    return rows<OrganizationRow>(
      `SELECT ${COLUMNS} FROM organizations ${where} ${newestFirst(limit, params)}`,
      params,
    );
  }
}
