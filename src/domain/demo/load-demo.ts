import type { Database } from '../../db/client.ts';
import type { ContactMessage, CustomerRole, Locale, StaffRole } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { systemActor } from '../audit/record-audit.ts';
import { addContact } from '../customers/add-contact.ts';
import { createCustomerAccount } from '../customers/create-customer-account.ts';
import { findContacts, findCustomersByAccountNumber } from '../customers/customers.repository.ts';
import { addCustomerUser } from '../identity/add-customer-user.ts';
import { addStaffMember } from '../identity/add-staff-member.ts';
import { createOrganization, type NewOrganization } from '../identity/create-organization.ts';
import { createUser } from '../identity/create-user.ts';
import { hasInvoices } from '../invoices/invoices.repository.ts';
import { loadDemoReceivables } from './demo-ar.ts';

/** The one password of every demo login (printed on the console at start). */
export const DEMO_PASSWORD = 'saldo-demo-2026';

interface DemoPerson {
  email: string;
  name: string;
  locale: Locale;
}

/** Who at a customer gets what: accounts payable, the owner, the bookkeeper… (not portal logins). */
interface DemoContact {
  name: string;
  email: string;
  phone?: string;
  role: string;
  locale: Locale;
  receives: ContactMessage[];
}

interface DemoSeller {
  org: NewOrganization & { slug: string };
  staff: (DemoPerson & { role: StaffRole })[];
  accounts: {
    number: string;
    name: string;
    taxId: string;
    users: (DemoPerson & { role: CustomerRole })[];
    contacts: DemoContact[];
  }[];
}

const lupe: DemoPerson = { email: 'lupe@cocinadonalupe.example', name: 'Guadalupe Torres', locale: 'es' };

