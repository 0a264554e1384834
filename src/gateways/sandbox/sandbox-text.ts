import type { Behaviour } from './sandbox-test-numbers.ts';

/**
 * The words of the sandbox's own pages, in Spanish and English. They belong to the fake processor,
 * not to Saldo's catalogue (src/i18n), as a real processor's hosted page has its own.
 */
export type SandboxLocale = 'es' | 'en';

export interface SandboxText {
  banner: string;
  bannerNote: string;
  cardTitle: string;
  bankTitle: string;
  number: string;
  expiry: string;
  expiryHint: string;
  cvc: string;
  cvcHint: string;
  cardName: string;
  postalCode: string;
  holderName: string;
  routing: string;
  account: string;
  accountType: string;
  checking: string;
  savings: string;
  saveCard: string;
  saveBank: string;
  cancel: string;
  errorSummary: string;
  required: string;
  numberInvalid: string;
  expiryInvalid: string;
  expiryPast: string;
  cvcInvalid: string;
  postalInvalid: string;
  routingInvalid: string;
  accountInvalid: string;
  accountTypeRequired: string;
  testNumbers: string;
  testNumber: string;
  testResult: string;
  cardNote: string;
  bankNote: string;
  otherCards: string;
  otherAccounts: string;
  expiredTitle: string;
  expiredBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  authTitle: string;
  authBody: string;
  authNote: string;
  approve: string;
  fail: string;
  authDoneTitle: string;
  authApproved: string;
  authFailed: string;
  authClosed: string;
  behaviours: Record<Behaviour, string>;
  /** A debit that settles, then comes back: `{code}` and `{days}` (business days after settling). */
  settlesThenReturned: string;
}

const en: SandboxText = {
  banner: 'Sandbox — test numbers only',
  bannerNote: "This is Saldo's test processor: no real money moves. Use the test numbers below.",
  cardTitle: 'Add a card',
  bankTitle: 'Add a US bank account',
  number: 'Card number',
  expiry: 'Expiry date',
  expiryHint: 'MM/YY',
  cvc: 'Security code (CVC)',
  cvcHint: '3 digits (4 on Amex)',
  cardName: 'Name on the card',
  postalCode: 'ZIP or postal code',
  holderName: 'Account holder name',
  routing: 'Routing number',
  account: 'Account number',
  accountType: 'Account type',
  checking: 'Checking',
  savings: 'Savings',
  saveCard: 'Save card',
  saveBank: 'Save bank account',
  cancel: 'Cancel',
  errorSummary: 'Check the fields marked below.',
  required: 'This field is required.',
  numberInvalid: 'Enter a valid card number.',
  expiryInvalid: 'Enter the expiry date as MM/YY.',
  expiryPast: 'This card has expired: check the expiry date.',
  cvcInvalid: 'Enter the 3-digit security code (4 digits on American Express).',
  postalInvalid: 'Enter a valid ZIP or postal code.',
  routingInvalid: 'Enter a valid 9-digit routing number.',
  accountInvalid: 'Enter an account number of 4 to 17 digits.',
  accountTypeRequired: 'Choose the account type.',
  testNumbers: 'Test numbers',
  testNumber: 'Number',
  testResult: 'What happens',
  cardNote: 'Use any future expiry date, any 3-digit CVC (4 for American Express) and any postal code.',
  bankNote: 'Use routing number 110000000 (or any valid one) with one of these account numbers.',
  otherCards: 'Any other valid card number succeeds.',
  otherAccounts: 'Any other account number settles.',
  expiredTitle: 'This page has expired',
  expiredBody: 'Entry pages last 30 minutes and can be used once. Go back and start again.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This sandbox page does not exist.',
  authTitle: 'Confirm this payment',
  authBody: 'Your bank asks you to confirm a payment of {amount}.',
  authNote: 'This is a test 3-D Secure page: choose what the bank answers.',
  approve: 'Approve',
  fail: 'Fail',
  authDoneTitle: 'Payment confirmation',
  authApproved: 'The payment was approved. You can close this page.',
  authFailed: 'The payment was not approved. You can close this page.',
  authClosed: 'This payment no longer needs confirmation.',
  behaviours: {
    success: 'Succeeds',
    card_declined: 'Declined (generic)',
    insufficient_funds: 'Declined: insufficient funds',
    expired_card: 'Declined: expired card',
    incorrect_cvc: 'Declined: incorrect CVC',
    requires_authentication: 'Asks for 3-D Secure authentication',
    processing_error: 'Declined: processing error',
    settles: 'Settles',
    R01: 'Returned R01: insufficient funds',
    R02: 'Returned R02: account closed',
    R03: 'Returned R03: no account',
    R10: 'Returned R10: customer says unauthorised',
    R29: 'Returned R29: company says unauthorised',
  },
  settlesThenReturned:
    'Settles, then is returned {code} (customer says unauthorised) {days} business days later: the invoices reopen',
};

