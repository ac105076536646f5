import type { DateFormat } from '../../../shared/domain';
import { DEFAULT_DATE_FORMAT } from '../../../shared/dateDisplay';
import { useCompany } from './queries';

/** The account's date format; Harvest's default until the company is known (or from an older cache). */
export function useDateFormat(): DateFormat {
  const company = useCompany();
  return company.data?.dateFormat ?? DEFAULT_DATE_FORMAT;
}
