import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';

/** What every BullMQ worker of this process needs beyond its processor: error logging and a graceful stop. */
@Injectable()
export class BullWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BullWorkers.name);

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    // A worker reports trouble outside any job as an 'error' event (a job whose keys vanished in a Redis restart,
    // a lost connection); with no listener Node throws it, and the whole worker process would die of it.
    for (const host of this.hosts())
      host.worker.on('error', (error) =>
        this.logger.error({ err: error, queue: host.worker.name }, 'queue worker error'),
      );
  }

  /**
   * Lets every worker finish the jobs in hand before anything else shuts down. BullMQ's own module closes its
   * workers in the same late phase as the database pool and the mail transport, in no promised order, so a mail
   * being sent could lose the connection it needs to be marked sent.
   */
  async beforeApplicationShutdown(): Promise<void> {
    // close() stops taking jobs at once and resolves when the active ones have ended.
    await Promise.all(this.hosts().map((host) => host.worker.close()));
  }

  private hosts(): WorkerHost[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  }
}