const es: SandboxText = {
  banner: 'Sandbox — solo números de prueba',
  bannerNote:
    'Este es el procesador de prueba de Saldo: no se mueve dinero real. Use los números de prueba de abajo.',
  cardTitle: 'Agregar una tarjeta',
  bankTitle: 'Agregar una cuenta bancaria de EE. UU.',
  number: 'Número de tarjeta',
  expiry: 'Fecha de vencimiento',
  expiryHint: 'MM/AA',
  cvc: 'Código de seguridad (CVC)',
  cvcHint: '3 dígitos (4 en Amex)',
  cardName: 'Nombre en la tarjeta',
  postalCode: 'Código postal',
  holderName: 'Titular de la cuenta',
  routing: 'Número de ruta (routing)',
  account: 'Número de cuenta',
  accountType: 'Tipo de cuenta',
  checking: 'Cheques',
  savings: 'Ahorro',
  saveCard: 'Guardar tarjeta',
  saveBank: 'Guardar cuenta',
  cancel: 'Cancelar',
  errorSummary: 'Revise los campos marcados abajo.',
  required: 'Este campo es obligatorio.',
  numberInvalid: 'Escriba un número de tarjeta válido.',
  expiryInvalid: 'Escriba la fecha de vencimiento como MM/AA.',
  expiryPast: 'Esta tarjeta está vencida: revise la fecha de vencimiento.',
  cvcInvalid: 'Escriba el código de seguridad de 3 dígitos (4 en American Express).',
  postalInvalid: 'Escriba un código postal válido.',
  routingInvalid: 'Escriba un número de ruta válido de 9 dígitos.',
  accountInvalid: 'Escriba un número de cuenta de 4 a 17 dígitos.',
  accountTypeRequired: 'Elija el tipo de cuenta.',
  testNumbers: 'Números de prueba',
  testNumber: 'Número',
  testResult: 'Qué pasa',
  cardNote:
    'Use cualquier fecha de vencimiento futura, cualquier CVC de 3 dígitos (4 en American Express) y cualquier código postal.',
  bankNote: 'Use el número de ruta 110000000 (o cualquier otro válido) con uno de estos números de cuenta.',
  otherCards: 'Cualquier otro número de tarjeta válido se aprueba.',
  otherAccounts: 'Cualquier otro número de cuenta se liquida.',
  expiredTitle: 'Esta página ha vencido',
  expiredBody: 'Las páginas de captura duran 30 minutos y se usan una vez. Regrese e inicie de nuevo.',
  notFoundTitle: 'Página no encontrada',
  notFoundBody: 'Esta página del sandbox no existe.',
  authTitle: 'Confirme este pago',
  authBody: 'Su banco le pide confirmar un pago de {amount}.',
  authNote: 'Esta es una página de prueba de 3-D Secure: elija qué responde el banco.',
  approve: 'Aprobar',
  fail: 'Rechazar',
  authDoneTitle: 'Confirmación del pago',
  authApproved: 'El pago fue aprobado. Puede cerrar esta página.',
  authFailed: 'El pago no fue aprobado. Puede cerrar esta página.',
  authClosed: 'Este pago ya no necesita confirmación.',
  behaviours: {
    success: 'Se aprueba',
    card_declined: 'Rechazada (genérico)',
    insufficient_funds: 'Rechazada: fondos insuficientes',
    expired_card: 'Rechazada: tarjeta vencida',
    incorrect_cvc: 'Rechazada: CVC incorrecto',
    requires_authentication: 'Pide autenticación 3-D Secure',
    processing_error: 'Rechazada: error de procesamiento',
    settles: 'Se liquida',
    R01: 'Devuelto R01: fondos insuficientes',
    R02: 'Devuelto R02: cuenta cerrada',
    R03: 'Devuelto R03: la cuenta no existe',
    R10: 'Devuelto R10: el cliente dice que no lo autorizó',
    R29: 'Devuelto R29: la empresa dice que no lo autorizó',
  },
  settlesThenReturned:
    'Se liquida y {days} días hábiles después se devuelve {code} (el cliente dice que no lo autorizó): las facturas se reabren',
};

export const sandboxText: Record<SandboxLocale, SandboxText> = { es, en };
