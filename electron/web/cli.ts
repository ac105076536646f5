// `tsx electron/web/cli.ts [--port N] [--demo]`: the web host on 127.0.0.1. Builds nothing;
// `npm run web` (scripts/web.mjs) builds the renderer first when it is missing or stale.
import { runWebHost } from './runWebHost';

await runWebHost(process.argv.slice(2));
