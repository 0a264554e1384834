import type { Transporter } from 'nodemailer';
import type { Config } from '../config/config.ts';
import type { MailTransport } from '../domain/mail/mail-port.ts';

export type { MailTransport, TransportMessage } from '../domain/mail/mail-port.ts';

/**
 * The transport queued mail goes out by: SMTP_URL set, the SMTP server there (nodemailer);
 * unset, `capture`, which sends nothing (the message already sits in mail_messages).
 */
export function createMailTransport(config: Pick<Config, 'smtpUrl'>): MailTransport {
  if (!config.smtpUrl) {
    return {
      kind: 'capture',
      send: async (msg) => ({ messageId: msg.messageId ?? null }),
      close: () => {},
    };
  }
  const smtpUrl = config.smtpUrl;
  // nodemailer loads at the first message sent, not at every start of the server.
  let transporter: Promise<Transporter> | undefined;
  const connect = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(smtpUrl),
    ));
  return {
    kind: 'smtp',
    async send(msg) {
      const info = await (await connect()).sendMail({
        from: msg.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        ...(msg.messageId ? { messageId: msg.messageId } : {}),
        ...(msg.attachments?.length ? { attachments: msg.attachments } : {}),
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => {
      void transporter?.then((t) => t.close());
    },
  };
}
