import { v7 as uuidv7 } from 'uuid';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { addJob } from '../db/jobs.ts';
import { insertMailMessage } from '../domain/mail/mail-messages.repository.ts';
import type { TestMailOutbox } from '../domain/mail/send-test-mail-template.ts';
import { SEND_EMAIL_TASK, type SendEmailPayload, sendEmailMaxAttempts } from './outbox-mailer.ts';

/**
 * The templates editor's test send: a message the editor already wrote, put in the outbox
 * (is_test, so it is no use of the template) and delivered by the same send-email job and
 * transport as every other message. It goes to the staff member's own address; its links are
 * the preview's (they open nothing), so it is not sensitive.
 */
export function createTestMailOutbox(config: Pick<Config, 'mailFrom'>): TestMailOutbox {
  return {
    async enqueueTest(db, message) {
      const id = uuidv7();
      await insertMailMessage(db as Database, {
        id,
        orgId: message.orgId,
        template: message.template,
        templateVersion: null,
        locale: message.locale,
        to: message.to.trim().toLowerCase(),
        from: config.mailFrom,
        subject: message.subject,
        text: message.text,
        html: message.html,
        sensitive: false,
        test: true,
      });
      const payload: SendEmailPayload = { messageId: id };
      await addJob(db, SEND_EMAIL_TASK, payload, { jobKey: `mail:${id}`, maxAttempts: sendEmailMaxAttempts });
      return { id };
    },
  };
}
