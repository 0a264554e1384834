import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData } from '../../domain/mail/mail-port.ts';
import { formatMinutes } from './durations.ts';
import type { MailContent } from './layout.ts';

type Data = MailTemplateData['password_reset'];

const wording: Record<Locale, (d: Data, expiresIn: string) => MailContent> = {
  es: (d, expiresIn) => ({
    subject: 'Restablece tu contraseña de Saldo',
    preheader: `Usa este enlace para elegir una contraseña nueva. Vence en ${expiresIn}.`,
    greeting: d.name.trim() ? `Hola, ${d.name.trim()}:` : 'Hola:',
    paragraphs: [
      'Recibimos una solicitud para restablecer la contraseña de tu cuenta de Saldo. Puedes elegir una nueva desde el siguiente enlace.',
    ],
    action: { label: 'Restablecer contraseña', url: d.url },
    expiry: `Por tu seguridad, este enlace vence en ${expiresIn} y solo puede usarse una vez.`,
    closing: [
      'Si no solicitaste este cambio, puedes ignorar este correo: tu contraseña seguirá siendo la misma.',
    ],
  }),
  en: (d, expiresIn) => ({
    subject: 'Reset your Saldo password',
    preheader: `Use this link to choose a new password. It expires in ${expiresIn}.`,
    greeting: d.name.trim() ? `Hi ${d.name.trim()},` : 'Hello,',
    paragraphs: [
      'We received a request to reset the password for your Saldo account. You can choose a new one using the link below.',
    ],
    action: { label: 'Reset password', url: d.url },
    expiry: `For your security, this link expires in ${expiresIn} and can only be used once.`,
    closing: [
      "If you didn't ask to reset your password, you can safely ignore this email. Your password won't change.",
    ],
  }),
};

export function passwordResetContent(locale: Locale, data: Data): MailContent {
  return wording[locale](data, formatMinutes(locale, data.expiresInMinutes));
}
