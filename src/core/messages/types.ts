/** A message parameter: text or a number, put into the text as it is (or translated, for the word parameters). */
export type Scalar = string | number;

/** Parameters as a text receives them: lists of messages already joined into one string. */
export type Flat<P> = { [K in keyof P]: P[K] extends readonly unknown[] ? string : P[K] extends Scalar ? P[K] : Scalar };
