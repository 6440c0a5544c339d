// The shape of a feature's catalogue: for each message id, its Chinese and
// English text, side by side, from the parameters its id declares.
import type { Scalar } from '../../core/messages/index.js';

export type Lang = 'zh' | 'en';

/** Parameters as a text receives them: lists of messages already joined into one string. */
export type Flat<P> = { [K in keyof P]: P[K] extends readonly unknown[] ? string : P[K] extends Scalar ? P[K] : Scalar };

export type Catalog<M> = { [K in keyof M]: { zh: (p: Flat<M[K]>) => string; en: (p: Flat<M[K]>) => string } };
