// `harvest-tray` from a checkout (`npm run --silent cli`, `npm link`): the command line's own
// process. The installed app runs the same thing in its main process (electron/main.ts).
import { runCliInProcess } from './processHost';

await runCliInProcess(process.argv.slice(2), (status) => process.exit(status));
