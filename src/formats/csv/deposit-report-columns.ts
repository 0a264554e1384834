import type { DepositLineView } from '../../domain/deposits/deposits.repository.ts';
import type { PaymentsDepositedReport } from '../../domain/deposits/payments-deposited-report.ts';
import type { PaymentsInitiatedReport } from '../../domain/deposits/payments-initiated-report.ts';
import type { ExportLocale as Locale } from '../aging-columns.ts';

/**
 * The deposit reports as tables, the one layout the CSV (csv/deposit-report-csv.ts) and the XLSX
 * (xlsx/deposit-report-xlsx.ts) writers share: a header in the reader's language, rows of text
 * and amounts (minor units with their currency; the writers put them in major units, exactly),
 * and total rows. Each table's total rows add up its rows: a report's totals are its deposits'.
 */
export type Cell = string | { amount: bigint; currency: string };
export interface ReportRow {
  cells: Cell[];
  /** A subtotal or total row (bold in the workbook). */
  total: boolean;
}
export interface ReportTable {
  /** The file's base name ("payments-initiated-card-2026-12-01"), ASCII. */
  basename: string;
  sheet: string;
  title: string;
  header: string[];
  rows: ReportRow[];
}

const labels = {
  es: {
    initiated: 'Pagos iniciados',
    deposited: 'Pagos depositados',
    initiatedFile: 'pagos-iniciados',
    depositedFile: 'pagos-depositados',
    kind: { card: 'tarjeta', ach: 'ACH' },
    kindFile: { card: 'tarjeta', ach: 'ach' },
    date: 'Fecha',
    customer: 'Cliente',
    accountNumber: 'Número de cuenta',
    payment: 'Pago',
    source: 'Origen',
    method: 'Método',
    currency: 'Moneda',
    amount: 'Importe',
    fee: 'Cargo por conveniencia',
    charged: 'Total cobrado',
    status: 'Estado',
    deposit: 'Depósito',
    arrival: 'Fecha de abono',
    type: 'Concepto',
    gross: 'Bruto',
    processorFee: 'Comisión',
    net: 'Neto',
    subtotal: 'Subtotal: {what}',
    depositTotal: 'Total del depósito',
    total: 'Total',
    sources: {
      portal: 'Portal',
      autopay: 'Pago automático',
      staff: 'Personal en nombre del cliente',
      pay_link: 'Enlace de pago',
      credit_check: 'Pedido sobre el límite',
      manual: 'Manual',
    } as Record<string, string>,
    statuses: {
      initiated: 'Iniciado',
      processing: 'En proceso',
      requires_action: 'Requiere autenticación',
      pending: 'Pendiente',
      completed: 'Completado',
      failed: 'Fallido',
      returned: 'Devuelto',
      refunded: 'Reembolsado',
      disputed: 'En disputa',
      reversed: 'Revertido',
    } as Record<string, string>,
    types: {
      charge: 'Cobro',
      refund: 'Reembolso',
      return: 'Devolución ACH',
      dispute: 'Disputa',
      fee: 'Comisión del procesador',
      adjustment: 'Ajuste',
    } as Record<string, string>,
    unmatched: 'Sin conciliar',
    bank: 'Cuenta bancaria',
  },
  en: {
    initiated: 'Payments initiated',
    deposited: 'Payments deposited',
    initiatedFile: 'payments-initiated',
    depositedFile: 'payments-deposited',
    kind: { card: 'card', ach: 'ACH' },
    kindFile: { card: 'card', ach: 'ach' },
    date: 'Date',
    customer: 'Customer',
    accountNumber: 'Account number',
    payment: 'Payment',
    source: 'Source',
    method: 'Method',
    currency: 'Currency',
    amount: 'Amount',
    fee: 'Convenience fee',
    charged: 'Total charged',
    status: 'Status',
    deposit: 'Deposit',
    arrival: 'Arrival date',
    type: 'Type',
    gross: 'Gross',
    processorFee: 'Fee',
    net: 'Net',
    subtotal: 'Subtotal: {what}',
    depositTotal: 'Deposit total',
    total: 'Total',
    sources: {
      portal: 'Portal',
      autopay: 'Autopay',
      staff: 'Staff on behalf',
      pay_link: 'Pay link',
      credit_check: 'Order over the limit',
      manual: 'Manual',
    } as Record<string, string>,
    statuses: {
      initiated: 'Initiated',
      processing: 'Processing',
      requires_action: 'Needs authentication',
      pending: 'Pending',
      completed: 'Completed',
      failed: 'Failed',
      returned: 'Returned',
      refunded: 'Refunded',
      disputed: 'Disputed',
      reversed: 'Reversed',
    } as Record<string, string>,
    types: {
      charge: 'Payment',
      refund: 'Refund',
      return: 'ACH return',
      dispute: 'Dispute',
      fee: 'Processor fee',
      adjustment: 'Adjustment',
    } as Record<string, string>,
    unmatched: 'Unmatched',
    bank: 'Bank account',
  },
} as const;

