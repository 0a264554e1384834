import type { Database } from '../../db/client.ts';
import type { CustomerRole, Locale, StaffRole } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { systemActor } from '../audit/record-audit.ts';
import { createCustomerAccount } from '../customers/create-customer-account.ts';
import { findCustomersByAccountNumber } from '../customers/customers.repository.ts';
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

interface DemoSeller {
  org: NewOrganization & { slug: string };
  staff: (DemoPerson & { role: StaffRole })[];
  accounts: { number: string; name: string; taxId: string; users: (DemoPerson & { role: CustomerRole })[] }[];
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
      },
      {
        number: 'C-1003',
        name: 'Hotel Posada del Sol',
        taxId: 'HPS070901MN2',
        users: [{ email: 'pagos@posadadelsol.example', name: 'Ricardo Peña', locale: 'es', role: 'payer' }],
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
      },
      {
        number: 'HF-2002',
        name: 'Seaside Market Co.',
        taxId: '26-5518830',
        users: [{ email: 'billing@seasidemarket.example', name: 'Tom Alvarez', locale: 'en', role: 'payer' }],
      },
      {
        number: 'HF-2003',
        name: 'Doña Lupe Taquería — Brooklyn',
        taxId: '88-3310457',
        users: [{ ...lupe, role: 'payer' }],
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
  return true;
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
