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
  'pay_now',
  'invoice_delivery',
  'reminder',
  'account_on_hold',
  'autopay_upcoming',
  'autopay_failed',
  'weekly_collection',
  'statement',
  'inquiry_reply',
  'reminder_upcoming',
  'reminder_final',
  'credit_memo_delivery',
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

const customerGreeting = [
  v(
    'name',
    'Nombre del contacto que recibe (puede estar vacío)',
    "The receiving contact's name (may be empty)",
  ),
  v('org_name', 'Nombre del vendedor', "The seller's name"),
  v('account_name', 'La cuenta de cliente', 'The customer account'),
];

/** A reminder's variables: every dunning step's template and "send reminder now" use them. */
const reminderVariables = [
  ...customerGreeting,
  v(
    'invoices',
    'Las facturas: cada una con `number`, `due_on`, `amount` y `days_from_due` ({% for i in invoices %})',
    'The invoices: each with `number`, `due_on`, `amount` and `days_from_due` ({% for i in invoices %})',
  ),
  v(
    'days_from_due',
    'Días respecto al vencimiento de la factura más antigua: negativo antes, 0 el día, positivo después',
    "Days relative to the oldest invoice's due date: negative before, 0 on the day, positive after",
  ),
  v(
    'due_phrase',
    'Lo mismo en palabras ("vence en 3 días", "venció hace 7 días")',
    'The same in words ("due in 3 days", "7 days overdue")',
  ),
  v('amount_due', 'El total por pagar de esas facturas', 'The total due on those invoices'),
  v('url', 'El enlace para pagar (puede estar vacío)', 'The link to pay (may be empty)'),
];

const autopayCommon = [
  ...customerGreeting,
  v('method', 'Con qué se cobra ("Visa ·· 4242")', 'What is charged ("Visa ·· 4242")'),
  v('amount', 'El importe del cobro, con su moneda', 'The amount of the charge, with its currency'),
  v(
    'invoices',
    'Las facturas del cobro: cada una con `number` y `amount` ({% for i in invoices %})',
    'The invoices of the charge: each with `number` and `amount` ({% for i in invoices %})',
  ),
  v(
    'url',
    'La página del pago automático en el portal (pide iniciar sesión; puede estar vacío)',
    'The autopay page in the portal (asks to sign in; may be empty)',
  ),
];

