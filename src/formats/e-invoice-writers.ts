import type { EInvoiceWriters } from '../domain/delivery/e-invoice-document.ts';
import { renderUbl, ublFileName } from './ubl/ubl-document.ts';
import { renderX12810, x12FileName } from './x12/x12-810.ts';

/** The e-invoice writers the domain's delivery use cases take (http, jobs and cli pass this). */
export const eInvoiceWriters: EInvoiceWriters = {
  ubl: renderUbl,
  ublFileName,
  x12810: renderX12810,
  x12FileName,
};
