// The shape of a feature's catalogue: for each message id, its Chinese and
// English text, side by side, from the parameters its id declares.
import type { Flat } from '../../core/messages/types.js';

export type Lang = 'zh' | 'en';

export type Catalog<M> = { [K in keyof M]: { zh: (p: Flat<M[K]>) => string; en: (p: Flat<M[K]>) => string } };
