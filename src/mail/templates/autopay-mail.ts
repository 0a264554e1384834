import type { Config } from '../../config/config.ts';
import type { AutopayMail, AutopayMailer } from '../../domain/autopay/autopay-mail-port.ts';
import type { OutgoingMail } from '../../domain/mail/mail-port.ts';
import { createOutboxMailer } from '../outbox-mailer.ts';
import type { MailOrg } from './brand.ts';
import { renderMail } from './render-mail.ts';

/**
 * Autopay's messages as mail templates a seller may edit: the notice before a charge is the
 * `autopay_upcoming` template, the word after a charge that did not go through `autopay_failed`
 * (their es/en defaults in defaults/autopay.ts, their variables in customer-variables.ts). The
 * domain's autopay port keeps its own names; this adapter maps them to the keys.
 */
export function asOutgoingMail(mail: AutopayMail): OutgoingMail {
  return mail.template === 'autopay_notice'
    ? { ...mail, template: 'autopay_upcoming' }
    : { ...mail, template: 'autopay_failed' };
}

/** A message with Saldo's default template (the seller's own version is the outbox mailer's). */
export function renderAutopayMail(
  mail: AutopayMail,
  org: MailOrg,
): { subject: string; text: string; html: string } {
  return renderMail(asOutgoingMail(mail), org);
}

/** The AutopayMailer adapter: the outbox mailer, with the seller's current version of the template. */
export function createAutopayMailer(config: Pick<Config, 'mailFrom'>): AutopayMailer {
  const outbox = createOutboxMailer(config);
  return { enqueue: (db, mail) => outbox.enqueue(db, asOutgoingMail(mail)) };
}
