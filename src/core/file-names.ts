// File names made from data (an org's code): safe on Windows, macOS and
// Linux alike, since the folder goes to branches on every kind of machine.

/** Names Windows keeps for devices, whatever the extension: CON.xlsx is the console, not a file. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** `stem` as a file name: no path separators or characters Windows refuses, no device name, no leading dot, no trailing dot or space. */
export function safeFileName(stem: string): string {
  let s = stem
    .replace(/[\\/:*?"<>|\x00-\x1f\x7f]/g, '_')
    .replace(/^\.+/, '_')
    .replace(/[. ]+$/, '');
  if (s === '') s = '_';
  return RESERVED.test(s) ? `_${s}` : s;
}

/** Each stem's file name with `ext`, made unique where two differ only in case (D01 and d01 are one file on Windows and macOS). */
export function distinctFileNames(stems: string[], ext: string): string[] {
  const taken = new Set<string>();
  return stems.map((stem) => freeFileName(safeFileName(stem), ext, taken));
}

/** `stem` with `ext`, or else stem-2, stem-3…: the first whose name is not in `taken` (in lower case: one file on Windows and macOS), which it joins. */
export function freeFileName(stem: string, ext: string, taken: Set<string>): string {
  let name = `${stem}${ext}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`;
  taken.add(name.toLowerCase());
  return name;
}
