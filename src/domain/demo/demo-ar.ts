import type { Database } from '../../db/client.ts';
import { systemActor } from '../audit/record-audit.ts';
import { issueCreditMemo } from '../credits/issue-credit-memo.ts';
import type { InvoiceLineInput } from '../invoices/compute-invoice.ts';
import { createInvoice } from '../invoices/create-invoice.ts';
import { voidInvoice } from '../invoices/void-invoice.ts';
import { recordPayment } from '../payments/record-payment.ts';

interface Product {
  sku: string;
  description: string;
  unit: string;
  price: string;
  tax?: { name: string; rate: string };
}

const iva = { name: 'IVA', rate: '16' };
const mxProducts: Product[] = [
  { sku: 'ACE-20L', description: 'Aceite vegetal comestible 20 L', unit: 'caja', price: '689.50', tax: iva },
  { sku: 'ARR-25', description: 'Arroz Morelos grado 1, bulto 25 kg', unit: 'bulto', price: '612.00' },
  { sku: 'FRI-25', description: 'Frijol negro Jamapa, bulto 25 kg', unit: 'bulto', price: '845.00' },
  { sku: 'AZU-50', description: 'Azúcar estándar, bulto 50 kg', unit: 'bulto', price: '1189.00' },
  {
    sku: 'JAL-28',
    description: 'Chiles jalapeños en escabeche, lata 2.8 kg',
    unit: 'caja 6 pzas',
    price: '498.75',
    tax: iva,
  },
  {
    sku: 'SER-500',
    description: 'Servilletas de papel, paquete 500 pzas',
    unit: 'paquete',
    price: '78.40',
    tax: iva,
  },
  { sku: 'QSO-OAX', description: 'Queso Oaxaca', unit: 'kg', price: '142.30' },
];
const njTax = { name: 'NJ Sales Tax', rate: '6.625' };
const usProducts: Product[] = [
  { sku: 'FRY-35', description: 'Canola frying oil, 35 lb jug', unit: 'jug', price: '42.95' },
  { sku: 'TOR-CRN', description: 'Corn tortillas 6", case of 12 × 30', unit: 'case', price: '31.20' },
  { sku: 'AVO-48', description: 'Hass avocados, 48 ct', unit: 'case', price: '58.75' },
  { sku: 'CHK-THI', description: 'Boneless chicken thighs, 40 lb', unit: 'case', price: '96.40' },
  { sku: 'GLV-NIT', description: 'Nitrile gloves, L, 10 × 100', unit: 'case', price: '64.00', tax: njTax },
  {
    sku: 'BOX-9',
    description: 'Compostable clamshells 9", 200 ct',
    unit: 'case',
    price: '47.85',
    tax: njTax,
  },
];

