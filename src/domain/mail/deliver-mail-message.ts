import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  findMailAttachments,
  findMailMessage,
  markMailMessageSent,
  recordMailMessageFailure,
} from './mail-messages.repository.ts';
import type { MailTransport } from './mail-port.ts';

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

export type DeliveryOutcome = 'sent' | 'already_sent' | 'missing' | 'no_body' | 'failed';

/**
 * An SMTP answer no retry will change (5xx: no such mailbox, relay refused): the message is failed
 * at once rather than retried for hours.
 */
export function isPermanentSendError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * What happens to a customer message that failed for good with contacts left to try: a copy goes to
 * the next one (src/mail/outbox-mailer.ts queues it, with the rest as its own fallbacks).
 */
export type QueueMailFallback = (db: Database, failedMessageId: string) => Promise<{ id: string } | null>;

/**
 * Delivers one queued message. Idempotent: a message already sent is left alone. A failure is
 * recorded on the message and rethrown (the queue retries with backoff); the last allowed attempt
 * marks it failed. A permanent refusal (5xx) fails it at once, with no retry. A message that failed
 * for good with fallback addresses (a customer's next contacts) has a copy queued to the next one
 * (`queueFallback`). Once an SMTP server has accepted a sensitive message (it carries a single-use
 * link) its body is erased; the capture transport keeps it, since the captured outbox is the only
 * mailbox there is. No transaction: each write stands alone, and the send between them is not
 * the database's to undo.
 */
