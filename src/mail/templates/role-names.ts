import type { CustomerRole, Locale, StaffRole } from '../../db/schema.ts';

/** Role names as they read inside a sentence ("con el rol de agente de cobranza"). */
const roleNames: Record<Locale, Record<StaffRole | CustomerRole, string>> = {
  es: {
    owner: 'propietario',
    admin: 'administrador',
    ar_agent: 'agente de cobranza',
    viewer: 'solo lectura',
    account_admin: 'administrador de la cuenta',
    payer: 'pagador',
    accountant: 'contador',
  },
  en: {
    owner: 'owner',
    admin: 'admin',
    ar_agent: 'AR agent',
    viewer: 'viewer (read-only)',
    account_admin: 'account admin',
    payer: 'payer',
    accountant: 'accountant',
  },
};

export function roleName(locale: Locale, role: string): string {
  return (roleNames[locale] as Record<string, string>)[role] ?? role;
}
