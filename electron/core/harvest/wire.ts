// Harvest's wire shapes. Provisional: aliases of the generated OpenAPI types until the zod
// schemas that narrow them land.
import type { components } from './generated/harvest-api';

type Schemas = components['schemas'];
export type WireTimeEntry = Schemas['TimeEntry'];
export type WireUser = Schemas['User'];
export type WireCompany = Schemas['Company'];
export type WireProjectAssignment = Schemas['ProjectAssignment'];
export type WireProject = Schemas['Project'];
export type WireClient = Schemas['Client'];
export type WireTask = Schemas['Task'];
export interface WireAccount {
  id: number;
  name: string;
  product: 'harvest' | 'forecast';
}
