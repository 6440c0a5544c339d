// The entry of the single executable (npm run dist). Its first import sets up
// the host before the command line's modules are evaluated.
import './host.js';
import { main } from '../cli/main.js';

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
