import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/mysql/quote.ts
function noNul(text, what) {
  if (text.includes("\0")) throw new Error(`a ${what} cannot contain a NUL character`);
}
function quoteIdent(name) {
  noNul(name, "MySQL identifier");
  return `\`${name.replace(/`/g, "``")}\``;
}
function quoteTable(t) {
  return t.schema ? `${quoteIdent(t.schema)}.${quoteIdent(t.name)}` : quoteIdent(t.name);
}
function quoteLiteral(value) {
  noNul(value, "MySQL string");
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
var LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029\0]+/g;
function commentText(text) {
  return text.replace(LINE_BREAKS, " ").replace(/\/\*/g, "/ *").replace(/\*\//g, "* /");
}
function sqlComment(text) {
  return `-- ${commentText(text)}`;
}

export {
  quoteIdent,
  quoteTable,
  quoteLiteral,
  sqlComment
};
