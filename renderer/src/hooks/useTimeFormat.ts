import type { TimeFormat } from '../../../shared/domain';
import { formatHours, resolveTimeFormat } from '../../../shared/hours';
import { useCompany, useSettings } from './queries';

/** The format hours are shown in: the user's override, else the account's own. */
export function useTimeFormat(): TimeFormat {
  const company = useCompany();
  const settings = useSettings();
  return resolveTimeFormat(settings.data?.hoursDisplay ?? 'account', company.data?.timeFormat ?? 'decimal');
}

export function useFormatHours(): (hours: number) => string {
  const format = useTimeFormat();
  return (hours) => formatHours(hours, format);
}
