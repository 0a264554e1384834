import type { Locale } from '../../db/schema.ts';

/**
 * The messages Saldo sends, as data: each key names a template with es and en defaults shipped
 * in code (src/mail/templates/defaults) that a seller may replace with its own versions
 * (mail_templates). The variables listed here are the only ones a template may use; the mail
 * adapter builds exactly these for every message (src/mail/templates/variables.ts).
 */
export const mailTemplateKeys = [
  'invitation_staff',
  'invitation_customer',
  'password_reset',
  'payment_receipt',
] as const;
export type MailTemplateKey = (typeof mailTemplateKeys)[number];

export interface MailTemplateVariable {
  /** As written in Liquid: `org_name`, `brand.accent_color`. */
  name: string;
  description: Record<Locale, string>;
}

export interface MailTemplateSpec {
  key: MailTemplateKey;
  /** A seller may keep its own versions. False for messages sent for no seller (password reset). */
  perSeller: boolean;
  /** It carries a single-use link: its body is erased once delivered over SMTP, never shown to staff. */
  carriesSingleUseLink: boolean;
  variables: readonly MailTemplateVariable[];
}

const v = (name: string, es: string, en: string): MailTemplateVariable => ({ name, description: { es, en } });

const invitation = [
  v('inviter_name', 'Quien invita (vacío si no tiene nombre)', 'Who invites (empty when they have no name)'),
  v('org_name', 'Nombre del vendedor', "The seller's name"),
  v('role', 'El rol, como se lee en una frase', 'The role, as it reads in a sentence'),
  v('url', 'El enlace para aceptar la invitación', 'The link that accepts the invitation'),
  v('expires_in', 'Cuándo vence el enlace ("7 días")', 'When the link expires ("7 days")'),
];

export const mailTemplateSpecs: Record<MailTemplateKey, MailTemplateSpec> = {
  invitation_staff: {
    key: 'invitation_staff',
    perSeller: true,
    carriesSingleUseLink: true,
    variables: invitation,
  },
  invitation_customer: {
    key: 'invitation_customer',
    perSeller: true,
    carriesSingleUseLink: true,
    variables: [
      ...invitation,
      v('account_name', 'La cuenta de cliente a la que se invita', 'The customer account invited to'),
    ],
  },
  password_reset: {
    key: 'password_reset',
    perSeller: false,
    carriesSingleUseLink: true,
    variables: [
      v('name', 'Nombre de la persona (puede estar vacío)', "The person's name (may be empty)"),
      v('url', 'El enlace para elegir una contraseña nueva', 'The link that sets a new password'),
      v('expires_in', 'Cuándo vence el enlace ("1 hora")', 'When the link expires ("1 hour")'),
    ],
  },
  payment_receipt: {
    key: 'payment_receipt',
    perSeller: true,
    // The link opens the portal's login; it grants nothing by itself.
    carriesSingleUseLink: false,
    variables: [
      v('name', 'Nombre de quien recibe (puede estar vacío)', "The recipient's name (may be empty)"),
      v('org_name', 'Nombre del vendedor', "The seller's name"),
      v('account_name', 'La cuenta de cliente que pagó', 'The customer account that paid'),
      v('payment_number', 'El número del pago ("PAG-000123")', 'The payment number ("PAY-000123")'),
      v('paid_on', 'La fecha del pago ("12 sept 2026")', 'The payment date ("Sep 12, 2026")'),
      v('method', 'Con qué se pagó ("Visa ·· 4242")', 'What paid ("Visa ·· 4242")'),
      v('amount', 'Lo pagado a las facturas, con su moneda', 'What was paid to invoices, with its currency'),
      v(
        'fee',
        'El cargo por conveniencia (vacío si no hubo)',
        'The convenience fee (empty when there was none)',
      ),
      v('total', 'El total cobrado (pago más cargo)', 'The total charged (payment plus fee)'),
      v(
        'invoices',
        'Las facturas pagadas: cada una con `number` y `amount` ({% for i in invoices %})',
        'The invoices paid: each with `number` and `amount` ({% for i in invoices %})',
      ),
      v(
        'url',
        'El enlace a este pago en el portal (pide iniciar sesión)',
        "This payment's page in the portal (asks to sign in)",
      ),
    ],
  },
};

/** What every template may use besides its own variables: who the message is sent for. */
export const brandVariables: readonly MailTemplateVariable[] = [
  v('brand.name', 'El vendedor (o Saldo, si no hay vendedor)', 'The seller (or Saldo when there is none)'),
  v(
    'brand.is_seller',
    'Verdadero si se envía en nombre de un vendedor',
    'True when sent on behalf of a seller',
  ),
  v(
    'brand.footer',
    'El pie de página del vendedor (puede estar vacío)',
    "The seller's footer (may be empty)",
  ),
  v('brand.accent_color', 'El color del vendedor (#rrggbb)', "The seller's colour (#rrggbb)"),
  v(
    'brand.button_text_color',
    'Color del texto sobre el color del vendedor',
    'Text colour on the seller colour',
  ),
  v('brand.link_color', 'Color de los enlaces', 'Colour of links'),
];

export function isMailTemplateKey(key: string): key is MailTemplateKey {
  return (mailTemplateKeys as readonly string[]).includes(key);
}

/** Every variable a template of `key` may use: its own, then the brand's. */
export function mailTemplateVariables(key: MailTemplateKey): MailTemplateVariable[] {
  return [...mailTemplateSpecs[key].variables, ...brandVariables];
}

/** The Liquid sources of one template version. */
export interface MailTemplateSources {
  subject: string;
  /** The preview line mail clients show beside the subject (HTML part only). */
  preheader: string;
  textBody: string;
  /** The content of the HTML part; the layout around it (seller name, colour, footer) is Saldo's. */
  htmlBody: string;
}
export type MailTemplatePart = keyof MailTemplateSources;

/**
 * Why a template version cannot be used: where (part, line and column from 1) and what. `syntax`:
 * it does not parse (or names an unknown tag or filter); `render`: it parses but fails on sample
 * data; `unknown_variable`: it reads a variable its key does not have.
 */
export type MailTemplateProblem =
  | { part: MailTemplatePart; line: number; column: number; kind: 'syntax' | 'render'; reason: string }
  | { part: MailTemplatePart; line: number; column: number; kind: 'unknown_variable'; variable: string };

/**
 * The port to the template engine (Liquid, in src/mail/templates): the domain keeps which
 * template is in use; parsing and rendering stay in the mail adapter.
 */
export interface MailTemplateEngine {
  /** Saldo's shipped sources for a key and language. */
  defaults(key: MailTemplateKey, locale: Locale): MailTemplateSources;
  /** Every problem of a candidate version: syntax, unknown tags or filters, unknown variables. */
  check(key: MailTemplateKey, sources: MailTemplateSources): MailTemplateProblem[];
}
