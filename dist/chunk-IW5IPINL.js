import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  quoteIdent,
  quoteRel
} from "./chunk-RB5SEY6D.js";

// src/dialects/postgres/plan/quote.ts
function noNul(text, what) {
  if (text.includes("\0")) throw new Error(`a ${what} cannot contain a NUL character`);
}
function ident(name) {
  noNul(name, "SQL identifier");
  return quoteIdent(name);
}
function relation(rel) {
  noNul(typeof rel === "string" ? rel : `${rel.schemaname ?? ""}${rel.relname ?? ""}`, "SQL identifier");
  return quoteRel(rel);
}
function literal(value) {
  noNul(value, "SQL string");
  const body = value.replace(/'/g, "''");
  return value.includes("\\") ? `E'${body.replace(/\\/g, "\\\\")}'` : `'${body}'`;
}
function dollarQuote(body, base = "zerodown") {
  noNul(body, "SQL body");
  let tag = `$${base}$`;
  for (let i = 1; `${body}${tag}`.indexOf(tag) !== body.length; i++) tag = `$${base}${i}$`;
  return `${tag}${body}${tag}`;
}
var LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029\0]+/g;
function commentText(text) {
  return text.replace(LINE_BREAKS, " ").replace(/\/\*/g, "/ *").replace(/\*\//g, "* /");
}
function sqlComment(text) {
  return `-- ${commentText(text)}`;
}

export {
  ident,
  relation,
  literal,
  dollarQuote,
  sqlComment
};
