import { agingReportBench } from './aging-report/index.ts';
import { autopayRun } from './autopay-run/index.ts';
import { coldStart } from './cold-start/index.ts';
import { collectionRun } from './collection-run/index.ts';
import { firstVisitBench } from './first-visit/index.ts';
import { httpSession } from './http-session/index.ts';
import { importInvoices } from './import-invoices/index.ts';
import { payThroughput } from './pay-throughput/index.ts';
import { portalInvoices } from './portal-invoices/index.ts';
import type { Benchmark } from './support/types.ts';

/** Every benchmark `npm run bench` knows. Later issues add theirs here (see bench/README.md). */
export const registry: readonly Benchmark[] = [
  httpSession,
  coldStart,
  agingReportBench,
  portalInvoices,
  firstVisitBench,
  payThroughput,
  autopayRun,
  importInvoices,
  collectionRun,
];
