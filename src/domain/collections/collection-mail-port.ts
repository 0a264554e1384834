import type { Database } from '../../db/client.ts';
import type { OutgoingMail } from '../mail/mail-port.ts';

/**
 * The weekly run writes thousands of messages: this port takes a page of them at once. The
 * adapter (src/mail/batch-mailer.ts) renders each with the seller's template (looked up once per
 * language), stores them in the outbox with one insert and queues their delivery in a few jobs,
 * all on the handle it is given (the run's transaction).
 */
export interface BatchMailer {
  enqueueMany(db: Database, mails: OutgoingMail[]): Promise<{ ids: string[] }>;
}
