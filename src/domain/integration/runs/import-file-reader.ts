import type { ByteSource, ImportFileInfo, ImportFileSettings, ImportRow } from '../import-types.ts';

export type { ByteSource } from '../import-types.ts';

/**
 * The port through which runs read files: the domain may not import formats/, so the CLI and the
 * jobs hand in the adapter over formats/import (jobs/tasks/import-jobs.ts: importFileReader). A
 * file it cannot read throws ImportFileError (import-types.ts).
 */
export interface ImportFileReader {
  /** The file's format, encoding, delimiter, header and first rows (formats/import inspectImportFile). */
  inspect(source: ByteSource, settings?: Partial<ImportFileSettings>): Promise<ImportFileInfo>;
  /** The header and every data row, streamed; `onProgress` with the bytes read so far, now and then. */
  openRows(
    source: ByteSource,
    settings: ImportFileSettings,
    onProgress?: (bytesRead: number) => void,
  ): Promise<{ header: string[]; rows: AsyncIterable<ImportRow> }>;
}
