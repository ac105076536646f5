// One line per figure, beside its target: `name: value (target <= limit) ok|MISSED`.
export interface Figure {
  name: string;
  /** null when the figure could not be measured; `note` then says why. */
  value: number | null;
  unit: string;
  limit: number;
  /** The target is a floor (a rate to reach) instead of a ceiling (a time not to pass). */
  atLeast?: boolean;
  note?: string;
}

export function formatFigure(figure: Figure): string {
  const target = `(target ${figure.atLeast ? '>=' : '<='} ${figure.limit} ${figure.unit})`;
  if (figure.value === null)
    return `${figure.name}: not measured ${target} MISSED${figure.note ? ` — ${figure.note}` : ''}`;
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(1);
  const met = figure.atLeast ? figure.value >= figure.limit : figure.value <= figure.limit;
  const verdict = met ? 'ok' : 'MISSED';
  return `${figure.name}: ${value} ${figure.unit} ${target} ${verdict}${figure.note ? ` — ${figure.note}` : ''}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
