// The validators scripts/validators.mjs compiles from schemas/ (npm run build writes validators.js beside this file):
// each schema's by its name, the document's shell as 'document-shell', each list field's items as '<schema>#<field>'.
import type { ValidateFunction } from 'ajv';

declare const validators: Readonly<Record<string, ValidateFunction>>;
export default validators;
