// contextBridge: one function per contract channel, nothing raw.
export {};
