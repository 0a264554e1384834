import type { ImportKind } from './import-types.ts';

/**
 * What each kind of import reads: its fields, their types, which are required, and the header names
 * ERPs use for them in Spanish and English (the mapping suggestion matches headers against these,
 * ignoring case, accents, spaces and punctuation). A file is one row per document, except invoices
 * (one row per line, the invoice's own columns repeated on each of its lines, grouped by number) and
 * payments (one row per application, the payment's columns repeated).
 */
export type ImportFieldType =
  | 'text'
  | 'amount'
  | 'date'
  | 'integer'
  /** An exact decimal (a quantity, a unit price, a tax rate in percent). */
  | 'decimal'
  | 'currency'
  | 'locale'
  | 'email'
  | 'enum';

export interface ImportField {
  name: string;
  type: ImportFieldType;
  required: boolean;
  /** For 'enum': the values accepted (the ERP's words for them are matched by the reader). */
  values?: readonly string[];
  /** Header names this field goes by, Spanish and English. */
  synonyms: readonly string[];
  /** Longest text accepted. */
  maxLength?: number;
}

const f = (
  name: string,
  type: ImportFieldType,
  required: boolean,
  synonyms: readonly string[],
  extra: Partial<ImportField> = {},
): ImportField => ({ name, type, required, synonyms, ...extra });

const customerRef = f('customer_erp_id', 'text', true, [
  'customer id',
  'customer erp id',
  'customer',
  'customer number',
  'account',
  'account number',
  'id cliente',
  'cliente',
  'clave cliente',
  'clave del cliente',
  'no cliente',
  'numero de cliente',
  'codigo cliente',
  'cuenta',
]);

const address = (prefix: 'billing' | 'shipping', es: string) => [
  f(
    `${prefix}_line1`,
    'text',
    false,
    [`${prefix} address`, `${prefix} line 1`, `direccion ${es}`, 'direccion', 'calle', 'address'],
    { maxLength: 200 },
  ),
  f(`${prefix}_line2`, 'text', false, [`${prefix} line 2`, 'colonia', 'address 2'], { maxLength: 200 }),
  f(`${prefix}_city`, 'text', false, ['city', 'ciudad', 'municipio', 'poblacion'], { maxLength: 100 }),
  f(`${prefix}_region`, 'text', false, ['state', 'region', 'province', 'estado', 'provincia'], {
    maxLength: 100,
  }),
  f(`${prefix}_postal_code`, 'text', false, ['zip', 'zip code', 'postal code', 'codigo postal', 'cp'], {
    maxLength: 20,
  }),
  f(`${prefix}_country`, 'text', false, ['country', 'pais'], { maxLength: 2 }),
];

