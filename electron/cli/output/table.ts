// Aligned columns for people reading a terminal. Hand-written because it is a dozen lines: a
// table library would cost every command its load time for borders this output does not want.
export type Align = 'left' | 'right';

export interface Column<Row> {
  heading: string;
  value: (row: Row) => string;
  align?: Align;
}

export function formatTable<Row>(columns: Column<Row>[], rows: Row[], footer?: string[]): string {
  const cells = rows.map((row) => columns.map((column) => oneLine(column.value(row))));
  const lines = [columns.map((column) => column.heading), ...cells, ...(footer ? [footer] : [])];
  const widths = columns.map((_, index) => Math.max(...lines.map((line) => (line[index] ?? '').length)));
  return lines
    .map((line) =>
      columns
        .map((column, index) => {
          const text = line[index] ?? '';
          const width = widths[index] ?? 0;
          return column.align === 'right' ? text.padStart(width) : text.padEnd(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const MAX_CELL = 60;

/** Notes may hold line breaks and whole paragraphs; a row stays one line. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}