export const mailTemplateSpecs: Record<MailTemplateKey, MailTemplateSpec> = {
  // A pay-now e-mail: its link opens and pays exactly its invoices, with no sign-in.
  pay_now: {
    key: 'pay_now',
    perSeller: true,
    carriesSingleUseLink: true,
    variables: [
      v(
        'name',
        'Nombre del contacto que recibe (puede estar vacío)',
        "The receiving contact's name (may be empty)",
      ),
      v('org_name', 'Nombre del vendedor', "The seller's name"),
      v('account_name', 'La cuenta de cliente', 'The customer account'),
      v(
        'invoices',
        'Los documentos: cada uno con `number`, `issued_on`, `due_on`, `total` y `amount` (lo que se cobra) ({% for i in invoices %})',
        'The documents: each with `number`, `issued_on`, `due_on`, `total` and `amount` (what is due) ({% for i in invoices %})',
      ),
      v('count', 'Cuántos documentos ("2")', 'How many documents ("2")'),
      v('amount_due', 'El total a pagar, con su moneda', 'The total due, with its currency'),
      v(
        'expires_on',
        'El día en que vence el enlace ("12 sept 2026")',
        'The day the link expires ("Sep 12, 2026")',
      ),
      v('expires_in', 'Cuánto dura el enlace ("14 días")', 'How long the link lasts ("14 days")'),
      v(
        'url',
        'El enlace para ver y pagar estos documentos, sin iniciar sesión',
        'The link that shows and pays these documents, with no sign-in',
      ),
    ],
  },
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
  // Issue 10's templates: invoice delivery, reminders, holds, autopay.
  invoice_delivery: {
    key: 'invoice_delivery',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...customerGreeting,
      v('invoice_number', 'El número de la factura', 'The invoice number'),
      v('issued_on', 'La fecha de emisión ("12 sept 2026")', 'The issue date ("Sep 12, 2026")'),
      v('due_on', 'La fecha de vencimiento', 'The due date'),
      v('total', 'El total de la factura, con su moneda', 'The invoice total, with its currency'),
      v('amount_due', 'Lo que queda por pagar', 'What remains to be paid'),
      v(
        'pdf_attached',
        'Verdadero si el PDF va adjunto ({% if pdf_attached %})',
        'True when the PDF is attached ({% if pdf_attached %})',
      ),
      v(
        'url',
        'El enlace para ver la factura (puede estar vacío)',
        'The link to view the invoice (may be empty)',
      ),
    ],
  },
  credit_memo_delivery: {
    key: 'credit_memo_delivery',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...customerGreeting,
      v('credit_memo_number', 'El número de la nota de crédito', 'The credit memo number'),
      v('issued_on', 'La fecha de emisión', 'The issue date'),
      v('amount', 'El importe de la nota, con su moneda', 'The credit memo amount, with its currency'),
      v('available', 'Lo que queda por aplicar', 'What remains to be applied'),
      v(
        'invoice_number',
        'La factura que acredita (puede estar vacío)',
        'The invoice it credits (may be empty)',
      ),
      v(
        'url',
        'El enlace al portal del cliente (puede estar vacío)',
        "The link to the customer's portal (may be empty)",
      ),
    ],
  },
  reminder: {
    key: 'reminder',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: reminderVariables,
  },
  // The dunning steps before the due date and the last one (src/domain/dunning): the same variables.
  reminder_upcoming: {
    key: 'reminder_upcoming',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: reminderVariables,
  },
  reminder_final: {
    key: 'reminder_final',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: reminderVariables,
  },
  inquiry_reply: {
    key: 'inquiry_reply',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...customerGreeting,
      v('invoice_number', 'La factura de la consulta', 'The invoice asked about'),
      v(
        'kind',
        'Consulta o disputa, en una frase ("tu disputa")',
        'Question or dispute, in a sentence ("your dispute")',
      ),
      v('reply', 'La respuesta del vendedor, tal como la escribió', "The seller's answer, as written"),
      v('resolved', 'Verdadero si con esta respuesta quedó resuelta', 'True when this answer resolves it'),
      v(
        'resolution',
        'Cómo se resolvió ("se emitió una nota de crédito"); vacío si sigue abierta',
        'How it was resolved ("a credit note was issued"); empty while open',
      ),
      v(
        'url',
        'La factura en el portal (pide iniciar sesión)',
        'The invoice in the portal (asks to sign in)',
      ),
    ],
  },
  account_on_hold: {
    key: 'account_on_hold',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...customerGreeting,
      v(
        'message',
        'Lo que el vendedor dice al cliente sobre la retención (puede estar vacío)',
        'What the seller tells the customer about the hold (may be empty)',
      ),
      v('amount_due', 'El saldo vencido de la cuenta', "The account's overdue balance"),
      v(
        'url',
        'El enlace para pagar o ver la cuenta (puede estar vacío)',
        'The link to pay or view the account (may be empty)',
      ),
    ],
  },
  autopay_upcoming: {
    key: 'autopay_upcoming',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...autopayCommon,
      v('charge_on', 'El día del cobro ("14 sept 2026")', 'The charge day ("Sep 14, 2026")'),
    ],
  },
  autopay_failed: {
    key: 'autopay_failed',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...autopayCommon,
      v('attempted_on', 'El día del intento', 'The day of the attempt'),
      v('reason', 'Por qué no se pudo cobrar, en palabras', 'Why the charge did not go through, in words'),
      v(
        'next_retry_on',
        'El día del próximo intento (vacío si no habrá otro)',
        'The day of the next attempt (empty when there is none)',
      ),
      v(
        'paused',
        'No vacío si el pago automático quedó en pausa (el método ya no sirve)',
        'Not empty when autopay is paused (the method can no longer be used)',
      ),
    ],
  },
  // The weekly automatic collection and the statement of account (src/domain/collections, statements).
  weekly_collection: {
    key: 'weekly_collection',
    perSeller: true,
    // The pay link opens only the documents it names, for whoever holds the e-mail, like a paper bill.
    carriesSingleUseLink: false,
    variables: [
      ...customerGreeting,
      v(
        'documents',
        'Los documentos: cada uno con `number`, `issue_date`, `due_date`, `amount_due` y `days_overdue` ({% for d in documents %})',
        'The documents: each with `number`, `issue_date`, `due_date`, `amount_due` and `days_overdue` ({% for d in documents %})',
      ),
      v('document_count', 'Cuántos documentos', 'How many documents'),
      v('total_due', 'El total por pagar, con su moneda', 'The total due, with its currency'),
      v('overdue_total', 'Lo vencido de ese total', 'The overdue part of that total'),
      v('url', 'El enlace para pagarlos (puede estar vacío)', 'The link to pay them (may be empty)'),
      v('expires_in', 'Cuándo vence el enlace ("7 días")', 'When the link expires ("7 days")'),
    ],
  },
  statement: {
    key: 'statement',
    perSeller: true,
    carriesSingleUseLink: false,
    variables: [
      ...customerGreeting,
      v('period', 'El periodo ("1 nov 2026 – 30 nov 2026")', 'The period ("Nov 1, 2026 – Nov 30, 2026")'),
      v('opening_balance', 'El saldo al inicio del periodo', 'The balance at the start of the period'),
      v('closing_balance', 'El saldo al cierre del periodo', 'The balance at the end of the period'),
      v(
        'url',
        'El enlace para pagar el saldo (vacío si no hay nada por pagar)',
        'The link to pay the balance (empty when nothing is due)',
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

/**
 * The real case a preview (or a test send) is written for: the seller, the staff member or
 * customer contact it goes to, and the customer chosen in the editor with its open invoices.
 * The engine builds each key's variables from it (src/mail/templates/preview-data.ts); a key it
 * has no builder for yet uses its sample data.
 */
export interface MailPreviewContext {
  org: { name: string; country: string; branding: { accentColor?: string; footer?: string } };
  recipient: { name: string; email: string };
  /** Null when the editor chose no customer: the sample customer is used. */
  customer: {
    name: string;
    accountNumber: string;
    currency: string;
    /** What the customer is told about a hold (customer_accounts.hold_message). */
    holdMessage: string | null;
    /** Oldest due first; amounts in minor units of `currency`. */
    openInvoices: { number: string; issuedOn: string; dueOn: string; total: bigint; open: bigint }[];
  } | null;
  /** The seller's today, 'YYYY-MM-DD' (days relative to due are counted from it). */
  today: string;
  /** Saldo's public address (links in the preview point under it). */
  publicUrl: string;
}

/** A preview: the message as it would be sent, or why it cannot be written. */
export type MailPreview =
  | { problems: []; subject: string; text: string; html: string }
  | { problems: MailTemplateProblem[]; subject: null; text: null; html: null };

/** The engine's preview side (added to the port by the templates editor). */
export interface MailTemplatePreviewer {
  preview(
    key: MailTemplateKey,
    locale: Locale,
    sources: MailTemplateSources,
    context: MailPreviewContext,
  ): MailPreview;
}