export async function deliverMailMessage(
  deps: { db: Database; transport: MailTransport; queueFallback?: QueueMailFallback | undefined },
  input: { messageId: string; lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const { db, transport } = deps;
  const message = await findMailMessage(db, input.messageId);
  if (!message) return 'missing';
  if (message.status === 'sent') return 'already_sent';
  if (message.text === null || message.html === null) return 'no_body';

  const attachments = await findMailAttachments(db, message.id);
  let smtpMessageId: string | null;
  try {
    ({ messageId: smtpMessageId } = await transport.send({
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: stableMessageId(message.id, message.from),
      ...(attachments.length > 0 ? { attachments } : {}),
    }));
  } catch (err) {
    const lastError = describeSendError(err);
    // A 5xx answer will not change on a retry: failed now, and the next contact tried at once.
    const permanent = isPermanentSendError(err);
    const failed = input.lastAttempt || permanent;
    await recordMailMessageFailure(db, {
      id: message.id,
      transport: transport.kind,
      lastError,
      failed,
    });
    if (failed && message.fallbackAddresses.length > 0 && deps.queueFallback)
      await deps.queueFallback(db, message.id);
    if (permanent) return 'failed';
    throw new Error(lastError, { cause: err });
  }
  await markMailMessageSent(db, {
    id: message.id,
    transport: transport.kind,
    smtpMessageId,
    eraseBody: transport.kind === 'smtp' && message.sensitive,
  });
  return 'sent';
}

/**
 * Hands a message its batch could not deliver to a job of its own (the `send-email` task, with its
 * retries, backoff and fallback to the next contact), on the handle given: the caller's
 * transaction, which also records the failure.
 */
export type HandOffMailMessage = (db: Database, messageId: string) => Promise<void>;

export interface MailBatchOutcome {
  sent: number;
  /** Already sent, already handed to a job of its own, gone, or without a body: left alone. */
  skipped: number;
  /** Refused for good (5xx): failed at once, the next contact tried when there is one. */
  failed: number;
  /** Handed to a job of its own after a temporary failure. */
  handedOff: number;
}

interface BatchRow {
  id: string;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  sensitive: boolean;
}

/**
 * Delivers a batch of queued messages (the weekly collection's `send-email.batch` job): the batch's
 * messages loaded in one query, sent `concurrency` at a time over the (pooled) transport, and
 * marked sent in one update per group — each group being every send that completed while the
 * previous update was in flight, so a message is marked about as soon as it would be one at a
 * time, with one round trip for many.
 *
 * Each message is delivered once. Only messages still queued and never attempted are taken: one
 * already sent (a retried batch) is skipped, and so is one handed to its own job, which owns it
 * from then on. A temporary failure records the error and hands the message to its own job in one
 * transaction; a permanent refusal (5xx) fails it at once and queues the copy to the next contact
 * (`queueFallback`). A sensitive message's body is erased by the update that marks it sent over
 * SMTP, as deliverMailMessage does. Should the marking itself fail, the error is rethrown once
 * every send in flight has settled (the job is retried; only those messages can go out twice,
 * under the same Message-ID, as with one message at a time).
 */
export async function deliverMailBatch(
  deps: {
    db: Database;
    transport: MailTransport;
    handOff: HandOffMailMessage;
    queueFallback?: QueueMailFallback | undefined;
  },
  input: { messageIds: string[]; concurrency: number },
): Promise<MailBatchOutcome> {
  const { db, transport } = deps;
  const outcome: MailBatchOutcome = { sent: 0, skipped: 0, failed: 0, handedOff: 0 };
  if (input.messageIds.length === 0) return outcome;
  const { rows } = await sql<BatchRow>`
    select id, from_address, to_address, subject, text_body, html_body, sensitive
      from mail_messages
     where id = any(${input.messageIds}::uuid[])
       and status = 'queued' and attempts = 0
       and text_body is not null and html_body is not null
     order by id
  `.execute(db);
  outcome.skipped = input.messageIds.length - rows.length;
  const attachments = new Map<string, { filename: string; contentType: string; content: Buffer }[]>();
  if (rows.length > 0) {
    const files = await sql<{ message_id: string; filename: string; content_type: string; content: Buffer }>`
      select message_id, filename, content_type, content from mail_attachments
       where message_id = any(${rows.map((r) => r.id)}::uuid[])
       order by message_id, position
    `.execute(db);
    for (const f of files.rows) {
      const list = attachments.get(f.message_id) ?? [];
      list.push({ filename: f.filename, contentType: f.content_type, content: f.content });
      attachments.set(f.message_id, list);
    }
  }

  // Sent, waiting for the update that marks them; one update at a time takes all there are.
  const pending: { id: string; smtpMessageId: string | null }[] = [];
  let marking: Promise<void> | null = null;
  let markError: unknown = null;
  const markPending = () => {
    marking ??= (async () => {
      try {
        while (pending.length > 0) await markSent(db, transport.kind, pending.splice(0));
      } catch (err) {
        markError ??= err;
      } finally {
        marking = null;
      }
    })();
  };

  let next = 0;
  const worker = async () => {
    while (next < rows.length && markError === null) {
      const message = rows[next++]!;
      const files = attachments.get(message.id) ?? [];
      let smtpMessageId: string | null;
      try {
        ({ messageId: smtpMessageId } = await transport.send({
          from: message.from_address,
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          html: message.html_body,
          messageId: stableMessageId(message.id, message.from_address),
          ...(files.length > 0 ? { attachments: files } : {}),
        }));
      } catch (err) {
        const permanent = isPermanentSendError(err);
        await inTransaction(db, async (trx) => {
          await recordMailMessageFailure(trx, {
            id: message.id,
            transport: transport.kind,
            lastError: describeSendError(err),
            failed: permanent,
          });
          if (!permanent) await deps.handOff(trx, message.id);
        });
        if (permanent) {
          outcome.failed += 1;
          if (deps.queueFallback) await deps.queueFallback(db, message.id);
        } else outcome.handedOff += 1;
        continue;
      }
      pending.push({ id: message.id, smtpMessageId });
      outcome.sent += 1;
      markPending();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, rows.length)) }, worker));
  while (marking) await marking;
  if (markError === null && pending.length > 0) await markSent(db, transport.kind, pending.splice(0));
  if (markError !== null) throw markError;
  return outcome;
}

/** Marks a group of delivered messages sent in one update; over SMTP a sensitive body is erased. */
async function markSent(
  db: Database,
  kind: MailTransport['kind'],
  sent: { id: string; smtpMessageId: string | null }[],
): Promise<void> {
  if (sent.length === 0) return;
  const erase = kind === 'smtp';
  const ids = sent.map((s) => s.id);
  // `m.id = any(ids)` as well as the join: a primary-key lookup per message, never a scan of the
  // outbox (the planner cannot tell how long the unnested list is).
  await sql`
    update mail_messages m
       set status = 'sent', sent_at = now(), transport = ${kind},
           smtp_message_id = s.smtp_message_id, attempts = m.attempts + 1,
           text_body = case when ${erase}::boolean and m.sensitive then null else m.text_body end,
           html_body = case when ${erase}::boolean and m.sensitive then null else m.html_body end
      from unnest(${ids}::uuid[], ${sent.map((s) => s.smtpMessageId)}::text[]) as s(id, smtp_message_id)
     where m.id = any(${ids}::uuid[]) and m.id = s.id
  `.execute(db);
}
