import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/secrets.ts
var REDACTED = "***";
var MIN_SECRET = 4;
var KEYS = /^(password|sslpassword|passfile)$/i;
var registered = /* @__PURE__ */ new Set();
var pattern;
function tryDecode(s, plus = false) {
  try {
    return decodeURIComponent(plus ? s.replace(/\+/g, " ") : s);
  } catch {
    return void 0;
  }
}
function secretValues(conn) {
  const values = /* @__PURE__ */ new Set();
  const add = (v) => {
    if (v !== void 0 && v !== "") values.add(v);
  };
  const scheme = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?/i.exec(conn)[0];
  const rest = conn.slice(scheme.length);
  for (let at = rest.indexOf("@"); at >= 0; at = rest.indexOf("@", at + 1)) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(":");
    if (colon >= 0 && !userinfo.startsWith("[")) add(userinfo.slice(colon + 1));
  }
  let href;
  try {
    const u = new URL(conn.trim());
    add(u.password);
    href = u.href;
  } catch {
  }
  const q = rest.indexOf("?");
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split("&")) {
      const eq = pair.indexOf("=");
      if (eq > 0 && KEYS.test(tryDecode(pair.slice(0, eq)) ?? "")) add(pair.slice(eq + 1).split("#")[0]);
    }
  }
  for (const m of conn.matchAll(/\b(password|sslpassword|passfile)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|([^\s&]+))/gi)) {
    if (m[2] !== void 0) {
      add(m[2]);
      add(m[2].replace(/\\(.)/g, "$1"));
    } else add(m[3]);
  }
  if (!values.size && href !== void 0) return [];
  return [conn, conn.trim(), ...href ? [href] : [], ...values].filter((v, i, all) => v && all.indexOf(v) === i);
}
var ZWJ = "\u200D";
var neutralise = (s) => s.replace(/@/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`).replace(/!(?=\d)/g, `!${ZWJ}`).replace(/(&amp;|&)(?=\d)/g, `$1${ZWJ}`);
var entities = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
var markdownForm = (s) => neutralise(entities(s.replace(/\r?\n|\r/g, " ").replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)));
var htmlForm = (s) => neutralise(entities(s).replace(/"/g, "&quot;"));
var commandForm = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
function plainSecrets(conn) {
  return [...new Set(secretValues(conn).flatMap((v) => [v, tryDecode(v) ?? v]))];
}
function secretForms(value) {
  const bases = new Set([value, tryDecode(value), tryDecode(value, true)].filter((v) => !!v));
  const forms = /* @__PURE__ */ new Set();
  for (const b of bases) {
    for (const f of [
      b,
      encodeURIComponent(b),
      JSON.stringify(b).slice(1, -1),
      markdownForm(b),
      htmlForm(b),
      commandForm(b),
      b.replace(/\r?\n|\r/g, " ")
    ])
      if (f.length >= MIN_SECRET) forms.add(f);
  }
  return [...forms];
}
function registerSecretUrl(conn) {
  if (!conn) return;
  for (const v of secretValues(conn)) registerSecret(v);
}
function registerSecret(value) {
  if (!value) return;
  let changed = false;
  for (const f of secretForms(value)) {
    if (!registered.has(f)) {
      registered.add(f);
      changed = true;
    }
  }
  if (changed) pattern = void 0;
}
function hasSecrets() {
  return registered.size > 0;
}
function forgetSecrets() {
  registered.clear();
  pattern = void 0;
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function redactSecrets(text) {
  if (!text || !registered.size) return text;
  pattern ??= new RegExp(
    [...registered].sort((a, b) => b.length - a.length).map(escapeRe).join("|"),
    "g"
  );
  return text.replace(pattern, REDACTED);
}
function displayConnection(conn) {
  let out = conn.trim();
  for (const v of secretValues(conn).sort((a, b) => b.length - a.length)) {
    if (v.length >= out.length) continue;
    out = out.split(v).join(REDACTED);
  }
  return out;
}
function guardStream(stream) {
  const original = stream.write;
  const guarded = function(chunk, ...rest) {
    if (typeof chunk === "string" && !chunk.startsWith("::add-mask::")) chunk = redactSecrets(chunk);
    else if (Buffer.isBuffer(chunk) && registered.size) {
      const text = chunk.toString("utf8");
      const clean = redactSecrets(text);
      if (clean !== text) chunk = clean;
    }
    return original.call(this, chunk, ...rest);
  };
  stream.write = guarded;
  return () => {
    if (stream.write === guarded) stream.write = original;
  };
}

export {
  plainSecrets,
  registerSecretUrl,
  registerSecret,
  hasSecrets,
  forgetSecrets,
  redactSecrets,
  displayConnection,
  guardStream
};
