/** A message parameter: text or a number, put into the text as it is (or translated, for the word parameters). */
export type Scalar = string | number;
