import type { Task } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import { deliverMailMessage } from '../../domain/mail/deliver-mail-message.ts';
import type { MailTransport } from '../../domain/mail/mail-port.ts';
import { queueMailFallback } from '../../mail/outbox-mailer.ts';

export interface SendEmailDeps {
  db: Database;
  transport: MailTransport;
}

function messageIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { messageId } = payload as { messageId?: unknown };
  return typeof messageId === 'string' && isUuid(messageId) ? messageId : undefined;
}

/**
 * Delivers one queued mail_messages row (domain/mail/deliver-mail-message.ts). A failure is
 * rethrown so graphile-worker retries with backoff; its last allowed attempt marks the message failed.
 */
export function sendEmailTask(deps: SendEmailDeps): Task {
  return async (payload, helpers) => {
    const messageId = messageIdOf(payload);
    if (!messageId) {
      helpers.logger.error(`send-email job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const outcome = await deliverMailMessage(
      { ...deps, queueFallback: queueMailFallback },
      {
        messageId,
        lastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
      },
    );
    if (outcome === 'missing')
      helpers.logger.warn(`Mail message ${messageId} no longer exists; nothing to send`);
    if (outcome === 'failed')
      helpers.logger.warn(`Mail message ${messageId} was refused for good; not retried`);
    if (outcome === 'no_body') helpers.logger.error(`Mail message ${messageId} has no body; cannot send`);
  };
}
