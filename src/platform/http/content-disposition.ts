/** An attachment's header; names are ones we chose (cases-2026-12-06.csv), made safe all the same. */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;
}
