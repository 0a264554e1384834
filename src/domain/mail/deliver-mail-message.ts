import type { Database } from '../../db/client.ts';
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
