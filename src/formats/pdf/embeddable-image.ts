import { loadPdfKit } from './document-layout.ts';

/**
 * True when pdfkit can place the image (a truncated or exotic file would break every later
 * document): the `canEmbedImage` a logo upload is checked with (domain/documents/set-document-logo.ts).
 */
export async function canEmbedImage(data: Buffer): Promise<boolean> {
  const PDFDocument = await loadPdfKit();
  try {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as {
      openImage(src: Buffer): { width: number; height: number };
    };
    const image = doc.openImage(data);
    return image.width > 0 && image.height > 0;
  } catch {
    return false;
  }
}
