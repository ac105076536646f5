// The simulator's fixed accounts and tokens. A file of its own so the demo can name them without
// loading the simulator itself: the tray's normal start never pulls the second Harvest in.
export const ACCOUNT_IDS = { duration: 100001, timestamp: 100002, forecast: 300001 } as const;
export const TOKENS = { multi: 'sim-token-multi', single: 'sim-token-single' } as const;