/** "Visa ·· 4242", "Bank of Test ·· 6789", or the kind alone. */
function methodText(
  locale: Locale,
  row: { kind: 'card' | 'ach'; brand: string | null; bankName: string | null; last4: string | null },
): string {
  const name =
    row.kind === 'card'
      ? row.brand
        ? row.brand[0]!.toUpperCase() + row.brand.slice(1)
        : labels[locale].kind.card
      : (row.bankName ?? labels[locale].bank);
  return row.last4 ? `${name} ·· ${row.last4}` : name;
}

function rangeOf(from: string, to: string): string {
  return from === to ? from : `${from}_${to}`;
}

export function initiatedTable(report: PaymentsInitiatedReport, locale: Locale): ReportTable {
  const l = labels[locale];
  const rows: ReportRow[] = [];
  for (const c of report.currencies) {
    const money = (amount: bigint) => ({ amount, currency: c.currency });
    for (const r of c.rows)
      rows.push({
        total: false,
        cells: [
          r.initiatedOn,
          r.customerName,
          r.accountNumber,
          r.number,
          l.sources[r.source] ?? r.source,
          methodText(locale, r),
          c.currency,
          money(r.amount),
          money(r.fee),
          money(r.amount + r.fee),
          l.statuses[r.status] ?? r.status,
        ],
      });
    for (const s of c.bySource)
      rows.push({
        total: true,
        cells: [
          '',
          l.subtotal.replace('{what}', l.sources[s.source] ?? s.source),
          '',
          String(s.count),
          '',
          '',
          c.currency,
          money(s.amount),
          money(s.fee),
          money(s.amount + s.fee),
          '',
        ],
      });
    rows.push({
      total: true,
      cells: [
        '',
        l.total,
        '',
        String(c.total.count),
        '',
        '',
        c.currency,
        money(c.total.amount),
        money(c.total.fee),
        money(c.total.amount + c.total.fee),
        '',
      ],
    });
  }
  return {
    basename: `${l.initiatedFile}-${l.kindFile[report.kind]}-${rangeOf(report.from, report.to)}`,
    sheet: l.initiated,
    title: `${l.initiated} (${l.kind[report.kind]}) ${report.from} – ${report.to}`,
    header: [
      l.date,
      l.customer,
      l.accountNumber,
      l.payment,
      l.source,
      l.method,
      l.currency,
      l.amount,
      l.fee,
      l.charged,
      l.status,
    ],
    rows,
  };
}

function lineCells(
  locale: Locale,
  depositLabel: string,
  arrival: string,
  currency: string,
  line: DepositLineView,
): Cell[] {
  const l = labels[locale];
  const money = (amount: bigint) => ({ amount, currency });
  return [
    depositLabel,
    arrival,
    l.types[line.type] ?? line.type,
    line.paymentNumber ?? (line.processorPaymentId ? `${l.unmatched}: ${line.processorPaymentId}` : ''),
    line.customerName ?? '',
    line.accountNumber ?? '',
    currency,
    money(line.amount),
    money(line.fee),
    money(line.net),
  ];
}

export function depositedTable(report: PaymentsDepositedReport, locale: Locale): ReportTable {
  const l = labels[locale];
  const rows: ReportRow[] = [];
  for (const { deposit, lines } of report.deposits) {
    const money = (amount: bigint) => ({ amount, currency: deposit.currency });
    for (const line of lines)
      rows.push({
        total: false,
        cells: lineCells(locale, deposit.payoutId, deposit.arrivalDate, deposit.currency, line),
      });
    rows.push({
      total: true,
      cells: [
        deposit.payoutId,
        deposit.arrivalDate,
        l.depositTotal,
        String(lines.length),
        '',
        '',
        deposit.currency,
        money(deposit.gross),
        money(deposit.fees),
        money(deposit.net),
      ],
    });
  }
  for (const t of report.totals) {
    const money = (amount: bigint) => ({ amount, currency: t.currency });
    rows.push({
      total: true,
      cells: [
        l.total,
        '',
        '',
        String(t.count),
        '',
        '',
        t.currency,
        money(t.gross),
        money(t.fees),
        money(t.net),
      ],
    });
  }
  return {
    basename: `${l.depositedFile}-${l.kindFile[report.kind]}-${rangeOf(report.from, report.to)}`,
    sheet: l.deposited,
    title: `${l.deposited} (${l.kind[report.kind]}) ${report.from} – ${report.to}`,
    header: [
      l.deposit,
      l.arrival,
      l.type,
      l.payment,
      l.customer,
      l.accountNumber,
      l.currency,
      l.gross,
      l.processorFee,
      l.net,
    ],
    rows,
  };
}
