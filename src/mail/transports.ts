import nodemailer from 'nodemailer';
import type { Config } from '../config/config.ts';

export interface TransportMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable Message-ID (`<id@domain>`), so a retried delivery can be recognised as the same message. */
  messageId?: string;
}

/**
 * Where queued mail goes. `smtp` hands it to the SMTP server in SMTP_URL; `capture` sends nothing:
 * the message already sits in mail_messages, which is what the console's Outbox shows.
 */
export interface MailTransport {
  kind: 'smtp' | 'capture';
  send(msg: TransportMessage): Promise<{ messageId: string | null }>;
  close(): void;
}

export function createMailTransport(config: Pick<Config, 'smtpUrl'>): MailTransport {
  if (!config.smtpUrl) {
    return {
      kind: 'capture',
      send: async (msg) => ({ messageId: msg.messageId ?? null }),
      close: () => {},
    };
  }
  const transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    kind: 'smtp',
    async send(msg) {
      const info = await transporter.sendMail({
        from: msg.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        ...(msg.messageId ? { messageId: msg.messageId } : {}),
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transporter.close(),
  };
}
