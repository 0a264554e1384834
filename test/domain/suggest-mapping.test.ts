import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importFields } from '../../src/domain/integration/import-fields.ts';
import { importKinds } from '../../src/domain/integration/import-types.ts';
import { normalizeHeader, suggestMapping } from '../../src/domain/integration/suggest-mapping.ts';

describe('suggestMapping', () => {
  test('a Microsip/Contpaqi-style invoice export in Spanish', () => {
    const header = [
      'Folio',
      'Cliente',
      'Fecha',
      'Fecha de vencimiento',
      'Moneda',
      'Descripción',
      'Cantidad',
      'Precio unitario',
      'IVA',
      'Importe',
      'Saldo',
    ];
    expect(suggestMapping('invoices', header)).toEqual({
      mapping: {
        number: 'Folio',
        customer_erp_id: 'Cliente',
        issue_date: 'Fecha',
        due_date: 'Fecha de vencimiento',
        currency: 'Moneda',
        line_description: 'Descripción',
        line_quantity: 'Cantidad',
        line_unit_price: 'Precio unitario',
        line_tax_amount: 'IVA',
        total: 'Importe',
      },
      unmatchedRequired: [],
    });
  });

  test('headers as people write them: case, accents, "No.", "#", "Nº", punctuation', () => {
    const { mapping } = suggestMapping('invoices', [
      'NO. FACTURA',
      'Nº Cliente',
      'FECHA-EMISIÓN',
      'Vencimiento:',
      'descripcion',
      'Cant.',
      'P. Unitario',
    ]);
    expect(mapping).toMatchObject({
      number: 'NO. FACTURA',
      customer_erp_id: 'Nº Cliente',
      issue_date: 'FECHA-EMISIÓN',
      due_date: 'Vencimiento:',
      line_description: 'descripcion',
      line_quantity: 'Cant.',
    });
    expect(suggestMapping('invoices', ['Invoice #']).mapping).toEqual({ number: 'Invoice #' });
    expect(suggestMapping('invoices', ['% IVA', 'IVA']).mapping).toEqual({
      line_tax_rate: '% IVA',
      line_tax_amount: 'IVA',
    });
  });

  test('a QuickBooks-style English export, a header holding a synonym among other words', () => {
    const { mapping, unmatchedRequired } = suggestMapping('invoices', [
      'Invoice No',
      'Customer',
      'Invoice Date',
      'Due Date',
      'Product/Service Description',
      'Qty',
      'Rate',
      'Amount',
      'Sales Tax',
    ]);
    expect(mapping).toEqual({
      number: 'Invoice No',
      customer_erp_id: 'Customer',
      issue_date: 'Invoice Date',
      due_date: 'Due Date',
      line_description: 'Product/Service Description',
      line_quantity: 'Qty',
      line_unit_price: 'Rate',
      total: 'Amount',
      line_tax_amount: 'Sales Tax',
    });
    expect(unmatchedRequired).toEqual([]);
  });

  test('canonical names (JSON keys, UBL columns) map to their own fields first', () => {
    const header = importFields.invoices.map((f) => f.name);
    const { mapping } = suggestMapping('invoices', header);
    expect(mapping).toEqual(Object.fromEntries(header.map((name) => [name, name])));
  });

  test('an aging report and a customer list in Spanish; what is missing is named', () => {
    expect(suggestMapping('aging', ['Cliente', 'Documento', 'Vencimiento', 'Saldo pendiente'])).toEqual({
      mapping: {
        customer_erp_id: 'Cliente',
        document_number: 'Documento',
        due_date: 'Vencimiento',
        open_amount: 'Saldo pendiente',
      },
      unmatchedRequired: [],
    });
    const customers = suggestMapping('customers', [
      'Clave',
      'Razón social',
      'RFC',
      'Correo electrónico',
      'Días de crédito',
    ]);
    expect(customers).toEqual({
      mapping: {
        erp_id: 'Clave',
        name: 'Razón social',
        tax_id: 'RFC',
        email: 'Correo electrónico',
        payment_terms_days: 'Días de crédito',
      },
      unmatchedRequired: [],
    });
    expect(suggestMapping('payments', ['Fecha', 'Importe']).unmatchedRequired).toEqual([
      'erp_id',
      'customer_erp_id',
    ]);
  });

  test('required fields win a header two fields want', () => {
    // "Cliente" is a synonym of the customer's name (required) and of nothing else for customers;
    // "Codigo" of both erp_id (required) and nothing else: each goes to one field only.
    const { mapping } = suggestMapping('customers', ['Codigo', 'Cliente']);
    expect(mapping).toEqual({ erp_id: 'Codigo', name: 'Cliente' });
  });

  test('normalizing drops accents, case and punctuation', () => {
    expect(normalizeHeader('  Fecha de Vencimiento (dd/mm) ')).toEqual([
      'fecha',
      'de',
      'vencimiento',
      'dd',
      'mm',
    ]);
    expect(normalizeHeader('Descripción')).toEqual(['descripcion']);
    expect(normalizeHeader('No. de Cliente')).toEqual(['no', 'de', 'cliente']);
  });

  test('property: one header per field, one field per header, every mapped header from the file', () => {
    const words = fc.constantFrom(
      'Folio',
      'Cliente',
      'Fecha',
      'Importe',
      'IVA',
      'Total',
      'Saldo',
      'Cantidad',
      'Precio',
      'Descripción',
      'Due date',
      'Invoice',
      'Amount',
      'Customer',
      'Notas',
      'x',
      'Estado',
      'Moneda',
      'Referencia',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...importKinds),
        fc.uniqueArray(words, { maxLength: 12 }),
        (kind, header) => {
          const { mapping, unmatchedRequired } = suggestMapping(kind, header);
          const used = Object.values(mapping);
          expect(new Set(used).size).toBe(used.length);
          for (const column of used) expect(header).toContain(column);
          const fields = importFields[kind];
          for (const name of Object.keys(mapping)) expect(fields.map((f) => f.name)).toContain(name);
          expect(unmatchedRequired).toEqual(
            fields.filter((f) => f.required && !mapping[f.name]).map((f) => f.name),
          );
        },
      ),
    );
  });
});
