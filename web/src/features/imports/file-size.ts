import { useFormatters } from '../../app/format';

/** Bytes as a person reads them: "812 KB", "3.4 MB". */
export function useFileSize() {
  const format = useFormatters();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`
      : `${new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}
