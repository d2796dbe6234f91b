import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { CourseRepository } from './course.repository';
import { assertQuestionSplit } from './question-split';
import type { CourseContent } from './seed/course-content';
import { HT_101 } from './seed/ht-101.course';
import { HT_101_V1 } from './seed/ht-101-v1.course';

/**
 * Courses that ship with Beacon, every published version in order: a new version is a new entry with a higher
 * `version`, so a fresh install holds the same history (older versions retired) as one that was upgraded.
 */
export const SEEDED_COURSES: CourseContent[] = [HT_101_V1, HT_101];

/** Serializes seeding across processes that start together (api replicas). */
const SEED_LOCK = 0x6265_6163;

/**
 * Seeds the catalog at start-up, idempotently: a version that exists is left as it is (learners' completions point
 * at it), except for the provider's configured accreditation statements, which are configuration. A new version
 * whose per-objective draw its bank cannot fill stops start-up: that is a mistake in the seed, not in the data.
 */
@Injectable()
export class CatalogSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSeedService.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly courses: CourseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed(SEEDED_COURSES);
  }

  seed(contents: CourseContent[]): Promise<void> {
    return this.tx.platform(async () => {
      await this.courses.lockSeeding(SEED_LOCK);
      for (const content of contents) {
        const existing = await this.courses.findVersion(content.code, content.version);
        if (existing) {
          if (
            JSON.stringify(existing.accreditation_statements) !==
            JSON.stringify(this.config.accreditationStatements)
          ) {
            await this.courses.setAccreditationStatements(existing.id, [
              ...this.config.accreditationStatements,
            ]);
          }
          continue;
        }
        assertQuestionSplit(content);
        await this.courses.publish(content, [...this.config.accreditationStatements]);
        this.logger.log({ code: content.code, version: content.version }, 'published course');
      }
    });
  }
}
