// What the rest of the main process uses from the Harvest client.
export { createHarvestClient } from './createHarvestClient';
export type * from './HarvestClient';
export type * from './wire';
export { HarvestFailure, isOutcomeUnknown } from './errors';
export { USER_AGENT } from './http';
