import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { OutboxService } from '@beacon/notifications';
import { PasswordHasher } from '../crypto/password-hasher.service';
import { newSecretToken, sha256 } from '../crypto/secret-token';
import { PasswordResetRepository } from '../password-reset.repository';
import { RefreshTokenRepository } from '../refresh-token.repository';
import { UserRepository } from '../user.repository';

const RESET_TTL_SECONDS = 3_600;
const MAX_MAILS_PER_HOUR = 3;

@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Answers before anything about the email is looked up: the 202 takes the same time whether or not the email has
   * an account (15 vs 11 ms apart when the lookup and the writes came first). The work runs right after; its
   * failures are logged without the email.
   */
  request(email: string): void {
    setImmediate(() => {
      this.send(email).catch((error: unknown) => {
        // Through the shared error serializer, which keeps no SQL parameters or driver detail (so no email).
        this.logger.error({ err: error }, 'password reset request failed');
      });
    });
  }

  private async send(email: string): Promise<void> {
    await this.tx.platform(async () => {
      const user = await this.users.findByEmail(email);
      if (!user || user.status !== 'active') return;
      await this.resets.lockPerson(user.id);
      if ((await this.resets.countSince(user.id, 3_600)) >= MAX_MAILS_PER_HOUR) {
        this.logger.warn({ userId: user.id }, 'password reset limit reached; no mail sent');
        return;
      }
      const token = newSecretToken();
      const reset = await this.resets.insert(user.id, sha256(token), RESET_TTL_SECONDS);
      await this.outbox.enqueue({
        kind: 'password_reset',
        recipientEmail: user.email,
        recipientUserId: user.id,
        dedupeKey: `password_reset:${reset.id}`,
        payload: {
          recipientName: user.name,
          resetUrl: `${this.config.publicUrl}/reset-password?token=${token}`,
          expiresAt: reset.expires_at.toISOString(),
          // Before anyone signs in no organization is known: only the person's own choice can apply.
          locale: user.locale ?? 'en',
        },
      });
    });
  }

  async confirm(token: string, password: string): Promise<void> {
    const reset = await this.tx.platform(() => this.resets.findByHash(sha256(token)));
    if (!reset) throw Problems.notFound('password reset');
    if (reset.used_at || reset.expires_at.getTime() <= Date.now()) {
      throw Problems.gone('This reset link was already used or has expired.');
    }
    const hash = await this.hasher.hash(password);
    await this.tx.platform(async () => {
      if (!(await this.resets.markUsed(reset.id)))
        throw Problems.gone('This reset link was already used or has expired.');
      await this.users.setPassword(reset.user_id, hash);
      await this.refreshTokens.revokeForUser(reset.user_id);
    });
  }
}