/** A date `days` from today (negative: in the past), today being the org's own calendar day. */
function dayFrom(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function lines(products: Product[], pick: number[], quantities: string[]): InvoiceLineInput[] {
  return pick.map((p, i) => {
    const product = products[p % products.length]!;
    return {
      sku: product.sku,
      description: product.description,
      unit: product.unit,
      quantity: quantities[i % quantities.length]!,
      unitPrice: product.price,
      taxes: product.tax ? [{ name: product.tax.name, rate: product.tax.rate }] : [],
    };
  });
}

/**
 * The shape of one account's history: invoices issued `ago` days back with the org's terms,
 * some paid, some partly paid, some overdue by various ages, one void, credits applied and not.
 */
interface Plan {
  ago: number;
  pick: number[];
  qty: string[];
  paid?: 'full' | 'part';
  void?: boolean;
  fee?: string;
  po?: string;
}

const plans: Plan[][] = [
  [
    { ago: 150, pick: [0, 1, 4], qty: ['4', '10', '3'], paid: 'full', po: 'OC-2291' },
    { ago: 118, pick: [2, 3], qty: ['6', '2'], fee: '350.00' },
    { ago: 80, pick: [5, 6, 0], qty: ['12', '18.5', '2'], paid: 'part', po: 'OC-2350' },
    { ago: 47, pick: [1, 2, 4], qty: ['8', '4', '2'] },
    { ago: 20, pick: [3, 0], qty: ['3', '5'], paid: 'full' },
    { ago: 9, pick: [4, 5, 6], qty: ['4', '20', '7.25'], po: 'OC-2417' },
    { ago: 2, pick: [0, 2], qty: ['2', '3'] },
  ],
  [
    { ago: 130, pick: [3, 2], qty: ['4', '6'] },
    { ago: 66, pick: [0, 4, 5], qty: ['3', '2', '10'], paid: 'part' },
    { ago: 34, pick: [1, 6], qty: ['12', '9.5'], void: true },
    { ago: 33, pick: [1, 6], qty: ['12', '9.75'] },
    { ago: 5, pick: [2, 3, 4], qty: ['5', '2', '1'] },
  ],
  [
    { ago: 95, pick: [1, 3], qty: ['20', '10'], paid: 'full', fee: '950.00' },
    { ago: 61, pick: [0, 2, 5], qty: ['6', '12', '40'], paid: 'full' },
    { ago: 38, pick: [4, 6], qty: ['8', '22.4'] },
    { ago: 12, pick: [0, 1, 2, 3], qty: ['4', '12', '10', '5'], paid: 'part' },
  ],
];

/** Invoices, payments and credits for every demo customer account, dated relative to today. */
export async function loadDemoReceivables(
  db: Database,
  org: { id: string; slug: string; timeZone: string; currency: string },
  accounts: { id: string; number: string }[],
) {
  const mexican = org.currency === 'MXN';
  const products = mexican ? mxProducts : usProducts;
  const today = todayIn(org.timeZone);
  let serial = mexican ? 4100 : 20410;
  for (const [index, account] of accounts.entries()) {
    const plan = plans[index % plans.length]!;
    const invoiceIds: string[] = [];
    for (const step of plan) {
      serial += 1;
      const number = mexican ? `A-${serial}` : `INV-${serial}`;
      const { id, total } = await createInvoice(
        { db },
        {
          orgId: org.id,
          customerId: account.id,
          number,
          erpId: `${org.slug}:${number}`,
          issueDate: dayFrom(today, -step.ago),
          poNumber: step.po ?? null,
          lines: lines(products, step.pick, step.qty),
          charges: step.fee
            ? [
                {
                  kind: 'fee',
                  name: mexican ? 'Flete' : 'Delivery',
                  amount: BigInt(step.fee.replace('.', '')),
                },
              ]
            : [],
          notes: mexican
            ? 'Favor de referenciar el número de factura en su pago.'
            : 'Please reference the invoice number with your payment.',
          actor: systemActor,
        },
      );
      if (step.void) {
        await voidInvoice(
          { db },
          {
            orgId: org.id,
            invoiceId: id,
            reason: mexican ? 'Se refacturó con cantidades corregidas' : 'Reissued with corrected quantities',
            actor: systemActor,
          },
        );
        continue;
      }
      invoiceIds.push(id);
      if (step.paid) {
        const amount = step.paid === 'full' ? total : (total * 40n) / 100n;
        await recordPayment(
          { db },
          {
            orgId: org.id,
            customerId: account.id,
            amount,
            receivedOn: dayFrom(today, -Math.max(1, step.ago - 25)),
            method: mexican ? 'bank_transfer' : 'check',
            reference: mexican ? `SPEI ${7_130_000 + serial}` : `Check #${3000 + (serial % 1000)}`,
            allocations: [{ invoiceId: id, amount }],
            actor: systemActor,
          },
        );
      }
    }
    // A credit for damaged goods on the newest invoice, partly applied; the rest stays on account.
    const last = invoiceIds.at(-1);
    if (last) {
      await issueCreditMemo(
        { db },
        {
          orgId: org.id,
          customerId: account.id,
          amount: mexican ? 84_000n : 6_500n,
          issueDate: dayFrom(today, -1),
          reason: mexican ? 'Mercancía dañada en la entrega' : 'Damaged in delivery',
          invoiceId: last,
          allocations: [{ invoiceId: last, amount: mexican ? 50_000n : 4_000n }],
          actor: systemActor,
        },
      );
    }
    // Money received on account, not yet applied to any invoice.
    if (index === 1) {
      await recordPayment(
        { db },
        {
          orgId: org.id,
          customerId: account.id,
          amount: mexican ? 150_000n : 25_000n,
          receivedOn: dayFrom(today, -3),
          method: mexican ? 'cash' : 'bank_transfer',
          reference: mexican ? 'Depósito en ventanilla' : 'ACH 0091',
          allocations: [],
          actor: systemActor,
        },
      );
    }
  }
}