/** Two sellers as they would really look: a Mexican distributor and a US food-service supplier. */
export const demoSellers: DemoSeller[] = [
  {
    org: {
      slug: 'distribuidora-del-valle',
      name: 'Distribuidora del Valle',
      legalName: 'Distribuidora del Valle, S.A. de C.V.',
      taxId: 'DVA980312KJ1',
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es',
      branding: {
        accentColor: '#0f766e',
        footer: 'Distribuidora del Valle, S.A. de C.V. · Av. Constituyentes 1020, Querétaro, Qro.',
      },
    },
    staff: [
      { email: 'mariana@distribuidoradelvalle.example', name: 'Mariana López', locale: 'es', role: 'owner' },
      { email: 'jorge@distribuidoradelvalle.example', name: 'Jorge Ramírez', locale: 'es', role: 'ar_agent' },
    ],
    accounts: [
      {
        number: 'C-1001',
        name: 'La Cocina de Doña Lupe',
        taxId: 'TOGU850214AB3',
        users: [{ ...lupe, role: 'account_admin' }],
        contacts: [
          {
            name: 'Guadalupe Torres',
            email: 'lupe@cocinadonalupe.example',
            phone: '+52 442 215 3380',
            role: 'Dueña',
            locale: 'es',
            receives: ['invoices', 'statements', 'reminders', 'receipts'],
          },
          {
            name: 'Martín Olvera',
            email: 'facturas@cocinadonalupe.example',
            role: 'Facturación',
            locale: 'es',
            receives: ['invoices', 'statements'],
          },
        ],
      },
      {
        number: 'C-1002',
        name: 'Abarrotes San José',
        taxId: 'ASJ100525QX7',
        users: [
          {
            email: 'compras@abarrotessanjose.example',
            name: 'José Hernández',
            locale: 'es',
            role: 'account_admin',
          },
          { email: 'contador@despachoruiz.example', name: 'C.P. Ana Ruiz', locale: 'es', role: 'accountant' },
        ],
        contacts: [
          {
            name: 'José Hernández',
            email: 'compras@abarrotessanjose.example',
            phone: '+52 442 118 0472',
            role: 'Compras',
            locale: 'es',
            receives: ['invoices', 'reminders'],
          },
          {
            name: 'Rosa Hernández',
            email: 'cxp@abarrotessanjose.example',
            phone: '+52 442 118 0475',
            role: 'Cuentas por pagar',
            locale: 'es',
            receives: ['invoices', 'statements', 'reminders', 'receipts'],
          },
          {
            name: 'C.P. Ana Ruiz',
            email: 'contador@despachoruiz.example',
            role: 'Contadora externa',
            locale: 'es',
            receives: ['statements'],
          },
        ],
      },
      {
        number: 'C-1003',
        name: 'Hotel Posada del Sol',
        taxId: 'HPS070901MN2',
        users: [{ email: 'pagos@posadadelsol.example', name: 'Ricardo Peña', locale: 'es', role: 'payer' }],
        contacts: [
          {
            name: 'Ricardo Peña',
            email: 'pagos@posadadelsol.example',
            phone: '+52 415 152 0910',
            role: 'Tesorería',
            locale: 'es',
            receives: ['invoices', 'reminders', 'receipts'],
          },
          {
            name: 'Claire Dubois',
            email: 'gerencia@posadadelsol.example',
            role: 'Gerente general',
            locale: 'en',
            receives: ['statements'],
          },
        ],
      },
    ],
  },
  {
    org: {
      slug: 'harbor-foods-supply',
      name: 'Harbor Foods Supply',
      legalName: 'Harbor Foods Supply, LLC',
      taxId: '47-2931846',
      country: 'US',
      timeZone: 'America/New_York',
      defaultCurrency: 'USD',
      locale: 'en',
      branding: {
        accentColor: '#1d4ed8',
        footer: 'Harbor Foods Supply, LLC · 240 Ferry Street, Newark, NJ 07105',
      },
    },
    staff: [
      { email: 'emily@harborfoods.example', name: 'Emily Carter', locale: 'en', role: 'owner' },
      { email: 'marcus@harborfoods.example', name: 'Marcus Reed', locale: 'en', role: 'ar_agent' },
    ],
    accounts: [
      {
        number: 'HF-2001',
        name: 'Blue Anchor Bistro',
        taxId: '83-1049275',
        users: [
          { email: 'ap@blueanchorbistro.example', name: 'Sarah Kim', locale: 'en', role: 'account_admin' },
        ],
        contacts: [
          {
            name: 'Sarah Kim',
            email: 'ap@blueanchorbistro.example',
            phone: '+1 973 555 0142',
            role: 'Accounts payable',
            locale: 'en',
            receives: ['invoices', 'statements', 'reminders', 'receipts'],
          },
          {
            name: 'Daniel Brooks',
            email: 'daniel@blueanchorbistro.example',
            role: 'Owner',
            locale: 'en',
            receives: ['statements'],
          },
        ],
      },
      {
        number: 'HF-2002',
        name: 'Seaside Market Co.',
        taxId: '26-5518830',
        users: [{ email: 'billing@seasidemarket.example', name: 'Tom Alvarez', locale: 'en', role: 'payer' }],
        contacts: [
          {
            name: 'Tom Alvarez',
            email: 'billing@seasidemarket.example',
            phone: '+1 732 555 0187',
            role: 'Billing',
            locale: 'en',
            receives: ['invoices', 'reminders', 'receipts'],
          },
          {
            name: 'Priya Shah',
            email: 'ap@seasidemarket.example',
            phone: '+1 732 555 0190',
            role: 'Accounts payable',
            locale: 'en',
            receives: ['invoices', 'statements'],
          },
          {
            name: 'Lena Okafor',
            email: 'controller@seasidemarket.example',
            role: 'Controller',
            locale: 'en',
            receives: ['statements'],
          },
        ],
      },
      {
        number: 'HF-2003',
        name: 'Doña Lupe Taquería — Brooklyn',
        taxId: '88-3310457',
        users: [{ ...lupe, role: 'payer' }],
        contacts: [
          {
            name: 'Guadalupe Torres',
            email: 'lupe@cocinadonalupe.example',
            phone: '+1 718 555 0163',
            role: 'Owner',
            locale: 'es',
            receives: ['invoices', 'statements', 'reminders', 'receipts'],
          },
        ],
      },
    ],
  },
];

export interface DemoLogin {
  email: string;
  name: string;
  where: string[];
}

