// Bytes → text. Offices send UTF-8 (with or without BOM) and, from Chinese
// Windows, GB18030/GBK; Node's built-in ICU decodes both, so no extra library.

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; reason: 'binary' | 'utf16' | 'undecodable' };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'utf16' };
  }
  // A NUL byte never occurs in UTF-8 or GBK text: this is a binary file (xlsx, docx, image…).
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to GB18030
  }
  try {
    const text = gb18030.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) return { ok: true, text: text.slice(1), encoding: 'gb18030' };
    return { ok: true, text, encoding: 'gb18030' };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}