export const importFields: Record<ImportKind, readonly ImportField[]> = {
  customers: [
    f(
      'erp_id',
      'text',
      true,
      ['id', 'erp id', 'customer id', 'id cliente', 'clave', 'clave cliente', 'codigo'],
      { maxLength: 100 },
    ),
    f(
      'account_number',
      'text',
      false,
      ['account number', 'account', 'customer number', 'numero de cliente', 'no cliente', 'cuenta'],
      { maxLength: 50 },
    ),
    f(
      'name',
      'text',
      true,
      [
        'name',
        'legal name',
        'customer name',
        'company',
        'nombre',
        'razon social',
        'cliente',
        'nombre del cliente',
      ],
      { maxLength: 200 },
    ),
    f(
      'tax_id',
      'text',
      false,
      ['tax id', 'tin', 'ein', 'vat', 'rfc', 'nit', 'cuit', 'rut', 'ruc', 'nif', 'cif'],
      { maxLength: 50 },
    ),
    f('currency', 'currency', false, ['currency', 'moneda', 'divisa']),
    f('locale', 'locale', false, ['language', 'locale', 'idioma']),
    f('payment_terms_days', 'integer', false, [
      'terms',
      'payment terms',
      'terms days',
      'net days',
      'dias de credito',
      'plazo',
      'condiciones de pago',
      'dias',
    ]),
    f('credit_limit', 'amount', false, ['credit limit', 'limit', 'limite de credito', 'limite']),
    f('email', 'email', false, ['email', 'e-mail', 'billing email', 'correo', 'correo electronico'], {
      maxLength: 254,
    }),
    f('phone', 'text', false, ['phone', 'telephone', 'telefono'], { maxLength: 50 }),
    f('collector_email', 'email', false, ['collector', 'collector email', 'cobrador', 'gestor de cobranza'], {
      maxLength: 254,
    }),
    ...address('billing', 'fiscal'),
    f('tags', 'text', false, ['tags', 'segment', 'etiquetas', 'segmento', 'zona'], { maxLength: 500 }),
  ],
  contacts: [
    customerRef,
    f(
      'name',
      'text',
      true,
      ['name', 'contact', 'contact name', 'nombre', 'contacto', 'nombre del contacto'],
      { maxLength: 200 },
    ),
    f('email', 'email', false, ['email', 'e-mail', 'correo', 'correo electronico'], { maxLength: 254 }),
    f('phone', 'text', false, ['phone', 'telephone', 'mobile', 'telefono', 'celular'], { maxLength: 50 }),
    f('role', 'text', false, ['role', 'title', 'position', 'puesto', 'cargo', 'rol'], { maxLength: 100 }),
    f('locale', 'locale', false, ['language', 'locale', 'idioma']),
  ],
  invoices: [
    f(
      'number',
      'text',
      true,
      [
        'number',
        'invoice',
        'invoice number',
        'invoice no',
        'document',
        'folio',
        'factura',
        'numero de factura',
        'no factura',
        'documento',
        'serie y folio',
      ],
      { maxLength: 50 },
    ),
    f(
      'erp_id',
      'text',
      false,
      ['erp id', 'id', 'invoice id', 'doc id', 'uuid', 'id factura', 'folio fiscal'],
      { maxLength: 100 },
    ),
    customerRef,
    f('issue_date', 'date', true, [
      'date',
      'invoice date',
      'issue date',
      'fecha',
      'fecha de emision',
      'fecha factura',
      'fecha de factura',
    ]),
    f('due_date', 'date', false, [
      'due date',
      'due',
      'fecha de vencimiento',
      'vencimiento',
      'fecha vencimiento',
    ]),
    f('currency', 'currency', false, ['currency', 'moneda', 'divisa']),
    f('po_number', 'text', false, ['po', 'po number', 'purchase order', 'orden de compra', 'oc'], {
      maxLength: 100,
    }),
    f(
      'order_reference',
      'text',
      false,
      ['order', 'order number', 'sales order', 'pedido', 'numero de pedido'],
      { maxLength: 100 },
    ),
    f('status', 'enum', false, ['status', 'estado', 'estatus', 'situacion'], { values: ['open', 'void'] }),
    f('total', 'amount', false, [
      'total',
      'invoice total',
      'amount',
      'importe total',
      'total factura',
      'importe',
      'monto',
    ]),
    f('notes', 'text', false, ['notes', 'memo', 'comments', 'notas', 'observaciones', 'comentarios'], {
      maxLength: 2000,
    }),
    f(
      'line_sku',
      'text',
      false,
      ['sku', 'item', 'product code', 'item code', 'clave producto', 'codigo', 'articulo', 'clave articulo'],
      { maxLength: 100 },
    ),
    f(
      'line_description',
      'text',
      true,
      ['description', 'item description', 'product', 'concepto', 'descripcion', 'producto'],
      { maxLength: 1000 },
    ),
    f('line_quantity', 'decimal', true, ['quantity', 'qty', 'cantidad', 'cant']),
    f('line_unit', 'text', false, ['unit', 'uom', 'unidad', 'unidad de medida'], { maxLength: 20 }),
    f('line_unit_price', 'decimal', true, [
      'unit price',
      'price',
      'rate',
      'precio',
      'precio unitario',
      'valor unitario',
    ]),
    f('line_discount', 'amount', false, ['discount', 'line discount', 'descuento']),
    f('line_tax_name', 'text', false, ['tax name', 'tax', 'impuesto', 'tipo de impuesto'], { maxLength: 50 }),
    f('line_tax_rate', 'decimal', false, [
      'tax rate',
      'tax %',
      'vat rate',
      'tasa',
      'tasa iva',
      'iva %',
      '% iva',
      'porcentaje de iva',
      'tasa de impuesto',
    ]),
    f('line_tax_amount', 'amount', false, [
      'tax amount',
      'vat',
      'sales tax',
      'iva',
      'importe iva',
      'impuesto trasladado',
    ]),
    f('fee_name', 'text', false, ['fee', 'fee name', 'charge', 'cargo', 'concepto cargo'], {
      maxLength: 100,
    }),
    f('fee_amount', 'amount', false, [
      'fee amount',
      'freight',
      'shipping',
      'flete',
      'envio',
      'importe cargo',
    ]),
  ],
  credit_memos: [
    f(
      'number',
      'text',
      true,
      [
        'number',
        'credit memo',
        'credit note',
        'credit number',
        'nota de credito',
        'folio',
        'numero',
        'documento',
      ],
      { maxLength: 50 },
    ),
    f('erp_id', 'text', false, ['erp id', 'id', 'credit id', 'uuid', 'folio fiscal'], { maxLength: 100 }),
    customerRef,
    f(
      'invoice_number',
      'text',
      false,
      ['invoice', 'invoice number', 'applies to', 'factura', 'factura relacionada', 'aplica a'],
      { maxLength: 50 },
    ),
    f('issue_date', 'date', true, ['date', 'issue date', 'fecha', 'fecha de emision']),
    f('currency', 'currency', false, ['currency', 'moneda', 'divisa']),
    f('amount', 'amount', true, ['amount', 'total', 'importe', 'monto', 'total nota']),
    f('reason', 'text', false, ['reason', 'memo', 'description', 'motivo', 'concepto', 'descripcion'], {
      maxLength: 500,
    }),
    f('status', 'enum', false, ['status', 'estado', 'estatus'], { values: ['open', 'void'] }),
  ],
  payments: [
    f(
      'erp_id',
      'text',
      true,
      [
        'erp id',
        'id',
        'payment id',
        'receipt',
        'receipt number',
        'id pago',
        'folio pago',
        'recibo',
        'numero de pago',
      ],
      { maxLength: 100 },
    ),
    customerRef,
    f('received_on', 'date', true, [
      'date',
      'payment date',
      'received',
      'fecha',
      'fecha de pago',
      'fecha de cobro',
    ]),
    f('amount', 'amount', true, ['amount', 'payment amount', 'total', 'importe', 'monto', 'importe pagado']),
    f('currency', 'currency', false, ['currency', 'moneda', 'divisa']),
    f(
      'method',
      'enum',
      false,
      ['method', 'payment method', 'forma de pago', 'metodo de pago', 'forma de cobro'],
      {
        values: ['check', 'cash', 'bank_transfer', 'card_terminal', 'other'],
      },
    ),
    f(
      'reference',
      'text',
      false,
      ['reference', 'check number', 'referencia', 'numero de cheque', 'operacion'],
      { maxLength: 100 },
    ),
    f(
      'invoice_number',
      'text',
      false,
      ['invoice', 'invoice number', 'applied to', 'factura', 'folio factura', 'documento'],
      { maxLength: 50 },
    ),
    f('applied_amount', 'amount', false, [
      'applied',
      'applied amount',
      'aplicado',
      'importe aplicado',
      'abono',
    ]),
  ],
  holds: [
    customerRef,
    f(
      'status',
      'enum',
      true,
      ['status', 'hold', 'on hold', 'credit hold', 'estado', 'bloqueo', 'suspendido', 'bloqueado'],
      {
        values: ['on_hold', 'active'],
      },
    ),
    f('reason', 'text', false, ['reason', 'motivo', 'razon'], { maxLength: 500 }),
    f('customer_message', 'text', false, ['message', 'customer message', 'mensaje', 'mensaje al cliente'], {
      maxLength: 500,
    }),
  ],
  aging: [
    customerRef,
    f(
      'document_number',
      'text',
      true,
      ['document', 'number', 'invoice', 'folio', 'factura', 'documento', 'numero'],
      { maxLength: 50 },
    ),
    f('document_type', 'enum', false, ['type', 'document type', 'tipo', 'tipo de documento'], {
      values: ['invoice', 'credit_memo', 'payment'],
    }),
    f('due_date', 'date', false, ['due date', 'fecha de vencimiento', 'vencimiento']),
    f('currency', 'currency', false, ['currency', 'moneda', 'divisa']),
    f('open_amount', 'amount', true, [
      'open amount',
      'balance',
      'open',
      'amount due',
      'saldo',
      'saldo pendiente',
      'importe pendiente',
      'por cobrar',
    ]),
  ],
};

/** A field of a kind, or undefined. */
export function importField(kind: ImportKind, name: string): ImportField | undefined {
  return importFields[kind].find((field) => field.name === name);
}
