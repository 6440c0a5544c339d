/** A message parameter: text or a number, put into the text as it is (or translated, for the word parameters). */
export type Scalar = string | number;

/** Parameters as a text receives them: lists of messages already joined into one string. */
export type Flat<P> = { [K in keyof P]: P[K] extends readonly unknown[] ? string : P[K] extends Scalar ? P[K] : Scalar };

/** A message's two texts, side by side with its parameters' type; `params` is never set: it carries the type to the catalogue's interface. */
export interface Texts<P> {
  zh: (p: Flat<P>) => string;
  en: (p: Flat<P>) => string;
  params?: P;
}

export const texts = <P>(t: Texts<P>): Texts<P> => t;

/** The message interface of a catalogue of Texts: each id with its parameters. */
export type MessagesOf<T extends Record<string, { params?: unknown }>> = { [K in keyof T]: NonNullable<T[K]['params']> };
