import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type {
  Address,
  DocumentTemplate,
  Locale,
  Party,
  Seller,
} from '../../domain/documents/document-views.ts';
import { type Labels, labelsFor } from '../../domain/documents/labels.ts';
import { currencyExponent } from '../../domain/money/currency.ts';
import { formatAmount, formatCalendarDate } from '../../domain/money/format.ts';

/**
 * What every Saldo document shares: an embedded open font (DejaVu Sans, from the dejavu-fonts-ttf
 * package: pdfkit's built-in fonts only cover Latin-1), the seller's header with logo and accent
 * colour, tables that break across pages repeating their header, a totals block, and a footer
 * with the seller's text and "Page n of m" on every page. The document writers (invoice-pdf.ts,
 * credit-memo-pdf.ts, receipt-pdf.ts) lay out a view model built by src/domain/documents; this
 * file draws it.
 */

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fontCache: { regular: Buffer; bold: Buffer } | undefined;
function fonts() {
  fontCache ??= {
    regular: readFileSync(path.join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')),
  };
  return fontCache;
}

const INK = '#111827';
const TEXT = '#374151';
const MUTED = '#6b7280';
const RULE = '#e5e7eb';
const SOFT = '#f9fafb';

/** Intl locale for amounts and dates: the customer's language in the seller's country (es-MX, en-US), else the bare language. */
export function intlLocale(lang: Locale, country: string): string {
  return country === 'MX' || country === 'US' ? `${lang}-${country}` : lang;
}

/** Decimal string without trailing zeros: "12.5000" → "12.5", "3.0000" → "3". */
export function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

export function addressLines(address: Address | null | undefined): string[] {
  if (!address) return [];
  const cityLine = [[address.city, address.region].filter(Boolean).join(', '), address.postalCode]
    .filter(Boolean)
    .join(' ');
  return [address.line1, address.line2, cityLine, address.country].filter(
    (l): l is string => typeof l === 'string' && l.trim() !== '',
  );
}

export type Align = 'left' | 'right';

export interface Column {
  key: string;
  label: string;
  align?: Align;
  /** The one column that takes the width the others leave (descriptions). */
  flex?: boolean;
  /** Most a measured column may take. */
  maxWidth?: number;
}

export interface Row {
  cells: Record<string, string>;
  /** Smaller grey lines under the flex column (tax detail). */
  sub?: string[];
}

export interface TotalRow {
  label: string;
  value: string;
  style?: 'strong' | 'accent' | 'muted';
  /** A rule above this row. */
  ruleAbove?: boolean;
}

export interface StampSpec {
  text: string;
  color: string;
}

interface LayoutOptions {
  template: DocumentTemplate;
  seller: Seller;
  lang: Locale;
  currency: string;
  /** "Factura", "Payment receipt"… */
  title: string;
  number: string;
  /** Fixed from the document so the same document renders the same bytes' worth of content. */
  createdAt: Date;
}

type PdfKit = typeof import('pdfkit');
let pdfkit: Promise<PdfKit> | undefined;

/** pdfkit, loaded at the first document drawn rather than at every start of the server (~80 ms). */
export function loadPdfKit(): Promise<PdfKit> {
  pdfkit ??= import('pdfkit').then((module) => module.default);
  return pdfkit;
}

export class DocumentLayout {
  /** A layout ready to draw on, once pdfkit is loaded. */
  static async open(options: LayoutOptions): Promise<DocumentLayout> {
    return new DocumentLayout(options, await loadPdfKit());
  }

  readonly doc: PDFKit.PDFDocument;
  readonly t: Labels;
  readonly intl: string;
  readonly accent: string;
  readonly left = 50;
  readonly right: number;
  readonly width: number;
  readonly top = 44;
  y: number;
  private readonly pageHeight: number;
  private readonly footerHeight: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private repeatOnNewPage: (() => void) | null = null;

  private constructor(
    private readonly options: LayoutOptions,
    PDFDocument: PdfKit,
  ) {
    const { seller, template } = options;
    const letter = seller.country === 'MX' || seller.country === 'US' || seller.country === 'CA';
    this.doc = new PDFDocument({
      size: letter ? 'LETTER' : 'A4',
      // Pagination is ours (tables repeat their header); pdfkit's own page breaks stay out of the way.
      margins: { top: this.top, left: this.left, right: this.left, bottom: 12 },
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: `${options.title} ${options.number}`,
        Author: seller.legalName || seller.name,
        Subject: `${options.title} ${options.number}`,
        Creator: 'Saldo',
        Producer: 'Saldo',
        CreationDate: options.createdAt,
        ModDate: options.createdAt,
      },
      lang: options.lang,
      displayTitle: true,
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    const f = fonts();
    this.doc.registerFont('regular', f.regular);
    this.doc.registerFont('bold', f.bold);
    this.doc.font('regular');
    this.t = labelsFor(options.lang);
    this.intl = intlLocale(options.lang, seller.country);
    this.accent = template.accentColor;
    this.pageHeight = this.doc.page.height;
    this.right = this.doc.page.width - this.left;
    this.width = this.right - this.left;
    this.footerHeight = template.footerText
      ? this.measure(template.footerText, { size: 7.5, width: this.width - 110 }) + 6
      : 10;
    this.y = this.top;
  }

  /** The lowest y content may reach on a page: the footer lives below it. */
  get bottom(): number {
    return this.pageHeight - 30 - this.footerHeight - 14;
  }

  // ── formatting ────────────────────────────────────────────────────────────

  money(amount: bigint, currency = this.options.currency): string {
    return formatAmount(amount, currency, this.intl);
  }

  /** A unit price in major units (exact decimal string), with as many decimals as it has (≥ the currency's). */
  unitPrice(price: string, currency = this.options.currency): string {
    const exponent = currencyExponent(currency);
    return new Intl.NumberFormat(this.intl, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: Math.max(exponent, 6),
    }).format(trimDecimal(price) as unknown as number);
  }

  quantity(quantity: string): string {
    return new Intl.NumberFormat(this.intl, { maximumFractionDigits: 4 }).format(
      trimDecimal(quantity) as unknown as number,
    );
  }

  rate(rate: string): string {
    return `${this.quantity(rate)}%`;
  }

  /** A calendar date ('YYYY-MM-DD'), never shifted by a time zone; written as the web app writes it. */
  date(date: string): string {
    return formatCalendarDate(date, this.intl);
  }

  taxIdLabel(): string {
    return this.options.seller.country === 'MX' ? this.t('taxId') : this.t('taxIdOther');
  }

  // ── primitives ────────────────────────────────────────────────────────────

  private style(font: 'regular' | 'bold', size: number, color: string): void {
    this.doc.font(font).fontSize(size).fillColor(color);
  }

  measure(text: string, o: { size: number; width: number; bold?: boolean }): number {
    this.doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size);
    return this.doc.heightOfString(text || ' ', { width: o.width });
  }

  private textWidth(text: string, size: number, bold = false): number {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
    return this.doc.widthOfString(text);
  }

  /** Writes text at (x, y); returns its height. */
  write(
    text: string,
    x: number,
    y: number,
    o: { width: number; size?: number; bold?: boolean; color?: string; align?: Align | 'center' },
  ): number {
    const size = o.size ?? 9;
    this.style(o.bold ? 'bold' : 'regular', size, o.color ?? TEXT);
    this.doc.text(text, x, y, { width: o.width, align: o.align ?? 'left', lineGap: 1 });
    return this.doc.heightOfString(text || ' ', { width: o.width, lineGap: 1 });
  }

  rule(y: number, color = RULE, thickness = 0.75, x0 = this.left, x1 = this.right): void {
    this.doc.save().moveTo(x0, y).lineTo(x1, y).lineWidth(thickness).strokeColor(color).stroke().restore();
  }

  /** Starts a new page when less than `height` is left; returns true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    // A slim running header: who and which document, so a loose second page is still identifiable.
    const { seller, title, number } = this.options;
    this.write(seller.name, this.left, this.y, { width: this.width / 2, size: 8, bold: true, color: INK });
    this.write(`${title} ${number}`, this.left + this.width / 2, this.y, {
      width: this.width / 2,
      size: 8,
      color: MUTED,
      align: 'right',
    });
    this.y += 16;
    this.rule(this.y, this.accent, 1);
    this.y += 14;
    this.repeatOnNewPage?.();
  }

  // ── blocks ────────────────────────────────────────────────────────────────

  /** Logo and seller on the left, the document's title, number and stamp on the right, an accent rule below. */
  header(stamp?: StampSpec | null): void {
    const { seller, template, title, number } = this.options;
    const half = this.width / 2;
    let leftY = this.top;
    if (template.logo) {
      this.doc.image(template.logo.data, this.left, leftY, { fit: [170, 56] });
      leftY += 64;
    }
    leftY += this.write(seller.name, this.left, leftY, {
      width: half + 20,
      size: 13,
      bold: true,
      color: INK,
    });
    leftY += 2;
    if (seller.legalName && seller.legalName !== seller.name)
      leftY += this.write(seller.legalName, this.left, leftY, { width: half + 20, size: 8.5, color: MUTED });
    if (seller.taxId)
      leftY += this.write(`${this.taxIdLabel()}: ${seller.taxId}`, this.left, leftY, {
        width: half + 20,
        size: 8.5,
        color: MUTED,
      });

    let rightY = this.top;
    const rx = this.left + half;
    rightY += this.write(title, rx, rightY, {
      width: half,
      size: 22,
      bold: true,
      color: this.accent,
      align: 'right',
    });
    rightY += 2;
    rightY += this.write(number, rx, rightY, {
      width: half,
      size: 11,
      bold: true,
      color: INK,
      align: 'right',
    });
    if (stamp) {
      rightY += 6;
      const label = stamp.text.toUpperCase();
      const w = this.textWidth(label, 8, true) + 16;
      const x = this.right - w;
      this.doc
        .save()
        .roundedRect(x, rightY, w, 16, 3)
        .lineWidth(1)
        .strokeColor(stamp.color)
        .stroke()
        .restore();
      this.write(label, x, rightY + 4, {
        width: w,
        size: 8,
        bold: true,
        color: stamp.color,
        align: 'center',
      });
      rightY += 16;
    }
    this.y = Math.max(leftY, rightY) + 14;
    this.rule(this.y, this.accent, 1.5);
    this.y += 18;
  }

  /** A small accent heading in capitals. */
  private heading(text: string, x: number, y: number, width: number, align: Align = 'left'): number {
    return (
      this.write(text.toUpperCase(), x, y, { width, size: 7.5, bold: true, color: this.accent, align }) + 4
    );
  }

  /** The customer on the left, the document's details (label → value) on the right. */
  parties(party: { heading: string; value: Party }, details: [string, string][]): void {
    const half = this.width / 2;
    let ly = this.y;
    ly += this.heading(party.heading, this.left, ly, half - 20);
    const p = party.value;
    ly += this.write(p.name, this.left, ly, { width: half - 20, size: 10, bold: true, color: INK });
    ly += 1;
    const lines = [
      `${this.t('account')}: ${p.accountNumber}`,
      ...(p.taxId ? [`${this.taxIdLabel()}: ${p.taxId}`] : []),
      ...addressLines(p.address),
    ];
    for (const line of lines) ly += this.write(line, this.left, ly, { width: half - 20, size: 8.5 });

    const rx = this.left + half + 20;
    const rw = half - 20;
    let ry = this.y;
    ry += this.heading(this.t('details'), rx, ry, rw);
    for (const [label, value] of details) {
      const h = Math.max(
        this.write(label, rx, ry, { width: rw * 0.5, size: 8.5, color: MUTED }),
        this.write(value, rx + rw * 0.5, ry, { width: rw * 0.5, size: 8.5, color: INK, align: 'right' }),
      );
      ry += h + 2;
    }
    this.y = Math.max(ly, ry) + 18;
  }

  /** A tinted band with the one figure that matters ("Amount due $1,234.56 · due Mar 5, 2025"). */
  band(label: string, value: string, note?: string): void {
    const h = 40;
    this.ensure(h + 10);
    this.doc
      .save()
      .roundedRect(this.left, this.y, this.width, h, 4)
      .fillOpacity(0.08)
      .fill(this.accent)
      .restore();
    this.doc.save().rect(this.left, this.y, 3, h).fill(this.accent).restore();
    this.write(label, this.left + 16, this.y + 8, {
      width: this.width / 2,
      size: 8,
      bold: true,
      color: MUTED,
    });
    this.write(value, this.left + 16, this.y + 19, {
      width: this.width / 2,
      size: 13,
      bold: true,
      color: INK,
    });
    if (note)
      this.write(note, this.left + this.width / 2, this.y + 19, {
        width: this.width / 2 - 16,
        size: 9,
        color: TEXT,
        align: 'right',
      });
    this.y += h + 18;
  }

  /** A section title with a hairline under it, kept with at least `keep` points of what follows. */
  section(title: string, keep = 40): void {
    this.ensure(24 + keep);
    this.y += this.heading(title, this.left, this.y, this.width);
    this.rule(this.y, RULE);
    this.y += 6;
  }

  paragraph(text: string, o: { size?: number; color?: string } = {}): void {
    const size = o.size ?? 8.5;
    for (const para of text.split(/\n/)) {
      const h = this.measure(para, { size, width: this.width });
      this.ensure(h);
      this.y += this.write(para, this.left, this.y, { width: this.width, size, color: o.color ?? TEXT });
    }
    this.y += 14;
  }

  /**
   * A table: measured columns sized to their widest cell, the flex column taking the rest; rows
   * never split; on a new page the header is drawn again.
   */
  table(columns: Column[], rows: Row[]): void {
    const padX = 4;
    const padY = 5;
    const bodySize = 8.5;
    const headSize = 7;
    const subSize = 7;
    const widths = columns.map((c) => {
      if (c.flex) return 0;
      const head = this.textWidth(c.label.toUpperCase(), headSize, true);
      const cells = rows.map((r) => this.textWidth(r.cells[c.key] ?? '', bodySize));
      return Math.min(Math.max(head, ...cells) + 2 * padX + 2, c.maxWidth ?? 150);
    });
    const fixed = widths.reduce((a, b) => a + b, 0);
    const flexIndex = columns.findIndex((c) => c.flex);
    if (flexIndex >= 0) widths[flexIndex] = Math.max(this.width - fixed, 90);
    const xs: number[] = [];
    let x = this.left;
    for (const w of widths) {
      xs.push(x);
      x += w;
    }

    const drawHeader = () => {
      let h = 0;
      columns.forEach((c, i) => {
        h = Math.max(
          h,
          this.write(c.label.toUpperCase(), xs[i]! + padX, this.y, {
            width: widths[i]! - 2 * padX,
            size: headSize,
            bold: true,
            color: this.accent,
            align: c.align ?? 'left',
          }),
        );
      });
      this.y += h + 4;
      this.rule(this.y, this.accent, 1);
      this.y += 1;
    };

    const rowHeight = (row: Row) => {
      let h = 0;
      columns.forEach((c, i) => {
        h = Math.max(
          h,
          this.measure(row.cells[c.key] ?? '', { size: bodySize, width: widths[i]! - 2 * padX }),
        );
      });
      if (row.sub?.length && flexIndex >= 0)
        h += row.sub.reduce(
          (s, line) => s + this.measure(line, { size: subSize, width: widths[flexIndex]! - 2 * padX }),
          2,
        );
      return h + 2 * padY;
    };

    this.ensure(40);
    drawHeader();
    this.repeatOnNewPage = drawHeader;
    rows.forEach((row, index) => {
      const h = rowHeight(row);
      this.ensure(h);
      if (index % 2 === 1) this.doc.save().rect(this.left, this.y, this.width, h).fill(SOFT).restore();
      columns.forEach((c, i) => {
        let cy = this.y + padY;
        cy += this.write(row.cells[c.key] ?? '', xs[i]! + padX, cy, {
          width: widths[i]! - 2 * padX,
          size: bodySize,
          color: c.flex ? INK : TEXT,
          align: c.align ?? 'left',
        });
        if (i === flexIndex && row.sub?.length) {
          cy += 2;
          for (const line of row.sub)
            cy += this.write(line, xs[i]! + padX, cy, {
              width: widths[i]! - 2 * padX,
              size: subSize,
              color: MUTED,
            });
        }
      });
      this.y += h;
      this.rule(this.y, RULE, 0.5);
    });
    this.repeatOnNewPage = null;
    this.y += 12;
  }

  /**
   * What a payment or credit memo was applied to: the invoices' table (or a note that nothing is
   * applied yet), then the totals — the document's amount, what is applied, what is left.
   */
  applications(
    columns: Column[],
    rows: Row[],
    totals: { label: string; amount: bigint; applied: bigint; unapplied: bigint },
  ): void {
    const { t } = this;
    this.section(t('applications'), 40);
    if (rows.length) this.table(columns, rows);
    else this.paragraph(t('nothingApplied'), { color: MUTED });
    this.totals([
      { label: totals.label, value: this.money(totals.amount) },
      { label: t('applied'), value: this.money(-totals.applied), style: 'muted' },
      { label: t('unapplied'), value: this.money(totals.unapplied), style: 'accent', ruleAbove: true },
    ]);
  }

  /** The totals block on the right, kept together on one page. */
  totals(rows: TotalRow[]): void {
    const w = 260;
    const x = this.right - w;
    const heights = rows.map((r) => (r.style === 'strong' || r.style === 'accent' ? 22 : 16));
    this.ensure(heights.reduce((a, b) => a + b, 0) + 8);
    rows.forEach((row, i) => {
      const h = heights[i]!;
      if (row.ruleAbove) this.rule(this.y, INK, 0.75, x, this.right);
      const strong = row.style === 'strong' || row.style === 'accent';
      if (row.style === 'accent')
        this.doc
          .save()
          .rect(x, this.y + 1, w, h - 2)
          .fillOpacity(0.08)
          .fill(this.accent)
          .restore();
      const size = strong ? 10 : 8.5;
      const ty = this.y + (h - size * 1.2) / 2;
      const color =
        row.style === 'muted' ? MUTED : row.style === 'accent' ? this.accent : strong ? INK : TEXT;
      this.write(row.label, x + 8, ty, { width: w * 0.55 - 8, size, bold: strong, color });
      this.write(row.value, x + w * 0.4, ty, {
        width: w * 0.6 - 8,
        size,
        bold: strong,
        color,
        align: 'right',
      });
      this.y += h;
    });
    this.y += 16;
  }

  /** The footer on every page (seller's text, "Page n of m"), then the finished file. */
  async finish(): Promise<Buffer> {
    const { template } = this.options;
    const range = this.doc.bufferedPageRange();
    const footerTop = this.pageHeight - 30 - this.footerHeight;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.rule(footerTop - 8, RULE, 0.5);
      if (template.footerText)
        this.write(template.footerText, this.left, footerTop, {
          width: this.width - 110,
          size: 7.5,
          color: MUTED,
        });
      this.write(
        this.t('page', { page: i - range.start + 1, pages: range.count }),
        this.right - 100,
        footerTop,
        {
          width: 100,
          size: 7.5,
          color: MUTED,
          align: 'right',
        },
      );
    }
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}

export const STAMP_COLORS = { void: '#b91c1c', draft: '#6b7280', paid: '#15803d' } as const;
