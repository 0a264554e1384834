import type { Task } from 'graphile-worker';
import { type Kysely, sql } from 'kysely';
import { validate as isUuid } from 'uuid';
import type { DB } from '../../db/schema.ts';
import type { MailTransport } from '../../mail/transports.ts';

export interface SendEmailDeps {
  db: Kysely<DB>;
  transport: MailTransport;
}

function messageIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { messageId } = payload as { messageId?: unknown };
  return typeof messageId === 'string' && isUuid(messageId) ? messageId : undefined;
}

/** `<id@domain-of-the-sender>`: the same on every retry, so a receiver can tell a duplicate. */
function stableMessageId(id: string, from: string): string {
  const domain = /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1] ?? 'saldo.localhost';
  return `<${id}@${domain}>`;
}

/** An error as one short line for the outbox, with any credentials in URLs blanked out. */
export function describeSendError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ` : '';
  return `${code}${message}`
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}

/**
 * Delivers one queued mail_messages row. Idempotent: a message already sent is left alone.
 * A failure is recorded on the row and rethrown so graphile-worker retries with backoff; the
 * last allowed attempt marks the message failed. Once an SMTP server has accepted a sensitive
 * message (it carries a single-use link) its body is erased; the capture transport keeps it,
 * since the captured outbox is the only mailbox there is.
 */
export function sendEmailTask(deps: SendEmailDeps): Task {
  return async (payload, helpers) => {
    const id = messageIdOf(payload);
    if (!id) {
      helpers.logger.error(`send-email job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const row = await deps.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) {
      helpers.logger.warn(`Mail message ${id} no longer exists; nothing to send`);
      return;
    }
    if (row.status === 'sent') return;
    if (row.text_body === null || row.html_body === null) {
      helpers.logger.error(`Mail message ${id} has no body; cannot send`);
      return;
    }

    let smtpMessageId: string | null;
    try {
      ({ messageId: smtpMessageId } = await deps.transport.send({
        from: row.from_address,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: stableMessageId(row.id, row.from_address),
      }));
    } catch (err) {
      const lastError = describeSendError(err);
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      await deps.db
        .updateTable('mail_messages')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: lastError,
          transport: deps.transport.kind,
          ...(lastAttempt ? { status: 'failed' as const } : {}),
        }))
        .where('id', '=', id)
        .where('status', '<>', 'sent')
        .execute();
      throw new Error(lastError, { cause: err });
    }

    const redact = deps.transport.kind === 'smtp' && row.sensitive;
    await deps.db
      .updateTable('mail_messages')
      .set((eb) => ({
        status: 'sent' as const,
        sent_at: sql<Date>`now()`,
        transport: deps.transport.kind,
        smtp_message_id: smtpMessageId,
        attempts: eb('attempts', '+', 1),
        ...(redact ? { text_body: null, html_body: null } : {}),
      }))
      .where('id', '=', id)
      .execute();
  };
}
