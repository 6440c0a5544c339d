// The entry of the single executable (npm run dist). Its first import sets up
// the host before the command line's modules are evaluated.
import './host.js';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { main } from '../cli/main.js';
import { earlyLang } from '../cli/lang-arg.js';
import { t } from '../render/i18n/index.js';

const args = process.argv.slice(2);
// Started without arguments on Windows (a double click in Explorer): the web view of the database beside it, in the browser.
const clicked = args.length === 0 && process.platform === 'win32';
main(clicked ? ['serve', '--open', '--db', join(dirname(process.execPath), 'cxzy.db')] : args).then(async (code) => {
  process.exitCode = code;
  // The console window closes with the program: leave what went wrong on screen until a key is pressed.
  if (clicked && code !== 0) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    await rl.question(`\n${t(earlyLang(args, process.env), 'web_press_enter')}`);
    rl.close();
  }
});
