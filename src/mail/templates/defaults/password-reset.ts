import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { compose } from './compose.ts';

/** A password reset link: Saldo's own message, sent for no seller. */
export const passwordReset: Record<Locale, MailTemplateSources> = {
  es: compose({
    subject: 'Restablece tu contraseña de Saldo',
    preheader: 'Usa este enlace para elegir una contraseña nueva. Vence en {{ expires_in }}.',
    greeting: '{% if name != "" %}Hola, {{ name }}:{% else %}Hola:{% endif %}',
    paragraphs: [
      'Recibimos una solicitud para restablecer la contraseña de tu cuenta de Saldo. Puedes elegir una nueva desde el siguiente enlace.',
    ],
    actionLabel: 'Restablecer contraseña',
    expiry: 'Por tu seguridad, este enlace vence en {{ expires_in }} y solo puede usarse una vez.',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing: [
      'Si no solicitaste este cambio, puedes ignorar este correo: tu contraseña seguirá siendo la misma.',
    ],
  }),
  en: compose({
    subject: 'Reset your Saldo password',
    preheader: 'Use this link to choose a new password. It expires in {{ expires_in }}.',
    greeting: '{% if name != "" %}Hi {{ name }},{% else %}Hello,{% endif %}',
    paragraphs: [
      'We received a request to reset the password for your Saldo account. You can choose a new one using the link below.',
    ],
    actionLabel: 'Reset password',
    expiry: 'For your security, this link expires in {{ expires_in }} and can only be used once.',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing: [
      "If you didn't ask to reset your password, you can safely ignore this email. Your password won't change.",
    ],
  }),
};