/** The demo's logins and what each opens, for the console at start. */
export function demoLogins(): DemoLogin[] {
  const byEmail = new Map<string, DemoLogin>();
  for (const seller of demoSellers) {
    for (const s of seller.staff) {
      const entry = byEmail.get(s.email) ?? { email: s.email, name: s.name, where: [] };
      entry.where.push(`${seller.org.name} (${s.role})`);
      byEmail.set(s.email, entry);
    }
    for (const a of seller.accounts) {
      for (const u of a.users) {
        const entry = byEmail.get(u.email) ?? { email: u.email, name: u.name, where: [] };
        entry.where.push(`${a.name} @ ${seller.org.name} (${u.role})`);
        byEmail.set(u.email, entry);
      }
    }
  }
  return [...byEmail.values()];
}

/** True once the demo has been loaded into this database. */
export async function demoLoaded(db: Database): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', demoSellers[0]!.org.slug)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads both demo sellers (their people in one transaction), then their receivables through the
 * same use cases staff and the ERP use, each in a transaction of its own (so a start interrupted
 * half-way resumes where it stopped). Does nothing when the sellers are already there.
 */
export async function loadDemo(deps: { db: Database }): Promise<boolean> {
  const { db } = deps;
  if (await demoLoaded(db)) {
    await loadMissingReceivables(db);
    await loadMissingContacts(db);
    return false;
  }
  await inTransaction(db, async (trx) => {
    const userIds = new Map<string, string>();
    const userId = async (p: DemoPerson) => {
      let id = userIds.get(p.email);
      if (!id) {
        id = (
          await createUser(
            { db: trx },
            { email: p.email, name: p.name, password: DEMO_PASSWORD, locale: p.locale },
          )
        ).id;
        userIds.set(p.email, id);
      }
      return id;
    };
    for (const seller of demoSellers) {
      const { id: orgId } = await createOrganization({ db: trx }, { ...seller.org, actor: systemActor });
      for (const s of seller.staff)
        await addStaffMember(
          { db: trx },
          { orgId, userId: await userId(s), role: s.role, actor: systemActor },
        );
      for (const a of seller.accounts) {
        const { id: accountId } = await createCustomerAccount(
          { db: trx },
          {
            orgId,
            accountNumber: a.number,
            name: a.name,
            taxId: a.taxId,
            currency: seller.org.defaultCurrency,
            locale: seller.org.locale,
            actor: systemActor,
          },
        );
        for (const u of a.users) {
          await addCustomerUser(
            { db: trx },
            {
              orgId,
              accountId,
              userId: await userId(u),
              role: u.role,
              actor: systemActor,
            },
          );
        }
      }
    }
  });
  await loadMissingReceivables(db);
  await loadMissingContacts(db);
  return true;
}

/**
 * Resumable too, and after the receivables (whose payments mail no one): each demo customer
 * without contacts gets its own, through the same use case staff use, one transaction per
 * customer. A database loaded before the demo had contacts gets them at its next start.
 */
export async function loadMissingContacts(db: Database): Promise<void> {
  for (const seller of demoSellers) {
    const org = await db
      .selectFrom('organizations')
      .select(['id'])
      .where('slug', '=', seller.org.slug)
      .executeTakeFirst();
    if (!org) continue;
    const accounts = await findCustomersByAccountNumber(db, {
      orgId: org.id,
      accountNumbers: seller.accounts.map((a) => a.number),
    });
    for (const account of accounts) {
      const contacts = seller.accounts.find((a) => a.number === account.number)?.contacts ?? [];
      if ((await findContacts(db, { orgId: org.id, customerId: account.id })).length > 0) continue;
      await inTransaction(db, async (trx) => {
        for (const contact of contacts)
          await addContact(
            { db: trx },
            { orgId: org.id, customerId: account.id, contact, actor: systemActor },
          );
      });
    }
  }
}

/** Phase two, resumable: each demo seller without invoices gets its receivables. */
export async function loadMissingReceivables(db: Database): Promise<void> {
  for (const seller of demoSellers) {
    const org = await db
      .selectFrom('organizations')
      .select(['id'])
      .where('slug', '=', seller.org.slug)
      .executeTakeFirst();
    if (!org) continue;
    if (await hasInvoices(db, { orgId: org.id })) continue;
    const accounts = await findCustomersByAccountNumber(db, {
      orgId: org.id,
      accountNumbers: seller.accounts.map((a) => a.number),
    });
    await loadDemoReceivables(
      db,
      {
        id: org.id,
        slug: seller.org.slug,
        timeZone: seller.org.timeZone,
        currency: seller.org.defaultCurrency,
      },
      accounts,
    );
  }
}
