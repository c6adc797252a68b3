import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  require_BigInteger
} from "./chunk-DAVFP6NO.js";
import {
  __commonJS
} from "./chunk-XJGXLKRM.js";

// node_modules/node-sql-parser/build/mariadb.js
var require_mariadb = __commonJS({
  "node_modules/node-sql-parser/build/mariadb.js"(exports) {
    !(function(r, t) {
      for (var e in t) r[e] = t[e];
    })(exports, (function(r) {
      var t = {};
      function e(n) {
        if (t[n]) return t[n].exports;
        var o = t[n] = { i: n, l: false, exports: {} };
        return r[n].call(o.exports, o, o.exports, e), o.l = true, o.exports;
      }
      return e.m = r, e.c = t, e.d = function(r2, t2, n) {
        e.o(r2, t2) || Object.defineProperty(r2, t2, { enumerable: true, get: n });
      }, e.r = function(r2) {
        "undefined" != typeof Symbol && Symbol.toStringTag && Object.defineProperty(r2, Symbol.toStringTag, { value: "Module" }), Object.defineProperty(r2, "__esModule", { value: true });
      }, e.t = function(r2, t2) {
        if (1 & t2 && (r2 = e(r2)), 8 & t2) return r2;
        if (4 & t2 && "object" == typeof r2 && r2 && r2.__esModule) return r2;
        var n = /* @__PURE__ */ Object.create(null);
        if (e.r(n), Object.defineProperty(n, "default", { enumerable: true, value: r2 }), 2 & t2 && "string" != typeof r2) for (var o in r2) e.d(n, o, function(t3) {
          return r2[t3];
        }.bind(null, o));
        return n;
      }, e.n = function(r2) {
        var t2 = r2 && r2.__esModule ? function() {
          return r2.default;
        } : function() {
          return r2;
        };
        return e.d(t2, "a", t2), t2;
      }, e.o = function(r2, t2) {
        return Object.prototype.hasOwnProperty.call(r2, t2);
      }, e.p = "", e(e.s = 1);
    })([function(r, t, e) {
      "use strict";
      var n = e(2);
      function o(r2, t2, e2, n2) {
        this.message = r2, this.expected = t2, this.found = e2, this.location = n2, this.name = "SyntaxError", "function" == typeof Error.captureStackTrace && Error.captureStackTrace(this, o);
      }
      !(function(r2, t2) {
        function e2() {
          this.constructor = r2;
        }
        e2.prototype = t2.prototype, r2.prototype = new e2();
      })(o, Error), o.buildMessage = function(r2, t2) {
        var e2 = { literal: function(r3) {
          return '"' + o2(r3.text) + '"';
        }, class: function(r3) {
          var t3, e3 = "";
          for (t3 = 0; t3 < r3.parts.length; t3++) e3 += r3.parts[t3] instanceof Array ? s(r3.parts[t3][0]) + "-" + s(r3.parts[t3][1]) : s(r3.parts[t3]);
          return "[" + (r3.inverted ? "^" : "") + e3 + "]";
        }, any: function(r3) {
          return "any character";
        }, end: function(r3) {
          return "end of input";
        }, other: function(r3) {
          return r3.description;
        } };
        function n2(r3) {
          return r3.charCodeAt(0).toString(16).toUpperCase();
        }
        function o2(r3) {
          return r3.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\0/g, "\\0").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/[\x00-\x0F]/g, (function(r4) {
            return "\\x0" + n2(r4);
          })).replace(/[\x10-\x1F\x7F-\x9F]/g, (function(r4) {
            return "\\x" + n2(r4);
          }));
        }
        function s(r3) {
          return r3.replace(/\\/g, "\\\\").replace(/\]/g, "\\]").replace(/\^/g, "\\^").replace(/-/g, "\\-").replace(/\0/g, "\\0").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/[\x00-\x0F]/g, (function(r4) {
            return "\\x0" + n2(r4);
          })).replace(/[\x10-\x1F\x7F-\x9F]/g, (function(r4) {
            return "\\x" + n2(r4);
          }));
        }
        return "Expected " + (function(r3) {
          var t3, n3, o3, s2 = new Array(r3.length);
          for (t3 = 0; t3 < r3.length; t3++) s2[t3] = (o3 = r3[t3], e2[o3.type](o3));
          if (s2.sort(), s2.length > 0) {
            for (t3 = 1, n3 = 1; t3 < s2.length; t3++) s2[t3 - 1] !== s2[t3] && (s2[n3] = s2[t3], n3++);
            s2.length = n3;
          }
          switch (s2.length) {
            case 1:
              return s2[0];
            case 2:
              return s2[0] + " or " + s2[1];
            default:
              return s2.slice(0, -1).join(", ") + ", or " + s2[s2.length - 1];
          }
        })(r2) + " but " + (function(r3) {
          return r3 ? '"' + o2(r3) + '"' : "end of input";
        })(t2) + " found.";
      }, r.exports = { SyntaxError: o, parse: function(r2, t2) {
        t2 = void 0 !== t2 ? t2 : {};
        var e2, s = {}, u = { start: Ji }, a = Ji, i = function(r3, t3) {
          return zp(r3, t3);
        }, c = function(r3, t3) {
          return { ...r3, order_by: t3 && t3.toLowerCase() };
        }, l = function(r3, t3) {
          return zp(r3, t3, 1);
        }, f = Xi("IF", true), b = "IDENTIFIED", p = Xi("IDENTIFIED", false), v = Xi("WITH", true), d = Xi("BY", true), y = Xi("RANDOM", true), w = Xi("PASSWORD", true), h = Xi("AS", true), L = function(r3, t3) {
          return zp(r3, t3);
        }, C = Xi("role", true), m = Xi("NONE", true), E = Xi("SSL", true), A = Xi("X509", true), g = Xi("CIPHER", true), _ = Xi("ISSUER", true), T = Xi("SUBJECT", true), S = function(r3, t3) {
          return t3.prefix = r3.toLowerCase(), t3;
        }, j = Xi("REQUIRE", true), I = Xi("MAX_QUERIES_PER_HOUR", true), x = Xi("MAX_UPDATES_PER_HOUR", true), N = Xi("MAX_CONNECTIONS_PER_HOUR", true), O = Xi("MAX_USER_CONNECTIONS", true), R = Xi("EXPIRE", true), k = Xi("DEFAULT", true), U = Xi("NEVER", true), M = Xi("HISTORY", true), D = Xi("REUSE", false), P = Xi("CURRENT", true), F = Xi("OPTIONAL", true), G = Xi("FAILED_LOGIN_ATTEMPTS", true), $ = Xi("PASSWORD_LOCK_TIME", true), Y = Xi("UNBOUNDED", true), H = Xi("ACCOUNT", true), B = Xi("LOCK", true), W = Xi("UNLOCK", true), q = Xi("ATTRIBUTE", true), X = Xi("CASCADED", true), V = Xi("LOCAL", true), K = Xi("CHECK", true), Q = Xi("OPTION", false), z = Xi("ALGORITHM", true), Z = Xi("UNDEFINED", true), J = Xi("MERGE", true), rr = Xi("TEMPTABLE", true), tr = Xi("SQL", true), er = Xi("SECURITY", true), nr = Xi("DEFINER", true), or = Xi("INVOKER", true), sr = function(r3, t3) {
          return zp(r3, t3);
        }, ur = Xi("AUTO_INCREMENT", true), ar = Xi("UNIQUE", true), ir = Xi("KEY", true), cr = Xi("PRIMARY", true), lr = Xi("@", false), fr = function() {
          return Kp("=", { type: "origin", value: "definer" }, { type: "function", name: { name: [{ type: "default", value: "current_user" }] }, args: { type: "expr_list", value: [] } });
        }, br = Xi("BEFORE", true), pr = Xi("AFTER", true), vr = Xi("FOR", true), dr = Xi("EACH", true), yr = Xi("ROW", true), wr = Xi("STATEMENT", true), hr = Xi("FOLLOWS", true), Lr = Xi("PRECEDES", true), Cr = Xi("COLUMN_FORMAT", true), mr = Xi("FIXED", true), Er = Xi("DYNAMIC", true), Ar = Xi("STORAGE", true), gr = Xi("DISK", true), _r = Xi("MEMORY", true), Tr = Xi("GENERATED", true), Sr = Xi("ALWAYS", true), jr = Xi("STORED", true), Ir = Xi("VIRTUAL", true), xr = Xi("if", true), Nr = Xi("exists", true), Or = Xi("first", true), Rr = Xi("after", true), kr = Xi("LESS", true), Ur = Xi("THAN", true), Mr = Xi("DROP", true), Dr = Xi("TRUNCATE", true), Pr = Xi("DISCARD", true), Fr = Xi("IMPORT", true), Gr = Xi("COALESCE", true), $r = Xi("ANALYZE", true), Yr = Xi("TABLESPACE", true), Hr = Xi("FOREIGN", true), Br = Xi("INSTANT", true), Wr = Xi("INPLACE", true), qr = Xi("COPY", true), Xr = Xi("SHARED", true), Vr = Xi("EXCLUSIVE", true), Kr = Xi("CHANGE", true), Qr = /^[0-9]/, zr = Vi([["0", "9"]], false, false), Zr = Xi("PRIMARY KEY", true), Jr = Xi("NOT", true), rt = Xi("REPLICATION", true), tt = Xi("FOREIGN KEY", true), et = Xi("ENFORCED", true), nt = Xi("MATCH FULL", true), ot = Xi("MATCH PARTIAL", true), st = Xi("MATCH SIMPLE", true), ut = Xi("RESTRICT", true), at = Xi("CASCADE", true), it = Xi("SET NULL", true), ct = Xi("NO ACTION", true), lt = Xi("SET DEFAULT", true), ft = Xi("CHARACTER", true), bt = Xi("SET", true), pt = Xi("CHARSET", true), vt = Xi("COLLATE", true), dt = Xi("AVG_ROW_LENGTH", true), yt = Xi("KEY_BLOCK_SIZE", true), wt = Xi("MAX_ROWS", true), ht = Xi("MIN_ROWS", true), Lt = Xi("STATS_SAMPLE_PAGES", true), Ct = Xi("CHECKSUM", false), mt = Xi("DELAY_KEY_WRITE", false), Et = /^[01]/, At = Vi(["0", "1"], false, false), gt = Xi("CONNECTION", true), _t = Xi("ENGINE_ATTRIBUTE", true), Tt = Xi("SECONDARY_ENGINE_ATTRIBUTE", true), St = Xi("DATA", true), jt = Xi("INDEX", true), It = Xi("DIRECTORY", true), xt = Xi("COMPRESSION", true), Nt = Xi("'", false), Ot = Xi("ZLIB", true), Rt = Xi("LZ4", true), kt = Xi("ENGINE", true), Ut = function(r3, t3, e3) {
          return { keyword: r3.toLowerCase(), symbol: t3, value: e3.toUpperCase() };
        }, Mt = Xi("ROW_FORMAT", true), Dt = Xi("COMPRESSED", true), Pt = Xi("REDUNDANT", true), Ft = Xi("COMPACT", true), Gt = Xi("BINARY", true), $t = Xi("MASTER", true), Yt = Xi("LOGS", true), Ht = Xi("TRIGGERS", true), Bt = Xi("STATUS", true), Wt = Xi("PROCESSLIST", true), qt = Xi("PROCEDURE", true), Xt = Xi("FUNCTION", true), Vt = Xi("BINLOG", true), Kt = Xi("EVENTS", true), Qt = Xi("COLLATION", true), zt = Xi("DATABASES", true), Zt = Xi("COLUMNS", true), Jt = Xi("INDEXES", true), re = Xi("EVENT", true), te = Xi("GRANTS", true), ee = function(r3, t3) {
          return zp(r3, t3);
        }, ne = Xi("SERIALIZABLE", true), oe = Xi("REPEATABLE", true), se = Xi("READ", true), ue = Xi("COMMITTED", true), ae = Xi("UNCOMMITTED", true), ie = function(r3) {
          return { type: "origin", value: "read " + r3.toLowerCase() };
        }, ce = Xi("ISOLATION", true), le = Xi("LEVEL", true), fe = Xi("WRITE", true), be = Xi("ONLY", true), pe = Xi("DEFERRABLE", true), ve = Xi("commit", true), de = Xi("rollback", true), ye = Xi("begin", true), we = Xi("WORK", true), he = Xi("TRANSACTION", true), Le = Xi("start", true), Ce = Xi("transaction", true), me = Xi("FIELDS", true), Ee = Xi("TERMINATED", true), Ae = Xi("OPTIONALLY", true), ge = Xi("ENCLOSED", true), _e = Xi("ESCAPED", true), Te = Xi("STARTING", true), Se = Xi("LINES", true), je = Xi("LOAD", true), Ie = Xi("LOW_PRIORITY", true), xe = Xi("CONCURRENT", true), Ne = Xi("INFILE", true), Oe = Xi("INTO", true), Re = Xi("TABLE", true), ke = Xi("ROWS", true), Ue = Xi("VIEW", true), Me = Xi("GRANT", true), De = Xi("OPTION", true), Pe = function(r3) {
          return { type: "origin", value: Array.isArray(r3) ? r3[0] : r3 };
        }, Fe = Xi("ROUTINE", true), Ge = Xi("EXECUTE", true), $e = Xi("ADMIN", true), Ye = Xi("GRANT", false), He = Xi("PROXY", false), Be = Xi("(", false), We = Xi(")", false), qe = Xi("IN", true), Xe = Xi("SHARE", true), Ve = Xi("MODE", true), Ke = Xi("WAIT", true), Qe = Xi("NOWAIT", true), ze = Xi("SKIP", true), Ze = Xi("LOCKED", true), Je = Xi("NATURAL", true), rn = Xi("LANGUAGE", true), tn = Xi("QUERY", true), en = Xi("EXPANSION", true), nn = Xi("BOOLEAN", true), on = Xi("MATCH", true), sn = Xi("AGAINST", false), un = Xi("OUTFILE", true), an = Xi("DUMPFILE", true), cn = Xi("BTREE", true), ln = Xi("HASH", true), fn = Xi("PARSER", true), bn = Xi("VISIBLE", true), pn = Xi("INVISIBLE", true), vn = Xi("LATERAL", true), dn = /^[_0-9]/, yn = Vi(["_", ["0", "9"]], false, false), wn = Xi("ROLLUP", true), hn = Xi("?", false), Ln = Xi("=", false), Cn = Xi("DUPLICATE", true), mn = function(r3, t3) {
          return Zp(r3, t3);
        }, En = function(r3) {
          return r3[0] + " " + r3[2];
        }, An = Xi(">=", false), gn = Xi(">", false), _n = Xi("<=", false), Tn = Xi("<>", false), Sn = Xi("<", false), jn = Xi("!=", false), In = Xi("ESCAPE", true), xn = Xi("+", false), Nn = Xi("-", false), On = Xi("*", false), Rn = Xi("/", false), kn = Xi("%", false), Un = Xi("||", false), Mn = Xi("div", true), Dn = Xi("mod", true), Pn = Xi("&", false), Fn = Xi(">>", false), Gn = Xi("<<", false), $n = Xi("^", false), Yn = Xi("|", false), Hn = Xi("!", false), Bn = Xi("~", false), Wn = function(r3) {
          return { type: "default", value: r3 };
        }, qn = function(r3) {
          return true === Wp[r3.toUpperCase()];
        }, Xn = Xi('"', false), Vn = /^[^"]/, Kn = Vi(['"'], true, false), Qn = /^[^']/, zn = Vi(["'"], true, false), Zn = Xi("`", false), Jn = /^[^`\\]/, ro = Vi(["`", "\\"], true, false), to = function(r3, t3) {
          return r3 + t3.join("");
        }, eo = /^[A-Za-z_\u4E00-\u9FA5\xC0-\u017F]/, no = Vi([["A", "Z"], ["a", "z"], "_", ["\u4E00", "\u9FA5"], ["\xC0", "\u017F"]], false, false), oo = /^[A-Za-z0-9_$$\u4E00-\u9FA5\xC0-\u017F]/, so = Vi([["A", "Z"], ["a", "z"], ["0", "9"], "_", "$", "$", ["\u4E00", "\u9FA5"], ["\xC0", "\u017F"]], false, false), uo = /^[A-Za-z0-9_:\u4E00-\u9FA5\xC0-\u017F]/, ao = Vi([["A", "Z"], ["a", "z"], ["0", "9"], "_", ":", ["\u4E00", "\u9FA5"], ["\xC0", "\u017F"]], false, false), io = Xi(":", false), co = Xi("NOW", true), lo = Xi("OVER", true), fo = Xi("WINDOW", true), bo = Xi("FOLLOWING", true), po = Xi("PRECEDING", true), vo = Xi("SEPARATOR", true), yo = Xi("YEAR_MONTH", true), wo = Xi("DAY_HOUR", true), ho = Xi("DAY_MINUTE", true), Lo = Xi("DAY_SECOND", true), Co = Xi("DAY_MICROSECOND", true), mo = Xi("HOUR_MINUTE", true), Eo = Xi("HOUR_SECOND", true), Ao = Xi("HOUR_MICROSECOND", true), go = Xi("MINUTE_SECOND", true), _o = Xi("MINUTE_MICROSECOND", true), To = Xi("SECOND_MICROSECOND", true), So = Xi("TIMEZONE_HOUR", true), jo = Xi("TIMEZONE_MINUTE", true), Io = Xi("CENTURY", true), xo = Xi("DAY", true), No = Xi("DATE", true), Oo = Xi("DECADE", true), Ro = Xi("DOW", true), ko = Xi("DOY", true), Uo = Xi("EPOCH", true), Mo = Xi("HOUR", true), Do = Xi("ISODOW", true), Po = Xi("ISOWEEK", true), Fo = Xi("ISOYEAR", true), Go = Xi("MICROSECONDS", true), $o = Xi("MILLENNIUM", true), Yo = Xi("MILLISECONDS", true), Ho = Xi("MINUTE", true), Bo = Xi("MONTH", true), Wo = Xi("QUARTER", true), qo = Xi("SECOND", true), Xo = Xi("TIME", true), Vo = Xi("TIMEZONE", true), Ko = Xi("WEEK", true), Qo = Xi("YEAR", true), zo = Xi("DATE_TRUNC", true), Zo = Xi("BOTH", true), Jo = Xi("LEADING", true), rs = Xi("TRAILING", true), ts = Xi("trim", true), es = Xi("convert", true), ns = Xi("binary", true), os = Xi("_binary", true), ss = Xi("_latin1", true), us = Xi("X", true), as = /^[0-9A-Fa-f]/, is = Vi([["0", "9"], ["A", "F"], ["a", "f"]], false, false), cs = Xi("b", true), ls = Xi("0x", true), fs = Xi("N", true), bs = function(r3, t3) {
          return { type: r3.toLowerCase(), value: t3[1].join("") };
        }, ps = /^[^"\\\0-\x1F\x7F]/, vs = Vi(['"', "\\", ["\0", ""], "\x7F"], true, false), ds = /^[\n]/, ys = Vi(["\n"], false, false), ws = /^[^'\\]/, hs = Vi(["'", "\\"], true, false), Ls = Xi("\\'", false), Cs = Xi('\\"', false), ms = Xi("\\\\", false), Es = Xi("\\/", false), As = Xi("\\b", false), gs = Xi("\\f", false), _s = Xi("\\n", false), Ts = Xi("\\r", false), Ss = Xi("\\t", false), js = Xi("\\u", false), Is = Xi("\\", false), xs = Xi("''", false), Ns = Xi('""', false), Os = Xi("``", false), Rs = /^[\n\r]/, ks = Vi(["\n", "\r"], false, false), Us = Xi(".", false), Ms = /^[0-9a-fA-F]/, Ds = Vi([["0", "9"], ["a", "f"], ["A", "F"]], false, false), Ps = /^[eE]/, Fs = Vi(["e", "E"], false, false), Gs = /^[+\-]/, $s = Vi(["+", "-"], false, false), Ys = Xi("NULL", true), Hs = Xi("NOT NULL", true), Bs = Xi("TRUE", true), Ws = Xi("TO", true), qs = Xi("FALSE", true), Xs = Xi("SHOW", true), Vs = Xi("USE", true), Ks = Xi("ALTER", true), Qs = Xi("SELECT", true), zs = Xi("UPDATE", true), Zs = Xi("CREATE", true), Js = Xi("TEMPORARY", true), ru = Xi("DELETE", true), tu = Xi("INSERT", true), eu = Xi("RECURSIVE", true), nu = Xi("REPLACE", true), ou = Xi("RETURNING", true), su = Xi("RENAME", true), uu = Xi("IGNORE", true), au = Xi("EXPLAIN", true), iu = Xi("PARTITION", true), cu = Xi("FROM", true), lu = Xi("TRIGGER", true), fu = Xi("TABLES", true), bu = Xi("DATABASE", true), pu = Xi("SCHEMA", true), vu = Xi("ON", true), du = Xi("LEFT", true), yu = Xi("RIGHT", true), wu = Xi("FULL", true), hu = Xi("INNER", true), Lu = Xi("CROSS", true), Cu = Xi("JOIN", true), mu = Xi("OUTER", true), Eu = Xi("UNION", true), Au = Xi("MINUS", true), gu = Xi("INTERSECT", true), _u = Xi("EXCEPT", true), Tu = Xi("VALUES", true), Su = Xi("USING", true), ju = Xi("WHERE", true), Iu = Xi("GROUP", true), xu = Xi("ORDER", true), Nu = Xi("HAVING", true), Ou = Xi("LIMIT", true), Ru = Xi("OFFSET", true), ku = Xi("ASC", true), Uu = Xi("DESC", true), Mu = Xi("DESCRIBE", true), Du = Xi("ALL", true), Pu = Xi("DISTINCT", true), Fu = Xi("BETWEEN", true), Gu = Xi("IS", true), $u = Xi("LIKE", true), Yu = Xi("RLIKE", true), Hu = Xi("REGEXP", true), Bu = Xi("EXISTS", true), Wu = Xi("AND", true), qu = Xi("OR", true), Xu = Xi("COUNT", true), Vu = Xi("GROUP_CONCAT", true), Ku = Xi("MAX", true), Qu = Xi("MIN", true), zu = Xi("SUM", true), Zu = Xi("AVG", true), Ju = Xi("EXTRACT", true), ra = Xi("CALL", true), ta = Xi("CASE", true), ea = Xi("WHEN", true), na = Xi("THEN", true), oa = Xi("ELSE", true), sa = Xi("END", true), ua = Xi("CAST", true), aa = Xi("VARBINARY", true), ia = Xi("BIT", true), ca = Xi("CHAR", true), la = Xi("VARCHAR", true), fa = Xi("NUMERIC", true), ba = Xi("DECIMAL", true), pa = Xi("SIGNED", true), va = Xi("UNSIGNED", true), da = Xi("INT", true), ya = Xi("ZEROFILL", true), wa = Xi("INTEGER", true), ha = Xi("JSON", true), La = Xi("SMALLINT", true), Ca = Xi("MEDIUMINT", true), ma = Xi("TINYINT", true), Ea = Xi("TINYTEXT", true), Aa = Xi("TEXT", true), ga = Xi("MEDIUMTEXT", true), _a = Xi("LONGTEXT", true), Ta = Xi("BIGINT", true), Sa = Xi("ENUM", true), ja = Xi("FLOAT", true), Ia = Xi("DOUBLE", true), xa = Xi("DATETIME", true), Na = Xi("TIMESTAMP", true), Oa = Xi("USER", true), Ra = Xi("UUID", true), ka = Xi("CURRENT_DATE", true), Ua = (Xi("ADDDATE", true), Xi("INTERVAL", true)), Ma = Xi("CURRENT_TIME", true), Da = Xi("CURRENT_TIMESTAMP", true), Pa = Xi("CURRENT_USER", true), Fa = Xi("SESSION_USER", true), Ga = Xi("SYSTEM_USER", true), $a = Xi("GLOBAL", true), Ya = Xi("SESSION", true), Ha = Xi("PERSIST", true), Ba = Xi("PERSIST_ONLY", true), Wa = Xi("GEOMETRY", true), qa = Xi("POINT", true), Xa = Xi("LINESTRING", true), Va = Xi("POLYGON", true), Ka = Xi("MULTIPOINT", true), Qa = Xi("MULTILINESTRING", true), za = Xi("MULTIPOLYGON", true), Za = Xi("GEOMETRYCOLLECTION", true), Ja = Xi("@@", false), ri = Xi("$", false), ti = Xi("return", true), ei = Xi(":=", false), ni = Xi("DUAL", true), oi = Xi("ADD", true), si = Xi("COLUMN", true), ui = Xi("MODIFY", true), ai = Xi("FULLTEXT", true), ii = Xi("SPATIAL", true), ci = Xi("COMMENT", true), li = Xi("CONSTRAINT", true), fi = Xi("REFERENCES", true), bi = Xi("SQL_CALC_FOUND_ROWS", true), pi = Xi("SQL_CACHE", true), vi = Xi("SQL_NO_CACHE", true), di = Xi("SQL_SMALL_RESULT", true), yi = Xi("SQL_BIG_RESULT", true), wi = Xi("SQL_BUFFER_RESULT", true), hi = Xi(",", false), Li = Xi("[", false), Ci = Xi("]", false), mi = Xi(";", false), Ei = Xi("&&", false), Ai = Xi("XOR", true), gi = Xi("/*", false), _i = Xi("*/", false), Ti = Xi("--", false), Si = Xi("#", false), ji = { type: "any" }, Ii = /^[ \t\n\r]/, xi = Vi([" ", "	", "\n", "\r"], false, false), Ni = function(r3, t3, e3) {
          return { type: "assign", left: r3, symbol: t3, right: e3 };
        }, Oi = Xi("boolean", true), Ri = Xi("blob", true), ki = Xi("tinyblob", true), Ui = Xi("mediumblob", true), Mi = Xi("longblob", true), Di = function(r3, t3) {
          return { dataType: r3, ...t3 || {} };
        }, Pi = Xi("ARRAY", true), Fi = /^[0-6]/, Gi = Vi([["0", "6"]], false, false), $i = 0, Yi = 0, Hi = [{ line: 1, column: 1 }], Bi = 0, Wi = [], qi = 0;
        if ("startRule" in t2) {
          if (!(t2.startRule in u)) throw new Error(`Can't start parsing from rule "` + t2.startRule + '".');
          a = u[t2.startRule];
        }
        function Xi(r3, t3) {
          return { type: "literal", text: r3, ignoreCase: t3 };
        }
        function Vi(r3, t3, e3) {
          return { type: "class", parts: r3, inverted: t3, ignoreCase: e3 };
        }
        function Ki(t3) {
          var e3, n2 = Hi[t3];
          if (n2) return n2;
          for (e3 = t3 - 1; !Hi[e3]; ) e3--;
          for (n2 = { line: (n2 = Hi[e3]).line, column: n2.column }; e3 < t3; ) 10 === r2.charCodeAt(e3) ? (n2.line++, n2.column = 1) : n2.column++, e3++;
          return Hi[t3] = n2, n2;
        }
        function Qi(r3, t3) {
          var e3 = Ki(r3), n2 = Ki(t3);
          return { start: { offset: r3, line: e3.line, column: e3.column }, end: { offset: t3, line: n2.line, column: n2.column } };
        }
        function zi(r3) {
          $i < Bi || ($i > Bi && (Bi = $i, Wi = []), Wi.push(r3));
        }
        function Zi(r3, t3, e3) {
          return new o(o.buildMessage(r3, t3), r3, t3, e3);
        }
        function Ji() {
          var r3, t3;
          return r3 = $i, mp() !== s && (t3 = (function() {
            var r4, t4, e3, n2, o2, u2, a2, i2;
            if (r4 = $i, (t4 = tc()) !== s) {
              for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = Lp()) !== s && (a2 = mp()) !== s && (i2 = tc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = Lp()) !== s && (a2 = mp()) !== s && (i2 = tc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
              e3 !== s ? (Yi = r4, t4 = (function(r5, t5) {
                const e4 = r5 && r5.ast || r5, n3 = t5 && t5.length && t5[0].length >= 4 ? [e4] : e4;
                for (let r6 = 0; r6 < t5.length; r6++) t5[r6][3] && 0 !== t5[r6][3].length && n3.push(t5[r6][3] && t5[r6][3].ast || t5[r6][3]);
                return { tableList: Array.from(nv), columnList: rv(ov), ast: n3 };
              })(t4, e3), r4 = t4) : ($i = r4, r4 = s);
            } else $i = r4, r4 = s;
            return r4;
          })()) !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s), r3;
        }
        function rc() {
          var t3;
          return (t3 = (function() {
            var r3, t4, e3, n2, o2, u2, a2;
            r3 = $i, (t4 = Bf()) !== s && mp() !== s && (e3 = ub()) !== s && mp() !== s ? ((n2 = dc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = ol()) !== s ? (Yi = r3, i2 = t4, c2 = e3, f2 = n2, (b2 = o2) && b2.forEach((r4) => nv.add(`${i2}::${r4.db}::${r4.table}`)), t4 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: i2.toLowerCase(), keyword: c2.toLowerCase(), prefix: f2, name: b2 } }, r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
            var i2, c2, f2, b2;
            r3 === s && (r3 = $i, (t4 = Bf()) !== s && mp() !== s && (e3 = rp()) !== s && mp() !== s ? ((n2 = dc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = ol()) !== s && mp() !== s ? ((u2 = jc()) === s && (u2 = null), u2 !== s ? (Yi = r3, t4 = (function(r4, t5, e4, n3, o3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r4.toLowerCase(), keyword: t5.toLowerCase(), prefix: e4, name: n3, options: o3 && [{ type: "origin", value: o3 }] } };
            })(t4, e3, n2, o2, u2), r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t4 = Bf()) !== s && mp() !== s && (e3 = ap()) !== s && mp() !== s && (n2 = ql()) !== s && mp() !== s && (o2 = fb()) !== s && mp() !== s && (u2 = il()) !== s && mp() !== s ? ((a2 = (function() {
              var r4, t5, e4, n3, o3, u3;
              r4 = $i, (t5 = Lc()) === s && (t5 = Cc());
              if (t5 !== s) {
                for (e4 = [], n3 = $i, (o3 = mp()) !== s ? ((u3 = Lc()) === s && (u3 = Cc()), u3 !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s ? ((u3 = Lc()) === s && (u3 = Cc()), u3 !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r4, t5 = l(t5, e4), r4 = t5) : ($i = r4, r4 = s);
              } else $i = r4, r4 = s;
              return r4;
            })()) === s && (a2 = null), a2 !== s && mp() !== s ? (Yi = r3, t4 = (function(r4, t5, e4, n3, o3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r4.toLowerCase(), keyword: t5.toLowerCase(), name: e4, table: n3, options: o3 } };
            })(t4, e3, n2, u2, a2), r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t4 = Bf()) !== s && mp() !== s ? ((e3 = cb()) === s && (e3 = lb()), e3 !== s && mp() !== s ? ((n2 = dc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = uf()) !== s ? (Yi = r3, t4 = (function(r4, t5, e4, n3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r4.toLowerCase(), keyword: t5.toLowerCase(), prefix: e4, name: n3 } };
            })(t4, e3, n2, o2), r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t4 = Bf()) !== s && mp() !== s && (e3 = ab()) !== s && mp() !== s ? ((n2 = dc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = ul()) !== s ? (Yi = r3, t4 = (function(r4, t5, e4, n3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r4.toLowerCase(), keyword: t5.toLowerCase(), prefix: e4, name: [{ schema: n3.db, trigger: n3.table }] } };
            })(t4, e3, n2, o2), r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)))));
            return r3;
          })()) === s && (t3 = (function() {
            var t4;
            (t4 = (function() {
              var r3, t5, e3, n2, o2, u2, a2, c2, l2, f2;
              r3 = $i, (t5 = Vf()) !== s && mp() !== s ? ((e3 = Kf()) === s && (e3 = null), e3 !== s && mp() !== s && ub() !== s && mp() !== s ? ((n2 = sc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = ol()) !== s && mp() !== s && (u2 = (function() {
                var r4, t6, e4, n3, o3, u3, a3, i2, c3;
                if (r4 = $i, (t6 = wp()) !== s) if (mp() !== s) if ((e4 = lc()) !== s) {
                  for (n3 = [], o3 = $i, (u3 = mp()) !== s && (a3 = dp()) !== s && (i2 = mp()) !== s && (c3 = lc()) !== s ? o3 = u3 = [u3, a3, i2, c3] : ($i = o3, o3 = s); o3 !== s; ) n3.push(o3), o3 = $i, (u3 = mp()) !== s && (a3 = dp()) !== s && (i2 = mp()) !== s && (c3 = lc()) !== s ? o3 = u3 = [u3, a3, i2, c3] : ($i = o3, o3 = s);
                  n3 !== s && (o3 = mp()) !== s && (u3 = hp()) !== s ? (Yi = r4, t6 = sr(e4, n3), r4 = t6) : ($i = r4, r4 = s);
                } else $i = r4, r4 = s;
                else $i = r4, r4 = s;
                else $i = r4, r4 = s;
                return r4;
              })()) !== s && mp() !== s ? ((a2 = (function() {
                var r4, t6, e4, n3, o3, u3, a3, c3;
                if (r4 = $i, (t6 = Nc()) !== s) {
                  for (e4 = [], n3 = $i, (o3 = mp()) !== s ? ((u3 = dp()) === s && (u3 = null), u3 !== s && (a3 = mp()) !== s && (c3 = Nc()) !== s ? n3 = o3 = [o3, u3, a3, c3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s ? ((u3 = dp()) === s && (u3 = null), u3 !== s && (a3 = mp()) !== s && (c3 = Nc()) !== s ? n3 = o3 = [o3, u3, a3, c3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s);
                  e4 !== s ? (Yi = r4, t6 = i(t6, e4), r4 = t6) : ($i = r4, r4 = s);
                } else $i = r4, r4 = s;
                return r4;
              })()) === s && (a2 = null), a2 !== s && mp() !== s ? ((c2 = rb()) === s && (c2 = Zf()), c2 === s && (c2 = null), c2 !== s && mp() !== s ? ((l2 = sb()) === s && (l2 = null), l2 !== s && mp() !== s ? ((f2 = nc()) === s && (f2 = null), f2 !== s ? (Yi = r3, b2 = t5, p2 = e3, v2 = n2, y2 = u2, w2 = a2, h2 = c2, L2 = l2, C2 = f2, (d2 = o2) && d2.forEach((r4) => nv.add(`create::${r4.db}::${r4.table}`)), t5 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: b2[0].toLowerCase(), keyword: "table", temporary: p2 && p2[0].toLowerCase(), if_not_exists: v2, table: d2, ignore_replace: h2 && h2[0].toLowerCase(), as: L2 && L2[0].toLowerCase(), query_expr: C2 && C2.ast, create_definitions: y2, table_options: w2 } }, r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
              var b2, p2, v2, d2, y2, w2, h2, L2, C2;
              r3 === s && (r3 = $i, (t5 = Vf()) !== s && mp() !== s ? ((e3 = Kf()) === s && (e3 = null), e3 !== s && mp() !== s && ub() !== s && mp() !== s ? ((n2 = sc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = ol()) !== s && mp() !== s && (u2 = (function r4() {
                var t6, e4;
                (t6 = (function() {
                  var r5, t7, e5;
                  r5 = $i, (t7 = _b()) !== s && mp() !== s && (e5 = ol()) !== s ? (Yi = r5, t7 = /* @__PURE__ */ (function(r6) {
                    return { type: "like", table: r6 };
                  })(e5), r5 = t7) : ($i = r5, r5 = s);
                  return r5;
                })()) === s && (t6 = $i, wp() !== s && mp() !== s && (e4 = r4()) !== s && mp() !== s && hp() !== s ? (Yi = t6, (n3 = e4).parentheses = true, t6 = n3) : ($i = t6, t6 = s));
                var n3;
                return t6;
              })()) !== s ? (Yi = r3, t5 = (function(r4, t6, e4, n3, o3) {
                return n3 && n3.forEach((r5) => nv.add(`create::${r5.db}::${r5.table}`)), { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r4[0].toLowerCase(), keyword: "table", temporary: t6 && t6[0].toLowerCase(), if_not_exists: e4, table: n3, like: o3 } };
              })(t5, e3, n2, o2, u2), r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s));
              return r3;
            })()) === s && (t4 = (function() {
              var t5, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2;
              t5 = $i, (e3 = Vf()) !== s && mp() !== s ? ((n2 = pc()) === s && (n2 = null), n2 !== s && mp() !== s && ab() !== s && mp() !== s ? ((o2 = sc()) === s && (o2 = null), o2 !== s && mp() !== s && (u2 = il()) !== s && mp() !== s && (a2 = (function() {
                var t6;
                "before" === r2.substr($i, 6).toLowerCase() ? (t6 = r2.substr($i, 6), $i += 6) : (t6 = s, 0 === qi && zi(br));
                t6 === s && ("after" === r2.substr($i, 5).toLowerCase() ? (t6 = r2.substr($i, 5), $i += 5) : (t6 = s, 0 === qi && zi(pr)));
                return t6;
              })()) !== s && mp() !== s && (i2 = (function() {
                var r3, t6;
                r3 = $i, (t6 = zf()) === s && (t6 = Xf()) === s && (t6 = Qf());
                t6 !== s && (Yi = r3, t6 = { keyword: t6[0].toLowerCase() });
                return r3 = t6;
              })()) !== s && mp() !== s && fb() !== s && mp() !== s && (c2 = il()) !== s && mp() !== s && (l2 = (function() {
                var t6, e4, n3, o3;
                t6 = $i, "for" === r2.substr($i, 3).toLowerCase() ? (e4 = r2.substr($i, 3), $i += 3) : (e4 = s, 0 === qi && zi(vr));
                e4 !== s && mp() !== s ? ("each" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(dr)), n3 === s && (n3 = null), n3 !== s && mp() !== s ? ("row" === r2.substr($i, 3).toLowerCase() ? (o3 = r2.substr($i, 3), $i += 3) : (o3 = s, 0 === qi && zi(yr)), o3 === s && ("statement" === r2.substr($i, 9).toLowerCase() ? (o3 = r2.substr($i, 9), $i += 9) : (o3 = s, 0 === qi && zi(wr))), o3 !== s ? (Yi = t6, u3 = e4, i3 = o3, e4 = { keyword: (a3 = n3) ? `${u3.toLowerCase()} ${a3.toLowerCase()}` : u3.toLowerCase(), args: i3.toLowerCase() }, t6 = e4) : ($i = t6, t6 = s)) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                var u3, a3, i3;
                return t6;
              })()) !== s && mp() !== s ? ((f2 = (function() {
                var t6, e4, n3;
                t6 = $i, "follows" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(hr));
                e4 === s && ("precedes" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Lr)));
                e4 !== s && mp() !== s && (n3 = uf()) !== s ? (Yi = t6, t6 = e4 = { keyword: e4, trigger: n3 }) : ($i = t6, t6 = s);
                return t6;
              })()) === s && (f2 = null), f2 !== s && mp() !== s && (b2 = (function() {
                var r3, t6;
                r3 = $i, ob() !== s && mp() !== s && (t6 = wl()) !== s ? (Yi = r3, r3 = { type: "set", expr: t6 }) : ($i = r3, r3 = s);
                return r3;
              })()) !== s ? (Yi = t5, p2 = e3, v2 = n2, d2 = o2, y2 = u2, w2 = a2, h2 = i2, L2 = c2, C2 = l2, m2 = f2, E2 = b2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: p2[0].toLowerCase(), definer: v2, keyword: "trigger", for_each: C2, if_not_exists: d2, trigger: y2, time: w2, events: [h2], order: m2, table: L2, execute: E2 } }, t5 = e3) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var p2, v2, d2, y2, w2, h2, L2, C2, m2, E2;
              return t5;
            })()) === s && (t4 = (function() {
              var r3, t5, e3, n2, o2, u2, a2, c2, l2, f2, b2, p2;
              r3 = $i, (t5 = Vf()) !== s && mp() !== s ? ((e3 = fp()) === s && (e3 = cp()) === s && (e3 = lp()), e3 === s && (e3 = null), e3 !== s && mp() !== s && (n2 = ap()) !== s && mp() !== s && (o2 = zl()) !== s && mp() !== s ? ((u2 = tl()) === s && (u2 = null), u2 !== s && mp() !== s && (a2 = fb()) !== s && mp() !== s && (c2 = il()) !== s && mp() !== s && wp() !== s && mp() !== s && (l2 = (function() {
                var r4, t6, e4, n3, o3, u3, a3, c3;
                if (r4 = $i, (t6 = oc()) !== s) {
                  for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (c3 = oc()) !== s ? n3 = o3 = [o3, u3, a3, c3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (c3 = oc()) !== s ? n3 = o3 = [o3, u3, a3, c3] : ($i = n3, n3 = s);
                  e4 !== s ? (Yi = r4, t6 = i(t6, e4), r4 = t6) : ($i = r4, r4 = s);
                } else $i = r4, r4 = s;
                return r4;
              })()) !== s && mp() !== s && hp() !== s && mp() !== s ? ((f2 = el()) === s && (f2 = null), f2 !== s && mp() !== s ? ((b2 = Lc()) === s && (b2 = null), b2 !== s && mp() !== s ? ((p2 = Cc()) === s && (p2 = null), p2 !== s && mp() !== s ? (Yi = r3, v2 = t5, d2 = e3, y2 = n2, w2 = o2, h2 = u2, L2 = a2, C2 = c2, m2 = l2, E2 = f2, A2 = b2, g2 = p2, t5 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: v2[0].toLowerCase(), index_type: d2 && d2.toLowerCase(), keyword: y2.toLowerCase(), index: w2, on_kw: L2[0].toLowerCase(), table: C2, index_columns: m2, index_using: h2, index_options: E2, algorithm_option: A2, lock_option: g2 } }, r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
              var v2, d2, y2, w2, h2, L2, C2, m2, E2, A2, g2;
              return r3;
            })()) === s && (t4 = (function() {
              var r3, t5, e3, n2, o2, u2;
              r3 = $i, (t5 = Vf()) !== s && mp() !== s ? ((e3 = cb()) === s && (e3 = lb()), e3 !== s && mp() !== s ? ((n2 = sc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = kp()) !== s && mp() !== s ? ((u2 = (function() {
                var r4, t6, e4, n3, o3, u3;
                if (r4 = $i, (t6 = xc()) !== s) {
                  for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = xc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = xc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s);
                  e4 !== s ? (Yi = r4, t6 = l(t6, e4), r4 = t6) : ($i = r4, r4 = s);
                } else $i = r4, r4 = s;
                return r4;
              })()) === s && (u2 = null), u2 !== s ? (Yi = r3, t5 = (function(r4, t6, e4, n3, o3) {
                const s2 = t6.toLowerCase();
                return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r4[0].toLowerCase(), keyword: s2, if_not_exists: e4, [s2]: { db: n3.schema, schema: n3.name }, create_definitions: o3 } };
              })(t5, e3, n2, o2, u2), r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
              return r3;
            })()) === s && (t4 = (function() {
              var t5, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2, v2, d2, y2, w2, h2, L2, C2, m2, E2;
              t5 = $i, (e3 = Vf()) !== s && mp() !== s ? (n2 = $i, (o2 = Ib()) !== s && (u2 = mp()) !== s && (a2 = Zf()) !== s ? n2 = o2 = [o2, u2, a2] : ($i = n2, n2 = s), n2 === s && (n2 = null), n2 !== s && (o2 = mp()) !== s ? (u2 = $i, "algorithm" === r2.substr($i, 9).toLowerCase() ? (a2 = r2.substr($i, 9), $i += 9) : (a2 = s, 0 === qi && zi(z)), a2 !== s && (i2 = mp()) !== s && (c2 = op()) !== s && (l2 = mp()) !== s ? ("undefined" === r2.substr($i, 9).toLowerCase() ? (f2 = r2.substr($i, 9), $i += 9) : (f2 = s, 0 === qi && zi(Z)), f2 === s && ("merge" === r2.substr($i, 5).toLowerCase() ? (f2 = r2.substr($i, 5), $i += 5) : (f2 = s, 0 === qi && zi(J)), f2 === s && ("temptable" === r2.substr($i, 9).toLowerCase() ? (f2 = r2.substr($i, 9), $i += 9) : (f2 = s, 0 === qi && zi(rr)))), f2 !== s ? u2 = a2 = [a2, i2, c2, l2, f2] : ($i = u2, u2 = s)) : ($i = u2, u2 = s), u2 === s && (u2 = null), u2 !== s && (a2 = mp()) !== s ? ((i2 = pc()) === s && (i2 = null), i2 !== s && (c2 = mp()) !== s ? (l2 = $i, "sql" === r2.substr($i, 3).toLowerCase() ? (f2 = r2.substr($i, 3), $i += 3) : (f2 = s, 0 === qi && zi(tr)), f2 !== s && (b2 = mp()) !== s ? ("security" === r2.substr($i, 8).toLowerCase() ? (p2 = r2.substr($i, 8), $i += 8) : (p2 = s, 0 === qi && zi(er)), p2 !== s && (v2 = mp()) !== s ? ("definer" === r2.substr($i, 7).toLowerCase() ? (d2 = r2.substr($i, 7), $i += 7) : (d2 = s, 0 === qi && zi(nr)), d2 === s && ("invoker" === r2.substr($i, 7).toLowerCase() ? (d2 = r2.substr($i, 7), $i += 7) : (d2 = s, 0 === qi && zi(or))), d2 !== s ? l2 = f2 = [f2, b2, p2, v2, d2] : ($i = l2, l2 = s)) : ($i = l2, l2 = s)) : ($i = l2, l2 = s), l2 === s && (l2 = null), l2 !== s && (f2 = mp()) !== s && (b2 = rp()) !== s && (p2 = mp()) !== s && (v2 = il()) !== s && (d2 = mp()) !== s ? (y2 = $i, (w2 = wp()) !== s && (h2 = mp()) !== s && (L2 = Xl()) !== s && (C2 = mp()) !== s && (m2 = hp()) !== s ? y2 = w2 = [w2, h2, L2, C2, m2] : ($i = y2, y2 = s), y2 === s && (y2 = null), y2 !== s && (w2 = mp()) !== s && (h2 = sb()) !== s && (L2 = mp()) !== s && (C2 = qc()) !== s && (m2 = mp()) !== s ? ((E2 = (function() {
                var t6, e4, n3, o3, u3;
                t6 = $i, (e4 = yb()) !== s && mp() !== s ? ("cascaded" === r2.substr($i, 8).toLowerCase() ? (n3 = r2.substr($i, 8), $i += 8) : (n3 = s, 0 === qi && zi(X)), n3 === s && ("local" === r2.substr($i, 5).toLowerCase() ? (n3 = r2.substr($i, 5), $i += 5) : (n3 = s, 0 === qi && zi(V))), n3 !== s && mp() !== s ? ("check" === r2.substr($i, 5).toLowerCase() ? (o3 = r2.substr($i, 5), $i += 5) : (o3 = s, 0 === qi && zi(K)), o3 !== s && mp() !== s ? ("OPTION" === r2.substr($i, 6) ? (u3 = "OPTION", $i += 6) : (u3 = s, 0 === qi && zi(Q)), u3 !== s ? (Yi = t6, e4 = `with ${n3.toLowerCase()} check option`, t6 = e4) : ($i = t6, t6 = s)) : ($i = t6, t6 = s)) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                t6 === s && (t6 = $i, (e4 = yb()) !== s && mp() !== s ? ("check" === r2.substr($i, 5).toLowerCase() ? (n3 = r2.substr($i, 5), $i += 5) : (n3 = s, 0 === qi && zi(K)), n3 !== s && mp() !== s ? ("OPTION" === r2.substr($i, 6) ? (o3 = "OPTION", $i += 6) : (o3 = s, 0 === qi && zi(Q)), o3 !== s ? (Yi = t6, t6 = e4 = "with check option") : ($i = t6, t6 = s)) : ($i = t6, t6 = s)) : ($i = t6, t6 = s));
                return t6;
              })()) === s && (E2 = null), E2 !== s ? (Yi = t5, A2 = e3, g2 = n2, _2 = u2, T2 = i2, S2 = l2, I2 = y2, x2 = C2, N2 = E2, (j2 = v2).view = j2.table, delete j2.table, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: A2[0].toLowerCase(), keyword: "view", replace: g2 && "or replace", algorithm: _2 && _2[4], definer: T2, sql_security: S2 && S2[4], columns: I2 && I2[2], select: x2, view: j2, with: N2 } }, t5 = e3) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var A2, g2, _2, T2, S2, j2, I2, x2, N2;
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2;
              t5 = $i, (e3 = Vf()) !== s && mp() !== s && Qb() !== s && mp() !== s ? ((n2 = sc()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = (function() {
                var r3, t6, e4, n3, o3, u3, a3, i3;
                if (r3 = $i, (t6 = uc()) !== s) {
                  for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = uc()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = uc()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s);
                  e4 !== s ? (Yi = r3, t6 = L(t6, e4), r3 = t6) : ($i = r3, r3 = s);
                } else $i = r3, r3 = s;
                return r3;
              })()) !== s && mp() !== s ? ((u2 = (function() {
                var t6, e4, n3;
                t6 = $i, $f() !== s && mp() !== s ? ("role" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(C)), e4 !== s && mp() !== s && (n3 = Fc()) !== s ? (Yi = t6, t6 = { keyword: "default role", value: n3 }) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                return t6;
              })()) === s && (u2 = null), u2 !== s && mp() !== s ? ((a2 = (function() {
                var t6, e4, n3;
                t6 = $i, "require" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(j));
                e4 !== s && mp() !== s && (n3 = (function() {
                  var r3, t7, e5, n4, o3, u3, a3, i3;
                  if (r3 = $i, (t7 = ac()) !== s) {
                    for (e5 = [], n4 = $i, (o3 = mp()) !== s && (u3 = jb()) !== s && (a3 = mp()) !== s && (i3 = ac()) !== s ? n4 = o3 = [o3, u3, a3, i3] : ($i = n4, n4 = s); n4 !== s; ) e5.push(n4), n4 = $i, (o3 = mp()) !== s && (u3 = jb()) !== s && (a3 = mp()) !== s && (i3 = ac()) !== s ? n4 = o3 = [o3, u3, a3, i3] : ($i = n4, n4 = s);
                    e5 !== s ? (Yi = r3, t7 = Zp(t7, e5), r3 = t7) : ($i = r3, r3 = s);
                  } else $i = r3, r3 = s;
                  return r3;
                })()) !== s ? (Yi = t6, t6 = e4 = { keyword: "require", value: n3 }) : ($i = t6, t6 = s);
                return t6;
              })()) === s && (a2 = null), a2 !== s && mp() !== s ? ((i2 = (function() {
                var r3, t6, e4, n3, o3, u3, a3;
                if (r3 = $i, (t6 = yb()) !== s) if (mp() !== s) if ((e4 = ic()) !== s) {
                  for (n3 = [], o3 = $i, (u3 = mp()) !== s && (a3 = ic()) !== s ? o3 = u3 = [u3, a3] : ($i = o3, o3 = s); o3 !== s; ) n3.push(o3), o3 = $i, (u3 = mp()) !== s && (a3 = ic()) !== s ? o3 = u3 = [u3, a3] : ($i = o3, o3 = s);
                  n3 !== s ? (Yi = r3, t6 = (function(r4, t7) {
                    const e5 = [r4];
                    if (t7) for (const r5 of t7) e5.push(r5[1]);
                    return { keyword: "with", value: e5 };
                  })(e4, n3), r3 = t6) : ($i = r3, r3 = s);
                } else $i = r3, r3 = s;
                else $i = r3, r3 = s;
                else $i = r3, r3 = s;
                return r3;
              })()) === s && (i2 = null), i2 !== s && mp() !== s ? ((c2 = (function() {
                var r3, t6, e4, n3, o3, u3;
                if (r3 = $i, (t6 = cc()) !== s) {
                  for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = cc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = cc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s);
                  e4 !== s ? (Yi = r3, t6 = zp(t6, e4, 1), r3 = t6) : ($i = r3, r3 = s);
                } else $i = r3, r3 = s;
                return r3;
              })()) === s && (c2 = null), c2 !== s && mp() !== s ? ((l2 = (function() {
                var t6, e4, n3;
                t6 = $i, "account" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(H));
                e4 !== s && mp() !== s ? ("lock" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(B)), n3 === s && ("unlock" === r2.substr($i, 6).toLowerCase() ? (n3 = r2.substr($i, 6), $i += 6) : (n3 = s, 0 === qi && zi(W))), n3 !== s ? (Yi = t6, e4 = (function(r3) {
                  const t7 = { type: "origin", value: r3.toLowerCase(), prefix: "account" };
                  return t7;
                })(n3), t6 = e4) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                return t6;
              })()) === s && (l2 = null), l2 !== s && mp() !== s ? ((f2 = gp()) === s && (f2 = null), f2 !== s && mp() !== s ? ((b2 = (function() {
                var t6, e4, n3;
                t6 = $i, "attribute" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(q));
                e4 !== s && mp() !== s && (n3 = xf()) !== s ? (Yi = t6, (o3 = n3).prefix = "attribute", t6 = e4 = o3) : ($i = t6, t6 = s);
                var o3;
                return t6;
              })()) === s && (b2 = null), b2 !== s ? (Yi = t5, p2 = e3, v2 = n2, d2 = o2, y2 = u2, w2 = a2, h2 = i2, m2 = c2, E2 = l2, A2 = f2, g2 = b2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: p2[0].toLowerCase(), keyword: "user", if_not_exists: v2, user: d2, default_role: y2, require: w2, resource_options: h2, password_options: m2, lock_option: E2, comment: A2, attribute: g2 } }, t5 = e3) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var p2, v2, d2, y2, w2, h2, m2, E2, A2, g2;
              return t5;
            })());
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "truncate" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Dr));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "TRUNCATE") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s ? ((n2 = ub()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = ol()) !== s ? (Yi = t4, u2 = e3, a2 = n2, (i2 = o2) && i2.forEach((r3) => nv.add(`${u2}::${r3.db}::${r3.table}`)), e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: u2.toLowerCase(), keyword: a2 && a2.toLowerCase() || "table", name: i2 } }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var u2, a2, i2;
            return t4;
          })()) === s && (t3 = (function() {
            var r3, t4, e3;
            r3 = $i, (t4 = Jf()) !== s && mp() !== s && ub() !== s && mp() !== s && (e3 = (function() {
              var r4, t5, e4, n3, o2, u2, a2, i2;
              if (r4 = $i, (t5 = rl()) !== s) {
                for (e4 = [], n3 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = rl()) !== s ? n3 = o2 = [o2, u2, a2, i2] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = rl()) !== s ? n3 = o2 = [o2, u2, a2, i2] : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r4, t5 = sr(t5, e4), r4 = t5) : ($i = r4, r4 = s);
              } else $i = r4, r4 = s;
              return r4;
            })()) !== s ? (Yi = r3, (n2 = e3).forEach((r4) => r4.forEach((r5) => r5.table && nv.add(`rename::${r5.db}::${r5.table}`))), t4 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "rename", table: n2 } }, r3 = t4) : ($i = r3, r3 = s);
            var n2;
            return r3;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "call" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(ra));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "CALL") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s && (n2 = (function() {
              var r3;
              (r3 = Up()) === s && (r3 = Mp());
              return r3;
            })()) !== s ? (Yi = t4, o2 = n2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "call", expr: o2 } }, t4 = e3) : ($i = t4, t4 = s);
            var o2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "use" === r2.substr($i, 3).toLowerCase() ? (e4 = r2.substr($i, 3), $i += 3) : (e4 = s, 0 === qi && zi(Vs));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e4 = [e4, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s && (n2 = zl()) !== s ? (Yi = t4, o2 = n2, nv.add(`use::${o2}::null`), e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "use", db: o2 } }, t4 = e3) : ($i = t4, t4 = s);
            var o2;
            return t4;
          })()) === s && (t3 = (function() {
            var r3, t4, e3, n2;
            r3 = $i, (t4 = Wf()) !== s && mp() !== s && ub() !== s && mp() !== s && (e3 = il()) !== s && mp() !== s && (n2 = (function() {
              var r4, t5, e4, n3, o3, u3, a2, i2;
              if (r4 = $i, (t5 = wc()) !== s) {
                for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a2 = mp()) !== s && (i2 = wc()) !== s ? n3 = o3 = [o3, u3, a2, i2] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a2 = mp()) !== s && (i2 = wc()) !== s ? n3 = o3 = [o3, u3, a2, i2] : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r4, t5 = sr(t5, e4), r4 = t5) : ($i = r4, r4 = s);
              } else $i = r4, r4 = s;
              return r4;
            })()) !== s ? (Yi = r3, o2 = e3, u2 = n2, nv.add(`alter::${o2.db}::${o2.table}`), t4 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "alter", table: [o2], expr: u2 } }, r3 = t4) : ($i = r3, r3 = s);
            var o2, u2;
            return r3;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, (e3 = ob()) !== s && mp() !== s ? ((n2 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "global" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi($a));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "GLOBAL") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (n2 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "session" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Ya));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "SESSION") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (n2 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "local" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(V));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "LOCAL") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (n2 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "persist" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Ha));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "PERSIST") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (n2 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "persist_only" === r2.substr($i, 12).toLowerCase() ? (e4 = r2.substr($i, 12), $i += 12) : (e4 = s, 0 === qi && zi(Ba));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "PERSIST_ONLY") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()), n2 === s && (n2 = null), n2 !== s && mp() !== s && (o2 = (function() {
              var r3, t5, e4, n3, o3, u3, a3, i2;
              if (r3 = $i, (t5 = Ip()) !== s) {
                for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i2 = Ip()) !== s ? n3 = o3 = [o3, u3, a3, i2] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i2 = Ip()) !== s ? n3 = o3 = [o3, u3, a3, i2] : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r3, t5 = ee(t5, e4), r3 = t5) : ($i = r3, r3 = s);
              } else $i = r3, r3 = s;
              return r3;
            })()) !== s ? (Yi = t4, u2 = n2, (a2 = o2).keyword = u2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "set", keyword: u2, expr: a2 } }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var u2, a2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "lock" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(B));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e4 = [e4, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s && ib() !== s && mp() !== s && (n2 = (function() {
              var r3, t5, e4, n3, o3, u2, a2, i2;
              if (r3 = $i, (t5 = Uc()) !== s) {
                for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Uc()) !== s ? n3 = o3 = [o3, u2, a2, i2] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Uc()) !== s ? n3 = o3 = [o3, u2, a2, i2] : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r3, t5 = ee(t5, e4), r3 = t5) : ($i = r3, r3 = s);
              } else $i = r3, r3 = s;
              return r3;
            })()) !== s ? (Yi = t4, o2 = n2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "lock", keyword: "tables", tables: o2 } }, t4 = e3) : ($i = t4, t4 = s);
            var o2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, (e3 = (function() {
              var t5, e4, n2, o2;
              t5 = $i, "unlock" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(W));
              e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t5 = e4 = [e4, n2] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s && ib() !== s ? (Yi = t4, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "unlock", keyword: "tables" } }, t4 = e3) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2, a2, i2, c2, l2;
            t4 = $i, (e3 = Hf()) !== s && mp() !== s ? ("binary" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(Gt)), n2 === s && ("master" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi($t))), n2 !== s && (o2 = mp()) !== s ? ("logs" === r2.substr($i, 4).toLowerCase() ? (u2 = r2.substr($i, 4), $i += 4) : (u2 = s, 0 === qi && zi(Yt)), u2 !== s ? (Yi = t4, f2 = n2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", suffix: "logs", keyword: f2.toLowerCase() } }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var f2;
            t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s && (n2 = ib()) !== s ? (Yi = t4, nv.add("show::null::null"), e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", keyword: "tables" } }, t4 = e3) : ($i = t4, t4 = s), t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s ? ("triggers" === r2.substr($i, 8).toLowerCase() ? (n2 = r2.substr($i, 8), $i += 8) : (n2 = s, 0 === qi && zi(Ht)), n2 === s && ("status" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(Bt)), n2 === s && ("processlist" === r2.substr($i, 11).toLowerCase() ? (n2 = r2.substr($i, 11), $i += 11) : (n2 = s, 0 === qi && zi(Wt)))), n2 !== s ? (Yi = t4, d2 = n2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", keyword: d2.toLowerCase() } }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s ? ("procedure" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(qt)), n2 === s && ("function" === r2.substr($i, 8).toLowerCase() ? (n2 = r2.substr($i, 8), $i += 8) : (n2 = s, 0 === qi && zi(Xt))), n2 !== s && (o2 = mp()) !== s ? ("status" === r2.substr($i, 6).toLowerCase() ? (u2 = r2.substr($i, 6), $i += 6) : (u2 = s, 0 === qi && zi(Bt)), u2 !== s ? (Yi = t4, e3 = (function(r3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", keyword: r3.toLowerCase(), suffix: "status" } };
            })(n2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s ? ("binlog" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(Vt)), n2 !== s && (o2 = mp()) !== s ? ("events" === r2.substr($i, 6).toLowerCase() ? (u2 = r2.substr($i, 6), $i += 6) : (u2 = s, 0 === qi && zi(Kt)), u2 !== s && (a2 = mp()) !== s ? ((i2 = Gl()) === s && (i2 = null), i2 !== s && mp() !== s ? ((c2 = Jc()) === s && (c2 = null), c2 !== s && mp() !== s ? ((l2 = yl()) === s && (l2 = null), l2 !== s ? (Yi = t4, b2 = i2, p2 = c2, v2 = l2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", suffix: "events", keyword: "binlog", in: b2, from: p2, limit: v2 } }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s ? (n2 = $i, "character" === r2.substr($i, 9).toLowerCase() ? (o2 = r2.substr($i, 9), $i += 9) : (o2 = s, 0 === qi && zi(ft)), o2 !== s && (u2 = mp()) !== s ? ("set" === r2.substr($i, 3).toLowerCase() ? (a2 = r2.substr($i, 3), $i += 3) : (a2 = s, 0 === qi && zi(bt)), a2 !== s ? n2 = o2 = [o2, u2, a2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s), n2 === s && ("collation" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(Qt)), n2 === s && ("databases" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(zt)))), n2 !== s && (o2 = mp()) !== s ? ((u2 = Fl()) === s && (u2 = ll()), u2 === s && (u2 = null), u2 !== s ? (Yi = t4, e3 = (function(r3, t5) {
              let e4 = Array.isArray(r3) && r3 || [r3];
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", suffix: e4[2] && e4[2].toLowerCase(), keyword: e4[0].toLowerCase(), expr: t5 } };
            })(n2, u2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s ? ("columns" === r2.substr($i, 7).toLowerCase() ? (n2 = r2.substr($i, 7), $i += 7) : (n2 = s, 0 === qi && zi(Zt)), n2 === s && ("indexes" === r2.substr($i, 7).toLowerCase() ? (n2 = r2.substr($i, 7), $i += 7) : (n2 = s, 0 === qi && zi(Jt)), n2 === s && ("index" === r2.substr($i, 5).toLowerCase() ? (n2 = r2.substr($i, 5), $i += 5) : (n2 = s, 0 === qi && zi(jt)))), n2 !== s && (o2 = mp()) !== s && (u2 = Jc()) !== s ? (Yi = t4, e3 = (function(r3, t5) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", keyword: r3.toLowerCase(), from: t5 } };
            })(n2, u2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, (e3 = Hf()) !== s && mp() !== s && (n2 = Vf()) !== s && (o2 = mp()) !== s ? ((u2 = rp()) === s && (u2 = ub()) === s && ("event" === r2.substr($i, 5).toLowerCase() ? (u2 = r2.substr($i, 5), $i += 5) : (u2 = s, 0 === qi && zi(re)), u2 === s && (u2 = ab()) === s && ("procedure" === r2.substr($i, 9).toLowerCase() ? (u2 = r2.substr($i, 9), $i += 9) : (u2 = s, 0 === qi && zi(qt)))), u2 !== s && (a2 = mp()) !== s && (i2 = il()) !== s ? (Yi = t4, e3 = (function(r3, t5) {
              const e4 = r3.toLowerCase();
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", keyword: "create", suffix: e4, [e4]: t5 } };
            })(u2, i2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, (e4 = Hf()) !== s && mp() !== s ? ("grants" === r2.substr($i, 6).toLowerCase() ? (n3 = r2.substr($i, 6), $i += 6) : (n3 = s, 0 === qi && zi(te)), n3 !== s && mp() !== s ? ((o3 = (function() {
                var t6, e5, n4, o4, u4, a3, i3;
                t6 = $i, "for" === r2.substr($i, 3).toLowerCase() ? (e5 = r2.substr($i, 3), $i += 3) : (e5 = s, 0 === qi && zi(vr));
                e5 !== s && mp() !== s && (n4 = zl()) !== s && mp() !== s ? (o4 = $i, (u4 = tp()) !== s && (a3 = mp()) !== s && (i3 = zl()) !== s ? o4 = u4 = [u4, a3, i3] : ($i = o4, o4 = s), o4 === s && (o4 = null), o4 !== s && (u4 = mp()) !== s ? ((a3 = (function() {
                  var r3, t7;
                  r3 = $i, db() !== s && mp() !== s && (t7 = (function() {
                    var r4, t8, e6, n5, o5, u5, a4, i4;
                    if (r4 = $i, (t8 = zl()) !== s) {
                      for (e6 = [], n5 = $i, (o5 = mp()) !== s && (u5 = dp()) !== s && (a4 = mp()) !== s && (i4 = zl()) !== s ? n5 = o5 = [o5, u5, a4, i4] : ($i = n5, n5 = s); n5 !== s; ) e6.push(n5), n5 = $i, (o5 = mp()) !== s && (u5 = dp()) !== s && (a4 = mp()) !== s && (i4 = zl()) !== s ? n5 = o5 = [o5, u5, a4, i4] : ($i = n5, n5 = s);
                      e6 !== s ? (Yi = r4, t8 = ee(t8, e6), r4 = t8) : ($i = r4, r4 = s);
                    } else $i = r4, r4 = s;
                    return r4;
                  })()) !== s ? (Yi = r3, r3 = t7) : ($i = r3, r3 = s);
                  return r3;
                })()) === s && (a3 = null), a3 !== s ? (Yi = t6, l3 = a3, e5 = { user: n4, host: (c3 = o4) && c3[2], role_list: l3 }, t6 = e5) : ($i = t6, t6 = s)) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                var c3, l3;
                return t6;
              })()) === s && (o3 = null), o3 !== s ? (Yi = t5, u3 = o3, e4 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "show", keyword: "grants", for: u3 } }, t5 = e4) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var u3;
              return t5;
            })()))))))));
            var b2, p2, v2;
            var d2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = Lb()) === s && (e3 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "describe" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Mu));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "DESCRIBE") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })());
            e3 !== s && mp() !== s && (n2 = zl()) !== s ? (Yi = t4, o2 = n2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "desc", table: o2 } }, t4 = e3) : ($i = t4, t4 = s);
            var o2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2, a2, i2, c2, l2;
            t4 = $i, "grant" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Me));
            e3 !== s && mp() !== s && (n2 = (function() {
              var r3, t5, e4, n3, o3, u3, a3, i3;
              if (r3 = $i, (t5 = Dc()) !== s) {
                for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = Dc()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = Dc()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r3, t5 = L(t5, e4), r3 = t5) : ($i = r3, r3 = s);
              } else $i = r3, r3 = s;
              return r3;
            })()) !== s && mp() !== s && (o2 = fb()) !== s && mp() !== s ? ((u2 = (function() {
              var t5, e4;
              t5 = $i, (e4 = ub()) === s && ("function" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Xt)), e4 === s && ("procedure" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(qt))));
              e4 !== s && (Yi = t5, e4 = { type: "origin", value: e4.toUpperCase() });
              return t5 = e4;
            })()) === s && (u2 = null), u2 !== s && mp() !== s && (a2 = (function() {
              var r3, t5, e4, n3, o3;
              r3 = $i, t5 = $i, (e4 = zl()) === s && (e4 = yp());
              e4 !== s && (n3 = mp()) !== s && (o3 = vp()) !== s ? t5 = e4 = [e4, n3, o3] : ($i = t5, t5 = s);
              t5 === s && (t5 = null);
              t5 !== s && (e4 = mp()) !== s ? ((n3 = zl()) === s && (n3 = yp()), n3 !== s ? (Yi = r3, a3 = n3, t5 = { prefix: (u3 = t5) && u3[0], name: a3 }, r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
              var u3, a3;
              return r3;
            })()) !== s && mp() !== s && (i2 = Yf()) !== s && mp() !== s && (c2 = Fc()) !== s && mp() !== s ? ((l2 = (function() {
              var t5, e4, n3;
              t5 = $i, yb() !== s && mp() !== s ? ("grant" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Me)), e4 !== s && mp() !== s ? ("option" === r2.substr($i, 6).toLowerCase() ? (n3 = r2.substr($i, 6), $i += 6) : (n3 = s, 0 === qi && zi(De)), n3 !== s ? (Yi = t5, t5 = { type: "origin", value: "with grant option" }) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (l2 = null), l2 !== s ? (Yi = t4, f2 = n2, b2 = u2, p2 = a2, v2 = i2, d2 = c2, y2 = l2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "grant", keyword: "priv", objects: f2, on: { object_type: b2, priv_level: [p2] }, to_from: v2[0], user_or_roles: d2, with: y2 } }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var f2, b2, p2, v2, d2, y2;
            t4 === s && (t4 = $i, "GRANT" === r2.substr($i, 5) ? (e3 = "GRANT", $i += 5) : (e3 = s, 0 === qi && zi(Ye)), e3 !== s && mp() !== s ? ("PROXY" === r2.substr($i, 5) ? (n2 = "PROXY", $i += 5) : (n2 = s, 0 === qi && zi(He)), n2 !== s && mp() !== s && (o2 = fb()) !== s && mp() !== s && (u2 = Pc()) !== s && mp() !== s && (a2 = Yf()) !== s && mp() !== s && (i2 = Fc()) !== s && mp() !== s ? ((c2 = Gc()) === s && (c2 = null), c2 !== s ? (Yi = t4, e3 = (function(r3, t5, e4, n3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "grant", keyword: "proxy", objects: [{ priv: { type: "origin", value: "proxy" } }], on: r3, to_from: t5[0], user_or_roles: e4, with: n3 } };
            })(u2, a2, i2, c2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, "GRANT" === r2.substr($i, 5) ? (e3 = "GRANT", $i += 5) : (e3 = s, 0 === qi && zi(Ye)), e3 !== s && mp() !== s && (n2 = (function() {
              var r3, t5, e4, n3, o3, u3, a3, i3;
              if (r3 = $i, (t5 = zl()) !== s) {
                for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = zl()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = zl()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s);
                e4 !== s ? (Yi = r3, t5 = L(t5, e4), r3 = t5) : ($i = r3, r3 = s);
              } else $i = r3, r3 = s;
              return r3;
            })()) !== s && mp() !== s && (o2 = Yf()) !== s && mp() !== s && (u2 = Fc()) !== s && mp() !== s ? ((a2 = Gc()) === s && (a2 = null), a2 !== s ? (Yi = t4, e3 = (function(r3, t5, e4, n3) {
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "grant", keyword: "role", objects: r3.map((r4) => ({ priv: { type: "string", value: r4 } })), to_from: t5[0], user_or_roles: e4, with: n3 } };
            })(n2, o2, u2, a2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)));
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "explain" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(au));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e4 = [e4, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s && (n2 = qc()) !== s ? (Yi = t4, o2 = n2, e3 = { tableList: Array.from(nv), columnList: rv(ov), ast: { type: "explain", expr: o2 } }, t4 = e3) : ($i = t4, t4 = s);
            var o2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, "commit" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(ve));
            e3 === s && ("rollback" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(de)));
            e3 !== s && (Yi = t4, e3 = { type: "transaction", expr: { action: { type: "origin", value: e3 } } });
            (t4 = e3) === s && (t4 = $i, "begin" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(ye)), e3 !== s && mp() !== s ? ("work" === r2.substr($i, 4).toLowerCase() ? (n2 = r2.substr($i, 4), $i += 4) : (n2 = s, 0 === qi && zi(we)), n2 === s && ("transaction" === r2.substr($i, 11).toLowerCase() ? (n2 = r2.substr($i, 11), $i += 11) : (n2 = s, 0 === qi && zi(he))), n2 === s && (n2 = null), n2 !== s && mp() !== s ? ((o2 = Rc()) === s && (o2 = null), o2 !== s ? (Yi = t4, e3 = /* @__PURE__ */ (function(r3, t5) {
              return { type: "transaction", expr: { action: { type: "origin", value: "begin" }, keyword: r3, modes: t5 } };
            })(n2, o2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, "start" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Le)), e3 !== s && mp() !== s ? ("transaction" === r2.substr($i, 11).toLowerCase() ? (n2 = r2.substr($i, 11), $i += 11) : (n2 = s, 0 === qi && zi(Ce)), n2 !== s && mp() !== s ? ((o2 = Rc()) === s && (o2 = null), o2 !== s ? (Yi = t4, e3 = /* @__PURE__ */ (function(r3, t5) {
              return { type: "transaction", expr: { action: { type: "origin", value: "start" }, keyword: r3, modes: t5 } };
            })(n2, o2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)));
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2, v2, y2, w2, h2, L2, C2, m2, E2, A2, g2, _2, T2, S2;
            t4 = $i, "load" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(je));
            e3 !== s && mp() !== s ? ("data" === r2.substr($i, 4).toLowerCase() ? (n2 = r2.substr($i, 4), $i += 4) : (n2 = s, 0 === qi && zi(St)), n2 !== s && mp() !== s ? ("low_priority" === r2.substr($i, 12).toLowerCase() ? (o2 = r2.substr($i, 12), $i += 12) : (o2 = s, 0 === qi && zi(Ie)), o2 === s && ("concurrent" === r2.substr($i, 10).toLowerCase() ? (o2 = r2.substr($i, 10), $i += 10) : (o2 = s, 0 === qi && zi(xe))), o2 === s && (o2 = null), o2 !== s && mp() !== s ? ("local" === r2.substr($i, 5).toLowerCase() ? (u2 = r2.substr($i, 5), $i += 5) : (u2 = s, 0 === qi && zi(V)), u2 === s && (u2 = null), u2 !== s && mp() !== s ? ("infile" === r2.substr($i, 6).toLowerCase() ? (a2 = r2.substr($i, 6), $i += 6) : (a2 = s, 0 === qi && zi(Ne)), a2 !== s && mp() !== s && (i2 = Kl()) !== s && mp() !== s ? ((c2 = Al()) === s && (c2 = null), c2 !== s && mp() !== s ? ("into" === r2.substr($i, 4).toLowerCase() ? (l2 = r2.substr($i, 4), $i += 4) : (l2 = s, 0 === qi && zi(Oe)), l2 !== s && mp() !== s ? ("table" === r2.substr($i, 5).toLowerCase() ? (f2 = r2.substr($i, 5), $i += 5) : (f2 = s, 0 === qi && zi(Re)), f2 !== s && mp() !== s && (b2 = il()) !== s && mp() !== s ? ((p2 = ml()) === s && (p2 = null), p2 !== s && mp() !== s ? (v2 = $i, (y2 = Ic()) !== s && (w2 = mp()) !== s && (h2 = Kl()) !== s ? v2 = y2 = [y2, w2, h2] : ($i = v2, v2 = s), v2 === s && (v2 = null), v2 !== s && (y2 = mp()) !== s ? ((w2 = (function() {
              var t5, e4, n3, o3, u3, a3, i3, c3, l3, f3, b3, p3;
              t5 = $i, "fields" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(me));
              e4 === s && ("columns" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Zt)));
              e4 !== s && mp() !== s ? (n3 = $i, "terminated" === r2.substr($i, 10).toLowerCase() ? (o3 = r2.substr($i, 10), $i += 10) : (o3 = s, 0 === qi && zi(Ee)), o3 !== s && (u3 = mp()) !== s ? ("by" === r2.substr($i, 2).toLowerCase() ? (a3 = r2.substr($i, 2), $i += 2) : (a3 = s, 0 === qi && zi(d)), a3 !== s && (i3 = mp()) !== s && (c3 = Kl()) !== s ? n3 = o3 = [o3, u3, a3, i3, c3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s), n3 === s && (n3 = null), n3 !== s && (o3 = mp()) !== s ? (u3 = $i, "optionally" === r2.substr($i, 10).toLowerCase() ? (a3 = r2.substr($i, 10), $i += 10) : (a3 = s, 0 === qi && zi(Ae)), a3 === s && (a3 = null), a3 !== s && (i3 = mp()) !== s ? ("enclosed" === r2.substr($i, 8).toLowerCase() ? (c3 = r2.substr($i, 8), $i += 8) : (c3 = s, 0 === qi && zi(ge)), c3 !== s && (l3 = mp()) !== s ? ("by" === r2.substr($i, 2).toLowerCase() ? (f3 = r2.substr($i, 2), $i += 2) : (f3 = s, 0 === qi && zi(d)), f3 !== s && (b3 = mp()) !== s && (p3 = Kl()) !== s ? u3 = a3 = [a3, i3, c3, l3, f3, b3, p3] : ($i = u3, u3 = s)) : ($i = u3, u3 = s)) : ($i = u3, u3 = s), u3 === s && (u3 = null), u3 !== s && (a3 = mp()) !== s ? (i3 = $i, "escaped" === r2.substr($i, 7).toLowerCase() ? (c3 = r2.substr($i, 7), $i += 7) : (c3 = s, 0 === qi && zi(_e)), c3 !== s && (l3 = mp()) !== s ? ("by" === r2.substr($i, 2).toLowerCase() ? (f3 = r2.substr($i, 2), $i += 2) : (f3 = s, 0 === qi && zi(d)), f3 !== s && (b3 = mp()) !== s && (p3 = Kl()) !== s ? i3 = c3 = [c3, l3, f3, b3, p3] : ($i = i3, i3 = s)) : ($i = i3, i3 = s), i3 === s && (i3 = null), i3 !== s ? (Yi = t5, v3 = e4, w3 = u3, h3 = i3, (y3 = n3) && (y3[4].prefix = "TERMINATED BY"), w3 && (w3[6].prefix = (w3[0] && "OPTIONALLY" === w3[0].toUpperCase() ? "OPTIONALLY " : "") + "ENCLOSED BY"), h3 && (h3[4].prefix = "ESCAPED BY"), e4 = { keyword: v3, terminated: y3 && y3[4], enclosed: w3 && w3[6], escaped: h3 && h3[4] }, t5 = e4) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var v3, y3, w3, h3;
              return t5;
            })()) === s && (w2 = null), w2 !== s && (h2 = mp()) !== s ? ((L2 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "lines" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Se));
              e4 !== s && mp() !== s ? ((n3 = kc()) === s && (n3 = null), n3 !== s && mp() !== s ? ((o3 = kc()) === s && (o3 = null), o3 !== s ? (Yi = t5, e4 = (function(r3, t6, e5) {
                if (t6 && e5 && t6.type === e5.type) throw new Error("LINES cannot be specified twice");
                return t6 && Reflect.deleteProperty(t6, "type"), e5 && Reflect.deleteProperty(e5, "type"), { keyword: r3, ...t6 || {}, ...e5 || {} };
              })(e4, n3, o3), t5 = e4) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (L2 = null), L2 !== s && mp() !== s ? (C2 = $i, (m2 = rb()) !== s && (E2 = mp()) !== s && (A2 = kf()) !== s && (g2 = mp()) !== s ? ("lines" === r2.substr($i, 5).toLowerCase() ? (_2 = r2.substr($i, 5), $i += 5) : (_2 = s, 0 === qi && zi(Se)), _2 === s && ("rows" === r2.substr($i, 4).toLowerCase() ? (_2 = r2.substr($i, 4), $i += 4) : (_2 = s, 0 === qi && zi(ke))), _2 !== s ? C2 = m2 = [m2, E2, A2, g2, _2] : ($i = C2, C2 = s)) : ($i = C2, C2 = s), C2 === s && (C2 = null), C2 !== s && (m2 = mp()) !== s ? ((E2 = Vc()) === s && (E2 = null), E2 !== s && (A2 = mp()) !== s ? (g2 = $i, (_2 = ob()) !== s && (T2 = mp()) !== s && (S2 = wl()) !== s ? g2 = _2 = [_2, T2, S2] : ($i = g2, g2 = s), g2 === s && (g2 = null), g2 !== s ? (Yi = t4, I2 = E2, x2 = g2, e3 = { type: "load_data", mode: o2, local: u2, file: i2, replace_ignore: c2, table: b2, partition: p2, character_set: v2, fields: w2, lines: L2, ignore: (j2 = C2) && { count: j2[2], suffix: j2[4] }, column: I2, set: x2 && x2[2] }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var j2, I2, x2;
            return t4;
          })()), t3;
        }
        function tc() {
          var r3;
          return (r3 = nc()) === s && (r3 = (function() {
            var r4, t3, e3, n2, o2, u2;
            r4 = $i, (t3 = mp()) !== s ? ((e3 = Yc()) === s && (e3 = null), e3 !== s && mp() !== s && Xf() !== s && mp() !== s && (n2 = ol()) !== s && mp() !== s && ob() !== s && mp() !== s && (o2 = wl()) !== s && mp() !== s ? ((u2 = ll()) === s && (u2 = null), u2 !== s ? (Yi = r4, t3 = (function(r5, t4, e4, n3) {
              const o3 = {};
              return t4 && t4.forEach((r6) => {
                const { db: t5, as: e5, table: n4, join: s2 } = r6, u3 = s2 ? "select" : "update";
                t5 && (o3[n4] = t5), n4 && nv.add(`${u3}::${t5}::${n4}`);
              }), e4 && e4.forEach((r6) => {
                if (r6.table) {
                  const t5 = Jp(r6.table);
                  nv.add(`update::${o3[t5] || null}::${t5}`);
                }
                ov.add(`update::${r6.table}::${r6.column}`);
              }), { tableList: Array.from(nv), columnList: rv(ov), ast: { with: r5, type: "update", table: t4, set: e4, where: n3 } };
            })(e3, n2, o2, u2), r4 = t3) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()) === s && (r3 = (function() {
            var r4, t3, e3, n2, o2, u2, a2, i2, c2, l2;
            r4 = $i, (t3 = Al()) !== s && mp() !== s ? ((e3 = rb()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = eb()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = il()) !== s && mp() !== s ? ((u2 = ml()) === s && (u2 = null), u2 !== s && mp() !== s && wp() !== s && mp() !== s && (a2 = Xl()) !== s && mp() !== s && hp() !== s && mp() !== s && (i2 = Cl()) !== s && mp() !== s ? ((c2 = El()) === s && (c2 = null), c2 !== s && mp() !== s ? ((l2 = Ll()) === s && (l2 = null), l2 !== s ? (Yi = r4, t3 = (function(r5, t4, e4, n3, o3, s2, u3, a3, i3) {
              if (n3 && (nv.add(`insert::${n3.db}::${n3.table}`), n3.as = null), s2) {
                let r6 = n3 && n3.table || null;
                Array.isArray(u3.values) && u3.values.forEach((r7, t5) => {
                  if (r7.value.length != s2.length) throw new Error("Error: column count doesn't match value count at row " + (t5 + 1));
                }), s2.forEach((t5) => ov.add(`insert::${r6}::${t5}`));
              }
              let c3 = [t4, e4].filter((r6) => r6).map((r6) => r6[0] && r6[0].toLowerCase()).join(" ");
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r5, table: [n3], columns: s2, values: u3, partition: o3, prefix: c3, on_duplicate_update: a3, returning: i3 } };
            })(t3, e3, n2, o2, u2, a2, i2, c2, l2), r4 = t3) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()) === s && (r3 = (function() {
            var r4, t3, e3, n2, o2, u2, a2, i2, c2;
            r4 = $i, (t3 = Al()) !== s && mp() !== s ? ((e3 = rb()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = eb()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = il()) !== s && mp() !== s ? ((u2 = ml()) === s && (u2 = null), u2 !== s && mp() !== s && (a2 = Cl()) !== s && mp() !== s ? ((i2 = El()) === s && (i2 = null), i2 !== s && mp() !== s ? ((c2 = Ll()) === s && (c2 = null), c2 !== s ? (Yi = r4, t3 = (function(r5, t4, e4, n3, o3, s2, u3, a3) {
              n3 && (nv.add(`insert::${n3.db}::${n3.table}`), ov.add(`insert::${n3.table}::(.*)`), n3.as = null);
              const i3 = [t4, e4].filter((r6) => r6).map((r6) => r6[0] && r6[0].toLowerCase()).join(" ");
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r5, table: [n3], columns: null, values: s2, partition: o3, prefix: i3, on_duplicate_update: u3, returning: a3 } };
            })(t3, e3, n2, o2, u2, a2, i2, c2), r4 = t3) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()) === s && (r3 = (function() {
            var r4, t3, e3, n2, o2, u2, a2, i2, c2;
            r4 = $i, (t3 = Al()) !== s && mp() !== s ? ((e3 = rb()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = eb()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = il()) !== s && mp() !== s ? ((u2 = ml()) === s && (u2 = null), u2 !== s && mp() !== s && ob() !== s && mp() !== s && (a2 = wl()) !== s && mp() !== s ? ((i2 = El()) === s && (i2 = null), i2 !== s && mp() !== s ? ((c2 = Ll()) === s && (c2 = null), c2 !== s ? (Yi = r4, t3 = (function(r5, t4, e4, n3, o3, s2, u3, a3) {
              n3 && (nv.add(`insert::${n3.db}::${n3.table}`), ov.add(`insert::${n3.table}::(.*)`), n3.as = null);
              const i3 = [t4, e4].filter((r6) => r6).map((r6) => r6[0] && r6[0].toLowerCase()).join(" ");
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { type: r5, table: [n3], columns: null, partition: o3, prefix: i3, set: s2, on_duplicate_update: u3, returning: a3 } };
            })(t3, e3, n2, o2, u2, a2, i2, c2), r4 = t3) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()) === s && (r3 = (function() {
            var r4, t3, e3, n2, o2, u2, a2;
            r4 = $i, (t3 = mp()) !== s ? ((e3 = Yc()) === s && (e3 = null), e3 !== s && mp() !== s && Qf() !== s && mp() !== s ? ((n2 = ol()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = Jc()) !== s && mp() !== s ? ((u2 = ll()) === s && (u2 = null), u2 !== s && mp() !== s ? ((a2 = Ll()) === s && (a2 = null), a2 !== s ? (Yi = r4, t3 = (function(r5, t4, e4, n3, o3) {
              if (e4) {
                (Array.isArray(e4) ? e4 : e4.expr).forEach((r6) => {
                  const { db: t5, as: e5, table: n4, join: o4 } = r6, s2 = o4 ? "select" : "delete";
                  n4 && nv.add(`${s2}::${t5}::${n4}`), o4 || ov.add(`delete::${n4}::(.*)`);
                });
              }
              if (null === t4 && 1 === e4.length) {
                const r6 = e4[0];
                t4 = [{ db: r6.db, table: r6.table, as: r6.as, addition: true }];
              }
              return { tableList: Array.from(nv), columnList: rv(ov), ast: { with: r5, type: "delete", table: t4, from: e4, where: n3, returning: o3 } };
            })(e3, n2, o2, u2, a2), r4 = t3) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()) === s && (r3 = rc()) === s && (r3 = (function() {
            var r4, t3;
            r4 = [], t3 = jp();
            for (; t3 !== s; ) r4.push(t3), t3 = jp();
            return r4;
          })()), r3;
        }
        function ec() {
          var t3, e3, n2, o2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "union" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Eu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && mp() !== s ? ((n2 = Cb()) === s && (n2 = mb()), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (o2 = n2) ? "union " + o2.toLowerCase() : "union") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "minus" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Au));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = "minus"), (t3 = e3) === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "intersect" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(gu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = "intersect"), (t3 = e3) === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "except" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(_u));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = "except"), t3 = e3))), t3;
        }
        function nc() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = $c()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = ec()) !== s && (a2 = mp()) !== s && (i2 = $c()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = ec()) !== s && (a2 = mp()) !== s && (i2 = $c()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s && (n2 = mp()) !== s ? ((o2 = pl()) === s && (o2 = null), o2 !== s && (u2 = mp()) !== s ? ((a2 = yl()) === s && (a2 = null), a2 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4, e4, n3) {
              let o3 = r4;
              for (let r5 = 0; r5 < t4.length; r5++) o3._next = t4[r5][3], o3.set_op = t4[r5][1], o3 = o3._next;
              return e4 && (r4._orderby = e4), n3 && (r4._limit = n3), { tableList: Array.from(nv), columnList: rv(ov), ast: r4 };
            })(t3, e3, o2, a2)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function oc() {
          var r3, t3, e3;
          return r3 = $i, (t3 = Nl()) !== s && mp() !== s ? ((e3 = hb()) === s && (e3 = Lb()), e3 === s && (e3 = null), e3 !== s ? (Yi = r3, r3 = t3 = c(t3, e3)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = (function() {
            var r4, t4, e4;
            r4 = $i, (t4 = ql()) !== s && mp() !== s ? ((e4 = hb()) === s && (e4 = Lb()), e4 === s && (e4 = null), e4 !== s ? (Yi = r4, t4 = c(t4, e4), r4 = t4) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()), r3;
        }
        function sc() {
          var t3, e3;
          return t3 = $i, "if" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(f)), e3 !== s && mp() !== s && Sb() !== s && mp() !== s && Tb() !== s ? (Yi = t3, t3 = e3 = "IF NOT EXISTS") : ($i = t3, t3 = s), t3;
        }
        function uc() {
          var t3, e3, n2;
          return t3 = $i, (e3 = Pc()) !== s && mp() !== s ? ((n2 = (function() {
            var t4, e4, n3, o2, u2, a2, i2, c2, l2;
            return t4 = $i, r2.substr($i, 10) === b ? (e4 = b, $i += 10) : (e4 = s, 0 === qi && zi(p)), e4 !== s && mp() !== s ? (n3 = $i, "with" === r2.substr($i, 4).toLowerCase() ? (o2 = r2.substr($i, 4), $i += 4) : (o2 = s, 0 === qi && zi(v)), o2 !== s && (u2 = mp()) !== s && (a2 = zl()) !== s ? n3 = o2 = [o2, u2, a2] : ($i = n3, n3 = s), n3 === s && (n3 = null), n3 !== s && (o2 = mp()) !== s ? ("by" === r2.substr($i, 2).toLowerCase() ? (u2 = r2.substr($i, 2), $i += 2) : (u2 = s, 0 === qi && zi(d)), u2 !== s && (a2 = mp()) !== s ? ("random" === r2.substr($i, 6).toLowerCase() ? (i2 = r2.substr($i, 6), $i += 6) : (i2 = s, 0 === qi && zi(y)), i2 !== s && mp() !== s ? ("password" === r2.substr($i, 8).toLowerCase() ? (c2 = r2.substr($i, 8), $i += 8) : (c2 = s, 0 === qi && zi(w)), c2 !== s ? (Yi = t4, t4 = e4 = { keyword: ["identified", (l2 = n3) && l2[0].toLowerCase()].filter((r3) => r3).join(" "), auth_plugin: l2 && l2[2], value: { prefix: "by", type: "origin", value: "random password" } }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, r2.substr($i, 10) === b ? (e4 = b, $i += 10) : (e4 = s, 0 === qi && zi(p)), e4 !== s && mp() !== s ? (n3 = $i, "with" === r2.substr($i, 4).toLowerCase() ? (o2 = r2.substr($i, 4), $i += 4) : (o2 = s, 0 === qi && zi(v)), o2 !== s && (u2 = mp()) !== s && (a2 = zl()) !== s ? n3 = o2 = [o2, u2, a2] : ($i = n3, n3 = s), n3 === s && (n3 = null), n3 !== s && (o2 = mp()) !== s ? ("by" === r2.substr($i, 2).toLowerCase() ? (u2 = r2.substr($i, 2), $i += 2) : (u2 = s, 0 === qi && zi(d)), u2 !== s && (a2 = mp()) !== s && (i2 = xf()) !== s ? (Yi = t4, t4 = e4 = (function(r3, t5) {
              return t5.prefix = "by", { keyword: ["identified", r3 && r3[0].toLowerCase()].filter((r4) => r4).join(" "), auth_plugin: r3 && r3[2], value: t5 };
            })(n3, i2)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, r2.substr($i, 10) === b ? (e4 = b, $i += 10) : (e4 = s, 0 === qi && zi(p)), e4 !== s && mp() !== s ? ("with" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(v)), n3 !== s && (o2 = mp()) !== s && (u2 = zl()) !== s && (a2 = mp()) !== s ? ("as" === r2.substr($i, 2).toLowerCase() ? (i2 = r2.substr($i, 2), $i += 2) : (i2 = s, 0 === qi && zi(h)), i2 !== s && mp() !== s && (c2 = xf()) !== s ? (Yi = t4, t4 = e4 = (function(r3, t5) {
              return t5.prefix = "as", { keyword: "identified with", auth_plugin: r3 && r3[2], value: t5 };
            })(u2, c2)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s))), t4;
          })()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = { user: e3, auth_option: n2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ac() {
          var t3, e3, n2;
          return t3 = $i, "none" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(m)), e3 === s && ("ssl" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(E)), e3 === s && ("x509" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(A)))), e3 !== s && (Yi = t3, e3 = { type: "origin", value: e3 }), (t3 = e3) === s && (t3 = $i, "cipher" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(g)), e3 === s && ("issuer" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(_)), e3 === s && ("subject" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(T)))), e3 !== s && mp() !== s && (n2 = xf()) !== s ? (Yi = t3, t3 = e3 = S(e3, n2)) : ($i = t3, t3 = s)), t3;
        }
        function ic() {
          var t3, e3, n2;
          return t3 = $i, "max_queries_per_hour" === r2.substr($i, 20).toLowerCase() ? (e3 = r2.substr($i, 20), $i += 20) : (e3 = s, 0 === qi && zi(I)), e3 === s && ("max_updates_per_hour" === r2.substr($i, 20).toLowerCase() ? (e3 = r2.substr($i, 20), $i += 20) : (e3 = s, 0 === qi && zi(x)), e3 === s && ("max_connections_per_hour" === r2.substr($i, 24).toLowerCase() ? (e3 = r2.substr($i, 24), $i += 24) : (e3 = s, 0 === qi && zi(N)), e3 === s && ("max_user_connections" === r2.substr($i, 20).toLowerCase() ? (e3 = r2.substr($i, 20), $i += 20) : (e3 = s, 0 === qi && zi(O))))), e3 !== s && mp() !== s && (n2 = kf()) !== s ? (Yi = t3, t3 = e3 = S(e3, n2)) : ($i = t3, t3 = s), t3;
        }
        function cc() {
          var t3, e3, n2, o2, u2, a2;
          return t3 = $i, "password" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(w)), e3 !== s && mp() !== s ? ("expire" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(R)), n2 !== s && mp() !== s ? ("default" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(k)), o2 === s && ("never" === r2.substr($i, 5).toLowerCase() ? (o2 = r2.substr($i, 5), $i += 5) : (o2 = s, 0 === qi && zi(U)), o2 === s && (o2 = Sl())), o2 !== s ? (Yi = t3, t3 = e3 = { keyword: "password expire", value: "string" == typeof (a2 = o2) ? { type: "origin", value: a2 } : a2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "password" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(w)), e3 !== s && mp() !== s ? ("history" === r2.substr($i, 7).toLowerCase() ? (n2 = r2.substr($i, 7), $i += 7) : (n2 = s, 0 === qi && zi(M)), n2 !== s && mp() !== s ? ("default" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(k)), o2 === s && (o2 = kf()), o2 !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3) {
            return { keyword: "password history", value: "string" == typeof r3 ? { type: "origin", value: r3 } : r3 };
          })(o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "password" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(w)), e3 !== s && mp() !== s ? ("REUSE" === r2.substr($i, 5) ? (n2 = "REUSE", $i += 5) : (n2 = s, 0 === qi && zi(D)), n2 !== s && mp() !== s && (o2 = Sl()) !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3) {
            return { keyword: "password reuse", value: r3 };
          })(o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "password" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(w)), e3 !== s && mp() !== s ? ("require" === r2.substr($i, 7).toLowerCase() ? (n2 = r2.substr($i, 7), $i += 7) : (n2 = s, 0 === qi && zi(j)), n2 !== s && mp() !== s ? ("current" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(P)), o2 !== s && mp() !== s ? ("default" === r2.substr($i, 7).toLowerCase() ? (u2 = r2.substr($i, 7), $i += 7) : (u2 = s, 0 === qi && zi(k)), u2 === s && ("optional" === r2.substr($i, 8).toLowerCase() ? (u2 = r2.substr($i, 8), $i += 8) : (u2 = s, 0 === qi && zi(F))), u2 !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3) {
            return { keyword: "password require current", value: { type: "origin", value: r3 } };
          })(u2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "failed_login_attempts" === r2.substr($i, 21).toLowerCase() ? (e3 = r2.substr($i, 21), $i += 21) : (e3 = s, 0 === qi && zi(G)), e3 !== s && mp() !== s && (n2 = kf()) !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3) {
            return { keyword: "failed_login_attempts", value: r3 };
          })(n2)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "password_lock_time" === r2.substr($i, 18).toLowerCase() ? (e3 = r2.substr($i, 18), $i += 18) : (e3 = s, 0 === qi && zi($)), e3 !== s && mp() !== s ? ((n2 = kf()) === s && ("unbounded" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(Y))), n2 !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3) {
            return { keyword: "password_lock_time", value: "string" == typeof r3 ? { type: "origin", value: r3 } : r3 };
          })(n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)))))), t3;
        }
        function lc() {
          var t3;
          return (t3 = bc()) === s && (t3 = Ac()) === s && (t3 = gc()) === s && (t3 = (function() {
            var t4;
            (t4 = (function() {
              var t5, e3, n2, o2, u2, a2;
              t5 = $i, (e3 = _c()) === s && (e3 = null);
              e3 !== s && mp() !== s ? ("primary key" === r2.substr($i, 11).toLowerCase() ? (n2 = r2.substr($i, 11), $i += 11) : (n2 = s, 0 === qi && zi(Zr)), n2 !== s && mp() !== s ? ((o2 = tl()) === s && (o2 = null), o2 !== s && mp() !== s && (u2 = Ec()) !== s && mp() !== s ? ((a2 = el()) === s && (a2 = null), a2 !== s ? (Yi = t5, c2 = n2, l2 = o2, f2 = u2, b2 = a2, e3 = { constraint: (i2 = e3) && i2.constraint, definition: f2, constraint_type: c2.toLowerCase(), keyword: i2 && i2.keyword, index_type: l2, resource: "constraint", index_options: b2 }, t5 = e3) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var i2, c2, l2, f2, b2;
              return t5;
            })()) === s && (t4 = (function() {
              var r3, t5, e3, n2, o2, u2, a2, i2;
              r3 = $i, (t5 = _c()) === s && (t5 = null);
              t5 !== s && mp() !== s && (e3 = fp()) !== s && mp() !== s ? ((n2 = ap()) === s && (n2 = ip()), n2 === s && (n2 = null), n2 !== s && mp() !== s ? ((o2 = of()) === s && (o2 = null), o2 !== s && mp() !== s ? ((u2 = tl()) === s && (u2 = null), u2 !== s && mp() !== s && (a2 = Ec()) !== s && mp() !== s ? ((i2 = el()) === s && (i2 = null), i2 !== s ? (Yi = r3, l2 = e3, f2 = n2, b2 = o2, p2 = u2, v2 = a2, d2 = i2, t5 = { constraint: (c2 = t5) && c2.constraint, definition: v2, constraint_type: f2 && `${l2.toLowerCase()} ${f2.toLowerCase()}` || l2.toLowerCase(), keyword: c2 && c2.keyword, index_type: p2, index: b2, resource: "constraint", index_options: d2 }, r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
              var c2, l2, f2, b2, p2, v2, d2;
              return r3;
            })()) === s && (t4 = (function() {
              var t5, e3, n2, o2, u2, a2;
              t5 = $i, (e3 = _c()) === s && (e3 = null);
              e3 !== s && mp() !== s ? ("foreign key" === r2.substr($i, 11).toLowerCase() ? (n2 = r2.substr($i, 11), $i += 11) : (n2 = s, 0 === qi && zi(tt)), n2 !== s && mp() !== s ? ((o2 = of()) === s && (o2 = null), o2 !== s && mp() !== s && (u2 = Bc()) !== s && mp() !== s ? ((a2 = Tc()) === s && (a2 = null), a2 !== s ? (Yi = t5, c2 = n2, l2 = o2, f2 = u2, b2 = a2, e3 = { constraint: (i2 = e3) && i2.constraint, definition: f2, constraint_type: c2, keyword: i2 && i2.keyword, index: l2, resource: "constraint", reference_definition: b2 }, t5 = e3) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var i2, c2, l2, f2, b2;
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e3, n2, o2, u2, a2, i2, c2, l2, f2;
              t5 = $i, (e3 = _c()) === s && (e3 = null);
              e3 !== s && mp() !== s ? ("check" === r2.substr($i, 5).toLowerCase() ? (n2 = r2.substr($i, 5), $i += 5) : (n2 = s, 0 === qi && zi(K)), n2 !== s && mp() !== s ? (o2 = $i, "not" === r2.substr($i, 3).toLowerCase() ? (u2 = r2.substr($i, 3), $i += 3) : (u2 = s, 0 === qi && zi(Jr)), u2 !== s && (a2 = mp()) !== s ? ("for" === r2.substr($i, 3).toLowerCase() ? (i2 = r2.substr($i, 3), $i += 3) : (i2 = s, 0 === qi && zi(vr)), i2 !== s && (c2 = mp()) !== s ? ("replication" === r2.substr($i, 11).toLowerCase() ? (l2 = r2.substr($i, 11), $i += 11) : (l2 = s, 0 === qi && zi(rt)), l2 !== s && (f2 = mp()) !== s ? o2 = u2 = [u2, a2, i2, c2, l2, f2] : ($i = o2, o2 = s)) : ($i = o2, o2 = s)) : ($i = o2, o2 = s), o2 === s && (o2 = null), o2 !== s && (u2 = wp()) !== s && (a2 = mp()) !== s && (i2 = Ol()) !== s && (c2 = mp()) !== s && (l2 = hp()) !== s ? (Yi = t5, b2 = e3, p2 = o2, v2 = i2, e3 = { constraint_type: n2.toLowerCase(), keyword: b2 && b2.keyword, constraint: b2 && b2.constraint, index_type: p2 && { keyword: "not for replication" }, definition: [v2], resource: "constraint" }, t5 = e3) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var b2, p2, v2;
              return t5;
            })());
            return t4;
          })()), t3;
        }
        function fc() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, (e3 = (function() {
            var t4, e4;
            t4 = $i, (e4 = (function() {
              var t5, e5, n3, o3;
              t5 = $i, "not null" === r2.substr($i, 8).toLowerCase() ? (e5 = r2.substr($i, 8), $i += 8) : (e5 = s, 0 === qi && zi(Hs));
              e5 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e5 = [e5, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && (Yi = t4, e4 = { type: "not null", value: "not null" });
            return t4 = e4;
          })()) === s && (e3 = If()), e3 !== s && (Yi = t3, (u2 = e3) && !u2.value && (u2.value = "null"), e3 = { nullable: u2 }), (t3 = e3) === s && (t3 = $i, (e3 = (function() {
            var r3, t4;
            r3 = $i, $f() !== s && mp() !== s && (t4 = Nl()) !== s ? (Yi = r3, r3 = { type: "default", value: t4 }) : ($i = r3, r3 = s);
            return r3;
          })()) !== s && (Yi = t3, e3 = { default_val: e3 }), (t3 = e3) === s && (t3 = $i, "auto_increment" === r2.substr($i, 14).toLowerCase() ? (e3 = r2.substr($i, 14), $i += 14) : (e3 = s, 0 === qi && zi(ur)), e3 !== s && (Yi = t3, e3 = { auto_increment: e3.toLowerCase() }), (t3 = e3) === s && (t3 = $i, "unique" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(ar)), e3 !== s && mp() !== s ? ("key" === r2.substr($i, 3).toLowerCase() ? (n2 = r2.substr($i, 3), $i += 3) : (n2 = s, 0 === qi && zi(ir)), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3) {
            const t4 = ["unique"];
            return r3 && t4.push(r3), { unique: t4.join(" ").toLowerCase("") };
          })(n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "primary" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(cr)), e3 === s && (e3 = null), e3 !== s && mp() !== s ? ("key" === r2.substr($i, 3).toLowerCase() ? (n2 = r2.substr($i, 3), $i += 3) : (n2 = s, 0 === qi && zi(ir)), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3) {
            const t4 = [];
            return r3 && t4.push("primary"), t4.push("key"), { primary_key: t4.join(" ").toLowerCase("") };
          })(e3)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = gp()) !== s && (Yi = t3, e3 = { comment: e3 }), (t3 = e3) === s && (t3 = $i, (e3 = vc()) !== s && (Yi = t3, e3 = { collate: e3 }), (t3 = e3) === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3;
            t4 = $i, "column_format" === r2.substr($i, 13).toLowerCase() ? (e4 = r2.substr($i, 13), $i += 13) : (e4 = s, 0 === qi && zi(Cr));
            e4 !== s && mp() !== s ? ("fixed" === r2.substr($i, 5).toLowerCase() ? (n3 = r2.substr($i, 5), $i += 5) : (n3 = s, 0 === qi && zi(mr)), n3 === s && ("dynamic" === r2.substr($i, 7).toLowerCase() ? (n3 = r2.substr($i, 7), $i += 7) : (n3 = s, 0 === qi && zi(Er)), n3 === s && ("default" === r2.substr($i, 7).toLowerCase() ? (n3 = r2.substr($i, 7), $i += 7) : (n3 = s, 0 === qi && zi(k)))), n3 !== s ? (Yi = t4, e4 = { type: "column_format", value: n3.toLowerCase() }, t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = { column_format: e3 }), (t3 = e3) === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3;
            t4 = $i, "storage" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Ar));
            e4 !== s && mp() !== s ? ("disk" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(gr)), n3 === s && ("memory" === r2.substr($i, 6).toLowerCase() ? (n3 = r2.substr($i, 6), $i += 6) : (n3 = s, 0 === qi && zi(_r))), n3 !== s ? (Yi = t4, e4 = { type: "storage", value: n3.toLowerCase() }, t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = { storage: e3 }), (t3 = e3) === s && (t3 = $i, (e3 = Tc()) !== s && (Yi = t3, e3 = { reference_definition: e3 }), (t3 = e3) === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3, u3, a2, i2, c2;
            t4 = $i, (e4 = _c()) === s && (e4 = null);
            e4 !== s && mp() !== s ? ("check" === r2.substr($i, 5).toLowerCase() ? (n3 = r2.substr($i, 5), $i += 5) : (n3 = s, 0 === qi && zi(K)), n3 !== s && mp() !== s && wp() !== s && mp() !== s && (o3 = Ol()) !== s && mp() !== s && hp() !== s && mp() !== s ? (u3 = $i, (a2 = Sb()) === s && (a2 = null), a2 !== s && (i2 = mp()) !== s ? ("enforced" === r2.substr($i, 8).toLowerCase() ? (c2 = r2.substr($i, 8), $i += 8) : (c2 = s, 0 === qi && zi(et)), c2 !== s ? u3 = a2 = [a2, i2, c2] : ($i = u3, u3 = s)) : ($i = u3, u3 = s), u3 === s && (u3 = null), u3 !== s ? (Yi = t4, e4 = (function(r3, t5, e5, n4) {
              const o4 = [];
              return n4 && o4.push(n4[0], n4[2]), { constraint_type: t5.toLowerCase(), keyword: r3 && r3.keyword, constraint: r3 && r3.constraint, definition: [e5], enforced: o4.filter((r4) => r4).join(" ").toLowerCase(), resource: "constraint" };
            })(e4, n3, o3, u3), t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = { check: e3 }), (t3 = e3) === s && (t3 = $i, (e3 = Ic()) !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = Kl()) !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3, t4, e4) {
            return { character_set: { type: r3, value: e4, symbol: t4 } };
          })(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)))))))))))), t3;
        }
        function bc() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          return t3 = $i, (e3 = ql()) !== s && mp() !== s && (n2 = Gp()) !== s && mp() !== s ? ((o2 = (function() {
            var t4, e4, n3, o3, u3, a3, i3, c3;
            t4 = $i, e4 = $i, (n3 = (function() {
              var t5, e5, n4, o4, u4;
              t5 = $i, e5 = $i, "generated" === r2.substr($i, 9).toLowerCase() ? (n4 = r2.substr($i, 9), $i += 9) : (n4 = s, 0 === qi && zi(Tr));
              n4 !== s && (o4 = mp()) !== s ? ("always" === r2.substr($i, 6).toLowerCase() ? (u4 = r2.substr($i, 6), $i += 6) : (u4 = s, 0 === qi && zi(Sr)), u4 !== s ? e5 = n4 = [n4, o4, u4] : ($i = e5, e5 = s)) : ($i = e5, e5 = s);
              e5 !== s && (Yi = t5, e5 = e5.join("").toLowerCase());
              return t5 = e5;
            })()) === s && (n3 = null);
            n3 !== s && (o3 = mp()) !== s ? ("as" === r2.substr($i, 2).toLowerCase() ? (u3 = r2.substr($i, 2), $i += 2) : (u3 = s, 0 === qi && zi(h)), u3 !== s ? e4 = n3 = [n3, o3, u3] : ($i = e4, e4 = s)) : ($i = e4, e4 = s);
            if (e4 !== s) if ((n3 = mp()) !== s) if ((o3 = wp()) !== s) if ((u3 = mp()) !== s) if ((a3 = jf()) === s && (a3 = Nl()), a3 !== s) if (mp() !== s) if (hp() !== s) if (mp() !== s) {
              for (i3 = [], "stored" === r2.substr($i, 6).toLowerCase() ? (c3 = r2.substr($i, 6), $i += 6) : (c3 = s, 0 === qi && zi(jr)), c3 === s && ("virtual" === r2.substr($i, 7).toLowerCase() ? (c3 = r2.substr($i, 7), $i += 7) : (c3 = s, 0 === qi && zi(Ir))); c3 !== s; ) i3.push(c3), "stored" === r2.substr($i, 6).toLowerCase() ? (c3 = r2.substr($i, 6), $i += 6) : (c3 = s, 0 === qi && zi(jr)), c3 === s && ("virtual" === r2.substr($i, 7).toLowerCase() ? (c3 = r2.substr($i, 7), $i += 7) : (c3 = s, 0 === qi && zi(Ir)));
              i3 !== s ? (Yi = t4, l3 = i3, e4 = { type: "generated", expr: a3, value: e4.filter((r3) => "string" == typeof r3).join(" ").toLowerCase(), storage_type: l3 && l3[0] && l3[0].toLowerCase() }, t4 = e4) : ($i = t4, t4 = s);
            } else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            var l3;
            return t4;
          })()) === s && (o2 = null), o2 !== s && mp() !== s ? ((u2 = (function() {
            var r3, t4, e4, n3, o3, u3;
            if (r3 = $i, (t4 = fc()) !== s) if (mp() !== s) {
              for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = fc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = fc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s);
              e4 !== s ? (Yi = r3, r3 = t4 = (function(r4, t5) {
                let e5 = r4;
                for (let r5 = 0; r5 < t5.length; r5++) e5 = { ...e5, ...t5[r5][1] };
                return e5;
              })(t4, e4)) : ($i = r3, r3 = s);
            } else $i = r3, r3 = s;
            else $i = r3, r3 = s;
            return r3;
          })()) === s && (u2 = null), u2 !== s ? (Yi = t3, a2 = e3, i2 = n2, c2 = o2, l2 = u2, ov.add(`create::${a2.table}::${a2.column}`), t3 = e3 = { column: a2, definition: i2, generated: c2, resource: "column", ...l2 || {} }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function pc() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, "definer" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(nr)), e3 !== s && mp() !== s && op() !== s && mp() !== s ? ((n2 = ef()) === s && (n2 = xf()), n2 !== s && mp() !== s ? (64 === r2.charCodeAt($i) ? (o2 = "@", $i++) : (o2 = s, 0 === qi && zi(lr)), o2 !== s && mp() !== s ? ((u2 = ef()) === s && (u2 = xf()), u2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            const e4 = Kp(r3, "@", t4);
            return Kp("=", { type: "origin", value: "definer" }, e4);
          })(n2, u2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "definer" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(nr)), e3 !== s && mp() !== s && op() !== s && mp() !== s && (n2 = Jb()) !== s && mp() !== s && (o2 = wp()) !== s && mp() !== s && (u2 = hp()) !== s ? (Yi = t3, t3 = e3 = fr()) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "definer" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(nr)), e3 !== s && mp() !== s && op() !== s && mp() !== s && (n2 = Jb()) !== s ? (Yi = t3, t3 = e3 = fr()) : ($i = t3, t3 = s))), t3;
        }
        function vc() {
          var t3, e3, n2;
          return t3 = $i, (function() {
            var t4, e4, n3, o2;
            t4 = $i, "collate" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(vt));
            e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "COLLATE") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s ? ((e3 = op()) === s && (e3 = null), e3 !== s && mp() !== s && (n2 = zl()) !== s ? (Yi = t3, t3 = { type: "collate", keyword: "collate", collate: { name: n2, symbol: e3 } }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function dc() {
          var t3, e3, n2;
          return t3 = $i, "if" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(xr)), e3 !== s && mp() !== s ? ("exists" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(Nr)), n2 !== s ? (Yi = t3, t3 = e3 = "if exists") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function yc() {
          var t3, e3, n2;
          return t3 = $i, "first" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Or)), e3 !== s && (Yi = t3, e3 = { keyword: e3 }), (t3 = e3) === s && (t3 = $i, "after" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Rr)), e3 !== s && mp() !== s && (n2 = ql()) !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3, t4) {
            return { keyword: r3, expr: t4 };
          })(e3, n2)) : ($i = t3, t3 = s)), t3;
        }
        function wc() {
          var t3, e3, n2;
          return (t3 = (function() {
            var r3, t4, e4, n3, o2, u2;
            r3 = $i, (t4 = sp()) !== s && mp() !== s ? ((e4 = up()) === s && (e4 = null), e4 !== s && mp() !== s ? ((n3 = sc()) === s && (n3 = null), n3 !== s && mp() !== s && (o2 = bc()) !== s && mp() !== s ? ((u2 = yc()) === s && (u2 = null), u2 !== s ? (Yi = r3, a2 = e4, i2 = n3, c2 = o2, l2 = u2, t4 = { action: "add", ...c2, suffix: l2, keyword: a2, if_not_exists: i2, resource: "column", type: "alter" }, r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
            var a2, i2, c2, l2;
            r3 === s && (r3 = $i, (t4 = sp()) !== s && mp() !== s && (e4 = bc()) !== s && mp() !== s ? ((n3 = yc()) === s && (n3 = null), n3 !== s ? (Yi = r3, t4 = (function(r4, t5) {
              return { action: "add", ...r4, suffix: t5, resource: "column", type: "alter" };
            })(e4, n3), r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s));
            return r3;
          })()) === s && (t3 = (function() {
            var t4, e4, n3, o2, u2, a2;
            t4 = $i, (e4 = Bf()) !== s && mp() !== s ? ("primary" === r2.substr($i, 7).toLowerCase() ? (n3 = r2.substr($i, 7), $i += 7) : (n3 = s, 0 === qi && zi(cr)), n3 !== s && (o2 = mp()) !== s && (u2 = ip()) !== s ? (Yi = t4, t4 = e4 = { action: "drop", key: "", keyword: "primary key", resource: "key", type: "alter" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            t4 === s && (t4 = $i, (e4 = Bf()) !== s && mp() !== s ? (n3 = $i, "foreign" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(Hr)), o2 === s && (o2 = null), o2 !== s && (u2 = mp()) !== s && (a2 = ip()) !== s ? n3 = o2 = [o2, u2, a2] : ($i = n3, n3 = s), n3 === s && (n3 = ap()), n3 !== s && (o2 = mp()) !== s && (u2 = zl()) !== s ? (Yi = t4, e4 = (function(r3, t5) {
              const e5 = Array.isArray(r3) ? "key" : "index";
              return { action: "drop", [e5]: t5, keyword: Array.isArray(r3) ? "" + [r3[0], r3[2]].filter((r4) => r4).join(" ").toLowerCase() : r3.toLowerCase(), resource: e5, type: "alter" };
            })(n3, u2), t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s));
            return t4;
          })()) === s && (t3 = (function() {
            var r3, t4, e4, n3;
            r3 = $i, (t4 = Bf()) !== s && mp() !== s && (e4 = up()) !== s && mp() !== s && (n3 = ql()) !== s ? (Yi = r3, r3 = t4 = { action: "drop", column: n3, keyword: e4, resource: "column", type: "alter" }) : ($i = r3, r3 = s);
            r3 === s && (r3 = $i, (t4 = Bf()) !== s && mp() !== s && (e4 = ql()) !== s ? (Yi = r3, t4 = /* @__PURE__ */ (function(r4) {
              return { action: "drop", column: r4, resource: "column", type: "alter" };
            })(e4), r3 = t4) : ($i = r3, r3 = s));
            return r3;
          })()) === s && (t3 = (function() {
            var t4, e4, n3, o2, u2;
            t4 = $i, (e4 = (function() {
              var t5, e5, n4, o3;
              t5 = $i, "modify" === r2.substr($i, 6).toLowerCase() ? (e5 = r2.substr($i, 6), $i += 6) : (e5 = s, 0 === qi && zi(ui));
              e5 !== s ? (n4 = $i, qi++, o3 = af(), qi--, o3 === s ? n4 = void 0 : ($i = n4, n4 = s), n4 !== s ? (Yi = t5, t5 = e5 = "MODIFY") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s ? ((n3 = up()) === s && (n3 = null), n3 !== s && mp() !== s && (o2 = bc()) !== s && mp() !== s ? ((u2 = yc()) === s && (u2 = null), u2 !== s ? (Yi = t4, a2 = o2, i2 = u2, e4 = { action: "modify", keyword: n3, ...a2, suffix: i2, resource: "column", type: "alter" }, t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var a2, i2;
            return t4;
          })()) === s && (t3 = (function() {
            var r3, t4, e4;
            r3 = $i, (t4 = sp()) !== s && mp() !== s && (e4 = Ac()) !== s ? (Yi = r3, n3 = e4, t4 = { action: "add", type: "alter", ...n3 }, r3 = t4) : ($i = r3, r3 = s);
            var n3;
            return r3;
          })()) === s && (t3 = (function() {
            var r3, t4, e4;
            r3 = $i, (t4 = sp()) !== s && mp() !== s && (e4 = gc()) !== s ? (Yi = r3, n3 = e4, t4 = { action: "add", type: "alter", ...n3 }, r3 = t4) : ($i = r3, r3 = s);
            var n3;
            return r3;
          })()) === s && (t3 = (function() {
            var r3, t4, e4, n3, o2;
            r3 = $i, (t4 = Jf()) !== s && mp() !== s && up() !== s && mp() !== s && (e4 = ql()) !== s && mp() !== s ? ((n3 = Yf()) === s && (n3 = sb()), n3 === s && (n3 = null), n3 !== s && mp() !== s && (o2 = ql()) !== s ? (Yi = r3, a2 = o2, t4 = { action: "rename", type: "alter", resource: "column", keyword: "column", old_column: e4, prefix: (u2 = n3) && u2[0].toLowerCase(), column: a2 }, r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
            var u2, a2;
            return r3;
          })()) === s && (t3 = (function() {
            var r3, t4, e4, n3;
            r3 = $i, (t4 = Jf()) !== s && mp() !== s ? ((e4 = Yf()) === s && (e4 = sb()), e4 === s && (e4 = null), e4 !== s && mp() !== s && (n3 = zl()) !== s ? (Yi = r3, u2 = n3, t4 = { action: "rename", type: "alter", resource: "table", keyword: (o2 = e4) && o2[0].toLowerCase(), table: u2 }, r3 = t4) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
            var o2, u2;
            return r3;
          })()) === s && (t3 = Lc()) === s && (t3 = Cc()) === s && (t3 = (function() {
            var t4, e4, n3, o2, u2, a2;
            t4 = $i, "change" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(Kr));
            e4 !== s && mp() !== s ? ((n3 = up()) === s && (n3 = null), n3 !== s && mp() !== s && (o2 = ql()) !== s && mp() !== s && (u2 = bc()) !== s && mp() !== s ? ((a2 = yc()) === s && (a2 = null), a2 !== s ? (Yi = t4, i2 = n3, c2 = u2, l2 = a2, e4 = { action: "change", old_column: o2, ...c2, keyword: i2, resource: "column", type: "alter", suffix: l2 }, t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var i2, c2, l2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e4, n3, o2, u2;
            t4 = $i, "drop" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Mr));
            e4 === s && ("truncate" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Dr)), e4 === s && ("discard" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Pr)), e4 === s && ("import" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(Fr)), e4 === s && ("coalesce" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Gr)), e4 === s && ("analyze" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi($r)), e4 === s && ("check" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(K))))))));
            e4 !== s && mp() !== s && (n3 = tb()) !== s && mp() !== s && (o2 = Vc()) !== s && mp() !== s ? ("tablespace" === r2.substr($i, 10).toLowerCase() ? (u2 = r2.substr($i, 10), $i += 10) : (u2 = s, 0 === qi && zi(Yr)), u2 === s && (u2 = null), u2 !== s ? (Yi = t4, e4 = (function(r3, t5, e5, n4) {
              const o3 = { action: r3.toLowerCase(), keyword: t5, resource: "partition", type: "alter", partitions: e5 };
              return n4 && (o3.suffix = { keyword: n4 }), o3;
            })(e4, n3, o2, u2), t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            t4 === s && (t4 = $i, (e4 = sp()) !== s && mp() !== s && (n3 = tb()) !== s && mp() !== s && (o2 = wp()) !== s && mp() !== s && (u2 = (function() {
              var r3, t5, e5, n4, o3, u3, a2, c2;
              if (r3 = $i, (t5 = hc()) !== s) {
                for (e5 = [], n4 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a2 = mp()) !== s && (c2 = hc()) !== s ? n4 = o3 = [o3, u3, a2, c2] : ($i = n4, n4 = s); n4 !== s; ) e5.push(n4), n4 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a2 = mp()) !== s && (c2 = hc()) !== s ? n4 = o3 = [o3, u3, a2, c2] : ($i = n4, n4 = s);
                e5 !== s ? (Yi = r3, t5 = i(t5, e5), r3 = t5) : ($i = r3, r3 = s);
              } else $i = r3, r3 = s;
              return r3;
            })()) !== s && mp() !== s && hp() !== s ? (Yi = t4, t4 = e4 = { action: "add", keyword: n3, resource: "partition", type: "alter", partitions: u2 }) : ($i = t4, t4 = s));
            return t4;
          })()) === s && (t3 = $i, (e3 = Nc()) !== s && (Yi = t3, (n2 = e3).resource = n2.keyword, n2[n2.keyword] = n2.value, delete n2.value, e3 = { type: "alter", ...n2 }), t3 = e3), t3;
        }
        function hc() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, tb() !== s && mp() !== s && (e3 = Kl()) !== s && mp() !== s && vb() !== s && mp() !== s ? ("less" === r2.substr($i, 4).toLowerCase() ? (n2 = r2.substr($i, 4), $i += 4) : (n2 = s, 0 === qi && zi(kr)), n2 !== s && mp() !== s ? ("than" === r2.substr($i, 4).toLowerCase() ? (o2 = r2.substr($i, 4), $i += 4) : (o2 = s, 0 === qi && zi(Ur)), o2 !== s && mp() !== s && wp() !== s && mp() !== s && (u2 = kf()) !== s && mp() !== s && hp() !== s ? (Yi = t3, t3 = { name: e3, value: { type: "less than", expr: u2, parentheses: true } }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Lc() {
          var t3, e3, n2, o2;
          return t3 = $i, "algorithm" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(z)), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s ? ("default" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(k)), o2 === s && ("instant" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(Br)), o2 === s && ("inplace" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(Wr)), o2 === s && ("copy" === r2.substr($i, 4).toLowerCase() ? (o2 = r2.substr($i, 4), $i += 4) : (o2 = s, 0 === qi && zi(qr))))), o2 !== s ? (Yi = t3, t3 = e3 = { type: "alter", keyword: "algorithm", resource: "algorithm", symbol: n2, algorithm: o2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Cc() {
          var t3, e3, n2, o2;
          return t3 = $i, "lock" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(B)), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s ? ("default" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(k)), o2 === s && ("none" === r2.substr($i, 4).toLowerCase() ? (o2 = r2.substr($i, 4), $i += 4) : (o2 = s, 0 === qi && zi(m)), o2 === s && ("shared" === r2.substr($i, 6).toLowerCase() ? (o2 = r2.substr($i, 6), $i += 6) : (o2 = s, 0 === qi && zi(Xr)), o2 === s && ("exclusive" === r2.substr($i, 9).toLowerCase() ? (o2 = r2.substr($i, 9), $i += 9) : (o2 = s, 0 === qi && zi(Vr))))), o2 !== s ? (Yi = t3, t3 = e3 = { type: "alter", keyword: "lock", resource: "lock", symbol: n2, lock: o2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function mc() {
          var t3, e3, n2, o2, u2, a2, i2;
          if (t3 = $i, (e3 = nf()) !== s) if (mp() !== s) if ((n2 = wp()) !== s) if (mp() !== s) {
            if (o2 = [], Qr.test(r2.charAt($i)) ? (u2 = r2.charAt($i), $i++) : (u2 = s, 0 === qi && zi(zr)), u2 !== s) for (; u2 !== s; ) o2.push(u2), Qr.test(r2.charAt($i)) ? (u2 = r2.charAt($i), $i++) : (u2 = s, 0 === qi && zi(zr));
            else o2 = s;
            o2 !== s && (u2 = mp()) !== s && hp() !== s && mp() !== s ? ((a2 = hb()) === s && (a2 = Lb()), a2 === s && (a2 = null), a2 !== s ? (Yi = t3, i2 = a2, t3 = e3 = { type: "column_ref", column: e3, suffix: `(${parseInt(o2.join(""), 10)})`, order_by: i2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          return t3 === s && (t3 = $i, (e3 = nf()) !== s && mp() !== s ? ((n2 = hb()) === s && (n2 = Lb()), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3, t4) {
            return { type: "column_ref", column: r3, order_by: t4 };
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)), t3;
        }
        function Ec() {
          var r3, t3, e3;
          return r3 = $i, wp() !== s && mp() !== s ? ((t3 = (function() {
            var r4, t4, e4, n2, o2, u2, a2, i2;
            if (r4 = $i, (t4 = mc()) !== s) {
              for (e4 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = mc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e4.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = mc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
              e4 !== s ? (Yi = r4, r4 = t4 = sr(t4, e4)) : ($i = r4, r4 = s);
            } else $i = r4, r4 = s;
            return r4;
          })()) === s && (t3 = Tl()), t3 !== s && mp() !== s && hp() !== s ? (Yi = r3, r3 = (e3 = t3).type ? e3.value : e3) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function Ac() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          return r3 = $i, (t3 = ap()) === s && (t3 = ip()), t3 !== s && mp() !== s ? ((e3 = of()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = tl()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = Ec()) !== s && mp() !== s ? ((u2 = el()) === s && (u2 = null), u2 !== s && mp() !== s ? (Yi = r3, a2 = n2, i2 = u2, r3 = t3 = { index: e3, definition: o2, keyword: t3.toLowerCase(), index_type: a2, resource: "index", index_options: i2 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function gc() {
          var r3, t3, e3, n2, o2, u2, a2, i2, c2;
          return r3 = $i, (t3 = cp()) === s && (t3 = lp()), t3 !== s && mp() !== s ? ((e3 = ap()) === s && (e3 = ip()), e3 === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = of()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = Bc()) !== s && mp() !== s ? ((u2 = el()) === s && (u2 = null), u2 !== s && mp() !== s ? (Yi = r3, a2 = t3, c2 = u2, r3 = t3 = { index: n2, definition: o2, keyword: (i2 = e3) && `${a2.toLowerCase()} ${i2.toLowerCase()}` || a2.toLowerCase(), index_options: c2, resource: "index" }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function _c() {
          var t3, e3, n2, o2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "constraint" === r2.substr($i, 10).toLowerCase() ? (e4 = r2.substr($i, 10), $i += 10) : (e4 = s, 0 === qi && zi(li));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "CONSTRAINT") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && mp() !== s ? ((n2 = zl()) === s && (n2 = null), n2 !== s ? (Yi = t3, o2 = n2, t3 = e3 = { keyword: e3.toLowerCase(), constraint: o2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Tc() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2, f2;
          return t3 = $i, (e3 = pp()) !== s && mp() !== s && (n2 = ol()) !== s && mp() !== s && (o2 = Bc()) !== s && mp() !== s ? ("match full" === r2.substr($i, 10).toLowerCase() ? (u2 = r2.substr($i, 10), $i += 10) : (u2 = s, 0 === qi && zi(nt)), u2 === s && ("match partial" === r2.substr($i, 13).toLowerCase() ? (u2 = r2.substr($i, 13), $i += 13) : (u2 = s, 0 === qi && zi(ot)), u2 === s && ("match simple" === r2.substr($i, 12).toLowerCase() ? (u2 = r2.substr($i, 12), $i += 12) : (u2 = s, 0 === qi && zi(st)))), u2 === s && (u2 = null), u2 !== s && mp() !== s ? ((a2 = Sc()) === s && (a2 = null), a2 !== s && mp() !== s ? ((i2 = Sc()) === s && (i2 = null), i2 !== s ? (Yi = t3, c2 = u2, l2 = a2, f2 = i2, t3 = e3 = { definition: o2, table: n2, keyword: e3.toLowerCase(), match: c2 && c2.toLowerCase(), on_action: [l2, f2].filter((r3) => r3) }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = Sc()) !== s && (Yi = t3, e3 = { on_action: [e3] }), t3 = e3), t3;
        }
        function Sc() {
          var t3, e3, n2, o2;
          return t3 = $i, fb() !== s && mp() !== s ? ((e3 = Qf()) === s && (e3 = Xf()), e3 !== s && mp() !== s && (n2 = (function() {
            var t4, e4, n3;
            t4 = $i, (e4 = Zb()) !== s && mp() !== s && wp() !== s && mp() !== s ? ((n3 = Tl()) === s && (n3 = null), n3 !== s && mp() !== s && hp() !== s ? (Yi = t4, t4 = e4 = { type: "function", name: { name: [{ type: "origin", value: e4 }] }, args: n3 }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            t4 === s && (t4 = $i, (e4 = jc()) === s && ("set null" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(it)), e4 === s && ("no action" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(ct)), e4 === s && ("set default" === r2.substr($i, 11).toLowerCase() ? (e4 = r2.substr($i, 11), $i += 11) : (e4 = s, 0 === qi && zi(lt)), e4 === s && (e4 = Zb())))), e4 !== s && (Yi = t4, e4 = { type: "origin", value: e4.toLowerCase() }), t4 = e4);
            return t4;
          })()) !== s ? (Yi = t3, o2 = n2, t3 = { type: "on " + e3[0].toLowerCase(), value: o2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function jc() {
          var t3, e3;
          return t3 = $i, "restrict" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(ut)), e3 === s && ("cascade" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(at))), e3 !== s && (Yi = t3, e3 = e3.toLowerCase()), t3 = e3;
        }
        function Ic() {
          var t3, e3, n2;
          return t3 = $i, "character" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(ft)), e3 !== s && mp() !== s ? ("set" === r2.substr($i, 3).toLowerCase() ? (n2 = r2.substr($i, 3), $i += 3) : (n2 = s, 0 === qi && zi(bt)), n2 !== s ? (Yi = t3, t3 = e3 = "CHARACTER SET") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function xc() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          return t3 = $i, (e3 = $f()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = Ic()) === s && ("charset" === r2.substr($i, 7).toLowerCase() ? (n2 = r2.substr($i, 7), $i += 7) : (n2 = s, 0 === qi && zi(pt)), n2 === s && ("collate" === r2.substr($i, 7).toLowerCase() ? (n2 = r2.substr($i, 7), $i += 7) : (n2 = s, 0 === qi && zi(vt)))), n2 !== s && mp() !== s ? ((o2 = op()) === s && (o2 = null), o2 !== s && mp() !== s && (u2 = Kl()) !== s ? (Yi = t3, i2 = n2, c2 = o2, l2 = u2, t3 = e3 = { keyword: (a2 = e3) && `${a2[0].toLowerCase()} ${i2.toLowerCase()}` || i2.toLowerCase(), symbol: c2, value: l2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Nc() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          return t3 = $i, "auto_increment" === r2.substr($i, 14).toLowerCase() ? (e3 = r2.substr($i, 14), $i += 14) : (e3 = s, 0 === qi && zi(ur)), e3 === s && ("avg_row_length" === r2.substr($i, 14).toLowerCase() ? (e3 = r2.substr($i, 14), $i += 14) : (e3 = s, 0 === qi && zi(dt)), e3 === s && ("key_block_size" === r2.substr($i, 14).toLowerCase() ? (e3 = r2.substr($i, 14), $i += 14) : (e3 = s, 0 === qi && zi(yt)), e3 === s && ("max_rows" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(wt)), e3 === s && ("min_rows" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(ht)), e3 === s && ("stats_sample_pages" === r2.substr($i, 18).toLowerCase() ? (e3 = r2.substr($i, 18), $i += 18) : (e3 = s, 0 === qi && zi(Lt))))))), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = kf()) !== s ? (Yi = t3, c2 = n2, l2 = o2, t3 = e3 = { keyword: e3.toLowerCase(), symbol: c2, value: l2.value }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = xc()) === s && (t3 = $i, "CHECKSUM" === r2.substr($i, 8) ? (e3 = "CHECKSUM", $i += 8) : (e3 = s, 0 === qi && zi(Ct)), e3 === s && ("DELAY_KEY_WRITE" === r2.substr($i, 15) ? (e3 = "DELAY_KEY_WRITE", $i += 15) : (e3 = s, 0 === qi && zi(mt))), e3 !== s && mp() !== s && (n2 = op()) !== s && mp() !== s ? (Et.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(At)), o2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { keyword: r3.toLowerCase(), symbol: t4, value: e4 };
          })(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = bp()) === s && ("connection" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(gt)), e3 === s && ("engine_attribute" === r2.substr($i, 16).toLowerCase() ? (e3 = r2.substr($i, 16), $i += 16) : (e3 = s, 0 === qi && zi(_t)), e3 === s && ("secondary_engine_attribute" === r2.substr($i, 26).toLowerCase() ? (e3 = r2.substr($i, 26), $i += 26) : (e3 = s, 0 === qi && zi(Tt))))), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = xf()) !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { keyword: r3.toLowerCase(), symbol: t4, value: `'${e4.value}'` };
          })(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "data" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(St)), e3 === s && ("index" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(jt))), e3 !== s && mp() !== s ? ("directory" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(It)), n2 !== s && mp() !== s ? ((o2 = op()) === s && (o2 = null), o2 !== s && (u2 = mp()) !== s && (a2 = xf()) !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { keyword: r3.toLowerCase() + " directory", symbol: t4, value: `'${e4.value}'` };
          })(e3, o2, a2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "compression" === r2.substr($i, 11).toLowerCase() ? (e3 = r2.substr($i, 11), $i += 11) : (e3 = s, 0 === qi && zi(xt)), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s ? (o2 = $i, 39 === r2.charCodeAt($i) ? (u2 = "'", $i++) : (u2 = s, 0 === qi && zi(Nt)), u2 !== s ? ("zlib" === r2.substr($i, 4).toLowerCase() ? (a2 = r2.substr($i, 4), $i += 4) : (a2 = s, 0 === qi && zi(Ot)), a2 === s && ("lz4" === r2.substr($i, 3).toLowerCase() ? (a2 = r2.substr($i, 3), $i += 3) : (a2 = s, 0 === qi && zi(Rt)), a2 === s && ("none" === r2.substr($i, 4).toLowerCase() ? (a2 = r2.substr($i, 4), $i += 4) : (a2 = s, 0 === qi && zi(m)))), a2 !== s ? (39 === r2.charCodeAt($i) ? (i2 = "'", $i++) : (i2 = s, 0 === qi && zi(Nt)), i2 !== s ? o2 = u2 = [u2, a2, i2] : ($i = o2, o2 = s)) : ($i = o2, o2 = s)) : ($i = o2, o2 = s), o2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { keyword: r3.toLowerCase(), symbol: t4, value: e4.join("").toUpperCase() };
          })(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "engine" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(kt)), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = uf()) !== s ? (Yi = t3, t3 = e3 = Ut(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "row_format" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(Mt)), e3 !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s ? ("default" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(k)), o2 === s && ("dynamic" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(Er)), o2 === s && ("fixed" === r2.substr($i, 5).toLowerCase() ? (o2 = r2.substr($i, 5), $i += 5) : (o2 = s, 0 === qi && zi(mr)), o2 === s && ("compressed" === r2.substr($i, 10).toLowerCase() ? (o2 = r2.substr($i, 10), $i += 10) : (o2 = s, 0 === qi && zi(Dt)), o2 === s && ("redundant" === r2.substr($i, 9).toLowerCase() ? (o2 = r2.substr($i, 9), $i += 9) : (o2 = s, 0 === qi && zi(Pt)), o2 === s && ("compact" === r2.substr($i, 7).toLowerCase() ? (o2 = r2.substr($i, 7), $i += 7) : (o2 = s, 0 === qi && zi(Ft))))))), o2 !== s ? (Yi = t3, t3 = e3 = Ut(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s))))))), t3;
        }
        function Oc() {
          var t3, e3, n2, o2;
          return t3 = $i, "isolation" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(ce)), e3 !== s && mp() !== s ? ("level" === r2.substr($i, 5).toLowerCase() ? (n2 = r2.substr($i, 5), $i += 5) : (n2 = s, 0 === qi && zi(le)), n2 !== s && mp() !== s && (o2 = (function() {
            var t4, e4, n3;
            return t4 = $i, "serializable" === r2.substr($i, 12).toLowerCase() ? (e4 = r2.substr($i, 12), $i += 12) : (e4 = s, 0 === qi && zi(ne)), e4 !== s && (Yi = t4, e4 = { type: "origin", value: "serializable" }), (t4 = e4) === s && (t4 = $i, "repeatable" === r2.substr($i, 10).toLowerCase() ? (e4 = r2.substr($i, 10), $i += 10) : (e4 = s, 0 === qi && zi(oe)), e4 !== s && mp() !== s ? ("read" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(se)), n3 !== s ? (Yi = t4, t4 = e4 = { type: "origin", value: "repeatable read" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, "read" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(se)), e4 !== s && mp() !== s ? ("committed" === r2.substr($i, 9).toLowerCase() ? (n3 = r2.substr($i, 9), $i += 9) : (n3 = s, 0 === qi && zi(ue)), n3 === s && ("uncommitted" === r2.substr($i, 11).toLowerCase() ? (n3 = r2.substr($i, 11), $i += 11) : (n3 = s, 0 === qi && zi(ae))), n3 !== s ? (Yi = t4, t4 = e4 = ie(n3)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s))), t4;
          })()) !== s ? (Yi = t3, t3 = e3 = { type: "origin", value: "isolation level " + o2.value }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "read" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(se)), e3 !== s && mp() !== s ? ("write" === r2.substr($i, 5).toLowerCase() ? (n2 = r2.substr($i, 5), $i += 5) : (n2 = s, 0 === qi && zi(fe)), n2 === s && ("only" === r2.substr($i, 4).toLowerCase() ? (n2 = r2.substr($i, 4), $i += 4) : (n2 = s, 0 === qi && zi(be))), n2 !== s ? (Yi = t3, t3 = e3 = ie(n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = Sb()) === s && (e3 = null), e3 !== s && mp() !== s ? ("deferrable" === r2.substr($i, 10).toLowerCase() ? (n2 = r2.substr($i, 10), $i += 10) : (n2 = s, 0 === qi && zi(pe)), n2 !== s ? (Yi = t3, t3 = e3 = { type: "origin", value: e3 ? "not deferrable" : "deferrable" }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s))), t3;
        }
        function Rc() {
          var r3, t3, e3, n2, o2, u2, a2, c2;
          if (r3 = $i, (t3 = Oc()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (c2 = Oc()) !== s ? n2 = o2 = [o2, u2, a2, c2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (c2 = Oc()) !== s ? n2 = o2 = [o2, u2, a2, c2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = i(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function kc() {
          var t3, e3, n2, o2, u2, a2;
          return t3 = $i, "starting" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(Te)), e3 === s && ("terminated" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(Ee))), e3 !== s && mp() !== s ? ("by" === r2.substr($i, 2).toLowerCase() ? (n2 = r2.substr($i, 2), $i += 2) : (n2 = s, 0 === qi && zi(d)), n2 !== s && mp() !== s && (o2 = Kl()) !== s ? (Yi = t3, u2 = e3, (a2 = o2).prefix = u2.toUpperCase() + " BY", t3 = e3 = { type: u2.toLowerCase(), [u2.toLowerCase()]: a2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Uc() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, (e3 = ul()) !== s && mp() !== s && (n2 = (function() {
            var t4, e4, n3;
            return t4 = $i, "read" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(se)), e4 !== s && mp() !== s ? ("local" === r2.substr($i, 5).toLowerCase() ? (n3 = r2.substr($i, 5), $i += 5) : (n3 = s, 0 === qi && zi(V)), n3 === s && (n3 = null), n3 !== s ? (Yi = t4, t4 = e4 = { type: "read", suffix: n3 && "local" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, "low_priority" === r2.substr($i, 12).toLowerCase() ? (e4 = r2.substr($i, 12), $i += 12) : (e4 = s, 0 === qi && zi(Ie)), e4 === s && (e4 = null), e4 !== s && mp() !== s ? ("write" === r2.substr($i, 5).toLowerCase() ? (n3 = r2.substr($i, 5), $i += 5) : (n3 = s, 0 === qi && zi(fe)), n3 !== s ? (Yi = t4, t4 = e4 = { type: "write", prefix: e4 && "low_priority" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)), t4;
          })()) !== s ? (Yi = t3, o2 = e3, u2 = n2, nv.add(`lock::${o2.db}::${o2.table}`), t3 = e3 = { table: o2, lock_type: u2 }) : ($i = t3, t3 = s), t3;
        }
        function Mc() {
          var t3;
          return (t3 = (function() {
            var t4, e3, n2, o2, u2;
            return t4 = $i, (e3 = Cb()) === s && (e3 = Wf()) === s && (e3 = $i, (n2 = Vf()) !== s && (o2 = mp()) !== s ? ("view" === r2.substr($i, 4).toLowerCase() ? (u2 = r2.substr($i, 4), $i += 4) : (u2 = s, 0 === qi && zi(Ue)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s), e3 === s && (e3 = Vf()) === s && (e3 = Qf()) === s && (e3 = Bf()) === s && (e3 = $i, "grant" === r2.substr($i, 5).toLowerCase() ? (n2 = r2.substr($i, 5), $i += 5) : (n2 = s, 0 === qi && zi(Me)), n2 !== s && (o2 = mp()) !== s ? ("option" === r2.substr($i, 6).toLowerCase() ? (u2 = r2.substr($i, 6), $i += 6) : (u2 = s, 0 === qi && zi(De)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s), e3 === s && (e3 = ap()) === s && (e3 = zf()) === s && (e3 = pp()) === s && (e3 = qf()) === s && (e3 = $i, (n2 = Hf()) !== s && (o2 = mp()) !== s && (u2 = rp()) !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s), e3 === s && (e3 = ab()) === s && (e3 = Xf())))), e3 !== s && (Yi = t4, e3 = Pe(e3)), t4 = e3;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2;
            return t4 = $i, e3 = $i, (n2 = Wf()) !== s && (o2 = mp()) !== s ? ("routine" === r2.substr($i, 7).toLowerCase() ? (u2 = r2.substr($i, 7), $i += 7) : (u2 = s, 0 === qi && zi(Fe)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s), e3 === s && ("execute" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Ge)), e3 === s && (e3 = $i, "grant" === r2.substr($i, 5).toLowerCase() ? (n2 = r2.substr($i, 5), $i += 5) : (n2 = s, 0 === qi && zi(Me)), n2 !== s && (o2 = mp()) !== s ? ("option" === r2.substr($i, 6).toLowerCase() ? (u2 = r2.substr($i, 6), $i += 6) : (u2 = s, 0 === qi && zi(De)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s), e3 === s && (e3 = $i, (n2 = Vf()) !== s && (o2 = mp()) !== s ? ("routine" === r2.substr($i, 7).toLowerCase() ? (u2 = r2.substr($i, 7), $i += 7) : (u2 = s, 0 === qi && zi(Fe)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s)))), e3 !== s && (Yi = t4, e3 = Pe(e3)), t4 = e3;
          })()), t3;
        }
        function Dc() {
          var r3, t3, e3, n2, o2, u2, a2, i2, c2;
          return r3 = $i, (t3 = Mc()) !== s && mp() !== s ? (e3 = $i, (n2 = wp()) !== s && (o2 = mp()) !== s && (u2 = fl()) !== s && (a2 = mp()) !== s && (i2 = hp()) !== s ? e3 = n2 = [n2, o2, u2, a2, i2] : ($i = e3, e3 = s), e3 === s && (e3 = null), e3 !== s ? (Yi = r3, r3 = t3 = { priv: t3, columns: (c2 = e3) && c2[2] }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function Pc() {
          var t3, e3, n2, o2, u2, a2, i2;
          return t3 = $i, (e3 = zl()) !== s && mp() !== s ? (n2 = $i, 64 === r2.charCodeAt($i) ? (o2 = "@", $i++) : (o2 = s, 0 === qi && zi(lr)), o2 !== s && (u2 = mp()) !== s && (a2 = zl()) !== s ? n2 = o2 = [o2, u2, a2] : ($i = n2, n2 = s), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = { name: { type: "single_quote_string", value: e3 }, host: (i2 = n2) ? { type: "single_quote_string", value: i2[2] } : null }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Fc() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Pc()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Pc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Pc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = L(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Gc() {
          var t3, e3, n2;
          return t3 = $i, yb() !== s && mp() !== s ? ("admin" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi($e)), e3 !== s && mp() !== s ? ("option" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(De)), n2 !== s ? (Yi = t3, t3 = { type: "origin", value: "with admin option" }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function $c() {
          var t3, e3, n2, o2, u2, a2, i2;
          return (t3 = qc()) === s && (t3 = $i, e3 = $i, 40 === r2.charCodeAt($i) ? (n2 = "(", $i++) : (n2 = s, 0 === qi && zi(Be)), n2 !== s && (o2 = mp()) !== s && (u2 = $c()) !== s && (a2 = mp()) !== s ? (41 === r2.charCodeAt($i) ? (i2 = ")", $i++) : (i2 = s, 0 === qi && zi(We)), i2 !== s ? e3 = n2 = [n2, o2, u2, a2, i2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s), e3 !== s && (Yi = t3, e3 = { ...e3[2], parentheses_symbol: true }), t3 = e3), t3;
        }
        function Yc() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2, v2;
          if (t3 = $i, yb() !== s) if (mp() !== s) if ((e3 = Hc()) !== s) {
            for (n2 = [], o2 = $i, (u2 = mp()) !== s && (a2 = dp()) !== s && (i2 = mp()) !== s && (c2 = Hc()) !== s ? o2 = u2 = [u2, a2, i2, c2] : ($i = o2, o2 = s); o2 !== s; ) n2.push(o2), o2 = $i, (u2 = mp()) !== s && (a2 = dp()) !== s && (i2 = mp()) !== s && (c2 = Hc()) !== s ? o2 = u2 = [u2, a2, i2, c2] : ($i = o2, o2 = s);
            n2 !== s ? (Yi = t3, t3 = sr(e3, n2)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          if (t3 === s) if (t3 = $i, mp() !== s) if (yb() !== s) if ((e3 = mp()) !== s) if ((n2 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "recursive" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(eu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s) if ((o2 = mp()) !== s) if ((u2 = Hc()) !== s) {
            for (a2 = [], i2 = $i, (c2 = mp()) !== s && (l2 = dp()) !== s && (f2 = mp()) !== s && (b2 = Hc()) !== s ? i2 = c2 = [c2, l2, f2, b2] : ($i = i2, i2 = s); i2 !== s; ) a2.push(i2), i2 = $i, (c2 = mp()) !== s && (l2 = dp()) !== s && (f2 = mp()) !== s && (b2 = Hc()) !== s ? i2 = c2 = [c2, l2, f2, b2] : ($i = i2, i2 = s);
            a2 !== s ? (Yi = t3, v2 = a2, (p2 = u2).recursive = true, t3 = zp(p2, v2)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          return t3;
        }
        function Hc() {
          var r3, t3, e3, n2, o2, u2, a2;
          return r3 = $i, (t3 = xf()) === s && (t3 = uf()) === s && (t3 = il()), t3 !== s && mp() !== s ? ((e3 = Bc()) === s && (e3 = null), e3 !== s && mp() !== s && sb() !== s && mp() !== s && wp() !== s && mp() !== s ? ((n2 = gl()) === s && (n2 = nc()), n2 !== s && mp() !== s && hp() !== s ? (Yi = r3, u2 = e3, a2 = n2, "string" == typeof (o2 = t3) && (o2 = { type: "default", value: o2 }), o2.table && (o2 = { type: "default", value: o2.table }), r3 = t3 = { name: o2, stmt: a2, columns: u2 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function Bc() {
          var r3, t3;
          return r3 = $i, wp() !== s && mp() !== s && (t3 = (function() {
            var r4;
            (r4 = fl()) === s && (r4 = (function() {
              var r5, t4, e3, n2, o2, u2, a2, i2;
              if (r5 = $i, (t4 = jf()) !== s) {
                for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = jf()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = jf()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
                e3 !== s ? (Yi = r5, t4 = sr(t4, e3), r5 = t4) : ($i = r5, r5 = s);
              } else $i = r5, r5 = s;
              return r5;
            })());
            return r4;
          })()) !== s && mp() !== s && hp() !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s), r3;
        }
        function Wc() {
          var t3, e3, n2, o2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3, u2, a2;
            return t4 = $i, e4 = $i, "for" === r2.substr($i, 3).toLowerCase() ? (n3 = r2.substr($i, 3), $i += 3) : (n3 = s, 0 === qi && zi(vr)), n3 !== s && (o3 = mp()) !== s && (u2 = Xf()) !== s ? e4 = n3 = [n3, o3, u2] : ($i = e4, e4 = s), e4 !== s && (Yi = t4, e4 = `${(a2 = e4)[0]} ${a2[2][0]}`), t4 = e4;
          })()) === s && (e3 = (function() {
            var t4, e4, n3, o3, u2, a2, i2, c2, l2, f2;
            return t4 = $i, e4 = $i, "lock" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(B)), n3 !== s && (o3 = mp()) !== s ? ("in" === r2.substr($i, 2).toLowerCase() ? (u2 = r2.substr($i, 2), $i += 2) : (u2 = s, 0 === qi && zi(qe)), u2 !== s && (a2 = mp()) !== s ? ("share" === r2.substr($i, 5).toLowerCase() ? (i2 = r2.substr($i, 5), $i += 5) : (i2 = s, 0 === qi && zi(Xe)), i2 !== s && (c2 = mp()) !== s ? ("mode" === r2.substr($i, 4).toLowerCase() ? (l2 = r2.substr($i, 4), $i += 4) : (l2 = s, 0 === qi && zi(Ve)), l2 !== s ? e4 = n3 = [n3, o3, u2, a2, i2, c2, l2] : ($i = e4, e4 = s)) : ($i = e4, e4 = s)) : ($i = e4, e4 = s)) : ($i = e4, e4 = s), e4 !== s && (Yi = t4, e4 = `${(f2 = e4)[0]} ${f2[2]} ${f2[4]} ${f2[6]}`), t4 = e4;
          })()), e3 !== s && mp() !== s ? ((n2 = (function() {
            var t4, e4, n3, o3, u2, a2, i2;
            return t4 = $i, e4 = $i, "wait" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(Ke)), n3 !== s && (o3 = mp()) !== s && (u2 = kf()) !== s ? e4 = n3 = [n3, o3, u2] : ($i = e4, e4 = s), e4 !== s && (Yi = t4, e4 = `${(a2 = e4)[0]} ${a2[2].value}`), (t4 = e4) === s && ("nowait" === r2.substr($i, 6).toLowerCase() ? (t4 = r2.substr($i, 6), $i += 6) : (t4 = s, 0 === qi && zi(Qe)), t4 === s && (t4 = $i, e4 = $i, "skip" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(ze)), n3 !== s && (o3 = mp()) !== s ? ("locked" === r2.substr($i, 6).toLowerCase() ? (u2 = r2.substr($i, 6), $i += 6) : (u2 = s, 0 === qi && zi(Ze)), u2 !== s ? e4 = n3 = [n3, o3, u2] : ($i = e4, e4 = s)) : ($i = e4, e4 = s), e4 !== s && (Yi = t4, e4 = `${(i2 = e4)[0]} ${i2[2]}`), t4 = e4)), t4;
          })()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = e3 + ((o2 = n2) ? " " + o2 : "")) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function qc() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2, v2, d2, y2, w2, h2;
          return t3 = $i, mp() !== s ? ((e3 = Yc()) === s && (e3 = null), e3 !== s && mp() !== s && qf() !== s && mp() !== s ? ((n2 = (function() {
            var r3, t4, e4, n3, o3, u3;
            if (r3 = $i, (t4 = Xc()) !== s) {
              for (e4 = [], n3 = $i, (o3 = mp()) !== s && (u3 = Xc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s && (u3 = Xc()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s);
              e4 !== s ? (Yi = r3, t4 = (function(r4, t5) {
                const e5 = [r4];
                for (let r5 = 0, n4 = t5.length; r5 < n4; ++r5) e5.push(t5[r5][1]);
                return e5;
              })(t4, e4), r3 = t4) : ($i = r3, r3 = s);
            } else $i = r3, r3 = s;
            return r3;
          })()) === s && (n2 = null), n2 !== s && mp() !== s ? ((o2 = mb()) === s && (o2 = null), o2 !== s && mp() !== s && (u2 = Vc()) !== s && mp() !== s ? ((a2 = Zc()) === s && (a2 = null), a2 !== s && mp() !== s ? ((i2 = Jc()) === s && (i2 = null), i2 !== s && mp() !== s ? ((c2 = Zc()) === s && (c2 = null), c2 !== s && mp() !== s ? ((l2 = ll()) === s && (l2 = null), l2 !== s && mp() !== s ? ((f2 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, (e4 = (function() {
              var t5, e5, n4, o4;
              t5 = $i, "group" === r2.substr($i, 5).toLowerCase() ? (e5 = r2.substr($i, 5), $i += 5) : (e5 = s, 0 === qi && zi(Iu));
              e5 !== s ? (n4 = $i, qi++, o4 = af(), qi--, o4 === s ? n4 = void 0 : ($i = n4, n4 = s), n4 !== s ? t5 = e5 = [e5, n4] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && mp() !== s && wb() !== s && mp() !== s && (n3 = Tl()) !== s && mp() !== s ? ((o3 = (function() {
              var t5, e5;
              t5 = $i, yb() !== s && mp() !== s ? ("rollup" === r2.substr($i, 6).toLowerCase() ? (e5 = r2.substr($i, 6), $i += 6) : (e5 = s, 0 === qi && zi(wn)), e5 !== s ? (Yi = t5, t5 = { type: "origin", value: "with rollup" }) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (o3 = null), o3 !== s ? (Yi = t4, u3 = o3, e4 = { columns: n3.value, modifiers: [u3] }, t4 = e4) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var u3;
            return t4;
          })()) === s && (f2 = null), f2 !== s && mp() !== s ? ((b2 = (function() {
            var t4, e4;
            t4 = $i, (function() {
              var t5, e5, n3, o3;
              t5 = $i, "having" === r2.substr($i, 6).toLowerCase() ? (e5 = r2.substr($i, 6), $i += 6) : (e5 = s, 0 === qi && zi(Nu));
              e5 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e5 = [e5, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })() !== s && mp() !== s && (e4 = Rl()) !== s ? (Yi = t4, t4 = e4) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (b2 = null), b2 !== s && mp() !== s ? ((p2 = pl()) === s && (p2 = null), p2 !== s && mp() !== s ? ((v2 = vc()) === s && (v2 = null), v2 !== s && mp() !== s ? ((d2 = yl()) === s && (d2 = null), d2 !== s && mp() !== s ? ((y2 = Wc()) === s && (y2 = null), y2 !== s && mp() !== s ? ((w2 = (function() {
            var t4, e4, n3;
            t4 = $i, "window" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(fo));
            e4 !== s && mp() !== s && (n3 = (function() {
              var r3, t5, e5, n4, o3, u3, a3, i3;
              if (r3 = $i, (t5 = vf()) !== s) {
                for (e5 = [], n4 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = vf()) !== s ? n4 = o3 = [o3, u3, a3, i3] : ($i = n4, n4 = s); n4 !== s; ) e5.push(n4), n4 = $i, (o3 = mp()) !== s && (u3 = dp()) !== s && (a3 = mp()) !== s && (i3 = vf()) !== s ? n4 = o3 = [o3, u3, a3, i3] : ($i = n4, n4 = s);
                e5 !== s ? (Yi = r3, t5 = zp(t5, e5), r3 = t5) : ($i = r3, r3 = s);
              } else $i = r3, r3 = s;
              return r3;
            })()) !== s ? (Yi = t4, t4 = e4 = { keyword: "window", type: "window", expr: n3 }) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (w2 = null), w2 !== s && mp() !== s ? ((h2 = Zc()) === s && (h2 = null), h2 !== s ? (Yi = t3, t3 = (function(r3, t4, e4, n3, o3, s2, u3, a3, i3, c3, l3, f3, b3, p3, v3, d3) {
            if (o3 && u3 || o3 && d3 || u3 && d3 || o3 && u3 && d3) throw new Error("A given SQL statement can contain at most one INTO clause");
            if (s2) {
              (Array.isArray(s2) ? s2 : s2.expr).forEach((r4) => r4.table && nv.add(`select::${r4.db}::${r4.table}`));
            }
            return { with: r3, type: "select", options: t4, distinct: e4, columns: n3, into: { ...o3 || u3 || d3 || {}, position: (o3 ? "column" : u3 && "from") || d3 && "end" }, from: s2, where: a3, groupby: i3, having: c3, orderby: l3, collate: f3, limit: b3, locking_read: p3 && p3, window: v3 };
          })(e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2, v2, d2, y2, w2, h2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Xc() {
          var t3, e3;
          return t3 = $i, (e3 = (function() {
            var t4;
            "sql_calc_found_rows" === r2.substr($i, 19).toLowerCase() ? (t4 = r2.substr($i, 19), $i += 19) : (t4 = s, 0 === qi && zi(bi));
            return t4;
          })()) === s && ((e3 = (function() {
            var t4;
            "sql_cache" === r2.substr($i, 9).toLowerCase() ? (t4 = r2.substr($i, 9), $i += 9) : (t4 = s, 0 === qi && zi(pi));
            return t4;
          })()) === s && (e3 = (function() {
            var t4;
            "sql_no_cache" === r2.substr($i, 12).toLowerCase() ? (t4 = r2.substr($i, 12), $i += 12) : (t4 = s, 0 === qi && zi(vi));
            return t4;
          })()), e3 === s && (e3 = (function() {
            var t4;
            "sql_big_result" === r2.substr($i, 14).toLowerCase() ? (t4 = r2.substr($i, 14), $i += 14) : (t4 = s, 0 === qi && zi(yi));
            return t4;
          })()) === s && (e3 = (function() {
            var t4;
            "sql_small_result" === r2.substr($i, 16).toLowerCase() ? (t4 = r2.substr($i, 16), $i += 16) : (t4 = s, 0 === qi && zi(di));
            return t4;
          })()) === s && (e3 = (function() {
            var t4;
            "sql_buffer_result" === r2.substr($i, 17).toLowerCase() ? (t4 = r2.substr($i, 17), $i += 17) : (t4 = s, 0 === qi && zi(wi));
            return t4;
          })())), e3 !== s && (Yi = t3, e3 = e3), t3 = e3;
        }
        function Vc() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Cb()) === s && (t3 = $i, (e3 = yp()) !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = yp())), t3 !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Qc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Qc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
              ov.add("select::null::(.*)");
              const e4 = { expr: { type: "column_ref", table: null, column: "*" }, as: null };
              return t4 && t4.length > 0 ? zp(e4, t4) : [e4];
            })(0, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          if (r3 === s) if (r3 = $i, (t3 = Qc()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Qc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Qc()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = sr(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Kc() {
          var t3, e3, n2, o2, u2, a2, i2;
          return t3 = $i, "match" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(on)), e3 !== s && mp() !== s && wp() !== s && mp() !== s && (n2 = fl()) !== s && mp() !== s && hp() !== s && mp() !== s ? ("AGAINST" === r2.substr($i, 7) ? (o2 = "AGAINST", $i += 7) : (o2 = s, 0 === qi && zi(sn)), o2 !== s && mp() !== s && wp() !== s && mp() !== s && (u2 = Nl()) !== s && mp() !== s ? ((a2 = (function() {
            var t4, e4, n3, o3, u3, a3, i3;
            return t4 = $i, Ab() !== s && mp() !== s ? ("natural" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Je)), e4 !== s && mp() !== s ? ("language" === r2.substr($i, 8).toLowerCase() ? (n3 = r2.substr($i, 8), $i += 8) : (n3 = s, 0 === qi && zi(rn)), n3 !== s && mp() !== s ? ("mode" === r2.substr($i, 4).toLowerCase() ? (o3 = r2.substr($i, 4), $i += 4) : (o3 = s, 0 === qi && zi(Ve)), o3 !== s && mp() !== s ? ("with" === r2.substr($i, 4).toLowerCase() ? (u3 = r2.substr($i, 4), $i += 4) : (u3 = s, 0 === qi && zi(v)), u3 !== s && mp() !== s ? ("query" === r2.substr($i, 5).toLowerCase() ? (a3 = r2.substr($i, 5), $i += 5) : (a3 = s, 0 === qi && zi(tn)), a3 !== s && mp() !== s ? ("expansion" === r2.substr($i, 9).toLowerCase() ? (i3 = r2.substr($i, 9), $i += 9) : (i3 = s, 0 === qi && zi(en)), i3 !== s ? (Yi = t4, t4 = { type: "origin", value: "IN NATURAL LANGUAGE MODE WITH QUERY EXPANSION" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, Ab() !== s && mp() !== s ? ("natural" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Je)), e4 !== s && mp() !== s ? ("language" === r2.substr($i, 8).toLowerCase() ? (n3 = r2.substr($i, 8), $i += 8) : (n3 = s, 0 === qi && zi(rn)), n3 !== s && mp() !== s ? ("mode" === r2.substr($i, 4).toLowerCase() ? (o3 = r2.substr($i, 4), $i += 4) : (o3 = s, 0 === qi && zi(Ve)), o3 !== s ? (Yi = t4, t4 = { type: "origin", value: "IN NATURAL LANGUAGE MODE" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, Ab() !== s && mp() !== s ? ("boolean" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(nn)), e4 !== s && mp() !== s ? ("mode" === r2.substr($i, 4).toLowerCase() ? (n3 = r2.substr($i, 4), $i += 4) : (n3 = s, 0 === qi && zi(Ve)), n3 !== s ? (Yi = t4, t4 = { type: "origin", value: "IN BOOLEAN MODE" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4 === s && (t4 = $i, yb() !== s && mp() !== s ? ("query" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(tn)), e4 !== s && mp() !== s ? ("expansion" === r2.substr($i, 9).toLowerCase() ? (n3 = r2.substr($i, 9), $i += 9) : (n3 = s, 0 === qi && zi(en)), n3 !== s ? (Yi = t4, t4 = { type: "origin", value: "WITH QUERY EXPANSION" }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)))), t4;
          })()) === s && (a2 = null), a2 !== s && mp() !== s && hp() !== s && mp() !== s ? ((i2 = zc()) === s && (i2 = null), i2 !== s ? (Yi = t3, t3 = e3 = { against: "against", columns: n2, expr: u2, match: "match", mode: a2, type: "fulltext_search", as: i2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Qc() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          return r3 = $i, (t3 = Kc()) !== s && (Yi = r3, t3 = (function(r4) {
            const { as: t4, ...e4 } = r4;
            return { expr: e4, as: t4 };
          })(t3)), (r3 = t3) === s && (r3 = $i, (t3 = zl()) !== s && (e3 = mp()) !== s && (n2 = vp()) !== s && (o2 = mp()) !== s && (u2 = zl()) !== s && mp() !== s && vp() !== s && mp() !== s && yp() !== s ? (Yi = r3, a2 = t3, i2 = u2, ov.add(`select::${a2}::${i2}::(.*)`), r3 = t3 = { expr: { type: "column_ref", db: a2, table: i2, column: "*" }, as: null }) : ($i = r3, r3 = s), r3 === s && (r3 = $i, t3 = $i, (e3 = zl()) !== s && (n2 = mp()) !== s && (o2 = vp()) !== s ? t3 = e3 = [e3, n2, o2] : ($i = t3, t3 = s), t3 === s && (t3 = null), t3 !== s && (e3 = mp()) !== s && (n2 = yp()) !== s ? (Yi = r3, r3 = t3 = (function(r4) {
            return ov.add(`select::${r4}::(.*)`), { expr: { type: "column_ref", table: r4 && r4[0] || null, column: "*" }, as: null };
          })(t3)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = (function() {
            var r4, t4, e4, n3;
            r4 = $i, (t4 = Pp()) === s && (t4 = Fp());
            t4 !== s && mp() !== s && (e4 = np()) !== s && mp() !== s && (n3 = xp()) !== s ? (Yi = r4, t4 = Ni(t4, e4, n3), r4 = t4) : ($i = r4, r4 = s);
            return r4;
          })()) !== s && (e3 = mp()) !== s ? ((n2 = zc()) === s && (n2 = null), n2 !== s ? (Yi = r3, r3 = t3 = { expr: t3, as: n2 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = (function() {
            var r4, t4, e4, n3, o3, u3, a3, i3;
            if (r4 = $i, (t4 = Nl()) !== s) {
              for (e4 = [], n3 = $i, (o3 = mp()) !== s ? ((u3 = jb()) === s && (u3 = Ib()) === s && (u3 = Cp()), u3 !== s && (a3 = mp()) !== s && (i3 = Nl()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o3 = mp()) !== s ? ((u3 = jb()) === s && (u3 = Ib()) === s && (u3 = Cp()), u3 !== s && (a3 = mp()) !== s && (i3 = Nl()) !== s ? n3 = o3 = [o3, u3, a3, i3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s);
              e4 !== s ? (Yi = r4, t4 = (function(r5, t5) {
                const e5 = r5.ast;
                if (e5 && "select" === e5.type && (!(r5.parentheses_symbol || r5.parentheses || r5.ast.parentheses || r5.ast.parentheses_symbol) || 1 !== e5.columns.length || "*" === e5.columns[0].expr.column)) throw new Error("invalid column clause with select statement");
                if (!t5 || 0 === t5.length) return r5;
                const n4 = t5.length;
                let o4 = t5[n4 - 1][3];
                for (let e6 = n4 - 1; e6 >= 0; e6--) {
                  const n5 = 0 === e6 ? r5 : t5[e6 - 1][3];
                  o4 = Kp(t5[e6][1], n5, o4);
                }
                return o4;
              })(t4, e4), r4 = t4) : ($i = r4, r4 = s);
            } else $i = r4, r4 = s;
            return r4;
          })()) !== s && (e3 = mp()) !== s ? ((n2 = zc()) === s && (n2 = null), n2 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
            return "double_quote_string" !== r4.type && "single_quote_string" !== r4.type || ov.add("select::null::" + r4.value), { expr: r4, as: t4 };
          })(t3, n2)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s))))), r3;
        }
        function zc() {
          var r3, t3, e3;
          return r3 = $i, (t3 = sb()) !== s && mp() !== s && (e3 = (function() {
            var r4, t4;
            r4 = $i, (t4 = uf()) !== s ? (Yi = $i, ((function(r5) {
              if (true === Wp[r5.toUpperCase()]) throw new Error("Error: " + JSON.stringify(r5) + " is a reserved word, can not as alias clause");
              return false;
            })(t4) ? s : void 0) !== s ? (Yi = r4, r4 = t4 = t4) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            r4 === s && (r4 = Jl());
            return r4;
          })()) !== s ? (Yi = r3, r3 = t3 = e3) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = sb()) === s && (t3 = null), t3 !== s && mp() !== s && (e3 = zl()) !== s ? (Yi = r3, r3 = t3 = e3) : ($i = r3, r3 = s)), r3;
        }
        function Zc() {
          var t3, e3, n2;
          return t3 = $i, eb() !== s && mp() !== s && (e3 = (function() {
            var r3, t4, e4, n3, o2, u2, a2, c2;
            if (r3 = $i, (t4 = Pp()) !== s) {
              for (e4 = [], n3 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (c2 = Pp()) !== s ? n3 = o2 = [o2, u2, a2, c2] : ($i = n3, n3 = s); n3 !== s; ) e4.push(n3), n3 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (c2 = Pp()) !== s ? n3 = o2 = [o2, u2, a2, c2] : ($i = n3, n3 = s);
              e4 !== s ? (Yi = r3, t4 = i(t4, e4), r3 = t4) : ($i = r3, r3 = s);
            } else $i = r3, r3 = s;
            return r3;
          })()) !== s ? (Yi = t3, t3 = { keyword: "var", type: "into", expr: e3 }) : ($i = t3, t3 = s), t3 === s && (t3 = $i, eb() !== s && mp() !== s ? ("outfile" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(un)), e3 === s && ("dumpfile" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(an))), e3 === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = xf()) === s && (n2 = zl()), n2 !== s ? (Yi = t3, t3 = { keyword: e3, type: "into", expr: n2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)), t3;
        }
        function Jc() {
          var r3, t3;
          return r3 = $i, nb() !== s && mp() !== s && (t3 = ol()) !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s), r3;
        }
        function rl() {
          var r3, t3, e3;
          return r3 = $i, (t3 = il()) !== s && mp() !== s && Yf() !== s && mp() !== s && (e3 = il()) !== s ? (Yi = r3, r3 = t3 = [t3, e3]) : ($i = r3, r3 = s), r3;
        }
        function tl() {
          var t3, e3;
          return t3 = $i, db() !== s && mp() !== s ? ("btree" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(cn)), e3 === s && ("hash" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(ln))), e3 !== s ? (Yi = t3, t3 = { keyword: "using", type: e3.toLowerCase() }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function el() {
          var r3, t3, e3, n2, o2, u2;
          if (r3 = $i, (t3 = nl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = nl()) !== s ? n2 = o2 = [o2, u2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = nl()) !== s ? n2 = o2 = [o2, u2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
              const e4 = [r4];
              for (let r5 = 0; r5 < t4.length; r5++) e4.push(t4[r5][1]);
              return e4;
            })(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function nl() {
          var t3, e3, n2, o2, u2, a2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "key_block_size" === r2.substr($i, 14).toLowerCase() ? (e4 = r2.substr($i, 14), $i += 14) : (e4 = s, 0 === qi && zi(yt));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "KEY_BLOCK_SIZE") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && mp() !== s ? ((n2 = op()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = kf()) !== s ? (Yi = t3, u2 = n2, a2 = o2, t3 = e3 = { type: e3.toLowerCase(), symbol: u2, expr: a2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = tl()) === s && (t3 = $i, "with" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(v)), e3 !== s && mp() !== s ? ("parser" === r2.substr($i, 6).toLowerCase() ? (n2 = r2.substr($i, 6), $i += 6) : (n2 = s, 0 === qi && zi(fn)), n2 !== s && mp() !== s && (o2 = uf()) !== s ? (Yi = t3, t3 = e3 = { type: "with parser", expr: o2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "visible" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(bn)), e3 === s && ("invisible" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(pn))), e3 !== s && (Yi = t3, e3 = (function(r3) {
            return { type: r3.toLowerCase(), expr: r3.toLowerCase() };
          })(e3)), (t3 = e3) === s && (t3 = gp()))), t3;
        }
        function ol() {
          var r3, t3, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2;
          if (r3 = $i, (t3 = ul()) !== s) {
            for (e3 = [], n2 = sl(); n2 !== s; ) e3.push(n2), n2 = sl();
            e3 !== s ? (Yi = r3, f2 = t3, (b2 = e3).unshift(f2), b2.forEach((r4) => {
              const { table: t4, as: e4 } = r4;
              sv[t4] = t4, e4 && (sv[e4] = t4), tv(ov);
            }), r3 = t3 = b2) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          if (r3 === s) {
            if (r3 = $i, t3 = [], (e3 = wp()) !== s) for (; e3 !== s; ) t3.push(e3), e3 = wp();
            else t3 = s;
            if (t3 !== s) if ((e3 = mp()) !== s) if ((n2 = ul()) !== s) {
              for (o2 = [], u2 = sl(); u2 !== s; ) o2.push(u2), u2 = sl();
              if (o2 !== s) if ((u2 = mp()) !== s) {
                if (a2 = [], (i2 = hp()) !== s) for (; i2 !== s; ) a2.push(i2), i2 = hp();
                else a2 = s;
                if (a2 !== s) if ((i2 = mp()) !== s) {
                  for (c2 = [], l2 = sl(); l2 !== s; ) c2.push(l2), l2 = sl();
                  c2 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4, e4, n3, o3) {
                    if (r4.length !== n3.length) throw new Error(`parentheses not match in from clause: ${r4.length} != ${n3.length}`);
                    return e4.unshift(t4), e4.forEach((r5) => {
                      const { table: t5, as: e5 } = r5;
                      sv[t5] = t5, e5 && (sv[e5] = t5), tv(ov);
                    }), o3.forEach((r5) => {
                      const { table: t5, as: e5 } = r5;
                      sv[t5] = t5, e5 && (sv[e5] = t5), tv(ov);
                    }), { expr: e4, parentheses: { length: n3.length }, joins: o3 };
                  })(t3, n2, o2, a2, c2)) : ($i = r3, r3 = s);
                } else $i = r3, r3 = s;
                else $i = r3, r3 = s;
              } else $i = r3, r3 = s;
              else $i = r3, r3 = s;
            } else $i = r3, r3 = s;
            else $i = r3, r3 = s;
            else $i = r3, r3 = s;
          }
          return r3;
        }
        function sl() {
          var r3, t3, e3;
          return r3 = $i, mp() !== s && (t3 = dp()) !== s && mp() !== s && (e3 = ul()) !== s ? (Yi = r3, r3 = e3) : ($i = r3, r3 = s), r3 === s && (r3 = $i, mp() !== s && (t3 = (function() {
            var r4, t4, e4, n2, o2, u2, a2, i2, c2, l2, f2;
            if (r4 = $i, (t4 = al()) !== s) if (mp() !== s) if ((e4 = ul()) === s && (e4 = ol()), e4 !== s) if (mp() !== s) if ((n2 = db()) !== s) if (mp() !== s) if (wp() !== s) if (mp() !== s) if ((o2 = Kl()) !== s) {
              for (u2 = [], a2 = $i, (i2 = mp()) !== s && (c2 = dp()) !== s && (l2 = mp()) !== s && (f2 = Kl()) !== s ? a2 = i2 = [i2, c2, l2, f2] : ($i = a2, a2 = s); a2 !== s; ) u2.push(a2), a2 = $i, (i2 = mp()) !== s && (c2 = dp()) !== s && (l2 = mp()) !== s && (f2 = Kl()) !== s ? a2 = i2 = [i2, c2, l2, f2] : ($i = a2, a2 = s);
              u2 !== s && (a2 = mp()) !== s && (i2 = hp()) !== s ? (Yi = r4, b2 = t4, v2 = o2, d2 = u2, (p2 = e4).join = b2, p2.using = zp(v2, d2), r4 = t4 = p2) : ($i = r4, r4 = s);
            } else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            else $i = r4, r4 = s;
            var b2, p2, v2, d2;
            r4 === s && (r4 = $i, (t4 = al()) !== s && mp() !== s ? ((e4 = ul()) === s && (e4 = ol()), e4 !== s && mp() !== s ? ((n2 = cl()) === s && (n2 = null), n2 !== s ? (Yi = r4, t4 = (function(r5, t5, e5) {
              return t5.join = r5, t5.on = e5, t5;
            })(t4, e4, n2), r4 = t4) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s), r4 === s && (r4 = $i, (t4 = al()) === s && (t4 = ec()), t4 !== s && mp() !== s && (e4 = wp()) !== s && mp() !== s && (n2 = nc()) !== s && mp() !== s && hp() !== s && mp() !== s ? ((o2 = zc()) === s && (o2 = null), o2 !== s && (u2 = mp()) !== s ? ((a2 = cl()) === s && (a2 = null), a2 !== s ? (Yi = r4, t4 = (function(r5, t5, e5, n3) {
              return t5.parentheses = true, { expr: t5, as: e5, join: r5, on: n3 };
            })(t4, n2, o2, a2), r4 = t4) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)));
            return r4;
          })()) !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s)), r3;
        }
        function ul() {
          var t3, e3, n2, o2, u2, a2, i2;
          return t3 = $i, (e3 = (function() {
            var t4;
            "dual" === r2.substr($i, 4).toLowerCase() ? (t4 = r2.substr($i, 4), $i += 4) : (t4 = s, 0 === qi && zi(ni));
            return t4;
          })()) !== s && (Yi = t3, e3 = { type: "dual" }), (t3 = e3) === s && (t3 = $i, (e3 = il()) !== s && mp() !== s ? ((n2 = zc()) === s && (n2 = null), n2 !== s ? (Yi = t3, i2 = n2, t3 = e3 = "var" === (a2 = e3).type ? (a2.as = i2, a2) : { db: a2.db, table: a2.table, as: i2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = wp()) !== s && mp() !== s && (n2 = il()) !== s && mp() !== s ? ((o2 = zc()) === s && (o2 = null), o2 !== s && mp() !== s && hp() !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return "var" === r3.type ? (r3.as = t4, r3.parentheses = true, r3) : { db: r3.db, table: r3.table, as: t4, parentheses: true };
          })(n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = gl()) !== s && mp() !== s ? ((n2 = zc()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = /* @__PURE__ */ (function(r3, t4) {
            return { expr: r3, as: t4 };
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "lateral" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(vn)), e3 === s && (e3 = null), e3 !== s && mp() !== s && (n2 = wp()) !== s && mp() !== s ? ((o2 = nc()) === s && (o2 = gl()), o2 !== s && mp() !== s && hp() !== s && mp() !== s ? ((u2 = zc()) === s && (u2 = null), u2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            t4.parentheses = true;
            const n3 = { expr: t4, as: e4 };
            return r3 && (n3.prefix = r3), n3;
          })(e3, o2, u2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s))))), t3;
        }
        function al() {
          var t3, e3, n2, o2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "left" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(du));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (n2 = mp()) !== s ? ((o2 = pb()) === s && (o2 = null), o2 !== s && mp() !== s && bb() !== s ? (Yi = t3, t3 = e3 = "LEFT JOIN") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "right" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(yu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (n2 = mp()) !== s ? ((o2 = pb()) === s && (o2 = null), o2 !== s && mp() !== s && bb() !== s ? (Yi = t3, t3 = e3 = "RIGHT JOIN") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "full" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(wu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (n2 = mp()) !== s ? ((o2 = pb()) === s && (o2 = null), o2 !== s && mp() !== s && bb() !== s ? (Yi = t3, t3 = e3 = "FULL JOIN") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "cross" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Lu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (n2 = mp()) !== s && (o2 = bb()) !== s ? (Yi = t3, t3 = e3 = "CROSS JOIN") : ($i = t3, t3 = s), t3 === s && (t3 = $i, e3 = $i, (n2 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "inner" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(hu));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (o2 = mp()) !== s ? e3 = n2 = [n2, o2] : ($i = e3, e3 = s), e3 === s && (e3 = null), e3 !== s && (n2 = bb()) !== s ? (Yi = t3, t3 = e3 = "INNER JOIN") : ($i = t3, t3 = s))))), t3;
        }
        function il() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          if (t3 = $i, e3 = [], dn.test(r2.charAt($i)) ? (n2 = r2.charAt($i), $i++) : (n2 = s, 0 === qi && zi(yn)), n2 !== s) for (; n2 !== s; ) e3.push(n2), dn.test(r2.charAt($i)) ? (n2 = r2.charAt($i), $i++) : (n2 = s, 0 === qi && zi(yn));
          else e3 = s;
          return e3 !== s && (n2 = Ql()) !== s ? (o2 = $i, (u2 = mp()) !== s && (a2 = vp()) !== s && (i2 = mp()) !== s && (c2 = Ql()) !== s ? o2 = u2 = [u2, a2, i2, c2] : ($i = o2, o2 = s), o2 === s && (o2 = null), o2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            const n3 = `${r3.join("")}${t4}`, o3 = { db: null, table: n3 };
            return null !== e4 && (o3.db = n3, o3.table = e4[3]), o3;
          })(e3, n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = zl()) !== s ? (n2 = $i, (o2 = mp()) !== s && (u2 = vp()) !== s && (a2 = mp()) !== s && (i2 = Ql()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            const e4 = { db: null, table: r3 };
            return null !== t4 && (e4.db = r3, e4.table = t4[3]), e4;
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = Pp()) !== s && (Yi = t3, (l2 = e3).db = null, l2.table = l2.name, e3 = l2), t3 = e3)), t3;
        }
        function cl() {
          var r3, t3;
          return r3 = $i, fb() !== s && mp() !== s && (t3 = Ol()) !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s), r3;
        }
        function ll() {
          var t3, e3;
          return t3 = $i, (function() {
            var t4, e4, n2, o2;
            t4 = $i, "where" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(ju));
            e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t4 = e4 = [e4, n2] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s && (e3 = Rl()) !== s ? (Yi = t3, t3 = e3) : ($i = t3, t3 = s), t3;
        }
        function fl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = ql()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = ql()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = ql()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = sr(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function bl() {
          var r3, t3;
          return r3 = $i, tb() !== s && mp() !== s && wb() !== s && mp() !== s && (t3 = Vc()) !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s), r3;
        }
        function pl() {
          var t3, e3;
          return t3 = $i, (function() {
            var t4, e4, n2, o2;
            t4 = $i, "order" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(xu));
            e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t4 = e4 = [e4, n2] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s && wb() !== s && mp() !== s && (e3 = (function() {
            var r3, t4, e4, n2, o2, u2, a2, i2;
            if (r3 = $i, (t4 = vl()) !== s) {
              for (e4 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = vl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e4.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = vl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
              e4 !== s ? (Yi = r3, t4 = sr(t4, e4), r3 = t4) : ($i = r3, r3 = s);
            } else $i = r3, r3 = s;
            return r3;
          })()) !== s ? (Yi = t3, t3 = e3) : ($i = t3, t3 = s), t3;
        }
        function vl() {
          var r3, t3, e3;
          return r3 = $i, (t3 = Nl()) !== s && mp() !== s ? ((e3 = Lb()) === s && (e3 = hb()), e3 === s && (e3 = null), e3 !== s ? (Yi = r3, r3 = t3 = { expr: t3, type: e3 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function dl() {
          var t3, e3;
          return (t3 = kf()) === s && (t3 = ff()) === s && (t3 = $i, 63 === r2.charCodeAt($i) ? (e3 = "?", $i++) : (e3 = s, 0 === qi && zi(hn)), e3 !== s && (Yi = t3, e3 = { type: "origin", value: "?" }), t3 = e3), t3;
        }
        function yl() {
          var t3, e3, n2, o2, u2, a2;
          return t3 = $i, (function() {
            var t4, e4, n3, o3;
            t4 = $i, "limit" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Ou));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s && (e3 = dl()) !== s && mp() !== s ? (n2 = $i, (o2 = dp()) === s && (o2 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "offset" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(Ru));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "OFFSET") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()), o2 !== s && (u2 = mp()) !== s && (a2 = dl()) !== s ? n2 = o2 = [o2, u2, a2] : ($i = n2, n2 = s), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = (function(r3, t4) {
            const e4 = [r3];
            return t4 && e4.push(t4[2]), { seperator: t4 && t4[0] && t4[0].toLowerCase() || "", value: e4 };
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function wl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = hl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = hl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = hl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = sr(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function hl() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          return t3 = $i, e3 = $i, (n2 = zl()) !== s && (o2 = mp()) !== s && (u2 = vp()) !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s), e3 === s && (e3 = null), e3 !== s && (n2 = mp()) !== s && (o2 = nf()) !== s && (u2 = mp()) !== s ? (61 === r2.charCodeAt($i) ? (a2 = "=", $i++) : (a2 = s, 0 === qi && zi(Ln)), a2 !== s && mp() !== s && (i2 = Nl()) !== s ? (Yi = t3, t3 = e3 = { column: o2, value: i2, table: (l2 = e3) && l2[0] }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, e3 = $i, (n2 = zl()) !== s && (o2 = mp()) !== s && (u2 = vp()) !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s), e3 === s && (e3 = null), e3 !== s && (n2 = mp()) !== s && (o2 = nf()) !== s && (u2 = mp()) !== s ? (61 === r2.charCodeAt($i) ? (a2 = "=", $i++) : (a2 = s, 0 === qi && zi(Ln)), a2 !== s && mp() !== s && (i2 = vb()) !== s && mp() !== s && wp() !== s && mp() !== s && (c2 = ql()) !== s && mp() !== s && hp() !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { column: t4, value: e4, table: r3 && r3[0], keyword: "values" };
          })(e3, o2, c2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)), t3;
        }
        function Ll() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            t4 = $i, "returning" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(ou));
            e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "RETURNING") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && mp() !== s ? ((n2 = Vc()) === s && (n2 = $c()), n2 !== s ? (Yi = t3, u2 = n2, t3 = e3 = { type: (o2 = e3) && o2.toLowerCase() || "returning", columns: "*" === u2 && [{ type: "expr", expr: { type: "column_ref", table: null, column: "*" }, as: null }] || u2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Cl() {
          var r3, t3;
          return (r3 = gl()) === s && (r3 = $i, (t3 = nc()) !== s && (Yi = r3, t3 = t3.ast), r3 = t3), r3;
        }
        function ml() {
          var r3, t3, e3, n2, o2, u2, a2, i2, c2;
          if (r3 = $i, tb() !== s) if (mp() !== s) if ((t3 = wp()) !== s) if (mp() !== s) if ((e3 = uf()) !== s) {
            for (n2 = [], o2 = $i, (u2 = mp()) !== s && (a2 = dp()) !== s && (i2 = mp()) !== s && (c2 = uf()) !== s ? o2 = u2 = [u2, a2, i2, c2] : ($i = o2, o2 = s); o2 !== s; ) n2.push(o2), o2 = $i, (u2 = mp()) !== s && (a2 = dp()) !== s && (i2 = mp()) !== s && (c2 = uf()) !== s ? o2 = u2 = [u2, a2, i2, c2] : ($i = o2, o2 = s);
            n2 !== s && (o2 = mp()) !== s && (u2 = hp()) !== s ? (Yi = r3, r3 = L(e3, n2)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          else $i = r3, r3 = s;
          else $i = r3, r3 = s;
          else $i = r3, r3 = s;
          else $i = r3, r3 = s;
          return r3 === s && (r3 = $i, tb() !== s && mp() !== s && (t3 = _l()) !== s ? (Yi = r3, r3 = t3) : ($i = r3, r3 = s)), r3;
        }
        function El() {
          var t3, e3, n2;
          return t3 = $i, fb() !== s && mp() !== s ? ("duplicate" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(Cn)), e3 !== s && mp() !== s && ip() !== s && mp() !== s && Xf() !== s && mp() !== s && (n2 = wl()) !== s ? (Yi = t3, t3 = { keyword: "on duplicate key update", set: n2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Al() {
          var r3, t3;
          return r3 = $i, (t3 = zf()) !== s && (Yi = r3, t3 = "insert"), (r3 = t3) === s && (r3 = $i, (t3 = Zf()) !== s && (Yi = r3, t3 = "replace"), r3 = t3), r3;
        }
        function gl() {
          var r3, t3;
          return r3 = $i, vb() !== s && mp() !== s && (t3 = (function() {
            var r4, t4, e3, n2, o2, u2, a2, i2;
            if (r4 = $i, (t4 = _l()) !== s) {
              for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = _l()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = _l()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
              e3 !== s ? (Yi = r4, t4 = sr(t4, e3), r4 = t4) : ($i = r4, r4 = s);
            } else $i = r4, r4 = s;
            return r4;
          })()) !== s ? (Yi = r3, r3 = { type: "values", values: t3 }) : ($i = r3, r3 = s), r3;
        }
        function _l() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, "row" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(yr)), e3 === s && (e3 = null), e3 !== s && mp() !== s && wp() !== s && mp() !== s && (n2 = Tl()) !== s && mp() !== s && hp() !== s ? (Yi = t3, o2 = e3, (u2 = n2).prefix = o2 && o2.toLowerCase(), t3 = e3 = u2) : ($i = t3, t3 = s), t3;
        }
        function Tl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Nl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Nl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Nl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
              const e4 = { type: "expr_list" };
              return e4.value = zp(r4, t4), e4;
            })(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Sl() {
          var t3, e3, n2;
          return t3 = $i, zb() !== s && mp() !== s && (e3 = Nl()) !== s && mp() !== s && (n2 = (function() {
            var t4;
            (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "year" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Qo));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "YEAR") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "month" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(Bo));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "MONTH") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "week" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Ko));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "WEEK") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "day" === r2.substr($i, 3).toLowerCase() ? (e4 = r2.substr($i, 3), $i += 3) : (e4 = s, 0 === qi && zi(xo));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "DAY") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "hour" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Mo));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "HOUR") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "minute" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(Ho));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "MINUTE") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, "second" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(qo));
              e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "SECOND") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })());
            return t4;
          })()) !== s ? (Yi = t3, t3 = { type: "interval", expr: e3, unit: n2.toLowerCase() }) : ($i = t3, t3 = s), t3;
        }
        function jl() {
          var r3, t3, e3, n2, o2, u2;
          if (r3 = $i, (t3 = Il()) !== s) if (mp() !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = Il()) !== s ? n2 = o2 = [o2, u2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = Il()) !== s ? n2 = o2 = [o2, u2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = l(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          else $i = r3, r3 = s;
          return r3;
        }
        function Il() {
          var t3, e3, n2;
          return t3 = $i, (function() {
            var t4, e4, n3, o2;
            t4 = $i, "when" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(ea));
            e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s && (e3 = Rl()) !== s && mp() !== s && (function() {
            var t4, e4, n3, o2;
            t4 = $i, "then" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(na));
            e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t4 = e4 = [e4, n3] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s && (n2 = Nl()) !== s ? (Yi = t3, t3 = { type: "when", cond: e3, result: n2 }) : ($i = t3, t3 = s), t3;
        }
        function xl() {
          var t3, e3;
          return t3 = $i, (function() {
            var t4, e4, n2, o2;
            t4 = $i, "else" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(oa));
            e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t4 = e4 = [e4, n2] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })() !== s && mp() !== s && (e3 = Nl()) !== s ? (Yi = t3, t3 = { type: "else", result: e3 }) : ($i = t3, t3 = s), t3;
        }
        function Nl() {
          var r3;
          return (r3 = (function() {
            var r4, t3, e3, n2, o2, u2, a2, i2;
            if (r4 = $i, (t3 = kl()) !== s) {
              for (e3 = [], n2 = $i, (o2 = Ep()) !== s && (u2 = Ib()) !== s && (a2 = mp()) !== s && (i2 = kl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = Ep()) !== s && (u2 = Ib()) !== s && (a2 = mp()) !== s && (i2 = kl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
              e3 !== s ? (Yi = r4, t3 = mn(t3, e3), r4 = t3) : ($i = r4, r4 = s);
            } else $i = r4, r4 = s;
            return r4;
          })()) === s && (r3 = nc()), r3;
        }
        function Ol() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Nl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s ? ((u2 = jb()) === s && (u2 = Ib()), u2 !== s && (a2 = mp()) !== s && (i2 = Nl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s ? ((u2 = jb()) === s && (u2 = Ib()), u2 !== s && (a2 = mp()) !== s && (i2 = Nl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
              const e4 = t4.length;
              let n3 = r4;
              for (let r5 = 0; r5 < e4; ++r5) n3 = Kp(t4[r5][1], n3, t4[r5][3]);
              return n3;
            })(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Rl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Nl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s ? ((u2 = jb()) === s && (u2 = Ib()) === s && (u2 = dp()) === s && (u2 = Cp()), u2 !== s && (a2 = mp()) !== s && (i2 = Nl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s ? ((u2 = jb()) === s && (u2 = Ib()) === s && (u2 = dp()) === s && (u2 = Cp()), u2 !== s && (a2 = mp()) !== s && (i2 = Nl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
              const e4 = t4.length;
              let n3 = r4, o3 = "";
              for (let r5 = 0; r5 < e4; ++r5) "," === t4[r5][1] ? (o3 = ",", Array.isArray(n3) || (n3 = [n3]), n3.push(t4[r5][3])) : n3 = Kp(t4[r5][1], n3, t4[r5][3]);
              if ("," === o3) {
                const r5 = { type: "expr_list" };
                return r5.value = Array.isArray(n3) ? n3 : [n3], r5;
              }
              return n3;
            })(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function kl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Ul()) !== s) {
            for (e3 = [], n2 = $i, (o2 = Ep()) !== s && (u2 = jb()) !== s && (a2 = mp()) !== s && (i2 = Ul()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = Ep()) !== s && (u2 = jb()) !== s && (a2 = mp()) !== s && (i2 = Ul()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = mn(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Ul() {
          var r3, t3;
          return (r3 = Ml()) === s && (r3 = (function() {
            var r4, t4, e3;
            r4 = $i, (t4 = (function() {
              var r5, t5, e4, n3, o3;
              r5 = $i, t5 = $i, (e4 = Sb()) !== s && (n3 = mp()) !== s && (o3 = Tb()) !== s ? t5 = e4 = [e4, n3, o3] : ($i = t5, t5 = s);
              t5 !== s && (Yi = r5, t5 = En(t5));
              (r5 = t5) === s && (r5 = Tb());
              return r5;
            })()) !== s && mp() !== s && wp() !== s && mp() !== s && (e3 = nc()) !== s && mp() !== s && hp() !== s ? (Yi = r4, n2 = t4, (o2 = e3).parentheses = true, t4 = Vp(n2, o2), r4 = t4) : ($i = r4, r4 = s);
            var n2, o2;
            return r4;
          })()) === s && (r3 = $i, Sb() !== s && mp() !== s && (t3 = Ul()) !== s ? (Yi = r3, r3 = Vp("NOT", t3)) : ($i = r3, r3 = s)), r3;
        }
        function Ml() {
          var t3, e3, n2;
          return t3 = $i, (e3 = $l()) !== s && mp() !== s ? ((n2 = (function() {
            var t4;
            (t4 = (function() {
              var r3, t5, e4, n3, o2, u2, a2;
              r3 = $i, t5 = [], e4 = $i, (n3 = mp()) !== s && (o2 = Dl()) !== s && (u2 = mp()) !== s && (a2 = $l()) !== s ? e4 = n3 = [n3, o2, u2, a2] : ($i = e4, e4 = s);
              if (e4 !== s) for (; e4 !== s; ) t5.push(e4), e4 = $i, (n3 = mp()) !== s && (o2 = Dl()) !== s && (u2 = mp()) !== s && (a2 = $l()) !== s ? e4 = n3 = [n3, o2, u2, a2] : ($i = e4, e4 = s);
              else t5 = s;
              t5 !== s && (e4 = mp()) !== s ? ((n3 = Gl()) === s && (n3 = null), n3 !== s ? (Yi = r3, r3 = t5 = { type: "arithmetic", tail: t5, in: n3 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s);
              return r3;
            })()) === s && (t4 = Gl()) === s && (t4 = (function() {
              var r3, t5, e4, n3;
              r3 = $i, (t5 = (function() {
                var r4, t6, e5, n4, o2;
                r4 = $i, t6 = $i, (e5 = Sb()) !== s && (n4 = mp()) !== s && (o2 = Eb()) !== s ? t6 = e5 = [e5, n4, o2] : ($i = t6, t6 = s);
                t6 !== s && (Yi = r4, t6 = En(t6));
                (r4 = t6) === s && (r4 = Eb());
                return r4;
              })()) !== s && mp() !== s && (e4 = $l()) !== s && mp() !== s && jb() !== s && mp() !== s && (n3 = $l()) !== s ? (Yi = r3, r3 = t5 = { op: t5, right: { type: "expr_list", value: [e4, n3] } }) : ($i = r3, r3 = s);
              return r3;
            })()) === s && (t4 = (function() {
              var r3, t5, e4, n3, o2;
              r3 = $i, (t5 = gb()) !== s && (e4 = mp()) !== s && (n3 = $l()) !== s ? (Yi = r3, r3 = t5 = { op: "IS", right: n3 }) : ($i = r3, r3 = s);
              r3 === s && (r3 = $i, t5 = $i, (e4 = gb()) !== s && (n3 = mp()) !== s && (o2 = Sb()) !== s ? t5 = e4 = [e4, n3, o2] : ($i = t5, t5 = s), t5 !== s && (e4 = mp()) !== s && (n3 = $l()) !== s ? (Yi = r3, t5 = /* @__PURE__ */ (function(r4) {
                return { op: "IS NOT", right: r4 };
              })(n3), r3 = t5) : ($i = r3, r3 = s));
              return r3;
            })()) === s && (t4 = Fl()) === s && (t4 = (function() {
              var t5, e4, n3, o2;
              t5 = $i, (e4 = (function() {
                var t6, e5, n4;
                t6 = $i, (e5 = Sb()) === s && (e5 = null);
                e5 !== s && mp() !== s ? ((n4 = (function() {
                  var t7, e6, n5, o4;
                  t7 = $i, "regexp" === r2.substr($i, 6).toLowerCase() ? (e6 = r2.substr($i, 6), $i += 6) : (e6 = s, 0 === qi && zi(Hu));
                  e6 !== s ? (n5 = $i, qi++, o4 = af(), qi--, o4 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t7, t7 = e6 = "REGEXP") : ($i = t7, t7 = s)) : ($i = t7, t7 = s);
                  return t7;
                })()) === s && (n4 = (function() {
                  var t7, e6, n5, o4;
                  t7 = $i, "rlike" === r2.substr($i, 5).toLowerCase() ? (e6 = r2.substr($i, 5), $i += 5) : (e6 = s, 0 === qi && zi(Yu));
                  e6 !== s ? (n5 = $i, qi++, o4 = af(), qi--, o4 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t7, t7 = e6 = "RLIKE") : ($i = t7, t7 = s)) : ($i = t7, t7 = s);
                  return t7;
                })()), n4 !== s ? (Yi = t6, u3 = n4, t6 = e5 = (o3 = e5) ? `${o3} ${u3}` : u3) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                var o3, u3;
                return t6;
              })()) !== s && mp() !== s ? ("binary" === r2.substr($i, 6).toLowerCase() ? (n3 = r2.substr($i, 6), $i += 6) : (n3 = s, 0 === qi && zi(Gt)), n3 === s && (n3 = null), n3 !== s && mp() !== s ? ((o2 = gf()) === s && (o2 = xf()) === s && (o2 = ql()), o2 !== s ? (Yi = t5, u2 = e4, t5 = e4 = { op: (a2 = n3) ? `${u2} ${a2}` : u2, right: o2 }) : ($i = t5, t5 = s)) : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              var u2, a2;
              return t5;
            })());
            return t4;
          })()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            if (null === t4) return r3;
            if ("arithmetic" === t4.type) {
              if (!t4.in) return Zp(r3, t4.tail);
              const e4 = Zp(r3, t4.tail);
              return Kp(t4.in.op, e4, t4.in.right);
            }
            return Kp(t4.op, r3, t4.right);
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = xf()) === s && (t3 = ql()), t3;
        }
        function Dl() {
          var t3;
          return ">=" === r2.substr($i, 2) ? (t3 = ">=", $i += 2) : (t3 = s, 0 === qi && zi(An)), t3 === s && (62 === r2.charCodeAt($i) ? (t3 = ">", $i++) : (t3 = s, 0 === qi && zi(gn)), t3 === s && ("<=" === r2.substr($i, 2) ? (t3 = "<=", $i += 2) : (t3 = s, 0 === qi && zi(_n)), t3 === s && ("<>" === r2.substr($i, 2) ? (t3 = "<>", $i += 2) : (t3 = s, 0 === qi && zi(Tn)), t3 === s && (60 === r2.charCodeAt($i) ? (t3 = "<", $i++) : (t3 = s, 0 === qi && zi(Sn)), t3 === s && (61 === r2.charCodeAt($i) ? (t3 = "=", $i++) : (t3 = s, 0 === qi && zi(Ln)), t3 === s && ("!=" === r2.substr($i, 2) ? (t3 = "!=", $i += 2) : (t3 = s, 0 === qi && zi(jn)))))))), t3;
        }
        function Pl() {
          var r3, t3, e3, n2, o2;
          return r3 = $i, t3 = $i, (e3 = Sb()) !== s && (n2 = mp()) !== s && (o2 = Ab()) !== s ? t3 = e3 = [e3, n2, o2] : ($i = t3, t3 = s), t3 !== s && (Yi = r3, t3 = En(t3)), (r3 = t3) === s && (r3 = Ab()), r3;
        }
        function Fl() {
          var t3, e3, n2, o2, u2, a2, i2;
          return t3 = $i, (e3 = (function() {
            var r3, t4, e4, n3, o3;
            return r3 = $i, t4 = $i, (e4 = Sb()) !== s && (n3 = mp()) !== s && (o3 = _b()) !== s ? t4 = e4 = [e4, n3, o3] : ($i = t4, t4 = s), t4 !== s && (Yi = r3, t4 = En(t4)), (r3 = t4) === s && (r3 = _b()), r3;
          })()) !== s && mp() !== s ? ((n2 = jf()) === s && (n2 = ff()) === s && (n2 = Ml()), n2 !== s && mp() !== s ? ((o2 = (function() {
            var t4, e4, n3;
            return t4 = $i, "escape" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(In)), e4 !== s && mp() !== s && (n3 = xf()) !== s ? (Yi = t4, t4 = e4 = { type: "ESCAPE", value: n3 }) : ($i = t4, t4 = s), t4;
          })()) === s && (o2 = null), o2 !== s ? (Yi = t3, u2 = e3, a2 = n2, (i2 = o2) && (a2.escape = i2), t3 = e3 = { op: u2, right: a2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Gl() {
          var r3, t3, e3, n2;
          return r3 = $i, (t3 = Pl()) !== s && mp() !== s && (e3 = wp()) !== s && mp() !== s && (n2 = Tl()) !== s && mp() !== s && hp() !== s ? (Yi = r3, r3 = t3 = { op: t3, right: n2 }) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = Pl()) !== s && mp() !== s ? ((e3 = Pp()) === s && (e3 = ql()) === s && (e3 = xf()), e3 !== s ? (Yi = r3, r3 = t3 = /* @__PURE__ */ (function(r4, t4) {
            return { op: r4, right: t4 };
          })(t3, e3)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)), r3;
        }
        function $l() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Hl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = Yl()) !== s && (a2 = mp()) !== s && (i2 = Hl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = Yl()) !== s && (a2 = mp()) !== s && (i2 = Hl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
              if (t4 && t4.length && "column_ref" === r4.type && "*" === r4.column) throw new Error(JSON.stringify({ message: "args could not be star column in additive expr", ...Xp() }));
              return Zp(r4, t4);
            })(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Yl() {
          var t3;
          return 43 === r2.charCodeAt($i) ? (t3 = "+", $i++) : (t3 = s, 0 === qi && zi(xn)), t3 === s && (45 === r2.charCodeAt($i) ? (t3 = "-", $i++) : (t3 = s, 0 === qi && zi(Nn))), t3;
        }
        function Hl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Wl()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s ? ((u2 = Bl()) === s && (u2 = Cp()), u2 !== s && (a2 = mp()) !== s && (i2 = Wl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s ? ((u2 = Bl()) === s && (u2 = Cp()), u2 !== s && (a2 = mp()) !== s && (i2 = Wl()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = Zp(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Bl() {
          var t3, e3;
          return 42 === r2.charCodeAt($i) ? (t3 = "*", $i++) : (t3 = s, 0 === qi && zi(On)), t3 === s && (47 === r2.charCodeAt($i) ? (t3 = "/", $i++) : (t3 = s, 0 === qi && zi(Rn)), t3 === s && (37 === r2.charCodeAt($i) ? (t3 = "%", $i++) : (t3 = s, 0 === qi && zi(kn)), t3 === s && ("||" === r2.substr($i, 2) ? (t3 = "||", $i += 2) : (t3 = s, 0 === qi && zi(Un)), t3 === s && (t3 = $i, "div" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Mn)), e3 === s && ("mod" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Dn))), e3 !== s && (Yi = t3, e3 = e3.toUpperCase()), (t3 = e3) === s && (38 === r2.charCodeAt($i) ? (t3 = "&", $i++) : (t3 = s, 0 === qi && zi(Pn)), t3 === s && (">>" === r2.substr($i, 2) ? (t3 = ">>", $i += 2) : (t3 = s, 0 === qi && zi(Fn)), t3 === s && ("<<" === r2.substr($i, 2) ? (t3 = "<<", $i += 2) : (t3 = s, 0 === qi && zi(Gn)), t3 === s && (94 === r2.charCodeAt($i) ? (t3 = "^", $i++) : (t3 = s, 0 === qi && zi($n)), t3 === s && (124 === r2.charCodeAt($i) ? (t3 = "|", $i++) : (t3 = s, 0 === qi && zi(Yn))))))))))), t3;
        }
        function Wl() {
          var t3, e3, n2, o2, u2;
          return (t3 = (function() {
            var t4, e4, n3;
            (t4 = Sl()) === s && (t4 = (function() {
              var t5;
              (t5 = (function() {
                var t6, e5, n4, o4;
                t6 = $i, (e5 = (function() {
                  var t7, e6, n5, o5;
                  t7 = $i, "count" === r2.substr($i, 5).toLowerCase() ? (e6 = r2.substr($i, 5), $i += 5) : (e6 = s, 0 === qi && zi(Xu));
                  e6 !== s ? (n5 = $i, qi++, o5 = af(), qi--, o5 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t7, t7 = e6 = "COUNT") : ($i = t7, t7 = s)) : ($i = t7, t7 = s);
                  return t7;
                })()) === s && (e5 = (function() {
                  var t7, e6, n5, o5;
                  t7 = $i, "group_concat" === r2.substr($i, 12).toLowerCase() ? (e6 = r2.substr($i, 12), $i += 12) : (e6 = s, 0 === qi && zi(Vu));
                  e6 !== s ? (n5 = $i, qi++, o5 = af(), qi--, o5 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t7, t7 = e6 = "GROUP_CONCAT") : ($i = t7, t7 = s)) : ($i = t7, t7 = s);
                  return t7;
                })());
                e5 !== s && mp() !== s && wp() !== s && mp() !== s && (n4 = (function() {
                  var t7, e6, n5, o5, u3;
                  t7 = $i, (e6 = (function() {
                    var t8, e7;
                    t8 = $i, 42 === r2.charCodeAt($i) ? (e7 = "*", $i++) : (e7 = s, 0 === qi && zi(On));
                    e7 !== s && (Yi = t8, e7 = { type: "star", value: "*" });
                    return t8 = e7;
                  })()) !== s && (Yi = t7, e6 = { expr: e6, ...Xp() });
                  (t7 = e6) === s && (t7 = $i, (e6 = mb()) === s && (e6 = null), e6 !== s && mp() !== s && (n5 = Rl()) !== s && mp() !== s ? ((o5 = pl()) === s && (o5 = null), o5 !== s && mp() !== s ? ((u3 = (function() {
                    var t8, e7, n6;
                    t8 = $i, "separator" === r2.substr($i, 9).toLowerCase() ? (e7 = r2.substr($i, 9), $i += 9) : (e7 = s, 0 === qi && zi(vo));
                    e7 === s && (e7 = null);
                    e7 !== s && mp() !== s && (n6 = xf()) !== s ? (Yi = t8, t8 = e7 = { keyword: e7, value: n6 }) : ($i = t8, t8 = s);
                    return t8;
                  })()) === s && (u3 = null), u3 !== s ? (Yi = t7, e6 = { distinct: e6, expr: n5, orderby: o5, separator: u3, ...Xp() }, t7 = e6) : ($i = t7, t7 = s)) : ($i = t7, t7 = s)) : ($i = t7, t7 = s));
                  return t7;
                })()) !== s && mp() !== s && hp() !== s && mp() !== s ? ((o4 = pf()) === s && (o4 = null), o4 !== s ? (Yi = t6, t6 = e5 = { type: "aggr_func", name: e5, args: n4, over: o4 }) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                return t6;
              })()) === s && (t5 = (function() {
                var t6, e5, n4, o4;
                t6 = $i, (e5 = (function() {
                  var t7;
                  (t7 = (function() {
                    var t8, e6, n5, o5;
                    t8 = $i, "sum" === r2.substr($i, 3).toLowerCase() ? (e6 = r2.substr($i, 3), $i += 3) : (e6 = s, 0 === qi && zi(zu));
                    e6 !== s ? (n5 = $i, qi++, o5 = af(), qi--, o5 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t8, t8 = e6 = "SUM") : ($i = t8, t8 = s)) : ($i = t8, t8 = s);
                    return t8;
                  })()) === s && (t7 = (function() {
                    var t8, e6, n5, o5;
                    t8 = $i, "max" === r2.substr($i, 3).toLowerCase() ? (e6 = r2.substr($i, 3), $i += 3) : (e6 = s, 0 === qi && zi(Ku));
                    e6 !== s ? (n5 = $i, qi++, o5 = af(), qi--, o5 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t8, t8 = e6 = "MAX") : ($i = t8, t8 = s)) : ($i = t8, t8 = s);
                    return t8;
                  })()) === s && (t7 = (function() {
                    var t8, e6, n5, o5;
                    t8 = $i, "min" === r2.substr($i, 3).toLowerCase() ? (e6 = r2.substr($i, 3), $i += 3) : (e6 = s, 0 === qi && zi(Qu));
                    e6 !== s ? (n5 = $i, qi++, o5 = af(), qi--, o5 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t8, t8 = e6 = "MIN") : ($i = t8, t8 = s)) : ($i = t8, t8 = s);
                    return t8;
                  })()) === s && (t7 = (function() {
                    var t8, e6, n5, o5;
                    t8 = $i, "avg" === r2.substr($i, 3).toLowerCase() ? (e6 = r2.substr($i, 3), $i += 3) : (e6 = s, 0 === qi && zi(Zu));
                    e6 !== s ? (n5 = $i, qi++, o5 = af(), qi--, o5 === s ? n5 = void 0 : ($i = n5, n5 = s), n5 !== s ? (Yi = t8, t8 = e6 = "AVG") : ($i = t8, t8 = s)) : ($i = t8, t8 = s);
                    return t8;
                  })());
                  return t7;
                })()) !== s && mp() !== s && wp() !== s && mp() !== s && (n4 = Ol()) !== s && mp() !== s && hp() !== s && mp() !== s ? ((o4 = pf()) === s && (o4 = null), o4 !== s ? (Yi = t6, e5 = { type: "aggr_func", name: e5, args: { expr: n4 }, over: o4, ...Xp() }, t6 = e5) : ($i = t6, t6 = s)) : ($i = t6, t6 = s);
                return t6;
              })());
              return t5;
            })()) === s && (t4 = Kc()) === s && (t4 = gf()) === s && (t4 = (function() {
              var r3, t5, e5, n4, o4, u3, a2;
              r3 = $i, (t5 = Rb()) !== s && mp() !== s && wp() !== s && mp() !== s && (e5 = Nl()) !== s && mp() !== s && sb() !== s && mp() !== s && (n4 = Yp()) !== s && mp() !== s && (o4 = Ic()) !== s && mp() !== s && (u3 = Kl()) !== s && mp() !== s && hp() !== s ? (Yi = r3, t5 = (function(r4, t6, e6, n5, o5) {
                const { dataType: s2, length: u4 } = e6;
                let a3 = s2;
                return void 0 !== u4 && (a3 = `${a3}(${u4})`), { type: "cast", keyword: r4.toLowerCase(), expr: t6, symbol: "as", target: [{ dataType: a3, suffix: [{ type: "origin", value: n5 }, o5] }] };
              })(t5, e5, n4, o4, u3), r3 = t5) : ($i = r3, r3 = s);
              r3 === s && (r3 = $i, (t5 = Rb()) !== s && mp() !== s && wp() !== s && mp() !== s && (e5 = Nl()) !== s && mp() !== s && sb() !== s && mp() !== s && (n4 = Gp()) !== s && mp() !== s && (o4 = hp()) !== s ? (Yi = r3, i2 = e5, c2 = n4, t5 = { type: "cast", keyword: t5.toLowerCase(), expr: i2, symbol: "as", target: [c2] }, r3 = t5) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t5 = Rb()) !== s && mp() !== s && wp() !== s && mp() !== s && (e5 = Nl()) !== s && mp() !== s && sb() !== s && mp() !== s && (n4 = Mb()) !== s && mp() !== s && (o4 = wp()) !== s && mp() !== s && (u3 = Uf()) !== s && mp() !== s && hp() !== s && mp() !== s && (a2 = hp()) !== s ? (Yi = r3, t5 = (function(r4, t6, e6) {
                return { type: "cast", keyword: r4.toLowerCase(), expr: t6, symbol: "as", target: [{ dataType: "DECIMAL(" + e6 + ")" }] };
              })(t5, e5, u3), r3 = t5) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t5 = Rb()) !== s && mp() !== s && wp() !== s && mp() !== s && (e5 = Nl()) !== s && mp() !== s && sb() !== s && mp() !== s && (n4 = Mb()) !== s && mp() !== s && (o4 = wp()) !== s && mp() !== s && (u3 = Uf()) !== s && mp() !== s && dp() !== s && mp() !== s && (a2 = Uf()) !== s && mp() !== s && hp() !== s && mp() !== s && hp() !== s ? (Yi = r3, t5 = (function(r4, t6, e6, n5) {
                return { type: "cast", keyword: r4.toLowerCase(), expr: t6, symbol: "as", target: [{ dataType: "DECIMAL(" + e6 + ", " + n5 + ")" }] };
              })(t5, e5, u3, a2), r3 = t5) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t5 = Rb()) !== s && mp() !== s && wp() !== s && mp() !== s && (e5 = Nl()) !== s && mp() !== s && sb() !== s && mp() !== s && (n4 = Tf()) !== s && mp() !== s ? ((o4 = Pb()) === s && (o4 = null), o4 !== s && mp() !== s && (u3 = hp()) !== s ? (Yi = r3, t5 = (function(r4, t6, e6, n5) {
                return { type: "cast", keyword: r4.toLowerCase(), expr: t6, symbol: "as", target: [{ dataType: [e6, n5].filter(Boolean).join(" ") }] };
              })(t5, e5, n4, o4), r3 = t5) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)))));
              var i2, c2;
              return r3;
            })()) === s && (t4 = (function() {
              var r3, t5, e5, n4, o4, u3, a2, i2;
              return r3 = $i, Nb() !== s && mp() !== s && (t5 = jl()) !== s && mp() !== s ? ((e5 = xl()) === s && (e5 = null), e5 !== s && mp() !== s && (n4 = Ob()) !== s && mp() !== s ? ((o4 = Nb()) === s && (o4 = null), o4 !== s ? (Yi = r3, a2 = t5, (i2 = e5) && a2.push(i2), r3 = { type: "case", expr: null, args: a2 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, Nb() !== s && mp() !== s && (t5 = Nl()) !== s && mp() !== s && (e5 = jl()) !== s && mp() !== s ? ((n4 = xl()) === s && (n4 = null), n4 !== s && mp() !== s && (o4 = Ob()) !== s && mp() !== s ? ((u3 = Nb()) === s && (u3 = null), u3 !== s ? (Yi = r3, r3 = (function(r4, t6, e6) {
                return e6 && t6.push(e6), { type: "case", expr: r4, args: t6 };
              })(t5, e5, n4)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)), r3;
            })()) === s && (t4 = Sf()) === s && (t4 = ql()) === s && (t4 = kf()) === s && (t4 = ff()) === s && (t4 = $i, wp() !== s && (e4 = mp()) !== s && (n3 = Rl()) !== s && mp() !== s && hp() !== s ? (Yi = t4, (o3 = n3).parentheses = true, t4 = o3) : ($i = t4, t4 = s), t4 === s && (t4 = Pp()) === s && (t4 = $i, mp() !== s ? (63 === r2.charCodeAt($i) ? (e4 = "?", $i++) : (e4 = s, 0 === qi && zi(hn)), e4 !== s ? (Yi = t4, t4 = { type: "origin", value: e4 }) : ($i = t4, t4 = s)) : ($i = t4, t4 = s)));
            var o3;
            return t4;
          })()) === s && (t3 = $i, (e3 = (function() {
            var t4;
            33 === r2.charCodeAt($i) ? (t4 = "!", $i++) : (t4 = s, 0 === qi && zi(Hn));
            t4 === s && (45 === r2.charCodeAt($i) ? (t4 = "-", $i++) : (t4 = s, 0 === qi && zi(Nn)), t4 === s && (43 === r2.charCodeAt($i) ? (t4 = "+", $i++) : (t4 = s, 0 === qi && zi(xn)), t4 === s && (126 === r2.charCodeAt($i) ? (t4 = "~", $i++) : (t4 = s, 0 === qi && zi(Bn)))));
            return t4;
          })()) !== s ? (n2 = $i, (o2 = mp()) !== s && (u2 = Wl()) !== s ? n2 = o2 = [o2, u2] : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = Vp(e3, n2[1])) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)), t3;
        }
        function ql() {
          var r3, t3, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2, v2, d2, y2;
          return r3 = $i, (t3 = uf()) === s && (t3 = ef()), t3 !== s && mp() !== s && (e3 = vp()) !== s && (n2 = mp()) !== s ? ((o2 = uf()) === s && (o2 = ef()), o2 !== s && (u2 = mp()) !== s && (a2 = vp()) !== s && (i2 = mp()) !== s && (c2 = nf()) !== s ? (l2 = $i, (f2 = mp()) !== s && (b2 = vc()) !== s ? l2 = f2 = [f2, b2] : ($i = l2, l2 = s), l2 === s && (l2 = null), l2 !== s ? (Yi = r3, p2 = t3, v2 = o2, d2 = c2, y2 = l2, ov.add(`select::${p2}::${v2}::${d2}`), r3 = t3 = { type: "column_ref", db: p2, table: v2, column: d2, collate: y2 && y2[1], ...Xp() }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = uf()) === s && (t3 = ef()), t3 !== s && mp() !== s && (e3 = vp()) !== s && (n2 = mp()) !== s && (o2 = nf()) !== s ? (u2 = $i, (a2 = mp()) !== s && (i2 = vc()) !== s ? u2 = a2 = [a2, i2] : ($i = u2, u2 = s), u2 === s && (u2 = null), u2 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4, e4) {
            return ov.add(`select::${r4}::${t4}`), { type: "column_ref", table: r4, column: t4, collate: e4 && e4[1], ...Xp() };
          })(t3, o2, u2)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = of()) !== s && mp() !== s ? (e3 = $i, (n2 = mp()) !== s && (o2 = vc()) !== s ? e3 = n2 = [n2, o2] : ($i = e3, e3 = s), e3 === s && (e3 = null), e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
            return ov.add("select::null::" + r4), { type: "column_ref", table: null, column: r4, collate: t4 && t4[1], ...Xp() };
          })(t3, e3)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s))), r3;
        }
        function Xl() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = of()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = of()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = of()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = sr(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Vl() {
          var r3, t3;
          return r3 = $i, (t3 = uf()) !== s && (Yi = r3, t3 = Wn(t3)), r3 = t3;
        }
        function Kl() {
          var r3, t3;
          return r3 = $i, (t3 = uf()) !== s && (Yi = r3, t3 = Wn(t3)), (r3 = t3) === s && (r3 = Zl()), r3;
        }
        function Ql() {
          var r3;
          return (r3 = uf()) === s && (r3 = Jl()), r3;
        }
        function zl() {
          var r3, t3;
          return r3 = $i, (t3 = uf()) !== s ? (Yi = $i, (qn(t3) ? s : void 0) !== s ? (Yi = r3, r3 = t3 = t3) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = Jl()), r3;
        }
        function Zl() {
          var r3;
          return (r3 = rf()) === s && (r3 = tf()) === s && (r3 = ef()), r3;
        }
        function Jl() {
          var r3, t3;
          return r3 = $i, (t3 = rf()) === s && (t3 = tf()) === s && (t3 = ef()), t3 !== s && (Yi = r3, t3 = t3.value), r3 = t3;
        }
        function rf() {
          var t3, e3, n2, o2;
          if (t3 = $i, 34 === r2.charCodeAt($i) ? (e3 = '"', $i++) : (e3 = s, 0 === qi && zi(Xn)), e3 !== s) {
            if (n2 = [], Vn.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(Kn)), o2 !== s) for (; o2 !== s; ) n2.push(o2), Vn.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(Kn));
            else n2 = s;
            n2 !== s ? (34 === r2.charCodeAt($i) ? (o2 = '"', $i++) : (o2 = s, 0 === qi && zi(Xn)), o2 !== s ? (Yi = t3, t3 = e3 = { type: "double_quote_string", value: n2.join("") }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          return t3;
        }
        function tf() {
          var t3, e3, n2, o2;
          if (t3 = $i, 39 === r2.charCodeAt($i) ? (e3 = "'", $i++) : (e3 = s, 0 === qi && zi(Nt)), e3 !== s) {
            for (n2 = [], Qn.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(zn)); o2 !== s; ) n2.push(o2), Qn.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(zn));
            n2 !== s ? (39 === r2.charCodeAt($i) ? (o2 = "'", $i++) : (o2 = s, 0 === qi && zi(Nt)), o2 !== s ? (Yi = t3, t3 = e3 = { type: "single_quote_string", value: n2.join("") }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          return t3;
        }
        function ef() {
          var t3, e3, n2, o2;
          if (t3 = $i, 96 === r2.charCodeAt($i) ? (e3 = "`", $i++) : (e3 = s, 0 === qi && zi(Zn)), e3 !== s) {
            if (n2 = [], Jn.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(ro)), o2 === s && (o2 = Rf()), o2 !== s) for (; o2 !== s; ) n2.push(o2), Jn.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(ro)), o2 === s && (o2 = Rf());
            else n2 = s;
            n2 !== s ? (96 === r2.charCodeAt($i) ? (o2 = "`", $i++) : (o2 = s, 0 === qi && zi(Zn)), o2 !== s ? (Yi = t3, t3 = e3 = { type: "backticks_quote_string", value: n2.join("") }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          return t3;
        }
        function nf() {
          var r3, t3;
          return r3 = $i, (t3 = sf()) !== s && (Yi = r3, t3 = t3), (r3 = t3) === s && (r3 = Jl()), r3;
        }
        function of() {
          var r3, t3;
          return r3 = $i, (t3 = sf()) !== s ? (Yi = $i, (qn(t3) ? s : void 0) !== s ? (Yi = r3, r3 = t3 = t3) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t3 = ef()) !== s && (Yi = r3, t3 = t3.value), r3 = t3), r3;
        }
        function sf() {
          var r3, t3, e3, n2;
          if (r3 = $i, (t3 = af()) !== s) {
            for (e3 = [], n2 = lf(); n2 !== s; ) e3.push(n2), n2 = lf();
            e3 !== s ? (Yi = r3, r3 = t3 = to(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          if (r3 === s) if (r3 = $i, (t3 = Pf()) !== s) {
            if (e3 = [], (n2 = lf()) !== s) for (; n2 !== s; ) e3.push(n2), n2 = lf();
            else e3 = s;
            e3 !== s ? (Yi = r3, r3 = t3 = to(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function uf() {
          var r3, t3, e3, n2;
          if (r3 = $i, (t3 = af()) !== s) {
            for (e3 = [], n2 = cf(); n2 !== s; ) e3.push(n2), n2 = cf();
            e3 !== s ? (Yi = r3, r3 = t3 = to(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function af() {
          var t3;
          return eo.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(no)), t3;
        }
        function cf() {
          var t3;
          return oo.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(so)), t3;
        }
        function lf() {
          var t3;
          return uo.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(ao)), t3;
        }
        function ff() {
          var t3, e3, n2, o2;
          return t3 = $i, e3 = $i, 58 === r2.charCodeAt($i) ? (n2 = ":", $i++) : (n2 = s, 0 === qi && zi(io)), n2 !== s && (o2 = uf()) !== s ? e3 = n2 = [n2, o2] : ($i = e3, e3 = s), e3 !== s && (Yi = t3, e3 = { type: "param", value: e3[1] }), t3 = e3;
        }
        function bf() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          return t3 = $i, fb() !== s && mp() !== s && Xf() !== s && mp() !== s && (e3 = Zb()) !== s && mp() !== s ? (n2 = $i, (o2 = wp()) !== s && (u2 = mp()) !== s ? ((a2 = Tl()) === s && (a2 = null), a2 !== s && (i2 = mp()) !== s && (c2 = hp()) !== s ? n2 = o2 = [o2, u2, a2, i2, c2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = { type: "on update", keyword: e3, parentheses: !!(l2 = n2), expr: l2 ? l2[2] : null }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, fb() !== s && mp() !== s && Xf() !== s && mp() !== s ? ("now" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(co)), e3 !== s && mp() !== s && (n2 = wp()) !== s && (o2 = mp()) !== s && (u2 = hp()) !== s ? (Yi = t3, t3 = /* @__PURE__ */ (function(r3) {
            return { type: "on update", keyword: r3, parentheses: true };
          })(e3)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)), t3;
        }
        function pf() {
          var t3, e3, n2;
          return t3 = $i, "over" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(lo)), e3 !== s && mp() !== s && (n2 = df()) !== s ? (Yi = t3, t3 = e3 = { type: "window", as_window_specification: n2 }) : ($i = t3, t3 = s), t3 === s && (t3 = bf()), t3;
        }
        function vf() {
          var r3, t3, e3;
          return r3 = $i, (t3 = uf()) !== s && mp() !== s && sb() !== s && mp() !== s && (e3 = df()) !== s ? (Yi = r3, r3 = t3 = { name: t3, as_window_specification: e3 }) : ($i = r3, r3 = s), r3;
        }
        function df() {
          var r3, t3;
          return (r3 = uf()) === s && (r3 = $i, wp() !== s && mp() !== s ? ((t3 = (function() {
            var r4, t4, e3, n2;
            r4 = $i, (t4 = bl()) === s && (t4 = null);
            t4 !== s && mp() !== s ? ((e3 = pl()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = (function() {
              var r5, t5, e4, n3, o2;
              r5 = $i, (t5 = Xb()) !== s && mp() !== s ? ((e4 = yf()) === s && (e4 = wf()), e4 !== s ? (Yi = r5, r5 = t5 = { type: "rows", expr: e4 }) : ($i = r5, r5 = s)) : ($i = r5, r5 = s);
              r5 === s && (r5 = $i, (t5 = Xb()) !== s && mp() !== s && (e4 = Eb()) !== s && mp() !== s && (n3 = wf()) !== s && mp() !== s && jb() !== s && mp() !== s && (o2 = yf()) !== s ? (Yi = r5, t5 = Kp(e4, { type: "origin", value: "rows" }, { type: "expr_list", value: [n3, o2] }), r5 = t5) : ($i = r5, r5 = s));
              return r5;
            })()) === s && (n2 = null), n2 !== s ? (Yi = r4, r4 = t4 = { name: null, partitionby: t4, orderby: e3, window_frame_clause: n2 }) : ($i = r4, r4 = s)) : ($i = r4, r4 = s)) : ($i = r4, r4 = s);
            return r4;
          })()) === s && (t3 = null), t3 !== s && mp() !== s && hp() !== s ? (Yi = r3, r3 = { window_specification: t3 || {}, parentheses: true }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s)), r3;
        }
        function yf() {
          var t3, e3, n2, o2;
          return t3 = $i, (e3 = Lf()) !== s && mp() !== s ? ("following" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(bo)), n2 !== s ? (Yi = t3, (o2 = e3).value += " FOLLOWING", t3 = e3 = o2) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = hf()), t3;
        }
        function wf() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, (e3 = Lf()) !== s && mp() !== s ? ("preceding" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(po)), n2 === s && ("following" === r2.substr($i, 9).toLowerCase() ? (n2 = r2.substr($i, 9), $i += 9) : (n2 = s, 0 === qi && zi(bo))), n2 !== s ? (Yi = t3, u2 = n2, (o2 = e3).value += " " + u2.toUpperCase(), t3 = e3 = o2) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = hf()), t3;
        }
        function hf() {
          var t3, e3, n2;
          return t3 = $i, "current" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(P)), e3 !== s && mp() !== s ? ("row" === r2.substr($i, 3).toLowerCase() ? (n2 = r2.substr($i, 3), $i += 3) : (n2 = s, 0 === qi && zi(yr)), n2 !== s ? (Yi = t3, t3 = e3 = { type: "origin", value: "current row" }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Lf() {
          var t3, e3;
          return t3 = $i, "unbounded" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(Y)), e3 !== s && (Yi = t3, e3 = { type: "origin", value: e3.toUpperCase() }), (t3 = e3) === s && (t3 = kf()), t3;
        }
        function Cf() {
          var t3, e3;
          return t3 = $i, "year_month" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(yo)), e3 === s && ("day_hour" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(wo)), e3 === s && ("day_minute" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(ho)), e3 === s && ("day_second" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(Lo)), e3 === s && ("day_microsecond" === r2.substr($i, 15).toLowerCase() ? (e3 = r2.substr($i, 15), $i += 15) : (e3 = s, 0 === qi && zi(Co)), e3 === s && ("hour_minute" === r2.substr($i, 11).toLowerCase() ? (e3 = r2.substr($i, 11), $i += 11) : (e3 = s, 0 === qi && zi(mo)), e3 === s && ("hour_second" === r2.substr($i, 11).toLowerCase() ? (e3 = r2.substr($i, 11), $i += 11) : (e3 = s, 0 === qi && zi(Eo)), e3 === s && ("hour_microsecond" === r2.substr($i, 16).toLowerCase() ? (e3 = r2.substr($i, 16), $i += 16) : (e3 = s, 0 === qi && zi(Ao)), e3 === s && ("minute_second" === r2.substr($i, 13).toLowerCase() ? (e3 = r2.substr($i, 13), $i += 13) : (e3 = s, 0 === qi && zi(go)), e3 === s && ("minute_microsecond" === r2.substr($i, 18).toLowerCase() ? (e3 = r2.substr($i, 18), $i += 18) : (e3 = s, 0 === qi && zi(_o)), e3 === s && ("second_microsecond" === r2.substr($i, 18).toLowerCase() ? (e3 = r2.substr($i, 18), $i += 18) : (e3 = s, 0 === qi && zi(To)), e3 === s && ("timezone_hour" === r2.substr($i, 13).toLowerCase() ? (e3 = r2.substr($i, 13), $i += 13) : (e3 = s, 0 === qi && zi(So)), e3 === s && ("timezone_minute" === r2.substr($i, 15).toLowerCase() ? (e3 = r2.substr($i, 15), $i += 15) : (e3 = s, 0 === qi && zi(jo)), e3 === s && ("century" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Io)), e3 === s && ("day" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(xo)), e3 === s && ("date" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(No)), e3 === s && ("decade" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Oo)), e3 === s && ("dow" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Ro)), e3 === s && ("doy" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(ko)), e3 === s && ("epoch" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Uo)), e3 === s && ("hour" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Mo)), e3 === s && ("isodow" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Do)), e3 === s && ("isoweek" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Po)), e3 === s && ("isoyear" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Fo)), e3 === s && ("microseconds" === r2.substr($i, 12).toLowerCase() ? (e3 = r2.substr($i, 12), $i += 12) : (e3 = s, 0 === qi && zi(Go)), e3 === s && ("millennium" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi($o)), e3 === s && ("milliseconds" === r2.substr($i, 12).toLowerCase() ? (e3 = r2.substr($i, 12), $i += 12) : (e3 = s, 0 === qi && zi(Yo)), e3 === s && ("minute" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Ho)), e3 === s && ("month" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Bo)), e3 === s && ("quarter" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Wo)), e3 === s && ("second" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(qo)), e3 === s && ("time" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Xo)), e3 === s && ("timezone" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(Vo)), e3 === s && ("week" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Ko)), e3 === s && ("year" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Qo)))))))))))))))))))))))))))))))))))), e3 !== s && (Yi = t3, e3 = e3), t3 = e3;
        }
        function mf() {
          var t3, e3, n2, o2, u2, a2, i2, c2;
          return t3 = $i, (e3 = xb()) !== s && mp() !== s && wp() !== s && mp() !== s && (n2 = Cf()) !== s && mp() !== s && nb() !== s && mp() !== s ? ((o2 = Kb()) === s && (o2 = zb()) === s && (o2 = Vb()) === s && (o2 = Wb()), o2 !== s && mp() !== s && (u2 = Nl()) !== s && mp() !== s && hp() !== s ? (Yi = t3, a2 = n2, i2 = o2, c2 = u2, t3 = e3 = { type: e3.toLowerCase(), args: { field: a2, cast_type: i2, source: c2 }, ...Xp() }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = xb()) !== s && mp() !== s && wp() !== s && mp() !== s && (n2 = Cf()) !== s && mp() !== s && nb() !== s && mp() !== s && (o2 = Nl()) !== s && mp() !== s && (u2 = hp()) !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { type: r3.toLowerCase(), args: { field: t4, source: e4 }, ...Xp() };
          })(e3, n2, o2)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, "date_trunc" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(zo)), e3 !== s && mp() !== s && wp() !== s && mp() !== s && (n2 = Nl()) !== s && mp() !== s && dp() !== s && mp() !== s && (o2 = Cf()) !== s && mp() !== s && (u2 = hp()) !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            return { type: "function", name: { name: [{ type: "origin", value: "date_trunc" }] }, args: { type: "expr_list", value: [r3, { type: "origin", value: t4 }] }, over: null, ...Xp() };
          })(n2, o2)) : ($i = t3, t3 = s))), t3;
        }
        function Ef() {
          var t3, e3, n2;
          return t3 = $i, (e3 = (function() {
            var t4;
            return "both" === r2.substr($i, 4).toLowerCase() ? (t4 = r2.substr($i, 4), $i += 4) : (t4 = s, 0 === qi && zi(Zo)), t4 === s && ("leading" === r2.substr($i, 7).toLowerCase() ? (t4 = r2.substr($i, 7), $i += 7) : (t4 = s, 0 === qi && zi(Jo)), t4 === s && ("trailing" === r2.substr($i, 8).toLowerCase() ? (t4 = r2.substr($i, 8), $i += 8) : (t4 = s, 0 === qi && zi(rs)))), t4;
          })()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = Nl()) === s && (n2 = null), n2 !== s && mp() !== s && nb() !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            let n3 = [];
            return r3 && n3.push({ type: "origin", value: r3 }), t4 && n3.push(t4), n3.push({ type: "origin", value: "from" }), { type: "expr_list", value: n3 };
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Af() {
          var t3, e3, n2, o2;
          return t3 = $i, "trim" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(ts)), e3 !== s && mp() !== s && wp() !== s && mp() !== s ? ((n2 = Ef()) === s && (n2 = null), n2 !== s && mp() !== s && (o2 = Nl()) !== s && mp() !== s && hp() !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            let e4 = r3 || { type: "expr_list", value: [] };
            return e4.value.push(t4), { type: "function", name: { name: [{ type: "origin", value: "trim" }] }, args: e4, ...Xp() };
          })(n2, o2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function gf() {
          var t3, e3, n2, o2, u2, a2, i2, c2;
          return (t3 = mf()) === s && (t3 = Af()) === s && (t3 = $i, "convert" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(es)), e3 !== s && mp() !== s && (n2 = wp()) !== s && mp() !== s && (o2 = (function() {
            var r3, t4, e4, n3, o3, u3;
            return r3 = $i, (t4 = Np()) !== s && mp() !== s && dp() !== s && mp() !== s ? ((e4 = Yp()) === s && (e4 = Bp()), e4 !== s && mp() !== s && (n3 = Ic()) !== s && mp() !== s && (o3 = Kl()) !== s ? (Yi = r3, r3 = t4 = (function(r4, t5, e5, n4) {
              const { dataType: o4, length: s2 } = t5;
              let u4 = o4;
              return void 0 !== s2 && (u4 = `${u4}(${s2})`), { type: "expr_list", value: [r4, { type: "origin", value: u4, suffix: { prefix: e5, ...n4 } }] };
            })(t4, e4, n3, o3)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t4 = Np()) !== s && mp() !== s && dp() !== s && mp() !== s ? ((e4 = Tf()) === s && (e4 = Gp()), e4 !== s ? (Yi = r3, r3 = t4 = { type: "expr_list", value: [t4, { type: "datatype", ..."string" == typeof (u3 = e4) ? { dataType: u3 } : u3 }] }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3 === s && (r3 = $i, (t4 = Rl()) !== s && mp() !== s && db() !== s && mp() !== s && (e4 = uf()) !== s ? (Yi = r3, r3 = t4 = (function(r4, t5) {
              return r4.suffix = "USING " + t5.toUpperCase(), { type: "expr_list", value: [r4] };
            })(t4, e4)) : ($i = r3, r3 = s))), r3;
          })()) !== s && (u2 = mp()) !== s && hp() !== s ? (Yi = t3, t3 = e3 = { type: "function", name: { name: [{ type: "origin", value: "convert" }] }, args: o2, ...Xp() }) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = (function() {
            var t4;
            (t4 = _f()) === s && (t4 = Jb()) === s && (t4 = Qb()) === s && (t4 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "session_user" === r2.substr($i, 12).toLowerCase() ? (e4 = r2.substr($i, 12), $i += 12) : (e4 = s, 0 === qi && zi(Fa));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "SESSION_USER") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) === s && (t4 = (function() {
              var t5, e4, n3, o3;
              t5 = $i, "system_user" === r2.substr($i, 11).toLowerCase() ? (e4 = r2.substr($i, 11), $i += 11) : (e4 = s, 0 === qi && zi(Ga));
              e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "SYSTEM_USER") : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })());
            return t4;
          })()) !== s && mp() !== s && (n2 = wp()) !== s && mp() !== s ? ((o2 = Tl()) === s && (o2 = null), o2 !== s && (u2 = mp()) !== s && hp() !== s && mp() !== s ? ((a2 = pf()) === s && (a2 = null), a2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return { type: "function", name: { name: [{ type: "default", value: r3 }] }, args: t4 || { type: "expr_list", value: [] }, over: e4, ...Xp() };
          })(e3, o2, a2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = _f()) !== s && mp() !== s ? ((n2 = bf()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = { type: "function", name: { name: [{ type: "origin", value: e3 }] }, over: n2, ...Xp() }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = kp()) !== s ? (Yi = $i, (!qp[(c2 = e3).name[0] && c2.name[0].value.toLowerCase()] ? void 0 : s) !== s && (n2 = mp()) !== s && wp() !== s && (o2 = mp()) !== s ? ((u2 = Rl()) === s && (u2 = null), u2 !== s && mp() !== s && hp() !== s && (a2 = mp()) !== s ? ((i2 = pf()) === s && (i2 = null), i2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
            return t4 && "expr_list" !== t4.type && (t4 = { type: "expr_list", value: [t4] }), (r3.name[0] && "TIMESTAMPDIFF" === r3.name[0].value.toUpperCase() || r3.name[0] && "TIMESTAMPADD" === r3.name[0].value.toUpperCase()) && t4.value && t4.value[0] && (t4.value[0] = { type: "origin", value: t4.value[0].column }), { type: "function", name: r3, args: t4 || { type: "expr_list", value: [] }, over: e4, ...Xp() };
          })(e3, u2, i2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s))))), t3;
        }
        function _f() {
          var t3;
          return (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, "current_date" === r2.substr($i, 12).toLowerCase() ? (e3 = r2.substr($i, 12), $i += 12) : (e3 = s, 0 === qi && zi(ka));
            e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t4, t4 = e3 = "CURRENT_DATE") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, "current_time" === r2.substr($i, 12).toLowerCase() ? (e3 = r2.substr($i, 12), $i += 12) : (e3 = s, 0 === qi && zi(Ma));
            e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t4, t4 = e3 = "CURRENT_TIME") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (t3 = Zb()), t3;
        }
        function Tf() {
          var t3;
          return (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, "signed" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(pa));
            e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t4, t4 = e3 = "SIGNED") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2;
            t4 = $i, "unsigned" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(va));
            e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t4, t4 = e3 = "UNSIGNED") : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()), t3;
        }
        function Sf() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2;
          return t3 = $i, "binary" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(ns)), e3 === s && ("_binary" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(os))), e3 === s && (e3 = null), e3 !== s && mp() !== s && (n2 = xf()) !== s ? (o2 = $i, (u2 = mp()) !== s && (a2 = vc()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s), o2 === s && (o2 = null), o2 !== s ? (Yi = t3, c2 = n2, l2 = o2, (i2 = e3) && (c2.prefix = i2.toLowerCase()), l2 && (c2.suffix = { collate: l2[1] }), t3 = e3 = c2) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3 === s && (t3 = (function() {
            var t4, e4;
            t4 = $i, (e4 = (function() {
              var t5, e5, n3, o3;
              t5 = $i, "true" === r2.substr($i, 4).toLowerCase() ? (e5 = r2.substr($i, 4), $i += 4) : (e5 = s, 0 === qi && zi(Bs));
              e5 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e5 = [e5, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && (Yi = t4, e4 = { type: "bool", value: true });
            (t4 = e4) === s && (t4 = $i, (e4 = (function() {
              var t5, e5, n3, o3;
              t5 = $i, "false" === r2.substr($i, 5).toLowerCase() ? (e5 = r2.substr($i, 5), $i += 5) : (e5 = s, 0 === qi && zi(qs));
              e5 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? t5 = e5 = [e5, n3] : ($i = t5, t5 = s)) : ($i = t5, t5 = s);
              return t5;
            })()) !== s && (Yi = t4, e4 = { type: "bool", value: false }), t4 = e4);
            return t4;
          })()) === s && (t3 = If()) === s && (t3 = (function() {
            var t4, e4, n3, o3, u3, a3;
            t4 = $i, (e4 = Vb()) === s && (e4 = Wb()) === s && (e4 = Kb()) === s && (e4 = qb());
            if (e4 !== s) if (mp() !== s) {
              if (n3 = $i, 39 === r2.charCodeAt($i) ? (o3 = "'", $i++) : (o3 = s, 0 === qi && zi(Nt)), o3 !== s) {
                for (u3 = [], a3 = Of(); a3 !== s; ) u3.push(a3), a3 = Of();
                u3 !== s ? (39 === r2.charCodeAt($i) ? (a3 = "'", $i++) : (a3 = s, 0 === qi && zi(Nt)), a3 !== s ? n3 = o3 = [o3, u3, a3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s);
              } else $i = n3, n3 = s;
              n3 !== s ? (Yi = t4, e4 = bs(e4, n3), t4 = e4) : ($i = t4, t4 = s);
            } else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            if (t4 === s) if (t4 = $i, (e4 = Vb()) === s && (e4 = Wb()) === s && (e4 = Kb()) === s && (e4 = qb()), e4 !== s) if (mp() !== s) {
              if (n3 = $i, 34 === r2.charCodeAt($i) ? (o3 = '"', $i++) : (o3 = s, 0 === qi && zi(Xn)), o3 !== s) {
                for (u3 = [], a3 = Nf(); a3 !== s; ) u3.push(a3), a3 = Nf();
                u3 !== s ? (34 === r2.charCodeAt($i) ? (a3 = '"', $i++) : (a3 = s, 0 === qi && zi(Xn)), a3 !== s ? n3 = o3 = [o3, u3, a3] : ($i = n3, n3 = s)) : ($i = n3, n3 = s);
              } else $i = n3, n3 = s;
              n3 !== s ? (Yi = t4, e4 = bs(e4, n3), t4 = e4) : ($i = t4, t4 = s);
            } else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            return t4;
          })()), t3;
        }
        function jf() {
          var r3;
          return (r3 = Sf()) === s && (r3 = kf()), r3;
        }
        function If() {
          var t3, e3;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n2, o2;
            t4 = $i, "null" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Ys));
            e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t4 = e4 = [e4, n2] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) !== s && (Yi = t3, e3 = { type: "null", value: null }), t3 = e3;
        }
        function xf() {
          var t3, e3, n2, o2, u2, a2, i2, c2;
          if (t3 = $i, "_binary" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(os)), e3 === s && ("_latin1" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ss))), e3 === s && (e3 = null), e3 !== s) if ((n2 = mp()) !== s) if ("x" === r2.substr($i, 1).toLowerCase() ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(us)), o2 !== s) {
            if (u2 = $i, 39 === r2.charCodeAt($i) ? (a2 = "'", $i++) : (a2 = s, 0 === qi && zi(Nt)), a2 !== s) {
              for (i2 = [], as.test(r2.charAt($i)) ? (c2 = r2.charAt($i), $i++) : (c2 = s, 0 === qi && zi(is)); c2 !== s; ) i2.push(c2), as.test(r2.charAt($i)) ? (c2 = r2.charAt($i), $i++) : (c2 = s, 0 === qi && zi(is));
              i2 !== s ? (39 === r2.charCodeAt($i) ? (c2 = "'", $i++) : (c2 = s, 0 === qi && zi(Nt)), c2 !== s ? u2 = a2 = [a2, i2, c2] : ($i = u2, u2 = s)) : ($i = u2, u2 = s);
            } else $i = u2, u2 = s;
            u2 !== s ? (Yi = t3, t3 = e3 = { type: "hex_string", prefix: e3, value: u2[1].join("") }) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          if (t3 === s) {
            if (t3 = $i, "_binary" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(os)), e3 === s && ("_latin1" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ss))), e3 === s && (e3 = null), e3 !== s) if ((n2 = mp()) !== s) if ("b" === r2.substr($i, 1).toLowerCase() ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(cs)), o2 !== s) {
              if (u2 = $i, 39 === r2.charCodeAt($i) ? (a2 = "'", $i++) : (a2 = s, 0 === qi && zi(Nt)), a2 !== s) {
                for (i2 = [], as.test(r2.charAt($i)) ? (c2 = r2.charAt($i), $i++) : (c2 = s, 0 === qi && zi(is)); c2 !== s; ) i2.push(c2), as.test(r2.charAt($i)) ? (c2 = r2.charAt($i), $i++) : (c2 = s, 0 === qi && zi(is));
                i2 !== s ? (39 === r2.charCodeAt($i) ? (c2 = "'", $i++) : (c2 = s, 0 === qi && zi(Nt)), c2 !== s ? u2 = a2 = [a2, i2, c2] : ($i = u2, u2 = s)) : ($i = u2, u2 = s);
              } else $i = u2, u2 = s;
              u2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
                return { type: "bit_string", prefix: r3, value: e4[1].join("") };
              })(e3, 0, u2)) : ($i = t3, t3 = s);
            } else $i = t3, t3 = s;
            else $i = t3, t3 = s;
            else $i = t3, t3 = s;
            if (t3 === s) {
              if (t3 = $i, "_binary" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(os)), e3 === s && ("_latin1" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ss))), e3 === s && (e3 = null), e3 !== s) if ((n2 = mp()) !== s) if ("0x" === r2.substr($i, 2).toLowerCase() ? (o2 = r2.substr($i, 2), $i += 2) : (o2 = s, 0 === qi && zi(ls)), o2 !== s) {
                for (u2 = [], as.test(r2.charAt($i)) ? (a2 = r2.charAt($i), $i++) : (a2 = s, 0 === qi && zi(is)); a2 !== s; ) u2.push(a2), as.test(r2.charAt($i)) ? (a2 = r2.charAt($i), $i++) : (a2 = s, 0 === qi && zi(is));
                u2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4, e4) {
                  return { type: "full_hex_string", prefix: r3, value: e4.join("") };
                })(e3, 0, u2)) : ($i = t3, t3 = s);
              } else $i = t3, t3 = s;
              else $i = t3, t3 = s;
              else $i = t3, t3 = s;
              if (t3 === s) {
                if (t3 = $i, "n" === r2.substr($i, 1).toLowerCase() ? (e3 = r2.charAt($i), $i++) : (e3 = s, 0 === qi && zi(fs)), e3 !== s) {
                  if (n2 = $i, 39 === r2.charCodeAt($i) ? (o2 = "'", $i++) : (o2 = s, 0 === qi && zi(Nt)), o2 !== s) {
                    for (u2 = [], a2 = Of(); a2 !== s; ) u2.push(a2), a2 = Of();
                    u2 !== s ? (39 === r2.charCodeAt($i) ? (a2 = "'", $i++) : (a2 = s, 0 === qi && zi(Nt)), a2 !== s ? n2 = o2 = [o2, u2, a2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s);
                  } else $i = n2, n2 = s;
                  n2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
                    return { type: "natural_string", value: t4[1].join("") };
                  })(0, n2)) : ($i = t3, t3 = s);
                } else $i = t3, t3 = s;
                if (t3 === s) {
                  if (t3 = $i, e3 = $i, 39 === r2.charCodeAt($i) ? (n2 = "'", $i++) : (n2 = s, 0 === qi && zi(Nt)), n2 !== s) {
                    for (o2 = [], u2 = Of(); u2 !== s; ) o2.push(u2), u2 = Of();
                    o2 !== s ? (39 === r2.charCodeAt($i) ? (u2 = "'", $i++) : (u2 = s, 0 === qi && zi(Nt)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s);
                  } else $i = e3, e3 = s;
                  if (e3 !== s && (Yi = t3, e3 = (function(r3) {
                    return { type: "single_quote_string", value: r3[1].join("") };
                  })(e3)), (t3 = e3) === s) {
                    if (t3 = $i, e3 = $i, 34 === r2.charCodeAt($i) ? (n2 = '"', $i++) : (n2 = s, 0 === qi && zi(Xn)), n2 !== s) {
                      for (o2 = [], u2 = Nf(); u2 !== s; ) o2.push(u2), u2 = Nf();
                      o2 !== s ? (34 === r2.charCodeAt($i) ? (u2 = '"', $i++) : (u2 = s, 0 === qi && zi(Xn)), u2 !== s ? e3 = n2 = [n2, o2, u2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s);
                    } else $i = e3, e3 = s;
                    e3 !== s && (Yi = t3, e3 = (function(r3) {
                      return { type: "double_quote_string", value: r3[1].join("") };
                    })(e3)), t3 = e3;
                  }
                }
              }
            }
          }
          return t3;
        }
        function Nf() {
          var t3;
          return ps.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(vs)), t3 === s && (t3 = Rf()) === s && (ds.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(ys))), t3;
        }
        function Of() {
          var t3;
          return ws.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(hs)), t3 === s && (t3 = Rf()), t3;
        }
        function Rf() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2, f2;
          return t3 = $i, "\\'" === r2.substr($i, 2) ? (e3 = "\\'", $i += 2) : (e3 = s, 0 === qi && zi(Ls)), e3 !== s && (Yi = t3, e3 = "\\'"), (t3 = e3) === s && (t3 = $i, '\\"' === r2.substr($i, 2) ? (e3 = '\\"', $i += 2) : (e3 = s, 0 === qi && zi(Cs)), e3 !== s && (Yi = t3, e3 = '\\"'), (t3 = e3) === s && (t3 = $i, "\\\\" === r2.substr($i, 2) ? (e3 = "\\\\", $i += 2) : (e3 = s, 0 === qi && zi(ms)), e3 !== s && (Yi = t3, e3 = "\\\\"), (t3 = e3) === s && (t3 = $i, "\\/" === r2.substr($i, 2) ? (e3 = "\\/", $i += 2) : (e3 = s, 0 === qi && zi(Es)), e3 !== s && (Yi = t3, e3 = "\\/"), (t3 = e3) === s && (t3 = $i, "\\b" === r2.substr($i, 2) ? (e3 = "\\b", $i += 2) : (e3 = s, 0 === qi && zi(As)), e3 !== s && (Yi = t3, e3 = "\b"), (t3 = e3) === s && (t3 = $i, "\\f" === r2.substr($i, 2) ? (e3 = "\\f", $i += 2) : (e3 = s, 0 === qi && zi(gs)), e3 !== s && (Yi = t3, e3 = "\f"), (t3 = e3) === s && (t3 = $i, "\\n" === r2.substr($i, 2) ? (e3 = "\\n", $i += 2) : (e3 = s, 0 === qi && zi(_s)), e3 !== s && (Yi = t3, e3 = "\n"), (t3 = e3) === s && (t3 = $i, "\\r" === r2.substr($i, 2) ? (e3 = "\\r", $i += 2) : (e3 = s, 0 === qi && zi(Ts)), e3 !== s && (Yi = t3, e3 = "\r"), (t3 = e3) === s && (t3 = $i, "\\t" === r2.substr($i, 2) ? (e3 = "\\t", $i += 2) : (e3 = s, 0 === qi && zi(Ss)), e3 !== s && (Yi = t3, e3 = "	"), (t3 = e3) === s && (t3 = $i, "\\u" === r2.substr($i, 2) ? (e3 = "\\u", $i += 2) : (e3 = s, 0 === qi && zi(js)), e3 !== s && (n2 = Gf()) !== s && (o2 = Gf()) !== s && (u2 = Gf()) !== s && (a2 = Gf()) !== s ? (Yi = t3, i2 = n2, c2 = o2, l2 = u2, f2 = a2, t3 = e3 = String.fromCharCode(parseInt("0x" + i2 + c2 + l2 + f2))) : ($i = t3, t3 = s), t3 === s && (t3 = $i, 92 === r2.charCodeAt($i) ? (e3 = "\\", $i++) : (e3 = s, 0 === qi && zi(Is)), e3 !== s && (Yi = t3, e3 = "\\"), (t3 = e3) === s && (t3 = $i, "''" === r2.substr($i, 2) ? (e3 = "''", $i += 2) : (e3 = s, 0 === qi && zi(xs)), e3 !== s && (Yi = t3, e3 = "''"), (t3 = e3) === s && (t3 = $i, '""' === r2.substr($i, 2) ? (e3 = '""', $i += 2) : (e3 = s, 0 === qi && zi(Ns)), e3 !== s && (Yi = t3, e3 = '""'), (t3 = e3) === s && (t3 = $i, "``" === r2.substr($i, 2) ? (e3 = "``", $i += 2) : (e3 = s, 0 === qi && zi(Os)), e3 !== s && (Yi = t3, e3 = "``"), t3 = e3))))))))))))), t3;
        }
        function kf() {
          var r3, t3, e3;
          return r3 = $i, (t3 = (function() {
            var r4, t4, e4, n2;
            r4 = $i, (t4 = Uf()) !== s && (e4 = Mf()) !== s && (n2 = Df()) !== s ? (Yi = r4, r4 = t4 = { type: "bigint", value: t4 + e4 + n2 }) : ($i = r4, r4 = s);
            r4 === s && (r4 = $i, (t4 = Uf()) !== s && (e4 = Mf()) !== s ? (Yi = r4, t4 = (function(r5, t5) {
              const e5 = r5 + t5;
              if (Qp(r5)) return { type: "bigint", value: e5 };
              const n3 = t5.length >= 1 ? t5.length - 1 : 0;
              return parseFloat(e5).toFixed(n3);
            })(t4, e4), r4 = t4) : ($i = r4, r4 = s), r4 === s && (r4 = $i, (t4 = Uf()) !== s && (e4 = Df()) !== s ? (Yi = r4, t4 = (function(r5, t5) {
              return { type: "bigint", value: r5 + t5 };
            })(t4, e4), r4 = t4) : ($i = r4, r4 = s), r4 === s && (r4 = $i, (t4 = Uf()) !== s && (Yi = r4, t4 = (function(r5) {
              return Qp(r5) ? { type: "bigint", value: r5 } : parseFloat(r5);
            })(t4)), r4 = t4)));
            return r4;
          })()) !== s && (Yi = r3, t3 = (e3 = t3) && "bigint" === e3.type ? e3 : { type: "number", value: e3 }), r3 = t3;
        }
        function Uf() {
          var t3, e3, n2;
          return (t3 = Pf()) === s && (t3 = Ff()) === s && (t3 = $i, 45 === r2.charCodeAt($i) ? (e3 = "-", $i++) : (e3 = s, 0 === qi && zi(Nn)), e3 === s && (43 === r2.charCodeAt($i) ? (e3 = "+", $i++) : (e3 = s, 0 === qi && zi(xn))), e3 !== s && (n2 = Pf()) !== s ? (Yi = t3, t3 = e3 = e3 + n2) : ($i = t3, t3 = s), t3 === s && (t3 = $i, 45 === r2.charCodeAt($i) ? (e3 = "-", $i++) : (e3 = s, 0 === qi && zi(Nn)), e3 === s && (43 === r2.charCodeAt($i) ? (e3 = "+", $i++) : (e3 = s, 0 === qi && zi(xn))), e3 !== s && (n2 = Ff()) !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            return r3 + t4;
          })(e3, n2)) : ($i = t3, t3 = s))), t3;
        }
        function Mf() {
          var t3, e3, n2, o2;
          return t3 = $i, 46 === r2.charCodeAt($i) ? (e3 = ".", $i++) : (e3 = s, 0 === qi && zi(Us)), e3 !== s ? ((n2 = Pf()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (o2 = n2) ? "." + o2 : "") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Df() {
          var t3, e3, n2;
          return t3 = $i, (e3 = (function() {
            var t4, e4, n3;
            t4 = $i, Ps.test(r2.charAt($i)) ? (e4 = r2.charAt($i), $i++) : (e4 = s, 0 === qi && zi(Fs));
            e4 !== s ? (Gs.test(r2.charAt($i)) ? (n3 = r2.charAt($i), $i++) : (n3 = s, 0 === qi && zi($s)), n3 === s && (n3 = null), n3 !== s ? (Yi = t4, t4 = e4 = e4 + (null !== (o2 = n3) ? o2 : "")) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            var o2;
            return t4;
          })()) !== s && (n2 = Pf()) !== s ? (Yi = t3, t3 = e3 = e3 + n2) : ($i = t3, t3 = s), t3;
        }
        function Pf() {
          var r3, t3, e3;
          if (r3 = $i, t3 = [], (e3 = Ff()) !== s) for (; e3 !== s; ) t3.push(e3), e3 = Ff();
          else t3 = s;
          return t3 !== s && (Yi = r3, t3 = t3.join("")), r3 = t3;
        }
        function Ff() {
          var t3;
          return Qr.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(zr)), t3;
        }
        function Gf() {
          var t3;
          return Ms.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(Ds)), t3;
        }
        function $f() {
          var t3, e3, n2, o2;
          return t3 = $i, "default" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(k)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Yf() {
          var t3, e3, n2, o2;
          return t3 = $i, "to" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(Ws)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Hf() {
          var t3, e3, n2, o2;
          return t3 = $i, "show" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Xs)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Bf() {
          var t3, e3, n2, o2;
          return t3 = $i, "drop" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Mr)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DROP") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Wf() {
          var t3, e3, n2, o2;
          return t3 = $i, "alter" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Ks)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function qf() {
          var t3, e3, n2, o2;
          return t3 = $i, "select" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Qs)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Xf() {
          var t3, e3, n2, o2;
          return t3 = $i, "update" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(zs)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Vf() {
          var t3, e3, n2, o2;
          return t3 = $i, "create" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Zs)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Kf() {
          var t3, e3, n2, o2;
          return t3 = $i, "temporary" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(Js)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Qf() {
          var t3, e3, n2, o2;
          return t3 = $i, "delete" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(ru)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function zf() {
          var t3, e3, n2, o2;
          return t3 = $i, "insert" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(tu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Zf() {
          var t3, e3, n2, o2;
          return t3 = $i, "replace" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(nu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Jf() {
          var t3, e3, n2, o2;
          return t3 = $i, "rename" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(su)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function rb() {
          var t3, e3, n2, o2;
          return t3 = $i, "ignore" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(uu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function tb() {
          var t3, e3, n2, o2;
          return t3 = $i, "partition" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(iu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "PARTITION") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function eb() {
          var t3, e3, n2, o2;
          return t3 = $i, "into" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Oe)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function nb() {
          var t3, e3, n2, o2;
          return t3 = $i, "from" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(cu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ob() {
          var t3, e3, n2, o2;
          return t3 = $i, "set" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(bt)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "SET") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function sb() {
          var t3, e3, n2, o2;
          return t3 = $i, "as" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(h)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ub() {
          var t3, e3, n2, o2;
          return t3 = $i, "table" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Re)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "TABLE") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ab() {
          var t3, e3, n2, o2;
          return t3 = $i, "trigger" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(lu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "TRIGGER") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ib() {
          var t3, e3, n2, o2;
          return t3 = $i, "tables" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(fu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "TABLES") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function cb() {
          var t3, e3, n2, o2;
          return t3 = $i, "database" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(bu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DATABASE") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function lb() {
          var t3, e3, n2, o2;
          return t3 = $i, "schema" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(pu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "SCHEMA") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function fb() {
          var t3, e3, n2, o2;
          return t3 = $i, "on" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(vu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function bb() {
          var t3, e3, n2, o2;
          return t3 = $i, "join" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Cu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function pb() {
          var t3, e3, n2, o2;
          return t3 = $i, "outer" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(mu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function vb() {
          var t3, e3, n2, o2;
          return t3 = $i, "values" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Tu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function db() {
          var t3, e3, n2, o2;
          return t3 = $i, "using" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(Su)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function yb() {
          var t3, e3, n2, o2;
          return t3 = $i, "with" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(v)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function wb() {
          var t3, e3, n2, o2;
          return t3 = $i, "by" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(d)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function hb() {
          var t3, e3, n2, o2;
          return t3 = $i, "asc" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(ku)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "ASC") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Lb() {
          var t3, e3, n2, o2;
          return t3 = $i, "desc" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Uu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DESC") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Cb() {
          var t3, e3, n2, o2;
          return t3 = $i, "all" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Du)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "ALL") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function mb() {
          var t3, e3, n2, o2;
          return t3 = $i, "distinct" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(Pu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DISTINCT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Eb() {
          var t3, e3, n2, o2;
          return t3 = $i, "between" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Fu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "BETWEEN") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Ab() {
          var t3, e3, n2, o2;
          return t3 = $i, "in" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(qe)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "IN") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function gb() {
          var t3, e3, n2, o2;
          return t3 = $i, "is" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(Gu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "IS") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function _b() {
          var t3, e3, n2, o2;
          return t3 = $i, "like" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi($u)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "LIKE") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Tb() {
          var t3, e3, n2, o2;
          return t3 = $i, "exists" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Bu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "EXISTS") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Sb() {
          var t3, e3, n2, o2;
          return t3 = $i, "not" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Jr)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "NOT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function jb() {
          var t3, e3, n2, o2;
          return t3 = $i, "and" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Wu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "AND") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Ib() {
          var t3, e3, n2, o2;
          return t3 = $i, "or" === r2.substr($i, 2).toLowerCase() ? (e3 = r2.substr($i, 2), $i += 2) : (e3 = s, 0 === qi && zi(qu)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "OR") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function xb() {
          var t3, e3, n2, o2;
          return t3 = $i, "extract" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Ju)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "EXTRACT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Nb() {
          var t3, e3, n2, o2;
          return t3 = $i, "case" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(ta)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Ob() {
          var t3, e3, n2, o2;
          return t3 = $i, "end" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(sa)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? t3 = e3 = [e3, n2] : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Rb() {
          var t3, e3, n2, o2;
          return t3 = $i, "cast" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(ua)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "CAST") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function kb() {
          var t3, e3, n2, o2;
          return t3 = $i, "bit" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(ia)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "BIT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Ub() {
          var t3, e3, n2, o2;
          return t3 = $i, "numeric" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(fa)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "NUMERIC") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Mb() {
          var t3, e3, n2, o2;
          return t3 = $i, "decimal" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ba)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DECIMAL") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Db() {
          var t3, e3, n2, o2;
          return t3 = $i, "int" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(da)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "INT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Pb() {
          var t3, e3, n2, o2;
          return t3 = $i, "integer" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(wa)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "INTEGER") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Fb() {
          var t3, e3, n2, o2;
          return t3 = $i, "smallint" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(La)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "SMALLINT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Gb() {
          var t3, e3, n2, o2;
          return t3 = $i, "mediumint" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(Ca)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "MEDIUMINT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function $b() {
          var t3, e3, n2, o2;
          return t3 = $i, "tinyint" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ma)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "TINYINT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Yb() {
          var t3, e3, n2, o2;
          return t3 = $i, "bigint" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Ta)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "BIGINT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Hb() {
          var t3, e3, n2, o2;
          return t3 = $i, "float" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(ja)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "FLOAT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Bb() {
          var t3, e3, n2, o2;
          return t3 = $i, "double" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(Ia)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DOUBLE") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Wb() {
          var t3, e3, n2, o2;
          return t3 = $i, "date" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(No)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DATE") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function qb() {
          var t3, e3, n2, o2;
          return t3 = $i, "datetime" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(xa)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "DATETIME") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Xb() {
          var t3, e3, n2, o2;
          return t3 = $i, "rows" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(ke)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "ROWS") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Vb() {
          var t3, e3, n2, o2;
          return t3 = $i, "time" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Xo)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "TIME") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Kb() {
          var t3, e3, n2, o2;
          return t3 = $i, "timestamp" === r2.substr($i, 9).toLowerCase() ? (e3 = r2.substr($i, 9), $i += 9) : (e3 = s, 0 === qi && zi(Na)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "TIMESTAMP") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Qb() {
          var t3, e3, n2, o2;
          return t3 = $i, "user" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Oa)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "USER") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function zb() {
          var t3, e3, n2, o2;
          return t3 = $i, "interval" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(Ua)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "INTERVAL") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Zb() {
          var t3, e3, n2, o2;
          return t3 = $i, "current_timestamp" === r2.substr($i, 17).toLowerCase() ? (e3 = r2.substr($i, 17), $i += 17) : (e3 = s, 0 === qi && zi(Da)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "CURRENT_TIMESTAMP") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Jb() {
          var t3, e3, n2, o2;
          return t3 = $i, "current_user" === r2.substr($i, 12).toLowerCase() ? (e3 = r2.substr($i, 12), $i += 12) : (e3 = s, 0 === qi && zi(Pa)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "CURRENT_USER") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function rp() {
          var t3, e3, n2, o2;
          return t3 = $i, "view" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Ue)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "VIEW") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function tp() {
          var t3;
          return 64 === r2.charCodeAt($i) ? (t3 = "@", $i++) : (t3 = s, 0 === qi && zi(lr)), t3;
        }
        function ep() {
          var t3;
          return (t3 = (function() {
            var t4;
            return "@@" === r2.substr($i, 2) ? (t4 = "@@", $i += 2) : (t4 = s, 0 === qi && zi(Ja)), t4;
          })()) === s && (t3 = tp()) === s && (t3 = (function() {
            var t4;
            return 36 === r2.charCodeAt($i) ? (t4 = "$", $i++) : (t4 = s, 0 === qi && zi(ri)), t4;
          })()), t3;
        }
        function np() {
          var t3;
          return ":=" === r2.substr($i, 2) ? (t3 = ":=", $i += 2) : (t3 = s, 0 === qi && zi(ei)), t3;
        }
        function op() {
          var t3;
          return 61 === r2.charCodeAt($i) ? (t3 = "=", $i++) : (t3 = s, 0 === qi && zi(Ln)), t3;
        }
        function sp() {
          var t3, e3, n2, o2;
          return t3 = $i, "add" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(oi)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "ADD") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function up() {
          var t3, e3, n2, o2;
          return t3 = $i, "column" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(si)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "COLUMN") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ap() {
          var t3, e3, n2, o2;
          return t3 = $i, "index" === r2.substr($i, 5).toLowerCase() ? (e3 = r2.substr($i, 5), $i += 5) : (e3 = s, 0 === qi && zi(jt)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "INDEX") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function ip() {
          var t3, e3, n2, o2;
          return t3 = $i, "key" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(ir)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "KEY") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function cp() {
          var t3, e3, n2, o2;
          return t3 = $i, "fulltext" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(ai)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "FULLTEXT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function lp() {
          var t3, e3, n2, o2;
          return t3 = $i, "spatial" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ii)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "SPATIAL") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function fp() {
          var t3, e3, n2, o2;
          return t3 = $i, "unique" === r2.substr($i, 6).toLowerCase() ? (e3 = r2.substr($i, 6), $i += 6) : (e3 = s, 0 === qi && zi(ar)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "UNIQUE") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function bp() {
          var t3, e3, n2, o2;
          return t3 = $i, "comment" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(ci)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "COMMENT") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function pp() {
          var t3, e3, n2, o2;
          return t3 = $i, "references" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(fi)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t3, t3 = e3 = "REFERENCES") : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function vp() {
          var t3;
          return 46 === r2.charCodeAt($i) ? (t3 = ".", $i++) : (t3 = s, 0 === qi && zi(Us)), t3;
        }
        function dp() {
          var t3;
          return 44 === r2.charCodeAt($i) ? (t3 = ",", $i++) : (t3 = s, 0 === qi && zi(hi)), t3;
        }
        function yp() {
          var t3;
          return 42 === r2.charCodeAt($i) ? (t3 = "*", $i++) : (t3 = s, 0 === qi && zi(On)), t3;
        }
        function wp() {
          var t3;
          return 40 === r2.charCodeAt($i) ? (t3 = "(", $i++) : (t3 = s, 0 === qi && zi(Be)), t3;
        }
        function hp() {
          var t3;
          return 41 === r2.charCodeAt($i) ? (t3 = ")", $i++) : (t3 = s, 0 === qi && zi(We)), t3;
        }
        function Lp() {
          var t3;
          return 59 === r2.charCodeAt($i) ? (t3 = ";", $i++) : (t3 = s, 0 === qi && zi(mi)), t3;
        }
        function Cp() {
          var t3;
          return (t3 = (function() {
            var t4;
            return "||" === r2.substr($i, 2) ? (t4 = "||", $i += 2) : (t4 = s, 0 === qi && zi(Un)), t4;
          })()) === s && (t3 = (function() {
            var t4;
            return "&&" === r2.substr($i, 2) ? (t4 = "&&", $i += 2) : (t4 = s, 0 === qi && zi(Ei)), t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2;
            return t4 = $i, "xor" === r2.substr($i, 3).toLowerCase() ? (e3 = r2.substr($i, 3), $i += 3) : (e3 = s, 0 === qi && zi(Ai)), e3 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t4, t4 = e3 = "XOR") : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4;
          })()), t3;
        }
        function mp() {
          var r3, t3;
          for (r3 = [], (t3 = Tp()) === s && (t3 = Ap()); t3 !== s; ) r3.push(t3), (t3 = Tp()) === s && (t3 = Ap());
          return r3;
        }
        function Ep() {
          var r3, t3;
          if (r3 = [], (t3 = Tp()) === s && (t3 = Ap()), t3 !== s) for (; t3 !== s; ) r3.push(t3), (t3 = Tp()) === s && (t3 = Ap());
          else r3 = s;
          return r3;
        }
        function Ap() {
          var t3;
          return (t3 = (function() {
            var t4, e3, n2, o2, u2, a2;
            t4 = $i, "/*" === r2.substr($i, 2) ? (e3 = "/*", $i += 2) : (e3 = s, 0 === qi && zi(gi));
            if (e3 !== s) {
              for (n2 = [], o2 = $i, u2 = $i, qi++, "*/" === r2.substr($i, 2) ? (a2 = "*/", $i += 2) : (a2 = s, 0 === qi && zi(_i)), qi--, a2 === s ? u2 = void 0 : ($i = u2, u2 = s), u2 !== s && (a2 = _p()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s); o2 !== s; ) n2.push(o2), o2 = $i, u2 = $i, qi++, "*/" === r2.substr($i, 2) ? (a2 = "*/", $i += 2) : (a2 = s, 0 === qi && zi(_i)), qi--, a2 === s ? u2 = void 0 : ($i = u2, u2 = s), u2 !== s && (a2 = _p()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s);
              n2 !== s ? ("*/" === r2.substr($i, 2) ? (o2 = "*/", $i += 2) : (o2 = s, 0 === qi && zi(_i)), o2 !== s ? t4 = e3 = [e3, n2, o2] : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            } else $i = t4, t4 = s;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2, a2;
            t4 = $i, "--" === r2.substr($i, 2) ? (e3 = "--", $i += 2) : (e3 = s, 0 === qi && zi(Ti));
            if (e3 !== s) {
              for (n2 = [], o2 = $i, u2 = $i, qi++, a2 = Sp(), qi--, a2 === s ? u2 = void 0 : ($i = u2, u2 = s), u2 !== s && (a2 = _p()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s); o2 !== s; ) n2.push(o2), o2 = $i, u2 = $i, qi++, a2 = Sp(), qi--, a2 === s ? u2 = void 0 : ($i = u2, u2 = s), u2 !== s && (a2 = _p()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s);
              n2 !== s ? t4 = e3 = [e3, n2] : ($i = t4, t4 = s);
            } else $i = t4, t4 = s;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2, a2;
            t4 = $i, 35 === r2.charCodeAt($i) ? (e3 = "#", $i++) : (e3 = s, 0 === qi && zi(Si));
            if (e3 !== s) {
              for (n2 = [], o2 = $i, u2 = $i, qi++, a2 = Sp(), qi--, a2 === s ? u2 = void 0 : ($i = u2, u2 = s), u2 !== s && (a2 = _p()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s); o2 !== s; ) n2.push(o2), o2 = $i, u2 = $i, qi++, a2 = Sp(), qi--, a2 === s ? u2 = void 0 : ($i = u2, u2 = s), u2 !== s && (a2 = _p()) !== s ? o2 = u2 = [u2, a2] : ($i = o2, o2 = s);
              n2 !== s ? t4 = e3 = [e3, n2] : ($i = t4, t4 = s);
            } else $i = t4, t4 = s;
            return t4;
          })()), t3;
        }
        function gp() {
          var r3, t3, e3, n2, o2, u2, a2;
          return r3 = $i, (t3 = bp()) !== s && mp() !== s ? ((e3 = op()) === s && (e3 = null), e3 !== s && mp() !== s && (n2 = xf()) !== s ? (Yi = r3, u2 = e3, a2 = n2, r3 = t3 = { type: (o2 = t3).toLowerCase(), keyword: o2.toLowerCase(), symbol: u2, value: a2 }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function _p() {
          var t3;
          return r2.length > $i ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(ji)), t3;
        }
        function Tp() {
          var t3;
          return Ii.test(r2.charAt($i)) ? (t3 = r2.charAt($i), $i++) : (t3 = s, 0 === qi && zi(xi)), t3;
        }
        function Sp() {
          var t3, e3;
          if ((t3 = (function() {
            var t4, e4;
            t4 = $i, qi++, r2.length > $i ? (e4 = r2.charAt($i), $i++) : (e4 = s, 0 === qi && zi(ji));
            qi--, e4 === s ? t4 = void 0 : ($i = t4, t4 = s);
            return t4;
          })()) === s) if (t3 = [], Rs.test(r2.charAt($i)) ? (e3 = r2.charAt($i), $i++) : (e3 = s, 0 === qi && zi(ks)), e3 !== s) for (; e3 !== s; ) t3.push(e3), Rs.test(r2.charAt($i)) ? (e3 = r2.charAt($i), $i++) : (e3 = s, 0 === qi && zi(ks));
          else t3 = s;
          return t3;
        }
        function jp() {
          var t3, e3;
          return t3 = $i, Yi = $i, ev = [], (true ? void 0 : s) !== s && mp() !== s ? ((e3 = Ip()) === s && (e3 = (function() {
            var t4, e4;
            t4 = $i, (function() {
              var t5;
              return "return" === r2.substr($i, 6).toLowerCase() ? (t5 = r2.substr($i, 6), $i += 6) : (t5 = s, 0 === qi && zi(ti)), t5;
            })() !== s && mp() !== s && (e4 = xp()) !== s ? (Yi = t4, t4 = { type: "return", expr: e4 }) : ($i = t4, t4 = s);
            return t4;
          })()), e3 !== s ? (Yi = t3, t3 = { stmt: e3, vars: ev }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Ip() {
          var r3, t3, e3, n2;
          return r3 = $i, (t3 = Pp()) === s && (t3 = Fp()), t3 !== s && mp() !== s ? ((e3 = np()) === s && (e3 = op()), e3 !== s && mp() !== s && (n2 = xp()) !== s ? (Yi = r3, r3 = t3 = Ni(t3, e3, n2)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function xp() {
          var t3;
          return (t3 = $c()) === s && (t3 = (function() {
            var r3, t4, e3, n2, o2;
            r3 = $i, (t4 = Pp()) !== s && mp() !== s && (e3 = al()) !== s && mp() !== s && (n2 = Pp()) !== s && mp() !== s && (o2 = cl()) !== s ? (Yi = r3, r3 = t4 = { type: "join", ltable: t4, rtable: n2, op: e3, on: o2 }) : ($i = r3, r3 = s);
            return r3;
          })()) === s && (t3 = Np()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, (function() {
              var t5;
              return 91 === r2.charCodeAt($i) ? (t5 = "[", $i++) : (t5 = s, 0 === qi && zi(Li)), t5;
            })() !== s && mp() !== s && (e3 = Dp()) !== s && mp() !== s && (function() {
              var t5;
              return 93 === r2.charCodeAt($i) ? (t5 = "]", $i++) : (t5 = s, 0 === qi && zi(Ci)), t5;
            })() !== s ? (Yi = t4, t4 = { type: "array", value: e3 }) : ($i = t4, t4 = s);
            return t4;
          })()), t3;
        }
        function Np() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Op()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = Yl()) !== s && (a2 = mp()) !== s && (i2 = Op()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = Yl()) !== s && (a2 = mp()) !== s && (i2 = Op()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = mn(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Op() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Rp()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = Bl()) !== s && (a2 = mp()) !== s && (i2 = Rp()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = Bl()) !== s && (a2 = mp()) !== s && (i2 = Rp()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = mn(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Rp() {
          var r3, t3, e3;
          return (r3 = Up()) === s && (r3 = jf()) === s && (r3 = Pp()) === s && (r3 = ql()) === s && (r3 = Mp()) === s && (r3 = ff()) === s && (r3 = $i, wp() !== s && mp() !== s && (t3 = Np()) !== s && mp() !== s && hp() !== s ? (Yi = r3, (e3 = t3).parentheses = true, r3 = e3) : ($i = r3, r3 = s)), r3;
        }
        function kp() {
          var r3, t3, e3, n2, o2, u2, a2;
          return r3 = $i, (t3 = Vl()) === s && (t3 = ef()), t3 !== s ? (e3 = $i, (n2 = mp()) !== s && (o2 = vp()) !== s && (u2 = mp()) !== s ? ((a2 = Vl()) === s && (a2 = ef()), a2 !== s ? e3 = n2 = [n2, o2, u2, a2] : ($i = e3, e3 = s)) : ($i = e3, e3 = s), e3 === s && (e3 = null), e3 !== s ? (Yi = r3, r3 = t3 = (function(r4, t4) {
            const e4 = { name: [r4] };
            return null !== t4 && (e4.schema = r4, e4.name = [t4[3]]), e4;
          })(t3, e3)) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function Up() {
          var r3, t3, e3;
          return r3 = $i, (t3 = kp()) !== s && mp() !== s && wp() !== s && mp() !== s ? ((e3 = Dp()) === s && (e3 = null), e3 !== s && mp() !== s && hp() !== s ? (Yi = r3, r3 = t3 = { type: "function", name: t3, args: { type: "expr_list", value: e3 }, ...Xp() }) : ($i = r3, r3 = s)) : ($i = r3, r3 = s), r3;
        }
        function Mp() {
          var r3, t3;
          return r3 = $i, (t3 = kp()) !== s && (Yi = r3, t3 = { type: "function", name: t3, args: null, ...Xp() }), r3 = t3;
        }
        function Dp() {
          var r3, t3, e3, n2, o2, u2, a2, i2;
          if (r3 = $i, (t3 = Rp()) !== s) {
            for (e3 = [], n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Rp()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s); n2 !== s; ) e3.push(n2), n2 = $i, (o2 = mp()) !== s && (u2 = dp()) !== s && (a2 = mp()) !== s && (i2 = Rp()) !== s ? n2 = o2 = [o2, u2, a2, i2] : ($i = n2, n2 = s);
            e3 !== s ? (Yi = r3, r3 = t3 = sr(t3, e3)) : ($i = r3, r3 = s);
          } else $i = r3, r3 = s;
          return r3;
        }
        function Pp() {
          var r3, t3, e3, n2, o2;
          return r3 = $i, (t3 = ep()) !== s && (e3 = Fp()) !== s ? (Yi = r3, n2 = t3, o2 = e3, r3 = t3 = { type: "var", ...o2, prefix: n2 }) : ($i = r3, r3 = s), r3;
        }
        function Fp() {
          var t3, e3, n2, o2, u2;
          return t3 = $i, (e3 = uf()) !== s && (n2 = (function() {
            var t4, e4, n3, o3, u3;
            t4 = $i, e4 = [], n3 = $i, 46 === r2.charCodeAt($i) ? (o3 = ".", $i++) : (o3 = s, 0 === qi && zi(Us));
            o3 !== s && (u3 = uf()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s);
            for (; n3 !== s; ) e4.push(n3), n3 = $i, 46 === r2.charCodeAt($i) ? (o3 = ".", $i++) : (o3 = s, 0 === qi && zi(Us)), o3 !== s && (u3 = uf()) !== s ? n3 = o3 = [o3, u3] : ($i = n3, n3 = s);
            e4 !== s && (Yi = t4, e4 = (function(r3) {
              const t5 = [];
              for (let e5 = 0; e5 < r3.length; e5++) t5.push(r3[e5][1]);
              return t5;
            })(e4));
            return t4 = e4;
          })()) !== s ? (Yi = t3, o2 = e3, u2 = n2, ev.push(o2), t3 = e3 = { type: "var", name: o2, members: u2, prefix: null }) : ($i = t3, t3 = s), t3 === s && (t3 = $i, (e3 = kf()) !== s && (Yi = t3, e3 = { type: "var", name: e3.value, members: [], quoted: null, prefix: null }), t3 = e3), t3;
        }
        function Gp() {
          var t3;
          return (t3 = Yp()) === s && (t3 = (function() {
            var t4, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2, p2;
            t4 = $i, (e3 = Ub()) === s && (e3 = Mb()) === s && (e3 = Db()) === s && (e3 = Pb()) === s && (e3 = Fb()) === s && (e3 = Gb()) === s && (e3 = $b()) === s && (e3 = Yb()) === s && (e3 = Hb()) === s && (e3 = Bb()) === s && (e3 = kb());
            if (e3 !== s) if ((n2 = mp()) !== s) if ((o2 = wp()) !== s) if ((u2 = mp()) !== s) {
              if (a2 = [], Qr.test(r2.charAt($i)) ? (i2 = r2.charAt($i), $i++) : (i2 = s, 0 === qi && zi(zr)), i2 !== s) for (; i2 !== s; ) a2.push(i2), Qr.test(r2.charAt($i)) ? (i2 = r2.charAt($i), $i++) : (i2 = s, 0 === qi && zi(zr));
              else a2 = s;
              if (a2 !== s) if ((i2 = mp()) !== s) {
                if (c2 = $i, (l2 = dp()) !== s) if ((f2 = mp()) !== s) {
                  if (b2 = [], Qr.test(r2.charAt($i)) ? (p2 = r2.charAt($i), $i++) : (p2 = s, 0 === qi && zi(zr)), p2 !== s) for (; p2 !== s; ) b2.push(p2), Qr.test(r2.charAt($i)) ? (p2 = r2.charAt($i), $i++) : (p2 = s, 0 === qi && zi(zr));
                  else b2 = s;
                  b2 !== s ? c2 = l2 = [l2, f2, b2] : ($i = c2, c2 = s);
                } else $i = c2, c2 = s;
                else $i = c2, c2 = s;
                c2 === s && (c2 = null), c2 !== s && (l2 = mp()) !== s && (f2 = hp()) !== s && (b2 = mp()) !== s ? ((p2 = Hp()) === s && (p2 = null), p2 !== s ? (Yi = t4, v2 = c2, d2 = p2, e3 = { dataType: e3, length: parseInt(a2.join(""), 10), scale: v2 && parseInt(v2[2].join(""), 10), parentheses: true, suffix: d2 }, t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
              } else $i = t4, t4 = s;
              else $i = t4, t4 = s;
            } else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            else $i = t4, t4 = s;
            var v2, d2;
            if (t4 === s) {
              if (t4 = $i, (e3 = Ub()) === s && (e3 = Mb()) === s && (e3 = Db()) === s && (e3 = Pb()) === s && (e3 = Fb()) === s && (e3 = Gb()) === s && (e3 = $b()) === s && (e3 = Yb()) === s && (e3 = Hb()) === s && (e3 = Bb()) === s && (e3 = kb()), e3 !== s) {
                if (n2 = [], Qr.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(zr)), o2 !== s) for (; o2 !== s; ) n2.push(o2), Qr.test(r2.charAt($i)) ? (o2 = r2.charAt($i), $i++) : (o2 = s, 0 === qi && zi(zr));
                else n2 = s;
                n2 !== s && (o2 = mp()) !== s ? ((u2 = Hp()) === s && (u2 = null), u2 !== s ? (Yi = t4, e3 = (function(r3, t5, e4) {
                  return { dataType: r3, length: parseInt(t5.join(""), 10), suffix: e4 };
                })(e3, n2, u2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
              } else $i = t4, t4 = s;
              t4 === s && (t4 = $i, (e3 = Ub()) === s && (e3 = Mb()) === s && (e3 = Db()) === s && (e3 = Pb()) === s && (e3 = Fb()) === s && (e3 = Gb()) === s && (e3 = $b()) === s && (e3 = Yb()) === s && (e3 = Hb()) === s && (e3 = Bb()) === s && (e3 = kb()), e3 !== s && (n2 = mp()) !== s ? ((o2 = Hp()) === s && (o2 = null), o2 !== s && (u2 = mp()) !== s ? (Yi = t4, e3 = /* @__PURE__ */ (function(r3, t5) {
                return { dataType: r3, suffix: t5 };
              })(e3, o2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s));
            }
            return t4;
          })()) === s && (t3 = Bp()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "json" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(ha)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "JSON") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) !== s && (Yi = t4, e3 = { dataType: e3 });
            return t4 = e3;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o2;
              return t5 = $i, "tinytext" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Ea)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "TINYTEXT") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n3, o2;
              return t5 = $i, "text" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Aa)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "TEXT") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n3, o2;
              return t5 = $i, "mediumtext" === r2.substr($i, 10).toLowerCase() ? (e4 = r2.substr($i, 10), $i += 10) : (e4 = s, 0 === qi && zi(ga)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "MEDIUMTEXT") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n3, o2;
              return t5 = $i, "longtext" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(_a)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "LONGTEXT") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })());
            e3 !== s ? ((n2 = $p()) === s && (n2 = null), n2 !== s ? (Yi = t4, e3 = Di(e3, n2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o3;
              return t5 = $i, "enum" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Sa)), e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "ENUM") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = ob());
            e3 !== s && mp() !== s && (n2 = _l()) !== s ? (Yi = t4, o2 = e3, (u2 = n2).parentheses = true, t4 = e3 = { dataType: o2, expr: u2 }) : ($i = t4, t4 = s);
            var o2, u2;
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "uuid" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Ra)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "UUID") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) !== s && (Yi = t4, e3 = { dataType: e3 });
            return t4 = e3;
          })()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, "boolean" === r2.substr($i, 7).toLowerCase() ? (e3 = r2.substr($i, 7), $i += 7) : (e3 = s, 0 === qi && zi(Oi));
            e3 !== s && (Yi = t4, e3 = { dataType: "BOOLEAN" });
            return t4 = e3;
          })()) === s && (t3 = (function() {
            var t4, e3, n2;
            t4 = $i, (e3 = (function() {
              var t5, e4, n3, o2;
              return t5 = $i, "binary" === r2.substr($i, 6).toLowerCase() ? (e4 = r2.substr($i, 6), $i += 6) : (e4 = s, 0 === qi && zi(Gt)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "BINARY") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n3, o2;
              return t5 = $i, "varbinary" === r2.substr($i, 9).toLowerCase() ? (e4 = r2.substr($i, 9), $i += 9) : (e4 = s, 0 === qi && zi(aa)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t5, t5 = e4 = "VARBINARY") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })());
            e3 !== s && mp() !== s ? ((n2 = $p()) === s && (n2 = null), n2 !== s ? (Yi = t4, e3 = Di(e3, n2), t4 = e3) : ($i = t4, t4 = s)) : ($i = t4, t4 = s);
            return t4;
          })()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, "blob" === r2.substr($i, 4).toLowerCase() ? (e3 = r2.substr($i, 4), $i += 4) : (e3 = s, 0 === qi && zi(Ri));
            e3 === s && ("tinyblob" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(ki)), e3 === s && ("mediumblob" === r2.substr($i, 10).toLowerCase() ? (e3 = r2.substr($i, 10), $i += 10) : (e3 = s, 0 === qi && zi(Ui)), e3 === s && ("longblob" === r2.substr($i, 8).toLowerCase() ? (e3 = r2.substr($i, 8), $i += 8) : (e3 = s, 0 === qi && zi(Mi)))));
            e3 !== s && (Yi = t4, e3 = { dataType: e3.toUpperCase() });
            return t4 = e3;
          })()) === s && (t3 = (function() {
            var t4, e3;
            t4 = $i, (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "geometry" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(Wa)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "GEOMETRY") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "point" === r2.substr($i, 5).toLowerCase() ? (e4 = r2.substr($i, 5), $i += 5) : (e4 = s, 0 === qi && zi(qa)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "POINT") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "linestring" === r2.substr($i, 10).toLowerCase() ? (e4 = r2.substr($i, 10), $i += 10) : (e4 = s, 0 === qi && zi(Xa)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "LINESTRING") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "polygon" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(Va)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "POLYGON") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "multipoint" === r2.substr($i, 10).toLowerCase() ? (e4 = r2.substr($i, 10), $i += 10) : (e4 = s, 0 === qi && zi(Ka)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "MULTIPOINT") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "multilinestring" === r2.substr($i, 15).toLowerCase() ? (e4 = r2.substr($i, 15), $i += 15) : (e4 = s, 0 === qi && zi(Qa)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "MULTILINESTRING") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "multipolygon" === r2.substr($i, 12).toLowerCase() ? (e4 = r2.substr($i, 12), $i += 12) : (e4 = s, 0 === qi && zi(za)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "MULTIPOLYGON") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })()) === s && (e3 = (function() {
              var t5, e4, n2, o2;
              return t5 = $i, "geometrycollection" === r2.substr($i, 18).toLowerCase() ? (e4 = r2.substr($i, 18), $i += 18) : (e4 = s, 0 === qi && zi(Za)), e4 !== s ? (n2 = $i, qi++, o2 = af(), qi--, o2 === s ? n2 = void 0 : ($i = n2, n2 = s), n2 !== s ? (Yi = t5, t5 = e4 = "GEOMETRYCOLLECTION") : ($i = t5, t5 = s)) : ($i = t5, t5 = s), t5;
            })());
            e3 !== s && (Yi = t4, e3 = { dataType: e3 });
            return t4 = e3;
          })()), t3;
        }
        function $p() {
          var t3, e3, n2, o2, u2;
          if (t3 = $i, wp() !== s) if (mp() !== s) {
            if (e3 = [], Qr.test(r2.charAt($i)) ? (n2 = r2.charAt($i), $i++) : (n2 = s, 0 === qi && zi(zr)), n2 !== s) for (; n2 !== s; ) e3.push(n2), Qr.test(r2.charAt($i)) ? (n2 = r2.charAt($i), $i++) : (n2 = s, 0 === qi && zi(zr));
            else e3 = s;
            e3 !== s && (n2 = mp()) !== s && hp() !== s && mp() !== s ? ((o2 = Hp()) === s && (o2 = null), o2 !== s ? (Yi = t3, u2 = o2, t3 = { length: parseInt(e3.join(""), 10), parentheses: true, suffix: u2 }) : ($i = t3, t3 = s)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          else $i = t3, t3 = s;
          return t3;
        }
        function Yp() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2;
          if (t3 = $i, (e3 = (function() {
            var t4, e4, n3, o3;
            return t4 = $i, "char" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(ca)), e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "CHAR") : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4;
          })()) === s && (e3 = (function() {
            var t4, e4, n3, o3;
            return t4 = $i, "varchar" === r2.substr($i, 7).toLowerCase() ? (e4 = r2.substr($i, 7), $i += 7) : (e4 = s, 0 === qi && zi(la)), e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "VARCHAR") : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4;
          })()), e3 !== s) {
            if (n2 = $i, (o2 = mp()) !== s) if ((u2 = wp()) !== s) if ((a2 = mp()) !== s) {
              if (i2 = [], Qr.test(r2.charAt($i)) ? (c2 = r2.charAt($i), $i++) : (c2 = s, 0 === qi && zi(zr)), c2 !== s) for (; c2 !== s; ) i2.push(c2), Qr.test(r2.charAt($i)) ? (c2 = r2.charAt($i), $i++) : (c2 = s, 0 === qi && zi(zr));
              else i2 = s;
              i2 !== s && (c2 = mp()) !== s && (l2 = hp()) !== s && (f2 = mp()) !== s ? ("array" === r2.substr($i, 5).toLowerCase() ? (b2 = r2.substr($i, 5), $i += 5) : (b2 = s, 0 === qi && zi(Pi)), b2 === s && (b2 = null), b2 !== s ? n2 = o2 = [o2, u2, a2, i2, c2, l2, f2, b2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s);
            } else $i = n2, n2 = s;
            else $i = n2, n2 = s;
            else $i = n2, n2 = s;
            n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
              const e4 = { dataType: r3 };
              return t4 && (e4.length = parseInt(t4[3].join(""), 10), e4.parentheses = true, e4.suffix = t4[7] && ["ARRAY"]), e4;
            })(e3, n2)) : ($i = t3, t3 = s);
          } else $i = t3, t3 = s;
          return t3;
        }
        function Hp() {
          var t3, e3, n2;
          return t3 = $i, (e3 = Tf()) === s && (e3 = null), e3 !== s && mp() !== s ? ((n2 = (function() {
            var t4, e4, n3, o2;
            return t4 = $i, "zerofill" === r2.substr($i, 8).toLowerCase() ? (e4 = r2.substr($i, 8), $i += 8) : (e4 = s, 0 === qi && zi(ya)), e4 !== s ? (n3 = $i, qi++, o2 = af(), qi--, o2 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "ZEROFILL") : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4;
          })()) === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            const e4 = [];
            return r3 && e4.push(r3), t4 && e4.push(t4), e4;
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        function Bp() {
          var t3, e3, n2, o2, u2, a2, i2, c2, l2, f2, b2;
          return t3 = $i, (e3 = Wb()) === s && (e3 = qb()) === s && (e3 = Vb()) === s && (e3 = Kb()) === s && (e3 = (function() {
            var t4, e4, n3, o3;
            return t4 = $i, "year" === r2.substr($i, 4).toLowerCase() ? (e4 = r2.substr($i, 4), $i += 4) : (e4 = s, 0 === qi && zi(Qo)), e4 !== s ? (n3 = $i, qi++, o3 = af(), qi--, o3 === s ? n3 = void 0 : ($i = n3, n3 = s), n3 !== s ? (Yi = t4, t4 = e4 = "YEAR") : ($i = t4, t4 = s)) : ($i = t4, t4 = s), t4;
          })()), e3 !== s ? (n2 = $i, (o2 = mp()) !== s && (u2 = wp()) !== s && (a2 = mp()) !== s ? (Fi.test(r2.charAt($i)) ? (i2 = r2.charAt($i), $i++) : (i2 = s, 0 === qi && zi(Gi)), i2 !== s && (c2 = mp()) !== s && (l2 = hp()) !== s && (f2 = mp()) !== s ? ((b2 = Hp()) === s && (b2 = null), b2 !== s ? n2 = o2 = [o2, u2, a2, i2, c2, l2, f2, b2] : ($i = n2, n2 = s)) : ($i = n2, n2 = s)) : ($i = n2, n2 = s), n2 === s && (n2 = null), n2 !== s ? (Yi = t3, t3 = e3 = (function(r3, t4) {
            const e4 = { dataType: r3 };
            return t4 && (e4.length = parseInt(t4[3], 10), e4.parentheses = true, e4.suffix = t4[7]), e4;
          })(e3, n2)) : ($i = t3, t3 = s)) : ($i = t3, t3 = s), t3;
        }
        const Wp = { ALTER: true, ALL: true, ADD: true, AND: true, AS: true, ASC: true, BETWEEN: true, BY: true, BOOLEAN: true, CALL: true, CASCADE: true, CASE: true, CREATE: true, CONTAINS: true, CROSS: true, CURRENT_DATE: true, CURRENT_TIME: true, CURRENT_TIMESTAMP: true, CURRENT_USER: true, DELETE: true, DESC: true, DISTINCT: true, DROP: true, ELSE: true, END: true, EXISTS: true, EXCEPT: true, EXPLAIN: true, FALSE: true, FOR: true, FROM: true, FULL: true, GROUP: true, HAVING: true, IN: true, INNER: true, INSERT: true, INTERSECT: true, INTO: true, IS: true, JOIN: true, JSON: true, KEY: true, LATERAL: true, LEFT: true, LIKE: true, LIMIT: true, LOW_PRIORITY: true, NATURAL: true, MINUS: true, NOT: true, NULL: true, ON: true, OR: true, ORDER: true, OUTER: true, RECURSIVE: true, RENAME: true, RIGHT: true, READ: true, RETURNING: true, SELECT: true, SESSION_USER: true, SET: true, SHOW: true, STATUS: true, SYSTEM_USER: true, TABLE: true, THEN: true, TRUE: true, TRUNCATE: true, UNION: true, UPDATE: true, USING: true, VALUES: true, WITH: true, WHEN: true, WHERE: true, WRITE: true, GLOBAL: true, SESSION: true, LOCAL: true, PERSIST: true, PERSIST_ONLY: true }, qp = { avg: true, sum: true, count: true, max: true, min: true, group_concat: true, std: true, variance: true, current_date: true, current_time: true, current_timestamp: true, current_user: true, user: true, session_user: true, system_user: true };
        function Xp() {
          return t2.includeLocations ? { loc: Qi(Yi, $i) } : {};
        }
        function Vp(r3, t3) {
          return { type: "unary_expr", operator: r3, expr: t3 };
        }
        function Kp(r3, t3, e3) {
          return { type: "binary_expr", operator: r3, left: t3, right: e3 };
        }
        function Qp(r3) {
          const t3 = n(Number.MAX_SAFE_INTEGER);
          return !(n(r3) < t3);
        }
        function zp(r3, t3, e3 = 3) {
          const n2 = [r3];
          for (let r4 = 0; r4 < t3.length; r4++) delete t3[r4][e3].tableList, delete t3[r4][e3].columnList, n2.push(t3[r4][e3]);
          return n2;
        }
        function Zp(r3, t3) {
          let e3 = r3;
          for (let r4 = 0; r4 < t3.length; r4++) e3 = Kp(t3[r4][1], e3, t3[r4][3]);
          return e3;
        }
        function Jp(r3) {
          const t3 = sv[r3];
          return t3 || (r3 || null);
        }
        function rv(r3) {
          const t3 = /* @__PURE__ */ new Set();
          for (let e3 of r3.keys()) {
            const r4 = e3.split("::");
            if (!r4) {
              t3.add(e3);
              break;
            }
            r4 && r4[1] && (r4[1] = Jp(r4[1])), t3.add(r4.join("::"));
          }
          return Array.from(t3);
        }
        function tv(r3) {
          const t3 = rv(r3);
          r3.clear(), t3.forEach((t4) => r3.add(t4));
        }
        let ev = [];
        const nv = /* @__PURE__ */ new Set(), ov = /* @__PURE__ */ new Set(), sv = {};
        if ((e2 = a()) !== s && $i === r2.length) return e2;
        throw e2 !== s && $i < r2.length && zi({ type: "end" }), Zi(Wi, Bi < r2.length ? r2.charAt(Bi) : null, Bi < r2.length ? Qi(Bi, Bi + 1) : Qi(Bi, Bi));
      } };
    }, function(r, t, e) {
      r.exports = e(3);
    }, function(r, t) {
      r.exports = require_BigInteger();
    }, function(r, t, e) {
      "use strict";
      e.r(t), e.d(t, "Parser", (function() {
        return Bt;
      })), e.d(t, "util", (function() {
        return n;
      }));
      var n = {};
      function o(r2) {
        return (o = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      e.r(n), e.d(n, "arrayStructTypeToSQL", (function() {
        return g;
      })), e.d(n, "autoIncrementToSQL", (function() {
        return I;
      })), e.d(n, "columnOrderListToSQL", (function() {
        return x;
      })), e.d(n, "commonKeywordArgsToSQL", (function() {
        return j;
      })), e.d(n, "commonOptionConnector", (function() {
        return a;
      })), e.d(n, "connector", (function() {
        return i;
      })), e.d(n, "commonTypeValue", (function() {
        return C;
      })), e.d(n, "commentToSQL", (function() {
        return _;
      })), e.d(n, "createBinaryExpr", (function() {
        return l;
      })), e.d(n, "createValueExpr", (function() {
        return c;
      })), e.d(n, "dataTypeToSQL", (function() {
        return A;
      })), e.d(n, "DEFAULT_OPT", (function() {
        return s;
      })), e.d(n, "escape", (function() {
        return f;
      })), e.d(n, "literalToSQL", (function() {
        return L;
      })), e.d(n, "columnIdentifierToSql", (function() {
        return d;
      })), e.d(n, "getParserOpt", (function() {
        return b;
      })), e.d(n, "identifierToSql", (function() {
        return y;
      })), e.d(n, "onPartitionsToSQL", (function() {
        return E;
      })), e.d(n, "replaceParams", (function() {
        return m;
      })), e.d(n, "returningToSQL", (function() {
        return S;
      })), e.d(n, "hasVal", (function() {
        return h;
      })), e.d(n, "setParserOpt", (function() {
        return p;
      })), e.d(n, "toUpper", (function() {
        return w;
      })), e.d(n, "topToSQL", (function() {
        return v;
      })), e.d(n, "triggerEventToSQL", (function() {
        return T;
      }));
      var s = { database: "mariadb", type: "table", trimQuery: true, parseOptions: { includeLocations: false } }, u = s;
      function a(r2, t2, e2) {
        if (e2) return r2 ? "".concat(r2.toUpperCase(), " ").concat(t2(e2)) : t2(e2);
      }
      function i(r2, t2) {
        if (t2) return "".concat(r2.toUpperCase(), " ").concat(t2);
      }
      function c(r2) {
        var t2 = o(r2);
        if (Array.isArray(r2)) return { type: "expr_list", value: r2.map(c) };
        if (null === r2) return { type: "null", value: null };
        switch (t2) {
          case "boolean":
            return { type: "bool", value: r2 };
          case "string":
            return { type: "string", value: r2 };
          case "number":
            return { type: "number", value: r2 };
          default:
            throw new Error('Cannot convert value "'.concat(t2, '" to SQL'));
        }
      }
      function l(r2, t2, e2) {
        var n2 = { operator: r2, type: "binary_expr" };
        return n2.left = t2.type ? t2 : c(t2), "BETWEEN" === r2 || "NOT BETWEEN" === r2 ? (n2.right = { type: "expr_list", value: [c(e2[0]), c(e2[1])] }, n2) : (n2.right = e2.type ? e2 : c(e2), n2);
      }
      function f(r2) {
        return r2;
      }
      function b() {
        return u;
      }
      function p(r2) {
        u = r2;
      }
      function v(r2) {
        if (r2) {
          var t2 = r2.value, e2 = r2.percent, n2 = r2.parentheses ? "(".concat(t2, ")") : t2, o2 = "TOP ".concat(n2);
          return e2 ? "".concat(o2, " ").concat(e2.toUpperCase()) : o2;
        }
      }
      function d(r2) {
        var t2 = b().database;
        if (r2) switch (t2 && t2.toLowerCase()) {
          case "athena":
          case "db2":
          case "postgresql":
          case "redshift":
          case "snowflake":
          case "noql":
          case "trino":
          case "sqlite":
            return '"'.concat(r2, '"');
          case "transactsql":
            return "[".concat(r2, "]");
          case "mysql":
          case "mariadb":
          case "bigquery":
          default:
            return "`".concat(r2, "`");
        }
      }
      function y(r2, t2, e2) {
        if (true === t2) return "'".concat(r2, "'");
        if (r2) {
          if ("*" === r2) return r2;
          if (null != e2) return "".concat(e2).concat(r2).concat(e2);
          var n2 = b().database;
          switch (n2 && n2.toLowerCase()) {
            case "mysql":
            case "mariadb":
              return "`".concat(r2, "`");
            case "athena":
            case "postgresql":
            case "redshift":
            case "snowflake":
            case "trino":
            case "noql":
            case "sqlite":
              return '"'.concat(r2, '"');
            case "transactsql":
              return "[".concat(r2, "]");
            case "bigquery":
            case "db2":
              return r2;
            default:
              return "`".concat(r2, "`");
          }
        }
      }
      function w(r2) {
        if (r2) return r2.toUpperCase();
      }
      function h(r2) {
        return r2;
      }
      function L(r2) {
        if (r2) {
          var t2 = r2.prefix, e2 = r2.type, n2 = r2.parentheses, s2 = r2.suffix, u2 = r2.value, a2 = "object" === o(r2) ? u2 : r2;
          switch (e2) {
            case "backticks_quote_string":
              a2 = "`".concat(u2, "`");
              break;
            case "string":
              a2 = "'".concat(u2, "'");
              break;
            case "regex_string":
              a2 = 'r"'.concat(u2, '"');
              break;
            case "hex_string":
              a2 = "X'".concat(u2, "'");
              break;
            case "full_hex_string":
              a2 = "0x".concat(u2);
              break;
            case "natural_string":
              a2 = "N'".concat(u2, "'");
              break;
            case "bit_string":
              a2 = "b'".concat(u2, "'");
              break;
            case "double_quote_string":
              a2 = '"'.concat(u2, '"');
              break;
            case "single_quote_string":
              a2 = "'".concat(u2, "'");
              break;
            case "boolean":
            case "bool":
              a2 = u2 ? "TRUE" : "FALSE";
              break;
            case "null":
              a2 = "NULL";
              break;
            case "star":
              a2 = "*";
              break;
            case "param":
              a2 = "".concat(t2 || ":").concat(u2), t2 = null;
              break;
            case "origin":
              a2 = u2.toUpperCase();
              break;
            case "date":
            case "datetime":
            case "time":
            case "timestamp":
              a2 = "".concat(e2.toUpperCase(), " '").concat(u2, "'");
              break;
            case "var_string":
              a2 = "N'".concat(u2, "'");
              break;
            case "unicode_string":
              a2 = "U&'".concat(u2, "'");
          }
          var i2 = [];
          return t2 && i2.push(w(t2)), i2.push(a2), s2 && ("string" == typeof s2 && i2.push(s2), "object" === o(s2) && (s2.collate ? i2.push(pt(s2.collate)) : i2.push(L(s2)))), a2 = i2.join(" "), n2 ? "(".concat(a2, ")") : a2;
        }
      }
      function C(r2) {
        if (!r2) return [];
        var t2 = r2.type, e2 = r2.symbol, n2 = r2.value;
        return [t2.toUpperCase(), e2, "string" == typeof n2 ? n2.toUpperCase() : L(n2)].filter(h);
      }
      function m(r2, t2) {
        return (function r3(t3, e2) {
          return Object.keys(t3).filter((function(r4) {
            var e3 = t3[r4];
            return Array.isArray(e3) || "object" === o(e3) && null !== e3;
          })).forEach((function(n2) {
            var s2 = t3[n2];
            if ("object" !== o(s2) || "param" !== s2.type) return r3(s2, e2);
            if (void 0 === e2[s2.value]) throw new Error("no value for parameter :".concat(s2.value, " found"));
            return t3[n2] = c(e2[s2.value]), null;
          })), t3;
        })(JSON.parse(JSON.stringify(r2)), t2);
      }
      function E(r2) {
        var t2 = r2.type, e2 = r2.partitions;
        return [w(t2), "(".concat(e2.map((function(r3) {
          if ("range" !== r3.type) return L(r3);
          var t3 = r3.start, e3 = r3.end, n2 = r3.symbol;
          return "".concat(L(t3), " ").concat(w(n2), " ").concat(L(e3));
        })).join(", "), ")")].join(" ");
      }
      function A(r2) {
        var t2 = r2.schema, e2 = r2.dataType, n2 = r2.length, o2 = r2.parentheses, s2 = r2.scale, u2 = r2.suffix, a2 = "";
        null != n2 && (a2 = s2 ? "".concat(n2, ", ").concat(s2) : n2), o2 && (a2 = "(".concat(a2, ")")), u2 && u2.length && (a2 += " ".concat(u2.join(" ")));
        var i2 = t2 ? "".concat(t2, ".") : "";
        return "".concat(i2).concat(e2).concat(a2);
      }
      function g(r2) {
        if (r2) {
          var t2 = r2.dataType, e2 = r2.definition, n2 = r2.anglebracket, o2 = w(t2);
          if ("ARRAY" !== o2 && "STRUCT" !== o2) return o2;
          var s2 = e2 && e2.map((function(r3) {
            return [r3.field_name, g(r3.field_type)].filter(h).join(" ");
          })).join(", ");
          return n2 ? "".concat(o2, "<").concat(s2, ">") : "".concat(o2, " ").concat(s2);
        }
      }
      function _(r2) {
        if (r2) {
          var t2 = [], e2 = r2.keyword, n2 = r2.symbol, o2 = r2.value;
          return t2.push(e2.toUpperCase()), n2 && t2.push(n2), t2.push(L(o2)), t2.join(" ");
        }
      }
      function T(r2) {
        return r2.map((function(r3) {
          var t2 = r3.keyword, e2 = r3.args, n2 = [w(t2)];
          if (e2) {
            var o2 = e2.keyword, s2 = e2.columns;
            n2.push(w(o2), s2.map(At).join(", "));
          }
          return n2.join(" ");
        })).join(" OR ");
      }
      function S(r2) {
        return r2 ? ["RETURNING", r2.columns.map(xt).filter(h).join(", ")].join(" ") : "";
      }
      function j(r2) {
        return r2 ? [w(r2.keyword), w(r2.args)] : [];
      }
      function I(r2) {
        if (r2) {
          if ("string" == typeof r2) {
            var t2 = b().database;
            switch (t2 && t2.toLowerCase()) {
              case "sqlite":
                return "AUTOINCREMENT";
              default:
                return "AUTO_INCREMENT";
            }
          }
          var e2 = r2.keyword, n2 = r2.seed, o2 = r2.increment, s2 = r2.parentheses, u2 = w(e2);
          return s2 && (u2 += "(".concat(L(n2), ", ").concat(L(o2), ")")), u2;
        }
      }
      function x(r2) {
        if (r2) return r2.map(St).filter(h).join(", ");
      }
      function N(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return O(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || (function(r3, t2) {
          if (r3) {
            if ("string" == typeof r3) return O(r3, t2);
            var e2 = {}.toString.call(r3).slice(8, -1);
            return "Object" === e2 && r3.constructor && (e2 = r3.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r3) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? O(r3, t2) : void 0;
          }
        })(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function O(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function R(r2) {
        if (!r2) return [];
        var t2 = r2.keyword, e2 = r2.type;
        return [t2.toUpperCase(), w(e2)];
      }
      function k(r2) {
        if (r2) {
          var t2 = r2.type, e2 = r2.expr, n2 = r2.symbol, o2 = t2.toUpperCase(), s2 = [];
          switch (s2.push(o2), o2) {
            case "KEY_BLOCK_SIZE":
              n2 && s2.push(n2), s2.push(L(e2));
              break;
            case "BTREE":
            case "HASH":
              s2.length = 0, s2.push.apply(s2, N(R(r2)));
              break;
            case "WITH PARSER":
              s2.push(e2);
              break;
            case "VISIBLE":
            case "INVISIBLE":
              break;
            case "COMMENT":
              s2.shift(), s2.push(_(r2));
              break;
            case "DATA_COMPRESSION":
              s2.push(n2, w(e2.value), E(e2.on));
              break;
            default:
              s2.push(n2, L(e2));
          }
          return s2.filter(h).join(" ");
        }
      }
      function U(r2) {
        return r2 ? r2.map(k) : [];
      }
      function M(r2) {
        var t2 = r2.constraint_type, e2 = r2.index_type, n2 = r2.index_options, o2 = void 0 === n2 ? [] : n2, s2 = r2.definition, u2 = r2.on, a2 = r2.with, i2 = [];
        if (i2.push.apply(i2, N(R(e2))), s2 && s2.length) {
          var c2 = "CHECK" === w(t2) ? "(".concat(lt(s2[0]), ")") : "(".concat(s2.map((function(r3) {
            return lt(r3);
          })).join(", "), ")");
          i2.push(c2);
        }
        return i2.push(U(o2).join(" ")), a2 && i2.push("WITH (".concat(U(a2).join(", "), ")")), u2 && i2.push("ON [".concat(u2, "]")), i2;
      }
      function D(r2) {
        var t2 = r2.operator || r2.op, e2 = lt(r2.right), n2 = false;
        if (Array.isArray(e2)) {
          switch (t2) {
            case "=":
              t2 = "IN";
              break;
            case "!=":
              t2 = "NOT IN";
              break;
            case "BETWEEN":
            case "NOT BETWEEN":
              n2 = true, e2 = "".concat(e2[0], " AND ").concat(e2[1]);
          }
          n2 || (e2 = "(".concat(e2.join(", "), ")"));
        }
        var o2 = r2.right.escape || {}, s2 = Array.isArray(r2.left) ? r2.left.map(lt).join(", ") : lt(r2.left), u2 = pt(r2.collate), a2 = [s2, t2, e2, w(o2.type), lt(o2.value)].filter(h).join("." === t2 ? "" : " "), i2 = r2.parentheses ? "(".concat(a2, ")") : a2;
        return u2 && (i2 = "".concat(i2, " ").concat(u2)), i2;
      }
      function P(r2) {
        var t2 = r2.name, e2 = r2.type;
        switch (e2) {
          case "table":
          case "view":
            var n2 = [y(t2.db), y(t2.table)].filter(h).join(".");
            return "".concat(w(e2), " ").concat(n2);
          case "column":
            return "COLUMN ".concat(At(t2));
          default:
            return "".concat(w(e2), " ").concat(L(t2));
        }
      }
      function F(r2) {
        var t2 = r2.keyword, e2 = r2.expr;
        return [w(t2), L(e2)].filter(h).join(" ");
      }
      function G(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return $(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || (function(r3, t2) {
          if (r3) {
            if ("string" == typeof r3) return $(r3, t2);
            var e2 = {}.toString.call(r3).slice(8, -1);
            return "Object" === e2 && r3.constructor && (e2 = r3.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r3) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? $(r3, t2) : void 0;
          }
        })(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function $(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function Y(r2) {
        return r2 ? [r2.prefix.map(L).join(" "), lt(r2.value), r2.suffix.map(L).join(" ")] : [];
      }
      function H(r2) {
        return r2 ? r2.fetch || r2.offset ? (e2 = (t2 = r2).fetch, n2 = t2.offset, [].concat(G(Y(n2)), G(Y(e2))).filter(h).join(" ")) : (function(r3) {
          var t3 = r3.seperator, e3 = r3.value;
          return 1 === e3.length && "offset" === t3 ? i("OFFSET", lt(e3[0])) : i("LIMIT", e3.map(lt).join("".concat("offset" === t3 ? " " : "").concat(w(t3), " ")));
        })(r2) : "";
        var t2, e2, n2;
      }
      function B(r2) {
        if (r2 && 0 !== r2.length) {
          var t2 = r2[0].recursive ? "RECURSIVE " : "", e2 = r2.map((function(r3) {
            var t3 = r3.name, e3 = r3.stmt, n2 = r3.columns, o2 = Array.isArray(n2) ? "(".concat(n2.map(At).join(", "), ")") : "", s2 = a("values" === e3.type ? "VALUES" : "", lt, e3);
            return "".concat("default" === t3.type ? y(t3.value) : L(t3)).concat(o2, " AS (").concat(s2, ")");
          })).join(", ");
          return "WITH ".concat(t2).concat(e2);
        }
      }
      function W(r2) {
        if (r2 && r2.position) {
          var t2 = r2.keyword, e2 = r2.expr, n2 = [], o2 = w(t2);
          switch (o2) {
            case "VAR":
              n2.push(e2.map(ct).join(", "));
              break;
            default:
              n2.push(o2, "string" == typeof e2 ? y(e2) : lt(e2));
          }
          return n2.filter(h).join(" ");
        }
      }
      function q(r2) {
        var t2 = r2.as_struct_val, e2 = r2.columns, n2 = r2.collate, o2 = r2.distinct, s2 = r2.for, u2 = r2.from, c2 = r2.for_sys_time_as_of, l2 = void 0 === c2 ? {} : c2, f2 = r2.locking_read, b2 = r2.groupby, p2 = r2.having, d2 = r2.into, y2 = void 0 === d2 ? {} : d2, C2 = r2.isolation, m2 = r2.limit, E2 = r2.options, A2 = r2.orderby, g2 = r2.parentheses_symbol, _2 = r2.qualify, T2 = r2.top, S2 = r2.window, j2 = r2.with, I2 = r2.where, x2 = [B(j2), "SELECT", w(t2)];
        Array.isArray(E2) && x2.push(E2.join(" ")), x2.push((function(r3) {
          if (r3) {
            if ("string" == typeof r3) return r3;
            var t3 = r3.type, e3 = r3.columns, n3 = [w(t3)];
            return e3 && n3.push("(".concat(e3.map(lt).join(", "), ")")), n3.filter(h).join(" ");
          }
        })(o2), v(T2), Ot(e2, u2));
        var N2 = y2.position, O2 = "";
        N2 && (O2 = a("INTO", W, y2)), "column" === N2 && x2.push(O2), x2.push(a("FROM", mr, u2)), "from" === N2 && x2.push(O2);
        var R2 = l2 || {}, k2 = R2.keyword, U2 = R2.expr;
        x2.push(a(k2, lt, U2)), x2.push(a("WHERE", lt, I2)), b2 && (x2.push(i("GROUP BY", ft(b2.columns).join(", "))), x2.push(ft(b2.modifiers).join(", "))), x2.push(a("HAVING", lt, p2)), x2.push(a("QUALIFY", lt, _2)), x2.push(a("WINDOW", lt, S2)), x2.push(bt(A2, "order by")), x2.push(pt(n2)), x2.push(H(m2)), C2 && x2.push(a(C2.keyword, L, C2.expr)), x2.push(w(f2)), "end" === N2 && x2.push(O2), x2.push((function(r3) {
          if (r3) {
            var t3 = r3.expr, e3 = r3.keyword, n3 = [w(r3.type), w(e3)];
            return t3 ? "".concat(n3.join(" "), "(").concat(lt(t3), ")") : n3.join(" ");
          }
        })(s2));
        var M2 = x2.filter(h).join(" ");
        return g2 ? "(".concat(M2, ")") : M2;
      }
      function X(r2, t2) {
        var e2 = "undefined" != typeof Symbol && r2[Symbol.iterator] || r2["@@iterator"];
        if (!e2) {
          if (Array.isArray(r2) || (e2 = (function(r3, t3) {
            if (r3) {
              if ("string" == typeof r3) return V(r3, t3);
              var e3 = {}.toString.call(r3).slice(8, -1);
              return "Object" === e3 && r3.constructor && (e3 = r3.constructor.name), "Map" === e3 || "Set" === e3 ? Array.from(r3) : "Arguments" === e3 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e3) ? V(r3, t3) : void 0;
            }
          })(r2)) || t2 && r2 && "number" == typeof r2.length) {
            e2 && (r2 = e2);
            var n2 = 0, o2 = function() {
            };
            return { s: o2, n: function() {
              return n2 >= r2.length ? { done: true } : { done: false, value: r2[n2++] };
            }, e: function(r3) {
              throw r3;
            }, f: o2 };
          }
          throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        }
        var s2, u2 = true, a2 = false;
        return { s: function() {
          e2 = e2.call(r2);
        }, n: function() {
          var r3 = e2.next();
          return u2 = r3.done, r3;
        }, e: function(r3) {
          a2 = true, s2 = r3;
        }, f: function() {
          try {
            u2 || null == e2.return || e2.return();
          } finally {
            if (a2) throw s2;
          }
        } };
      }
      function V(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function K(r2) {
        if (!r2 || 0 === r2.length) return "";
        var t2, e2 = [], n2 = X(r2);
        try {
          for (n2.s(); !(t2 = n2.n()).done; ) {
            var o2 = t2.value, s2 = {}, u2 = o2.value;
            for (var a2 in o2) "value" !== a2 && "keyword" !== a2 && (s2[a2] = o2[a2]);
            var i2 = [At(s2)], c2 = "";
            u2 && (c2 = lt(u2), i2.push("=", c2)), e2.push(i2.filter(h).join(" "));
          }
        } catch (r3) {
          n2.e(r3);
        } finally {
          n2.f();
        }
        return e2.join(", ");
      }
      function Q(r2) {
        var t2 = r2.name, e2 = r2.value;
        return ["@".concat(t2), "=", lt(e2)].filter(h).join(" ");
      }
      function z(r2) {
        if (!r2) return "";
        var t2 = r2.keyword, e2 = r2.terminated, n2 = r2.enclosed, o2 = r2.escaped;
        return [w(t2), L(e2), L(n2), L(o2)].filter(h).join(" ");
      }
      function Z(r2) {
        if (!r2) return "";
        var t2 = r2.keyword, e2 = r2.starting, n2 = r2.terminated;
        return [w(t2), L(e2), L(n2)].filter(h).join(" ");
      }
      function J(r2) {
        if (!r2) return "";
        var t2 = r2.count, e2 = r2.suffix;
        return ["IGNORE", L(t2), e2].filter(h).join(" ");
      }
      function rr(r2) {
        if (!r2) return "";
        var t2 = r2.mode, e2 = r2.local, n2 = r2.file, o2 = r2.replace_ignore, s2 = r2.table, u2 = r2.partition, i2 = r2.character_set, c2 = r2.column, l2 = r2.fields, f2 = r2.lines, b2 = r2.set, p2 = r2.ignore;
        return ["LOAD DATA", w(t2), w(e2), "INFILE", L(n2), w(o2), "INTO TABLE", Cr(s2), ar(u2), a("CHARACTER SET", L, i2), z(l2), Z(f2), J(p2), Ot(c2), a("SET", K, b2)].filter(h).join(" ");
      }
      function tr(r2) {
        var t2 = r2.left, e2 = r2.right, n2 = r2.symbol, o2 = r2.keyword;
        t2.keyword = o2;
        var s2 = lt(t2), u2 = lt(e2);
        return [s2, w(n2), u2].filter(h).join(" ");
      }
      function er(r2) {
        var t2, e2, n2, o2, s2 = r2.keyword, u2 = r2.suffix, i2 = "";
        switch (w(s2)) {
          case "BINLOG":
            e2 = (t2 = r2).in, n2 = t2.from, o2 = t2.limit, i2 = [a("IN", L, e2 && e2.right), a("FROM", mr, n2), H(o2)].filter(h).join(" ");
            break;
          case "CHARACTER":
          case "COLLATION":
            i2 = (function(r3) {
              var t3 = r3.expr;
              if (t3) return "LIKE" === w(t3.op) ? a("LIKE", L, t3.right) : a("WHERE", lt, t3);
            })(r2);
            break;
          case "COLUMNS":
          case "INDEXES":
          case "INDEX":
            i2 = a("FROM", mr, r2.from);
            break;
          case "GRANTS":
            i2 = (function(r3) {
              var t3 = r3.for;
              if (t3) {
                var e3 = t3.user, n3 = t3.host, o3 = t3.role_list, s3 = "'".concat(e3, "'");
                return n3 && (s3 += "@'".concat(n3, "'")), ["FOR", s3, o3 && "USING", o3 && o3.map((function(r4) {
                  return "'".concat(r4, "'");
                })).join(", ")].filter(h).join(" ");
              }
            })(r2);
            break;
          case "CREATE":
            i2 = a("", Cr, r2[u2]);
            break;
          case "VAR":
            i2 = ct(r2.var), s2 = "";
        }
        return ["SHOW", w(s2), w(u2), i2].filter(h).join(" ");
      }
      var nr = { alter: function(r2) {
        var t2 = r2.keyword;
        switch (void 0 === t2 ? "table" : t2) {
          case "aggregate":
            return (function(r3) {
              var t3 = r3.args, e2 = r3.expr, n2 = r3.keyword, o2 = r3.name, s2 = r3.type, u2 = t3.expr, a2 = t3.orderby;
              return [w(s2), w(n2), [[y(o2.schema), y(o2.name)].filter(h).join("."), "(".concat(u2.map(nt).join(", ")).concat(a2 ? [" ORDER", "BY", a2.map(nt).join(", ")].join(" ") : "", ")")].filter(h).join(""), et(e2)].filter(h).join(" ");
            })(r2);
          case "table":
            return (function(r3) {
              var t3 = r3.type, e2 = r3.table, n2 = r3.if_exists, o2 = r3.prefix, s2 = r3.expr, u2 = void 0 === s2 ? [] : s2, a2 = w(t3), i2 = mr(e2), c2 = u2.map(lt);
              return [a2, "TABLE", w(n2), L(o2), i2, c2.join(", ")].filter(h).join(" ");
            })(r2);
          case "schema":
            return (function(r3) {
              var t3 = r3.expr, e2 = r3.keyword, n2 = r3.schema;
              return [w(r3.type), w(e2), y(n2), et(t3)].filter(h).join(" ");
            })(r2);
          case "sequence":
            return (function(r3) {
              var t3 = r3.type, e2 = r3.keyword, n2 = r3.sequence, o2 = r3.if_exists, s2 = r3.expr, u2 = void 0 === s2 ? [] : s2, a2 = w(t3), i2 = mr(n2), c2 = u2.map(Kr);
              return [a2, w(e2), w(o2), i2, c2.join(", ")].filter(h).join(" ");
            })(r2);
          case "domain":
          case "type":
            return (function(r3) {
              var t3 = r3.expr, e2 = r3.keyword, n2 = r3.name;
              return [w(r3.type), w(e2), [y(n2.schema), y(n2.name)].filter(h).join("."), et(t3)].filter(h).join(" ");
            })(r2);
          case "function":
            return (function(r3) {
              var t3 = r3.args, e2 = r3.expr, n2 = r3.keyword, o2 = r3.name;
              return [w(r3.type), w(n2), [[y(o2.schema), y(o2.name)].filter(h).join("."), t3 && "(".concat(t3.expr ? t3.expr.map(nt).join(", ") : "", ")")].filter(h).join(""), et(e2)].filter(h).join(" ");
            })(r2);
          case "view":
            return (function(r3) {
              var t3 = r3.type, e2 = r3.columns, n2 = r3.attributes, o2 = r3.select, s2 = r3.view, u2 = r3.with, a2 = w(t3), i2 = Cr(s2), c2 = [a2, "VIEW", i2];
              e2 && c2.push("(".concat(e2.map(At).join(", "), ")"));
              n2 && c2.push("WITH ".concat(n2.map(w).join(", ")));
              c2.push("AS", q(o2)), u2 && c2.push(w(u2));
              return c2.filter(h).join(" ");
            })(r2);
        }
      }, analyze: function(r2) {
        var t2 = r2.type, e2 = r2.table;
        return [w(t2), Cr(e2)].join(" ");
      }, attach: function(r2) {
        var t2 = r2.type, e2 = r2.database, n2 = r2.expr, o2 = r2.as, s2 = r2.schema;
        return [w(t2), w(e2), lt(n2), w(o2), y(s2)].filter(h).join(" ");
      }, create: function(r2) {
        var t2 = r2.keyword, e2 = "";
        switch (t2.toLowerCase()) {
          case "aggregate":
            e2 = (function(r3) {
              var t3 = r3.type, e3 = r3.replace, n2 = r3.keyword, o2 = r3.name, s2 = r3.args, u2 = r3.options, a2 = [w(t3), w(e3), w(n2)], i2 = [y(o2.schema), o2.name].filter(h).join("."), c2 = "".concat(s2.expr.map(nt).join(", ")).concat(s2.orderby ? [" ORDER", "BY", s2.orderby.map(nt).join(", ")].join(" ") : "");
              return a2.push("".concat(i2, "(").concat(c2, ")"), "(".concat(u2.map(rt).join(", "), ")")), a2.filter(h).join(" ");
            })(r2);
            break;
          case "table":
            e2 = (function(r3) {
              var t3 = r3.type, e3 = r3.keyword, n2 = r3.table, o2 = r3.like, s2 = r3.as, u2 = r3.temporary, a2 = r3.if_not_exists, i2 = r3.create_definitions, c2 = r3.table_options, l2 = r3.ignore_replace, f2 = r3.replace, p2 = r3.partition_of, v2 = r3.query_expr, d2 = r3.unlogged, y2 = r3.with, C2 = [w(t3), w(f2), w(u2), w(d2), w(e3), w(a2), mr(n2)];
              if (o2) {
                var m2 = o2.type, E2 = mr(o2.table);
                return C2.push(w(m2), E2), C2.filter(h).join(" ");
              }
              if (p2) return C2.concat([zr(p2)]).filter(h).join(" ");
              i2 && C2.push("(".concat(i2.map(Kr).join(", "), ")"));
              if (c2) {
                var A2 = b().database, g2 = A2 && "sqlite" === A2.toLowerCase() ? ", " : " ";
                C2.push(c2.map(Er).join(g2));
              }
              if (y2) {
                var _2 = y2.map((function(r4) {
                  return [L(r4.keyword), w(r4.symbol), L(r4.value)].join(" ");
                })).join(", ");
                C2.push("WITH (".concat(_2, ")"));
              }
              C2.push(w(l2), w(s2)), v2 && C2.push(or(v2));
              return C2.filter(h).join(" ");
            })(r2);
            break;
          case "trigger":
            e2 = "constraint" === r2.resource ? (function(r3) {
              var t3 = r3.constraint, e3 = r3.constraint_kw, n2 = r3.deferrable, o2 = r3.events, s2 = r3.execute, u2 = r3.for_each, a2 = r3.from, i2 = r3.location, c2 = r3.keyword, l2 = r3.or, f2 = r3.type, b2 = r3.table, p2 = r3.when, v2 = [w(f2), w(l2), w(e3), w(c2), y(t3), w(i2)], d2 = T(o2);
              v2.push(d2, "ON", Cr(b2)), a2 && v2.push("FROM", Cr(a2));
              v2.push.apply(v2, qr(j(n2)).concat(qr(j(u2)))), p2 && v2.push(w(p2.type), lt(p2.cond));
              return v2.push(w(s2.keyword), Wr(s2.expr)), v2.filter(h).join(" ");
            })(r2) : (function(r3) {
              var t3 = r3.definer, e3 = r3.for_each, n2 = r3.keyword, o2 = r3.execute, s2 = r3.type, u2 = r3.table, i2 = r3.if_not_exists, c2 = r3.temporary, l2 = r3.trigger, f2 = r3.events, b2 = r3.order, p2 = r3.time, v2 = r3.when, d2 = [w(s2), w(c2), lt(t3), w(n2), w(i2), Cr(l2), w(p2), f2.map((function(r4) {
                var t4 = [w(r4.keyword)], e4 = r4.args;
                return e4 && t4.push(w(e4.keyword), e4.columns.map(At).join(", ")), t4.join(" ");
              })), "ON", Cr(u2), w(e3 && e3.keyword), w(e3 && e3.args), b2 && "".concat(w(b2.keyword), " ").concat(y(b2.trigger)), a("WHEN", lt, v2), w(o2.prefix)];
              switch (o2.type) {
                case "set":
                  d2.push(a("SET", K, o2.expr));
                  break;
                case "multiple":
                  d2.push(sr(o2.expr.ast));
              }
              return d2.push(w(o2.suffix)), d2.filter(h).join(" ");
            })(r2);
            break;
          case "extension":
            e2 = (function(r3) {
              var t3 = r3.extension, e3 = r3.from, n2 = r3.if_not_exists, o2 = r3.keyword, s2 = r3.schema, u2 = r3.type, i2 = r3.with, c2 = r3.version;
              return [w(u2), w(o2), w(n2), L(t3), w(i2), a("SCHEMA", L, s2), a("VERSION", L, c2), a("FROM", L, e3)].filter(h).join(" ");
            })(r2);
            break;
          case "function":
            e2 = (function(r3) {
              var t3 = r3.type, e3 = r3.replace, n2 = r3.keyword, o2 = r3.name, s2 = r3.args, u2 = r3.returns, a2 = r3.options, i2 = r3.last, c2 = [w(t3), w(e3), w(n2)], l2 = [L(o2.schema), o2.name.map(L).join(".")].filter(h).join("."), f2 = s2.map(nt).filter(h).join(", ");
              return c2.push("".concat(l2, "(").concat(f2, ")"), (function(r4) {
                var t4 = r4.type, e4 = r4.keyword, n3 = r4.expr;
                return [w(t4), w(e4), Array.isArray(n3) ? "(".concat(n3.map(jt).join(", "), ")") : Zr(n3)].filter(h).join(" ");
              })(u2), a2.map(Jr).join(" "), i2), c2.filter(h).join(" ");
            })(r2);
            break;
          case "index":
            e2 = (function(r3) {
              var t3 = r3.concurrently, e3 = r3.filestream_on, n2 = r3.keyword, o2 = r3.if_not_exists, s2 = r3.include, u2 = r3.index_columns, i2 = r3.index_type, c2 = r3.index_using, l2 = r3.index, f2 = r3.on, b2 = r3.index_options, p2 = r3.algorithm_option, v2 = r3.lock_option, d2 = r3.on_kw, C2 = r3.table, m2 = r3.tablespace, E2 = r3.type, A2 = r3.where, g2 = r3.with, _2 = r3.with_before_where, T2 = g2 && "WITH (".concat(U(g2).join(", "), ")"), S2 = s2 && "".concat(w(s2.keyword), " (").concat(s2.columns.map((function(r4) {
                return "string" == typeof r4 ? y(r4) : lt(r4);
              })).join(", "), ")"), j2 = l2;
              l2 && (j2 = "string" == typeof l2 ? y(l2) : [y(l2.schema), y(l2.name)].filter(h).join("."));
              var I2 = [w(E2), w(i2), w(n2), w(o2), w(t3), j2, w(d2), Cr(C2)].concat(qr(R(c2)), ["(".concat(x(u2), ")"), S2, U(b2).join(" "), et(p2), et(v2), a("TABLESPACE", L, m2)]);
              _2 ? I2.push(T2, a("WHERE", lt, A2)) : I2.push(a("WHERE", lt, A2), T2);
              return I2.push(a("ON", lt, f2), a("FILESTREAM_ON", L, e3)), I2.filter(h).join(" ");
            })(r2);
            break;
          case "sequence":
            e2 = (function(r3) {
              var t3 = r3.type, e3 = r3.keyword, n2 = r3.sequence, o2 = r3.temporary, s2 = r3.if_not_exists, u2 = r3.create_definitions, a2 = [w(t3), w(o2), w(e3), w(s2), mr(n2)];
              u2 && a2.push(u2.map(Kr).join(" "));
              return a2.filter(h).join(" ");
            })(r2);
            break;
          case "database":
          case "schema":
            e2 = (function(r3) {
              var t3 = r3.type, e3 = r3.keyword, n2 = r3.replace, o2 = r3.if_not_exists, s2 = r3.create_definitions, u2 = r3[e3], a2 = u2.db, i2 = u2.schema, c2 = [L(a2), i2.map(L).join(".")].filter(h).join("."), l2 = [w(t3), w(n2), w(e3), w(o2), c2];
              s2 && l2.push(s2.map(Er).join(" "));
              return l2.filter(h).join(" ");
            })(r2);
            break;
          case "view":
            e2 = (function(r3) {
              var t3 = r3.algorithm, e3 = r3.columns, n2 = r3.definer, o2 = r3.if_not_exists, s2 = r3.keyword, u2 = r3.recursive, a2 = r3.replace, i2 = r3.select, c2 = r3.sql_security, l2 = r3.temporary, f2 = r3.type, b2 = r3.view, p2 = r3.with, v2 = r3.with_options, L2 = b2.db, m2 = b2.schema, E2 = b2.view, A2 = [y(L2), y(m2), y(E2)].filter(h).join(".");
              return [w(f2), w(a2), w(l2), w(u2), t3 && "ALGORITHM = ".concat(w(t3)), lt(n2), c2 && "SQL SECURITY ".concat(w(c2)), w(s2), w(o2), A2, e3 && "(".concat(e3.map(d).join(", "), ")"), v2 && ["WITH", "(".concat(v2.map((function(r4) {
                return C(r4).join(" ");
              })).join(", "), ")")].join(" "), "AS", or(i2), w(p2)].filter(h).join(" ");
            })(r2);
            break;
          case "domain":
            e2 = (function(r3) {
              var t3 = r3.as, e3 = r3.domain, n2 = r3.type, o2 = r3.keyword, s2 = r3.target, u2 = r3.create_definitions, a2 = [w(n2), w(o2), [y(e3.schema), y(e3.name)].filter(h).join("."), w(t3), A(s2)];
              if (u2 && u2.length > 0) {
                var i2, c2 = [], l2 = (function(r4, t4) {
                  var e4 = "undefined" != typeof Symbol && r4[Symbol.iterator] || r4["@@iterator"];
                  if (!e4) {
                    if (Array.isArray(r4) || (e4 = Xr(r4)) || t4 && r4 && "number" == typeof r4.length) {
                      e4 && (r4 = e4);
                      var n3 = 0, o3 = function() {
                      };
                      return { s: o3, n: function() {
                        return n3 >= r4.length ? { done: true } : { done: false, value: r4[n3++] };
                      }, e: function(r5) {
                        throw r5;
                      }, f: o3 };
                    }
                    throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
                  }
                  var s3, u3 = true, a3 = false;
                  return { s: function() {
                    e4 = e4.call(r4);
                  }, n: function() {
                    var r5 = e4.next();
                    return u3 = r5.done, r5;
                  }, e: function(r5) {
                    a3 = true, s3 = r5;
                  }, f: function() {
                    try {
                      u3 || null == e4.return || e4.return();
                    } finally {
                      if (a3) throw s3;
                    }
                  } };
                })(u2);
                try {
                  for (l2.s(); !(i2 = l2.n()).done; ) {
                    var f2 = i2.value, b2 = f2.type;
                    switch (b2) {
                      case "collate":
                        c2.push(lt(f2));
                        break;
                      case "default":
                        c2.push(w(b2), lt(f2.value));
                        break;
                      case "constraint":
                        c2.push(Pr(f2));
                    }
                  }
                } catch (r4) {
                  l2.e(r4);
                } finally {
                  l2.f();
                }
                a2.push(c2.filter(h).join(" "));
              }
              return a2.filter(h).join(" ");
            })(r2);
            break;
          case "type":
            e2 = (function(r3) {
              var t3 = r3.as, e3 = r3.create_definitions, n2 = r3.keyword, o2 = r3.name, s2 = r3.resource, u2 = [w(r3.type), w(n2), [y(o2.schema), y(o2.name)].filter(h).join("."), w(t3), w(s2)];
              if (e3) {
                var a2 = [];
                switch (s2) {
                  case "enum":
                  case "range":
                    a2.push(lt(e3));
                    break;
                  default:
                    a2.push("(".concat(e3.map(Kr).join(", "), ")"));
                }
                u2.push(a2.filter(h).join(" "));
              }
              return u2.filter(h).join(" ");
            })(r2);
            break;
          case "user":
            e2 = (function(r3) {
              var t3 = r3.attribute, e3 = r3.comment, n2 = r3.default_role, o2 = r3.if_not_exists, s2 = r3.keyword, u2 = r3.lock_option, i2 = r3.password_options, c2 = r3.require, l2 = r3.resource_options, f2 = r3.type, b2 = r3.user.map((function(r4) {
                var t4 = r4.user, e4 = r4.auth_option, n3 = [kr(t4)];
                return e4 && n3.push(w(e4.keyword), e4.auth_plugin, L(e4.value)), n3.filter(h).join(" ");
              })).join(", "), p2 = [w(f2), w(s2), w(o2), b2];
              n2 && p2.push(w(n2.keyword), n2.value.map(kr).join(", "));
              p2.push(a(c2 && c2.keyword, lt, c2 && c2.value)), l2 && p2.push(w(l2.keyword), l2.value.map((function(r4) {
                return lt(r4);
              })).join(" "));
              i2 && i2.forEach((function(r4) {
                return p2.push(a(r4.keyword, lt, r4.value));
              }));
              return p2.push(L(u2), _(e3), L(t3)), p2.filter(h).join(" ");
            })(r2);
            break;
          default:
            throw new Error("unknown create resource ".concat(t2));
        }
        return e2;
      }, comment: function(r2) {
        var t2 = r2.expr, e2 = r2.keyword, n2 = r2.target;
        return [w(r2.type), w(e2), P(n2), F(t2)].filter(h).join(" ");
      }, select: q, deallocate: function(r2) {
        var t2 = r2.type, e2 = r2.keyword, n2 = r2.expr;
        return [w(t2), w(e2), lt(n2)].filter(h).join(" ");
      }, delete: function(r2) {
        var t2 = r2.columns, e2 = r2.from, n2 = r2.table, o2 = r2.where, s2 = r2.orderby, u2 = r2.with, i2 = r2.limit, c2 = r2.returning, l2 = [B(u2), "DELETE"], f2 = Ot(t2, e2);
        return l2.push(f2), Array.isArray(n2) && (1 === n2.length && true === n2[0].addition || l2.push(mr(n2))), l2.push(a("FROM", mr, e2)), l2.push(a("WHERE", lt, o2)), l2.push(bt(s2, "order by")), l2.push(H(i2)), l2.push(S(c2)), l2.filter(h).join(" ");
      }, exec: function(r2) {
        var t2 = r2.keyword, e2 = r2.module, n2 = r2.parameters;
        return [w(t2), Cr(e2), (n2 || []).map(Q).filter(h).join(", ")].filter(h).join(" ");
      }, execute: function(r2) {
        var t2 = r2.type, e2 = r2.name, n2 = r2.args, o2 = [w(t2)], s2 = [e2];
        n2 && s2.push("(".concat(lt(n2).join(", "), ")"));
        return o2.push(s2.join("")), o2.filter(h).join(" ");
      }, explain: function(r2) {
        var t2 = r2.type, e2 = r2.expr;
        return [w(t2), q(e2)].join(" ");
      }, for: function(r2) {
        var t2 = r2.type, e2 = r2.label, n2 = r2.target, o2 = r2.query, s2 = r2.stmts;
        return [e2, w(t2), n2, "IN", sr([o2]), "LOOP", sr(s2), "END LOOP", e2].filter(h).join(" ");
      }, update: function(r2) {
        var t2 = r2.from, e2 = r2.table, n2 = r2.set, o2 = r2.where, s2 = r2.orderby, u2 = r2.with, i2 = r2.limit, c2 = r2.returning;
        return [B(u2), "UPDATE", mr(e2), a("SET", K, n2), a("FROM", mr, t2), a("WHERE", lt, o2), bt(s2, "order by"), H(i2), S(c2)].filter(h).join(" ");
      }, if: function(r2) {
        var t2 = r2.boolean_expr, e2 = r2.else_expr, n2 = r2.elseif_expr, o2 = r2.if_expr, s2 = r2.prefix, u2 = r2.go, a2 = r2.semicolons, i2 = r2.suffix, c2 = [w(r2.type), lt(t2), L(s2), "".concat(Tr(o2.ast || o2)).concat(a2[0]), w(u2)];
        n2 && c2.push(n2.map((function(r3) {
          return [w(r3.type), lt(r3.boolean_expr), "THEN", Tr(r3.then.ast || r3.then), r3.semicolon].filter(h).join(" ");
        })).join(" "));
        e2 && c2.push("ELSE", "".concat(Tr(e2.ast || e2)).concat(a2[1]));
        return c2.push(L(i2)), c2.filter(h).join(" ");
      }, insert: fr, load_data: rr, drop: Nr, truncate: Nr, replace: fr, declare: function(r2) {
        var t2 = r2.type, e2 = r2.declare, n2 = r2.symbol, o2 = [w(t2)], s2 = e2.map((function(r3) {
          var t3 = r3.at, e3 = r3.name, n3 = r3.as, o3 = r3.constant, s3 = r3.datatype, u2 = r3.not_null, a2 = r3.prefix, i2 = r3.definition, c2 = r3.keyword, l2 = [[t3, e3].filter(h).join(""), w(n3), w(o3)];
          switch (c2) {
            case "variable":
              l2.push(gt(s3), lt(r3.collate), w(u2)), i2 && l2.push(w(i2.keyword), lt(i2.value));
              break;
            case "cursor":
              l2.push(w(a2));
              break;
            case "table":
              l2.push(w(a2), "(".concat(i2.map(Kr).join(", "), ")"));
          }
          return l2.filter(h).join(" ");
        })).join("".concat(n2, " "));
        return o2.push(s2), o2.join(" ");
      }, use: function(r2) {
        var t2 = r2.type, e2 = r2.db, n2 = w(t2), o2 = y(e2);
        return "".concat(n2, " ").concat(o2);
      }, rename: function(r2) {
        var t2 = r2.type, e2 = r2.table, n2 = [], o2 = "".concat(t2 && t2.toUpperCase(), " TABLE");
        if (e2) {
          var s2, u2 = Sr(e2);
          try {
            for (u2.s(); !(s2 = u2.n()).done; ) {
              var a2 = s2.value.map(Cr);
              n2.push(a2.join(" TO "));
            }
          } catch (r3) {
            u2.e(r3);
          } finally {
            u2.f();
          }
        }
        return "".concat(o2, " ").concat(n2.join(", "));
      }, call: function(r2) {
        var t2 = lt(r2.expr);
        return "".concat("CALL", " ").concat(t2);
      }, desc: Or, describe: Or, set: function(r2) {
        var t2 = r2.type, e2 = r2.expr, n2 = r2.keyword, o2 = w(t2), s2 = e2.map(lt).join(", ");
        return [o2, w(n2), s2].filter(h).join(" ");
      }, lock: Rr, unlock: Rr, show: er, grant: Ur, revoke: Ur, proc: function(r2) {
        var t2 = r2.stmt;
        switch (t2.type) {
          case "assign":
            return tr(t2);
          case "return":
            return (function(r3) {
              var t3 = r3.type, e2 = r3.expr;
              return [w(t3), lt(e2)].join(" ");
            })(t2);
        }
      }, raise: function(r2) {
        var t2 = r2.type, e2 = r2.level, n2 = r2.raise, o2 = r2.using, s2 = [w(t2), w(e2)];
        n2 && s2.push([L(n2.keyword), "format" === n2.type && n2.expr.length > 0 && ","].filter(h).join(""), n2.expr.map((function(r3) {
          return lt(r3);
        })).join(", "));
        o2 && s2.push(w(o2.type), w(o2.option), o2.symbol, o2.expr.map((function(r3) {
          return lt(r3);
        })).join(", "));
        return s2.filter(h).join(" ");
      }, transaction: function(r2) {
        var t2 = r2.expr, e2 = t2.action, n2 = t2.keyword, o2 = t2.modes, s2 = [L(e2), w(n2)];
        return o2 && s2.push(o2.map(L).join(", ")), s2.filter(h).join(" ");
      } };
      function or(r2) {
        if (!r2) return "";
        for (var t2 = nr[r2.type], e2 = r2, n2 = e2._parentheses, o2 = e2._orderby, s2 = e2._limit, u2 = [n2 && "(", t2(r2)]; r2._next; ) {
          var a2 = nr[r2._next.type], i2 = w(r2.set_op);
          u2.push(i2, a2(r2._next)), r2 = r2._next;
        }
        return u2.push(n2 && ")", bt(o2, "order by"), H(s2)), u2.filter(h).join(" ");
      }
      function sr(r2) {
        for (var t2 = [], e2 = 0, n2 = r2.length; e2 < n2; ++e2) {
          var o2 = r2[e2] && r2[e2].ast ? r2[e2].ast : r2[e2], s2 = or(o2);
          e2 === n2 - 1 && "transaction" === o2.type && (s2 = "".concat(s2, " ;")), t2.push(s2);
        }
        return t2.join(" ; ");
      }
      function ur(r2) {
        var t2 = r2.type;
        return "select" === t2 ? or(r2) : ("values" === t2 ? r2.values : r2).map((function(r3) {
          var t3 = lt(r3);
          return [w(r3.prefix), "(".concat(t3, ")")].filter(h).join("");
        })).join(", ");
      }
      function ar(r2) {
        if (!r2) return "";
        var t2 = ["PARTITION", "("];
        if (Array.isArray(r2)) t2.push(r2.map((function(r3) {
          return y(r3);
        })).join(", "));
        else {
          var e2 = r2.value;
          t2.push(e2.map(lt).join(", "));
        }
        return t2.push(")"), t2.filter(h).join("");
      }
      function ir(r2) {
        if (!r2) return "";
        switch (r2.type) {
          case "column":
            return "(".concat(r2.expr.map(At).join(", "), ")");
        }
      }
      function cr(r2) {
        var t2 = r2.expr, e2 = r2.keyword, n2 = t2.type, o2 = [w(e2)];
        switch (n2) {
          case "origin":
            o2.push(L(t2));
            break;
          case "update":
            o2.push("UPDATE", a("SET", K, t2.set), a("WHERE", lt, t2.where));
        }
        return o2.filter(h).join(" ");
      }
      function lr(r2) {
        if (!r2) return "";
        var t2 = r2.action;
        return [ir(r2.target), cr(t2)].filter(h).join(" ");
      }
      function fr(r2) {
        var t2 = r2.table, e2 = r2.type, n2 = r2.or, o2 = void 0 === n2 ? [] : n2, s2 = r2.prefix, u2 = void 0 === s2 ? "into" : s2, i2 = r2.columns, c2 = r2.conflict, l2 = r2.values, f2 = r2.where, b2 = r2.on_duplicate_update, p2 = r2.partition, v2 = r2.returning, d2 = r2.set, y2 = b2 || {}, C2 = y2.keyword, m2 = y2.set, E2 = [w(e2), o2.map(L).join(" "), w(u2), mr(t2), ar(p2)];
        return Array.isArray(i2) && E2.push("(".concat(i2.map(L).join(", "), ")")), E2.push(a(l2 && "values" === l2.type ? "VALUES" : "", ur, l2)), E2.push(a("ON CONFLICT", lr, c2)), E2.push(a("SET", K, d2)), E2.push(a("WHERE", lt, f2)), E2.push(a(C2, K, m2)), E2.push(S(v2)), E2.filter(h).join(" ");
      }
      function br(r2) {
        var t2 = r2.expr, e2 = r2.unit, n2 = r2.suffix;
        return ["INTERVAL", lt(t2), w(e2), lt(n2)].filter(h).join(" ");
      }
      function pr(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return vr(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || (function(r3, t2) {
          if (r3) {
            if ("string" == typeof r3) return vr(r3, t2);
            var e2 = {}.toString.call(r3).slice(8, -1);
            return "Object" === e2 && r3.constructor && (e2 = r3.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r3) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? vr(r3, t2) : void 0;
          }
        })(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function vr(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function dr(r2) {
        var t2 = r2.type, e2 = r2.as, n2 = r2.expr, o2 = r2.with_offset;
        return ["".concat(w(t2), "(").concat(n2 && lt(n2) || "", ")"), a("AS", "string" == typeof e2 ? y : lt, e2), a(w(o2 && o2.keyword), y, o2 && o2.as)].filter(h).join(" ");
      }
      function yr(r2) {
        if (r2) switch (r2.type) {
          case "pivot":
          case "unpivot":
            return (function(r3) {
              var t2 = r3.as, e2 = r3.column, n2 = r3.expr, o2 = r3.in_expr, s2 = r3.type, u2 = [lt(n2), "FOR", At(e2), D(o2)], a2 = ["".concat(w(s2), "(").concat(u2.join(" "), ")")];
              return t2 && a2.push("AS", y(t2)), a2.join(" ");
            })(r2);
          default:
            return "";
        }
      }
      function wr(r2) {
        if (r2) {
          var t2 = r2.keyword, e2 = r2.expr, n2 = r2.index, o2 = r2.index_columns, s2 = r2.parentheses, u2 = r2.prefix, a2 = [];
          switch (t2.toLowerCase()) {
            case "forceseek":
              a2.push(w(t2), "(".concat(y(n2)), "(".concat(o2.map(lt).filter(h).join(", "), "))"));
              break;
            case "spatial_window_max_cells":
              a2.push(w(t2), "=", lt(e2));
              break;
            case "index":
              a2.push(w(u2), w(t2), s2 ? "(".concat(e2.map((function(r3) {
                return y(r3);
              })).join(", "), ")") : "= ".concat(y(e2)));
              break;
            default:
              a2.push(lt(e2));
          }
          return a2.filter(h).join(" ");
        }
      }
      function hr(r2, t2) {
        var e2 = r2.name, n2 = r2.symbol;
        return [w(e2), n2, t2].filter(h).join(" ");
      }
      function Lr(r2) {
        var t2 = [];
        switch (r2.keyword) {
          case "as":
            t2.push("AS", "OF", lt(r2.of));
            break;
          case "from_to":
            t2.push("FROM", lt(r2.from), "TO", lt(r2.to));
            break;
          case "between_and":
            t2.push("BETWEEN", lt(r2.between), "AND", lt(r2.and));
            break;
          case "contained":
            t2.push("CONTAINED", "IN", lt(r2.in));
        }
        return t2.filter(h).join(" ");
      }
      function Cr(r2) {
        if ("UNNEST" === w(r2.type)) return dr(r2);
        var t2, e2, n2, o2, s2 = r2.table, u2 = r2.db, i2 = r2.as, c2 = r2.expr, l2 = r2.operator, f2 = r2.prefix, b2 = r2.schema, p2 = r2.server, v2 = r2.suffix, d2 = r2.tablesample, m2 = r2.temporal_table, E2 = r2.table_hint, A2 = r2.surround, g2 = void 0 === A2 ? {} : A2, _2 = y(p2, false, g2.server), T2 = y(u2, false, g2.db), S2 = y(b2, false, g2.schema), j2 = s2 && y(s2, false, g2.table);
        if (c2) switch (c2.type) {
          case "values":
            var I2 = c2.parentheses, x2 = c2.values, N2 = c2.prefix, O2 = [I2 && "(", "", I2 && ")"], R2 = ur(x2);
            N2 && (R2 = R2.split("(").slice(1).map((function(r3) {
              return "".concat(w(N2), "(").concat(r3);
            })).join("")), O2[1] = "VALUES ".concat(R2), j2 = O2.filter(h).join("");
            break;
          case "tumble":
            j2 = (function(r3) {
              if (!r3) return "";
              var t3 = r3.data, e3 = r3.timecol, n3 = r3.offset, o3 = r3.size, s3 = [y(t3.expr.db), y(t3.expr.schema), y(t3.expr.table)].filter(h).join("."), u3 = "DESCRIPTOR(".concat(At(e3.expr), ")"), a2 = ["TABLE(TUMBLE(TABLE ".concat(hr(t3, s3)), hr(e3, u3)], i3 = hr(o3, br(o3.expr));
              return n3 && n3.expr ? a2.push(i3, "".concat(hr(n3, br(n3.expr)), "))")) : a2.push("".concat(i3, "))")), a2.filter(h).join(", ");
            })(c2);
            break;
          case "generator":
            e2 = (t2 = c2).keyword, n2 = t2.type, o2 = t2.generators.map((function(r3) {
              return C(r3).join(" ");
            })).join(", "), j2 = "".concat(w(e2), "(").concat(w(n2), "(").concat(o2, "))");
            break;
          default:
            j2 = lt(c2);
        }
        var k2 = [[_2, T2, S2, j2 = [w(f2), j2, w(v2)].filter(h).join(" ")].filter(h).join(".")];
        if (d2) {
          var U2 = ["TABLESAMPLE", lt(d2.expr), L(d2.repeatable)].filter(h).join(" ");
          k2.push(U2);
        }
        k2.push((function(r3) {
          if (r3) {
            var t3 = r3.keyword, e3 = r3.expr;
            return [w(t3), Lr(e3)].filter(h).join(" ");
          }
        })(m2), a("AS", "string" == typeof i2 ? y : lt, i2), yr(l2)), E2 && k2.push(w(E2.keyword), "(".concat(E2.expr.map(wr).filter(h).join(", "), ")"));
        var M2 = k2.filter(h).join(" ");
        return r2.parentheses ? "(".concat(M2, ")") : M2;
      }
      function mr(r2) {
        if (!r2) return "";
        if (!Array.isArray(r2)) {
          var t2 = r2.expr, e2 = r2.parentheses, n2 = r2.joins, o2 = mr(t2);
          if (e2) {
            for (var s2 = [], u2 = [], i2 = true === e2 ? 1 : e2.length, c2 = 0; c2++ < i2; ) s2.push("("), u2.push(")");
            var l2 = n2 && n2.length > 0 ? mr([""].concat(pr(n2))) : "";
            return s2.join("") + o2 + u2.join("") + l2;
          }
          return o2;
        }
        var f2 = r2[0], b2 = [];
        if ("dual" === f2.type) return "DUAL";
        b2.push(Cr(f2));
        for (var p2 = 1; p2 < r2.length; ++p2) {
          var v2 = r2[p2], d2 = v2.on, y2 = v2.using, C2 = v2.join, m2 = [], E2 = Array.isArray(v2) || Object.hasOwnProperty.call(v2, "joins");
          m2.push(C2 ? " ".concat(w(C2)) : ","), m2.push(E2 ? mr(v2) : Cr(v2)), m2.push(a("ON", lt, d2)), y2 && m2.push("USING (".concat(y2.map(L).join(", "), ")")), b2.push(m2.filter(h).join(" "));
        }
        return b2.filter(h).join("");
      }
      function Er(r2) {
        var t2 = r2.keyword, e2 = r2.symbol, n2 = r2.value, o2 = [t2.toUpperCase()];
        e2 && o2.push(e2);
        var s2 = L(n2);
        switch (t2) {
          case "partition by":
          case "default collate":
            s2 = lt(n2);
            break;
          case "options":
            s2 = "(".concat(n2.map((function(r3) {
              return [r3.keyword, r3.symbol, lt(r3.value)].join(" ");
            })).join(", "), ")");
            break;
          case "cluster by":
            s2 = n2.map(lt).join(", ");
        }
        return o2.push(s2), o2.filter(h).join(" ");
      }
      var Ar = ["analyze", "attach", "select", "deallocate", "delete", "exec", "update", "insert", "drop", "rename", "truncate", "call", "desc", "describe", "use", "alter", "set", "create", "lock", "unlock", "declare", "show", "replace", "if", "grant", "revoke", "proc", "raise", "execute", "transaction", "explain", "comment", "load_data"];
      function gr(r2) {
        var t2 = r2 && r2.ast ? r2.ast : r2;
        if (!Ar.includes(t2.type)) throw new Error("".concat(t2.type, " statements not supported at the moment"));
      }
      function _r(r2) {
        return Array.isArray(r2) ? (r2.forEach(gr), sr(r2)) : (gr(r2), or(r2));
      }
      function Tr(r2) {
        return "go" === r2.go ? (function r3(t2) {
          if (!t2 || 0 === t2.length) return "";
          var e2 = [_r(t2.ast)];
          return t2.go_next && e2.push(t2.go.toUpperCase(), r3(t2.go_next)), e2.filter((function(r4) {
            return r4;
          })).join(" ");
        })(r2) : _r(r2);
      }
      function Sr(r2, t2) {
        var e2 = "undefined" != typeof Symbol && r2[Symbol.iterator] || r2["@@iterator"];
        if (!e2) {
          if (Array.isArray(r2) || (e2 = Ir(r2)) || t2 && r2 && "number" == typeof r2.length) {
            e2 && (r2 = e2);
            var n2 = 0, o2 = function() {
            };
            return { s: o2, n: function() {
              return n2 >= r2.length ? { done: true } : { done: false, value: r2[n2++] };
            }, e: function(r3) {
              throw r3;
            }, f: o2 };
          }
          throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        }
        var s2, u2 = true, a2 = false;
        return { s: function() {
          e2 = e2.call(r2);
        }, n: function() {
          var r3 = e2.next();
          return u2 = r3.done, r3;
        }, e: function(r3) {
          a2 = true, s2 = r3;
        }, f: function() {
          try {
            u2 || null == e2.return || e2.return();
          } finally {
            if (a2) throw s2;
          }
        } };
      }
      function jr(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return xr(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || Ir(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function Ir(r2, t2) {
        if (r2) {
          if ("string" == typeof r2) return xr(r2, t2);
          var e2 = {}.toString.call(r2).slice(8, -1);
          return "Object" === e2 && r2.constructor && (e2 = r2.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r2) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? xr(r2, t2) : void 0;
        }
      }
      function xr(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function Nr(r2) {
        var t2 = r2.type, e2 = r2.keyword, n2 = r2.name, o2 = r2.prefix, s2 = r2.suffix, u2 = [w(t2), w(e2), w(o2)];
        switch (e2) {
          case "table":
            u2.push(mr(n2));
            break;
          case "trigger":
            u2.push([n2[0].schema ? "".concat(y(n2[0].schema), ".") : "", y(n2[0].trigger)].filter(h).join(""));
            break;
          case "database":
          case "schema":
          case "procedure":
            u2.push(y(n2));
            break;
          case "view":
            u2.push(mr(n2), r2.options && r2.options.map(lt).filter(h).join(" "));
            break;
          case "index":
            u2.push.apply(u2, [At(n2)].concat(jr(r2.table ? ["ON", Cr(r2.table)] : []), [r2.options && r2.options.map(lt).filter(h).join(" ")]));
            break;
          case "type":
            u2.push(n2.map(At).join(", "), r2.options && r2.options.map(lt).filter(h).join(" "));
        }
        return s2 && u2.push(s2.map(lt).filter(h).join(" ")), u2.filter(h).join(" ");
      }
      function Or(r2) {
        var t2 = r2.type, e2 = r2.table, n2 = w(t2), o2 = "string" == typeof e2 ? y(e2) : Cr(e2);
        return "".concat(n2, " ").concat(o2);
      }
      function Rr(r2) {
        var t2 = r2.type, e2 = r2.keyword, n2 = r2.tables, o2 = [t2.toUpperCase(), w(e2)];
        if ("UNLOCK" === t2.toUpperCase()) return o2.join(" ");
        var s2, u2 = [], a2 = Sr(n2);
        try {
          var i2 = function() {
            var r3 = s2.value, t3 = r3.table, e3 = r3.lock_type, n3 = [Cr(t3)];
            if (e3) {
              n3.push(["prefix", "type", "suffix"].map((function(r4) {
                return w(e3[r4]);
              })).filter(h).join(" "));
            }
            u2.push(n3.join(" "));
          };
          for (a2.s(); !(s2 = a2.n()).done; ) i2();
        } catch (r3) {
          a2.e(r3);
        } finally {
          a2.f();
        }
        return o2.push.apply(o2, [u2.join(", ")].concat(jr((function(r3) {
          var t3 = r3.lock_mode, e3 = r3.nowait, n3 = [];
          if (t3) {
            var o3 = t3.mode;
            n3.push(o3.toUpperCase());
          }
          return e3 && n3.push(e3.toUpperCase()), n3;
        })(r2)))), o2.filter(h).join(" ");
      }
      function kr(r2) {
        var t2 = r2.name, e2 = r2.host, n2 = [L(t2)];
        return e2 && n2.push("@", L(e2)), n2.join("");
      }
      function Ur(r2) {
        var t2 = r2.type, e2 = r2.grant_option_for, n2 = r2.keyword, o2 = r2.objects, s2 = r2.on, u2 = r2.to_from, a2 = r2.user_or_roles, i2 = r2.with, c2 = [w(t2), L(e2)], l2 = o2.map((function(r3) {
          var t3 = r3.priv, e3 = r3.columns, n3 = [lt(t3)];
          return e3 && n3.push("(".concat(e3.map(At).join(", "), ")")), n3.join(" ");
        })).join(", ");
        if (c2.push(l2), s2) switch (c2.push("ON"), n2) {
          case "priv":
            c2.push(L(s2.object_type), s2.priv_level.map((function(r3) {
              return [y(r3.prefix), y(r3.name)].filter(h).join(".");
            })).join(", "));
            break;
          case "proxy":
            c2.push(kr(s2));
        }
        return c2.push(w(u2), a2.map(kr).join(", ")), c2.push(L(i2)), c2.filter(h).join(" ");
      }
      function Mr(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return Dr(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || (function(r3, t2) {
          if (r3) {
            if ("string" == typeof r3) return Dr(r3, t2);
            var e2 = {}.toString.call(r3).slice(8, -1);
            return "Object" === e2 && r3.constructor && (e2 = r3.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r3) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? Dr(r3, t2) : void 0;
          }
        })(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function Dr(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function Pr(r2) {
        if (r2) {
          var t2 = r2.constraint, e2 = r2.constraint_type, n2 = r2.enforced, o2 = r2.index, s2 = r2.keyword, u2 = r2.reference_definition, i2 = r2.for, c2 = r2.with_values, l2 = [], f2 = b().database;
          l2.push(w(s2)), l2.push(y(t2));
          var p2 = w(e2);
          return "sqlite" === f2.toLowerCase() && "UNIQUE KEY" === p2 && (p2 = "UNIQUE"), l2.push(p2), l2.push("sqlite" !== f2.toLowerCase() && y(o2)), l2.push.apply(l2, Mr(M(r2))), l2.push.apply(l2, Mr(_t(u2))), l2.push(w(n2)), l2.push(a("FOR", y, i2)), l2.push(L(c2)), l2.filter(h).join(" ");
        }
      }
      function Fr(r2) {
        if (r2) {
          var t2 = r2.type;
          return "rows" === t2 ? [w(t2), lt(r2.expr)].filter(h).join(" ") : lt(r2);
        }
      }
      function Gr(r2) {
        if ("string" == typeof r2) return r2;
        var t2 = r2.window_specification;
        return "(".concat((function(r3) {
          var t3 = r3.name, e2 = r3.partitionby, n2 = r3.orderby, o2 = r3.window_frame_clause;
          return [t3, bt(e2, "partition by"), bt(n2, "order by"), Fr(o2)].filter(h).join(" ");
        })(t2), ")");
      }
      function $r(r2) {
        var t2 = r2.name, e2 = r2.as_window_specification;
        return "".concat(t2, " AS ").concat(Gr(e2));
      }
      function Yr(r2) {
        if (r2) {
          var t2 = r2.as_window_specification, e2 = r2.expr, n2 = r2.keyword, o2 = r2.type, s2 = r2.parentheses, u2 = w(o2);
          if ("WINDOW" === u2) return "OVER ".concat(Gr(t2));
          if ("ON UPDATE" === u2) {
            var a2 = "".concat(w(o2), " ").concat(w(n2)), i2 = lt(e2) || [];
            return s2 && (a2 = "".concat(a2, "(").concat(i2.join(", "), ")")), a2;
          }
          if (r2.partitionby) return ["OVER", "(".concat(bt(r2.partitionby, "partition by")), "".concat(bt(r2.orderby, "order by"), ")")].filter(h).join(" ");
          throw new Error("unknown over type");
        }
      }
      function Hr(r2) {
        if (!r2 || !r2.array) return "";
        var t2 = r2.array.keyword;
        if (t2) return w(t2);
        for (var e2 = r2.array, n2 = e2.dimension, o2 = e2.length, s2 = [], u2 = 0; u2 < n2; u2++) s2.push("["), o2 && o2[u2] && s2.push(L(o2[u2])), s2.push("]");
        return s2.join("");
      }
      function Br(r2) {
        for (var t2 = r2.target, e2 = r2.expr, n2 = r2.keyword, o2 = r2.symbol, s2 = r2.as, u2 = r2.offset, a2 = r2.parentheses, i2 = r2.collate, c2 = mt({ expr: e2, offset: u2 }), l2 = [], f2 = 0, b2 = t2.length; f2 < b2; ++f2) {
          var p2 = t2[f2], v2 = p2.angle_brackets, d2 = p2.length, C2 = p2.dataType, m2 = p2.parentheses, E2 = p2.quoted, A2 = p2.scale, g2 = p2.suffix, _2 = p2.expr, T2 = _2 ? lt(_2) : "";
          null != d2 && (T2 = A2 ? "".concat(d2, ", ").concat(A2) : d2), m2 && (T2 = "(".concat(T2, ")")), v2 && (T2 = "<".concat(T2, ">")), g2 && g2.length && (T2 += " ".concat(g2.map(L).join(" ")));
          var S2 = "::", j2 = "", I2 = [];
          "as" === o2 && (0 === f2 && (c2 = "".concat(w(n2), "(").concat(c2)), j2 = ")", S2 = " ".concat(o2.toUpperCase(), " ")), 0 === f2 && I2.push(c2);
          var x2 = Hr(p2);
          I2.push(S2, E2, C2, E2, x2, T2, j2), l2.push(I2.filter(h).join(""));
        }
        var N2 = pt(i2);
        s2 && l2.push(" AS ".concat(y(s2)));
        var O2 = [l2.filter(h).join(""), N2].filter(h).join(" ");
        return a2 ? "(".concat(O2, ")") : O2;
      }
      function Wr(r2) {
        var t2 = r2.args, e2 = r2.array_index, n2 = r2.collate, o2 = r2.name, s2 = r2.args_parentheses, u2 = r2.parentheses, a2 = r2.within_group, i2 = r2.over, c2 = r2.suffix, l2 = Yr(i2), f2 = (function(r3) {
          if (!r3) return "";
          var t3 = r3.type, e3 = r3.keyword, n3 = r3.orderby;
          return [w(t3), w(e3), "(".concat(bt(n3, "order by"), ")")].filter(h).join(" ");
        })(a2), b2 = lt(c2), p2 = pt(n2), v2 = [L(o2.schema), o2.name.map(L).join(".")].filter(h).join(".");
        if (!t2) return [v2, p2, f2, l2].filter(h).join(" ");
        var d2 = r2.separator || ", ", y2 = 0;
        if ("TRIM" === w(v2)) for (var C2 = 0, m2 = t2.value.length; C2 < m2; ++C2) {
          var E2 = t2.value[C2];
          if ("origin" === E2.type && "from" === E2.value) {
            y2 = C2;
            break;
          }
        }
        var A2 = [v2];
        A2.push(false === s2 ? " " : "(");
        var g2 = lt(t2);
        if (Array.isArray(d2)) {
          for (var _2 = g2[0], T2 = 1, S2 = g2.length; T2 < S2; ++T2) _2 = [_2, g2[T2]].join(" ".concat(lt(d2[T2 - 1]), " "));
          A2.push(_2);
        } else "TRIM" === w(v2) && y2 > 0 ? A2.push([g2.slice(0, y2 + 1).join(" "), g2.slice(y2 + 1).join(", ")].join(" ")) : A2.push(g2.join(d2));
        return false !== s2 && A2.push(")"), A2.push(Et(e2)), A2 = [A2.join(""), b2, p2].filter(h).join(" "), [u2 ? "(".concat(A2, ")") : A2, f2, l2].filter(h).join(" ");
      }
      function qr(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return Vr(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || Xr(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function Xr(r2, t2) {
        if (r2) {
          if ("string" == typeof r2) return Vr(r2, t2);
          var e2 = {}.toString.call(r2).slice(8, -1);
          return "Object" === e2 && r2.constructor && (e2 = r2.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r2) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? Vr(r2, t2) : void 0;
        }
      }
      function Vr(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function Kr(r2) {
        if (!r2) return [];
        var t2, e2, n2, o2, s2 = r2.resource;
        switch (s2) {
          case "column":
            return jt(r2);
          case "index":
            return e2 = [], n2 = (t2 = r2).keyword, o2 = t2.index, e2.push(w(n2)), e2.push(o2), e2.push.apply(e2, N(M(t2))), e2.filter(h).join(" ");
          case "constraint":
            return Pr(r2);
          case "sequence":
            return [w(r2.prefix), lt(r2.value)].filter(h).join(" ");
          default:
            throw new Error("unknown resource = ".concat(s2, " type"));
        }
      }
      function Qr(r2) {
        var t2 = [];
        switch (r2.keyword) {
          case "from":
            t2.push("FROM", "(".concat(L(r2.from), ")"), "TO", "(".concat(L(r2.to), ")"));
            break;
          case "in":
            t2.push("IN", "(".concat(lt(r2.in), ")"));
            break;
          case "with":
            t2.push("WITH", "(MODULUS ".concat(L(r2.modulus), ", REMAINDER ").concat(L(r2.remainder), ")"));
        }
        return t2.filter(h).join(" ");
      }
      function zr(r2) {
        var t2 = r2.keyword, e2 = r2.table, n2 = r2.for_values, o2 = r2.tablespace, s2 = [w(t2), Cr(e2), w(n2.keyword), Qr(n2.expr)];
        return o2 && s2.push("TABLESPACE", L(o2)), s2.filter(h).join(" ");
      }
      function Zr(r2) {
        return r2.dataType ? A(r2) : [y(r2.db), y(r2.schema), y(r2.table)].filter(h).join(".");
      }
      function Jr(r2) {
        var t2 = r2.type;
        switch (t2) {
          case "as":
            return [w(t2), r2.symbol, or(r2.declare), w(r2.begin), sr(r2.expr), w(r2.end), r2.symbol].filter(h).join(" ");
          case "set":
            return [w(t2), r2.parameter, w(r2.value && r2.value.prefix), r2.value && r2.value.expr.map(lt).join(", ")].filter(h).join(" ");
          case "return":
            return [w(t2), lt(r2.expr)].filter(h).join(" ");
          default:
            return lt(r2);
        }
      }
      function rt(r2) {
        var t2 = r2.type, e2 = r2.symbol, n2 = r2.value, o2 = [w(t2), e2];
        switch (w(t2)) {
          case "SFUNC":
            o2.push([y(n2.schema), n2.name].filter(h).join("."));
            break;
          case "STYPE":
          case "MSTYPE":
            o2.push(A(n2));
            break;
          default:
            o2.push(lt(n2));
        }
        return o2.filter(h).join(" ");
      }
      function tt(r2, t2) {
        switch (r2) {
          case "add":
            var e2 = t2.map((function(r3) {
              var t3 = r3.name, e3 = r3.value;
              return ["PARTITION", L(t3), "VALUES", w(e3.type), "(".concat(L(e3.expr), ")")].join(" ");
            })).join(", ");
            return "(".concat(e2, ")");
          default:
            return Ot(t2);
        }
      }
      function et(r2) {
        if (!r2) return "";
        var t2 = r2.action, e2 = r2.create_definitions, n2 = r2.if_not_exists, o2 = r2.keyword, s2 = r2.if_exists, u2 = r2.old_column, a2 = r2.prefix, i2 = r2.resource, c2 = r2.symbol, l2 = r2.suffix, f2 = "", b2 = [];
        switch (i2) {
          case "column":
            b2 = [jt(r2)];
            break;
          case "index":
            b2 = M(r2), f2 = r2[i2];
            break;
          case "table":
          case "schema":
            f2 = y(r2[i2]);
            break;
          case "aggregate":
          case "function":
          case "domain":
          case "type":
            f2 = y(r2[i2]);
            break;
          case "algorithm":
          case "lock":
          case "table-option":
            f2 = [c2, w(r2[i2])].filter(h).join(" ");
            break;
          case "constraint":
            f2 = y(r2[i2]), b2 = [Kr(e2)];
            break;
          case "partition":
            b2 = [tt(t2, r2.partitions)];
            break;
          case "key":
            f2 = y(r2[i2]);
            break;
          default:
            f2 = [c2, r2[i2]].filter((function(r3) {
              return null !== r3;
            })).join(" ");
        }
        var p2 = [w(t2), w(o2), w(n2), w(s2), u2 && At(u2), w(a2), f2 && f2.trim(), b2.filter(h).join(" ")];
        return l2 && p2.push(w(l2.keyword), l2.expr && At(l2.expr)), p2.filter(h).join(" ");
      }
      function nt(r2) {
        var t2 = r2.default && [w(r2.default.keyword), lt(r2.default.value)].join(" ");
        return [w(r2.mode), r2.name, A(r2.type), t2].filter(h).join(" ");
      }
      function ot(r2) {
        return (ot = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      function st(r2) {
        var t2 = r2.expr_list;
        switch (w(r2.type)) {
          case "STRUCT":
          case "ROW":
            return "(".concat(Ot(t2), ")");
          case "ARRAY":
            return (function(r3) {
              var t3 = r3.array_path, e2 = r3.brackets, n2 = r3.expr_list, o2 = r3.parentheses;
              if (!n2) return "[".concat(Ot(t3), "]");
              var s2 = Array.isArray(n2) ? n2.map((function(r4) {
                return "(".concat(Ot(r4), ")");
              })).filter(h).join(", ") : lt(n2);
              return e2 ? "[".concat(s2, "]") : o2 ? "(".concat(s2, ")") : s2;
            })(r2);
          default:
            return "";
        }
      }
      function ut(r2) {
        var t2 = r2.definition, e2 = r2.keyword, n2 = r2.orderby, o2 = r2.limit, s2 = [w(e2)];
        return t2 && "object" === ot(t2) && (s2.length = 0, s2.push(g(t2))), s2.push(st(r2), bt(n2, "order by"), H(o2)), s2.filter(h).join("");
      }
      function at(r2) {
        return (at = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      var it = { alter: et, aggr_func: function(r2) {
        var t2 = r2.args, e2 = r2.filter, n2 = r2.over, o2 = r2.within_group_orderby, s2 = lt(t2.expr);
        s2 = Array.isArray(s2) ? s2.join(", ") : s2;
        var u2 = r2.name, a2 = Yr(n2);
        t2.distinct && (s2 = ["DISTINCT", s2].join(" ")), t2.separator && t2.separator.delimiter && (s2 = [s2, L(t2.separator.delimiter)].join("".concat(t2.separator.symbol, " "))), t2.separator && t2.separator.expr && (s2 = [s2, lt(t2.separator.expr)].join(" ")), t2.orderby && (s2 = [s2, bt(t2.orderby, "order by")].join(" ")), t2.separator && t2.separator.value && (s2 = [s2, w(t2.separator.keyword), L(t2.separator.value)].filter(h).join(" "));
        var i2 = o2 ? "WITHIN GROUP (".concat(bt(o2, "order by"), ")") : "", c2 = e2 ? "FILTER (WHERE ".concat(lt(e2.where), ")") : "";
        return ["".concat(u2, "(").concat(s2, ")"), i2, a2, c2].filter(h).join(" ");
      }, any_value: function(r2) {
        var t2 = r2.args, e2 = r2.type, n2 = r2.over, o2 = t2.expr, s2 = t2.having, u2 = "".concat(w(e2), "(").concat(lt(o2));
        return s2 && (u2 = "".concat(u2, " HAVING ").concat(w(s2.prefix), " ").concat(lt(s2.expr))), [u2 = "".concat(u2, ")"), Yr(n2)].filter(h).join(" ");
      }, window_func: function(r2) {
        var t2 = r2.over;
        return [(function(r3) {
          var t3 = r3.args, e2 = r3.name, n2 = r3.consider_nulls, o2 = void 0 === n2 ? "" : n2, s2 = r3.separator, u2 = void 0 === s2 ? ", " : s2;
          return [e2, "(", t3 ? lt(t3).join(u2) : "", ")", o2 && " ", o2].filter(h).join("");
        })(r2), Yr(t2)].filter(h).join(" ");
      }, array: ut, assign: tr, binary_expr: D, case: function(r2) {
        var t2 = ["CASE"], e2 = r2.args, n2 = r2.expr, o2 = r2.parentheses;
        n2 && t2.push(lt(n2));
        for (var s2 = 0, u2 = e2.length; s2 < u2; ++s2) t2.push(e2[s2].type.toUpperCase()), e2[s2].cond && (t2.push(lt(e2[s2].cond)), t2.push("THEN")), t2.push(lt(e2[s2].result));
        return t2.push("END"), o2 ? "(".concat(t2.join(" "), ")") : t2.join(" ");
      }, cast: Br, collate: pt, column_ref: At, column_definition: jt, datatype: A, extract: function(r2) {
        var t2 = r2.args, e2 = r2.type, n2 = t2.field, o2 = t2.cast_type, s2 = t2.source, u2 = ["".concat(w(e2), "(").concat(w(n2)), "FROM", w(o2), lt(s2)];
        return "".concat(u2.filter(h).join(" "), ")");
      }, flatten: function(r2) {
        var t2 = r2.args, e2 = r2.type, n2 = ["input", "path", "outer", "recursive", "mode"].map((function(r3) {
          return (function(r4) {
            if (!r4) return "";
            var t3 = r4.type, e3 = r4.symbol, n3 = r4.value;
            return [w(t3), e3, lt(n3)].filter(h).join(" ");
          })(t2[r3]);
        })).filter(h).join(", ");
        return "".concat(w(e2), "(").concat(n2, ")");
      }, fulltext_search: function(r2) {
        var t2 = r2.against, e2 = r2.as, n2 = r2.columns, o2 = r2.match, s2 = r2.mode, u2 = [w(o2), "(".concat(n2.map((function(r3) {
          return At(r3);
        })).join(", "), ")")].join(" "), a2 = [w(t2), ["(", lt(r2.expr), s2 && " ".concat(L(s2)), ")"].filter(h).join("")].join(" ");
        return [u2, a2, It(e2)].filter(h).join(" ");
      }, function: Wr, lambda: function(r2) {
        var t2 = r2.args, e2 = r2.expr, n2 = t2.value, o2 = t2.parentheses, s2 = n2.map(lt).join(", ");
        return [o2 ? "(".concat(s2, ")") : s2, "->", lt(e2)].join(" ");
      }, load_data: rr, insert: or, interval: br, json: function(r2) {
        var t2 = r2.keyword, e2 = r2.expr_list;
        return [w(t2), e2.map((function(r3) {
          return lt(r3);
        })).join(", ")].join(" ");
      }, json_object_arg: function(r2) {
        var t2 = r2.expr, e2 = t2.key, n2 = t2.value, o2 = t2.on, s2 = [lt(e2), "VALUE", lt(n2)];
        return o2 && s2.push("ON", "NULL", lt(o2)), s2.filter(h).join(" ");
      }, json_visitor: function(r2) {
        return [r2.symbol, lt(r2.expr)].join("");
      }, func_arg: function(r2) {
        var t2 = r2.value;
        return [t2.name, t2.symbol, lt(t2.expr)].filter(h).join(" ");
      }, show: er, struct: ut, tablefunc: function(r2) {
        var t2 = r2.as, e2 = r2.name, n2 = r2.args, o2 = [L(e2.schema), e2.name.map(L).join(".")].filter(h).join(".");
        return ["".concat(o2, "(").concat(lt(n2).join(", "), ")"), "AS", Wr(t2)].join(" ");
      }, tables: mr, unnest: dr, values: ur, window: function(r2) {
        return r2.expr.map($r).join(", ");
      } };
      function ct(r2) {
        var t2 = r2.prefix, e2 = void 0 === t2 ? "@" : t2, n2 = r2.name, o2 = r2.members, s2 = r2.quoted, u2 = r2.suffix, a2 = [], i2 = o2 && o2.length > 0 ? "".concat(n2, ".").concat(o2.join(".")) : n2, c2 = "".concat(e2 || "").concat(i2);
        return u2 && (c2 += u2), a2.push(c2), [s2, a2.join(" "), s2].filter(h).join("");
      }
      function lt(r2) {
        if (r2) {
          var t2 = r2;
          if (r2.ast) {
            var e2 = t2.ast;
            Reflect.deleteProperty(t2, e2);
            for (var n2 = 0, o2 = Object.keys(e2); n2 < o2.length; n2++) {
              var s2 = o2[n2];
              t2[s2] = e2[s2];
            }
          }
          var u2 = t2.type;
          return "expr" === u2 ? lt(t2.expr) : it[u2] ? it[u2](t2) : L(t2);
        }
      }
      function ft(r2) {
        return r2 ? (Array.isArray(r2) || (r2 = [r2]), r2.map(lt)) : [];
      }
      function bt(r2, t2) {
        if (!Array.isArray(r2)) return "";
        var e2 = [], n2 = w(t2);
        switch (n2) {
          case "ORDER BY":
            e2 = r2.map((function(r3) {
              return [lt(r3.expr), r3.type || "ASC", w(r3.nulls)].filter(h).join(" ");
            }));
            break;
          case "PARTITION BY":
          default:
            e2 = r2.map((function(r3) {
              return lt(r3.expr);
            }));
        }
        return i(n2, e2.join(", "));
      }
      function pt(r2) {
        if (r2) {
          var t2 = r2.keyword, e2 = r2.collate, n2 = e2.name, o2 = e2.symbol, s2 = e2.value, u2 = [w(t2)];
          return s2 || u2.push(o2), u2.push(Array.isArray(n2) ? n2.map(L).join(".") : L(n2)), s2 && u2.push(o2), u2.push(lt(s2)), u2.filter(h).join(" ");
        }
      }
      function vt(r2) {
        return (vt = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      function dt(r2, t2) {
        var e2 = Object.keys(r2);
        if (Object.getOwnPropertySymbols) {
          var n2 = Object.getOwnPropertySymbols(r2);
          t2 && (n2 = n2.filter((function(t3) {
            return Object.getOwnPropertyDescriptor(r2, t3).enumerable;
          }))), e2.push.apply(e2, n2);
        }
        return e2;
      }
      function yt(r2) {
        for (var t2 = 1; t2 < arguments.length; t2++) {
          var e2 = null != arguments[t2] ? arguments[t2] : {};
          t2 % 2 ? dt(Object(e2), true).forEach((function(t3) {
            wt(r2, t3, e2[t3]);
          })) : Object.getOwnPropertyDescriptors ? Object.defineProperties(r2, Object.getOwnPropertyDescriptors(e2)) : dt(Object(e2)).forEach((function(t3) {
            Object.defineProperty(r2, t3, Object.getOwnPropertyDescriptor(e2, t3));
          }));
        }
        return r2;
      }
      function wt(r2, t2, e2) {
        return (t2 = (function(r3) {
          var t3 = (function(r4, t4) {
            if ("object" != vt(r4) || !r4) return r4;
            var e3 = r4[Symbol.toPrimitive];
            if (void 0 !== e3) {
              var n2 = e3.call(r4, t4 || "default");
              if ("object" != vt(n2)) return n2;
              throw new TypeError("@@toPrimitive must return a primitive value.");
            }
            return ("string" === t4 ? String : Number)(r4);
          })(r3, "string");
          return "symbol" == vt(t3) ? t3 : t3 + "";
        })(t2)) in r2 ? Object.defineProperty(r2, t2, { value: e2, enumerable: true, configurable: true, writable: true }) : r2[t2] = e2, r2;
      }
      function ht(r2) {
        return (function(r3) {
          if (Array.isArray(r3)) return Ct(r3);
        })(r2) || (function(r3) {
          if ("undefined" != typeof Symbol && null != r3[Symbol.iterator] || null != r3["@@iterator"]) return Array.from(r3);
        })(r2) || Lt(r2) || (function() {
          throw new TypeError("Invalid attempt to spread non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        })();
      }
      function Lt(r2, t2) {
        if (r2) {
          if ("string" == typeof r2) return Ct(r2, t2);
          var e2 = {}.toString.call(r2).slice(8, -1);
          return "Object" === e2 && r2.constructor && (e2 = r2.constructor.name), "Map" === e2 || "Set" === e2 ? Array.from(r2) : "Arguments" === e2 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e2) ? Ct(r2, t2) : void 0;
        }
      }
      function Ct(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function mt(r2, t2) {
        if ("string" == typeof r2) return y(r2, t2);
        var e2 = r2.expr, n2 = r2.offset, o2 = r2.suffix, s2 = n2 && n2.map((function(r3) {
          return ["[", r3.name, "".concat(r3.name ? "(" : ""), L(r3.value), "".concat(r3.name ? ")" : ""), "]"].filter(h).join("");
        })).join("");
        return [lt(e2), s2, o2].filter(h).join("");
      }
      function Et(r2) {
        if (!r2 || 0 === r2.length) return "";
        var t2, e2 = [], n2 = (function(r3, t3) {
          var e3 = "undefined" != typeof Symbol && r3[Symbol.iterator] || r3["@@iterator"];
          if (!e3) {
            if (Array.isArray(r3) || (e3 = Lt(r3)) || t3 && r3 && "number" == typeof r3.length) {
              e3 && (r3 = e3);
              var n3 = 0, o3 = function() {
              };
              return { s: o3, n: function() {
                return n3 >= r3.length ? { done: true } : { done: false, value: r3[n3++] };
              }, e: function(r4) {
                throw r4;
              }, f: o3 };
            }
            throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
          }
          var s3, u2 = true, a2 = false;
          return { s: function() {
            e3 = e3.call(r3);
          }, n: function() {
            var r4 = e3.next();
            return u2 = r4.done, r4;
          }, e: function(r4) {
            a2 = true, s3 = r4;
          }, f: function() {
            try {
              u2 || null == e3.return || e3.return();
            } finally {
              if (a2) throw s3;
            }
          } };
        })(r2);
        try {
          for (n2.s(); !(t2 = n2.n()).done; ) {
            var o2 = t2.value, s2 = o2.brackets ? "[".concat(lt(o2.index), "]") : "".concat(o2.notation).concat(lt(o2.index));
            o2.property && (s2 = "".concat(s2, ".").concat(L(o2.property))), e2.push(s2);
          }
        } catch (r3) {
          n2.e(r3);
        } finally {
          n2.f();
        }
        return e2.join("");
      }
      function At(r2) {
        var t2 = r2.array_index, e2 = r2.as, n2 = r2.column, o2 = r2.collate, s2 = r2.db, u2 = r2.isDual, i2 = r2.notations, c2 = void 0 === i2 ? [] : i2, l2 = r2.options, f2 = r2.schema, b2 = r2.table, p2 = r2.parentheses, v2 = r2.suffix, d2 = r2.order_by, L2 = r2.subFields, C2 = void 0 === L2 ? [] : L2, m2 = "*" === n2 ? "*" : mt(n2, u2), E2 = [s2, f2, b2].filter(h).map((function(r3) {
          return "".concat("string" == typeof r3 ? y(r3) : lt(r3));
        })), A2 = E2[0];
        if (A2) {
          for (var g2 = 1; g2 < E2.length; ++g2) A2 = "".concat(A2).concat(c2[g2] || ".").concat(E2[g2]);
          m2 = "".concat(A2).concat(c2[g2] || ".").concat(m2);
        }
        var _2 = [m2 = ["".concat(m2).concat(Et(t2))].concat(ht(C2)).join("."), pt(o2), lt(l2), a("AS", lt, e2)];
        _2.push("string" == typeof v2 ? w(v2) : lt(v2)), _2.push(w(d2));
        var T2 = _2.filter(h).join(" ");
        return p2 ? "(".concat(T2, ")") : T2;
      }
      function gt(r2) {
        if (r2) {
          var t2 = r2.schema, e2 = r2.dataType, n2 = r2.length, o2 = r2.suffix, s2 = r2.scale, u2 = r2.expr, a2 = A({ schema: t2, dataType: e2, length: n2, suffix: o2, scale: s2, parentheses: null != n2 });
          if (u2 && (a2 += lt(u2)), r2.array) {
            var i2 = Hr(r2);
            a2 += [/^\[.*\]$/.test(i2) ? "" : " ", i2].join("");
          }
          return a2;
        }
      }
      function _t(r2) {
        var t2 = [];
        if (!r2) return t2;
        var e2 = r2.definition, n2 = r2.keyword, o2 = r2.match, s2 = r2.table, u2 = r2.on_action;
        return t2.push(w(n2)), t2.push(mr(s2)), t2.push(e2 && "(".concat(e2.map((function(r3) {
          return lt(r3);
        })).join(", "), ")")), t2.push(w(o2)), u2.map((function(r3) {
          return t2.push(w(r3.type), lt(r3.value));
        })), t2.filter(h);
      }
      function Tt(r2) {
        var t2 = [], e2 = r2.nullable, n2 = r2.character_set, o2 = r2.check, s2 = r2.comment, u2 = r2.constraint, i2 = r2.collate, c2 = r2.storage, l2 = r2.using, f2 = r2.default_val, p2 = r2.generated, v2 = r2.auto_increment, d2 = r2.unique, y2 = r2.primary_key, m2 = r2.column_format, E2 = r2.reference_definition, A2 = r2.generated_by_default, g2 = [w(e2 && e2.action), w(e2 && e2.value)].filter(h).join(" ");
        if (p2 || t2.push(g2), f2) {
          var T2 = f2.type, S2 = f2.value;
          t2.push(T2.toUpperCase(), lt(S2));
        }
        var j2 = b().database;
        return u2 && t2.push(w(u2.keyword), L(u2.constraint)), t2.push(Pr(o2)), t2.push((function(r3) {
          if (r3) return [w(r3.value), "(".concat(lt(r3.expr), ")"), w(r3.storage_type)].filter(h).join(" ");
        })(p2)), p2 && t2.push(g2), t2.push(I(v2), w(y2), w(d2), L(A2), _(s2)), t2.push.apply(t2, ht(C(n2))), "sqlite" !== j2.toLowerCase() && t2.push(lt(i2)), t2.push.apply(t2, ht(C(m2))), t2.push.apply(t2, ht(C(c2))), t2.push.apply(t2, ht(_t(E2))), t2.push(a("USING", lt, l2)), t2.filter(h).join(" ");
      }
      function St(r2) {
        var t2 = r2.order_by, e2 = r2.column, n2 = r2.collate, o2 = r2.nulls, s2 = r2.opclass, u2 = "string" == typeof e2 ? { type: "column_ref", table: r2.table, column: e2 } : yt(yt({}, r2), {}, { order_by: null });
        return u2.collate = null, [lt(u2), lt(n2), s2, w(t2), w(o2)].filter(h).join(" ");
      }
      function jt(r2) {
        var t2 = [], e2 = At(r2.column), n2 = gt(r2.definition);
        return t2.push(e2), t2.push(n2), t2.push(Tt(r2)), t2.filter(h).join(" ");
      }
      function It(r2) {
        return r2 ? "object" === vt(r2) ? ["AS", lt(r2)].join(" ") : ["AS", /^(`?)[a-z_][0-9a-z_]*(`?)$/i.test(r2) ? y(r2) : d(r2)].join(" ") : "";
      }
      function xt(r2, t2) {
        var e2 = r2.expr, n2 = r2.type;
        if ("cast" === n2) return Br(r2);
        t2 && (e2.isDual = t2);
        var o2 = lt(e2), s2 = r2.expr_list;
        if (s2) {
          var u2 = [o2], a2 = s2.map((function(r3) {
            return xt(r3, t2);
          })).join(", ");
          return u2.push([w(n2), n2 && "(", a2, n2 && ")"].filter(h).join("")), u2.filter(h).join(" ");
        }
        return e2.parentheses && Reflect.has(e2, "array_index") && "cast" !== e2.type && (o2 = "(".concat(o2, ")")), e2.array_index && "column_ref" !== e2.type && "function" !== e2.type && (o2 = "".concat(o2).concat(Et(e2.array_index))), [o2, It(r2.as)].filter(h).join(" ");
      }
      function Nt(r2) {
        var t2 = Array.isArray(r2) && r2[0];
        return !(!t2 || "dual" !== t2.type);
      }
      function Ot(r2, t2) {
        if (!r2 || "*" === r2) return r2;
        var e2 = Nt(t2);
        return r2.map((function(r3) {
          return xt(r3, e2);
        })).join(", ");
      }
      it.var = ct, it.expr_list = function(r2) {
        var t2 = ft(r2.value), e2 = r2.parentheses, n2 = r2.separator;
        if (!e2 && !n2) return t2;
        var o2 = n2 || ", ", s2 = t2.join(o2);
        return e2 ? "(".concat(s2, ")") : s2;
      }, it.select = function(r2) {
        var t2 = "object" === at(r2._next) ? or(r2) : q(r2);
        return r2.parentheses ? "(".concat(t2, ")") : t2;
      }, it.unary_expr = function(r2) {
        var t2 = r2.operator, e2 = r2.parentheses, n2 = r2.expr, o2 = "-" === t2 || "+" === t2 || "~" === t2 || "!" === t2 ? "" : " ", s2 = "".concat(t2).concat(o2).concat(lt(n2));
        return e2 ? "(".concat(s2, ")") : s2;
      }, it.map_object = function(r2) {
        var t2 = r2.keyword, e2 = r2.expr.map((function(r3) {
          return [L(r3.key), L(r3.value)].join(", ");
        })).join(", ");
        return [w(t2), "[".concat(e2, "]")].join("");
      };
      var Rt = e(0);
      function kt(r2) {
        return (kt = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      var Ut, Mt, Dt, Pt = (Ut = {}, Mt = "mariadb", Dt = Rt.parse, (Mt = (function(r2) {
        var t2 = (function(r3, t3) {
          if ("object" != kt(r3) || !r3) return r3;
          var e2 = r3[Symbol.toPrimitive];
          if (void 0 !== e2) {
            var n2 = e2.call(r3, t3 || "default");
            if ("object" != kt(n2)) return n2;
            throw new TypeError("@@toPrimitive must return a primitive value.");
          }
          return ("string" === t3 ? String : Number)(r3);
        })(r2, "string");
        return "symbol" == kt(t2) ? t2 : t2 + "";
      })(Mt)) in Ut ? Object.defineProperty(Ut, Mt, { value: Dt, enumerable: true, configurable: true, writable: true }) : Ut[Mt] = Dt, Ut);
      function Ft(r2) {
        return (Ft = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      function Gt(r2, t2) {
        var e2 = "undefined" != typeof Symbol && r2[Symbol.iterator] || r2["@@iterator"];
        if (!e2) {
          if (Array.isArray(r2) || (e2 = (function(r3, t3) {
            if (r3) {
              if ("string" == typeof r3) return $t(r3, t3);
              var e3 = {}.toString.call(r3).slice(8, -1);
              return "Object" === e3 && r3.constructor && (e3 = r3.constructor.name), "Map" === e3 || "Set" === e3 ? Array.from(r3) : "Arguments" === e3 || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e3) ? $t(r3, t3) : void 0;
            }
          })(r2)) || t2 && r2 && "number" == typeof r2.length) {
            e2 && (r2 = e2);
            var n2 = 0, o2 = function() {
            };
            return { s: o2, n: function() {
              return n2 >= r2.length ? { done: true } : { done: false, value: r2[n2++] };
            }, e: function(r3) {
              throw r3;
            }, f: o2 };
          }
          throw new TypeError("Invalid attempt to iterate non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
        }
        var s2, u2 = true, a2 = false;
        return { s: function() {
          e2 = e2.call(r2);
        }, n: function() {
          var r3 = e2.next();
          return u2 = r3.done, r3;
        }, e: function(r3) {
          a2 = true, s2 = r3;
        }, f: function() {
          try {
            u2 || null == e2.return || e2.return();
          } finally {
            if (a2) throw s2;
          }
        } };
      }
      function $t(r2, t2) {
        (null == t2 || t2 > r2.length) && (t2 = r2.length);
        for (var e2 = 0, n2 = Array(t2); e2 < t2; e2++) n2[e2] = r2[e2];
        return n2;
      }
      function Yt(r2, t2) {
        for (var e2 = 0; e2 < t2.length; e2++) {
          var n2 = t2[e2];
          n2.enumerable = n2.enumerable || false, n2.configurable = true, "value" in n2 && (n2.writable = true), Object.defineProperty(r2, Ht(n2.key), n2);
        }
      }
      function Ht(r2) {
        var t2 = (function(r3, t3) {
          if ("object" != Ft(r3) || !r3) return r3;
          var e2 = r3[Symbol.toPrimitive];
          if (void 0 !== e2) {
            var n2 = e2.call(r3, t3 || "default");
            if ("object" != Ft(n2)) return n2;
            throw new TypeError("@@toPrimitive must return a primitive value.");
          }
          return ("string" === t3 ? String : Number)(r3);
        })(r2, "string");
        return "symbol" == Ft(t2) ? t2 : t2 + "";
      }
      var Bt = (function() {
        return (function(r2, t2, e2) {
          return t2 && Yt(r2.prototype, t2), e2 && Yt(r2, e2), Object.defineProperty(r2, "prototype", { writable: false }), r2;
        })((function r2() {
          !(function(r3, t2) {
            if (!(r3 instanceof t2)) throw new TypeError("Cannot call a class as a function");
          })(this, r2);
        }), [{ key: "astify", value: function(r2) {
          var t2 = arguments.length > 1 && void 0 !== arguments[1] ? arguments[1] : s, e2 = this.parse(r2, t2);
          return e2 && e2.ast;
        } }, { key: "sqlify", value: function(r2) {
          var t2 = arguments.length > 1 && void 0 !== arguments[1] ? arguments[1] : s;
          return p(t2), Tr(r2);
        } }, { key: "exprToSQL", value: function(r2) {
          var t2 = arguments.length > 1 && void 0 !== arguments[1] ? arguments[1] : s;
          return p(t2), lt(r2);
        } }, { key: "columnsToSQL", value: function(r2, t2) {
          var e2 = arguments.length > 2 && void 0 !== arguments[2] ? arguments[2] : s;
          if (p(e2), !r2 || "*" === r2) return [];
          var n2 = Nt(t2);
          return r2.map((function(r3) {
            return xt(r3, n2);
          }));
        } }, { key: "parse", value: function(r2) {
          var t2 = arguments.length > 1 && void 0 !== arguments[1] ? arguments[1] : s, e2 = t2.database, n2 = void 0 === e2 ? "mariadb" : e2;
          p(t2);
          var o2 = n2.toLowerCase();
          if (Pt[o2]) return Pt[o2](false === t2.trimQuery ? r2 : r2.trim(), t2.parseOptions || s.parseOptions);
          throw new Error("".concat(n2, " is not supported currently"));
        } }, { key: "whiteListCheck", value: function(r2, t2) {
          var e2 = arguments.length > 2 && void 0 !== arguments[2] ? arguments[2] : s;
          if (t2 && 0 !== t2.length) {
            var n2 = e2.type, o2 = void 0 === n2 ? "table" : n2;
            if (!this["".concat(o2, "List")] || "function" != typeof this["".concat(o2, "List")]) throw new Error("".concat(o2, " is not valid check mode"));
            var u2, a2 = this["".concat(o2, "List")].bind(this), i2 = a2(r2, e2), c2 = true, l2 = "", f2 = Gt(i2);
            try {
              for (f2.s(); !(u2 = f2.n()).done; ) {
                var b2, p2 = u2.value, v2 = false, d2 = Gt(t2);
                try {
                  for (d2.s(); !(b2 = d2.n()).done; ) {
                    var y2 = b2.value, w2 = new RegExp("^".concat(y2, "$"), "i");
                    if (w2.test(p2)) {
                      v2 = true;
                      break;
                    }
                  }
                } catch (r3) {
                  d2.e(r3);
                } finally {
                  d2.f();
                }
                if (!v2) {
                  l2 = p2, c2 = false;
                  break;
                }
              }
            } catch (r3) {
              f2.e(r3);
            } finally {
              f2.f();
            }
            if (!c2) throw new Error("authority = '".concat(l2, "' is required in ").concat(o2, " whiteList to execute SQL = '").concat(r2, "'"));
          }
        } }, { key: "tableList", value: function(r2, t2) {
          var e2 = this.parse(r2, t2);
          return e2 && e2.tableList;
        } }, { key: "columnList", value: function(r2, t2) {
          var e2 = this.parse(r2, t2);
          return e2 && e2.columnList;
        } }]);
      })();
      function Wt(r2) {
        return (Wt = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(r3) {
          return typeof r3;
        } : function(r3) {
          return r3 && "function" == typeof Symbol && r3.constructor === Symbol && r3 !== Symbol.prototype ? "symbol" : typeof r3;
        })(r2);
      }
      "object" === ("undefined" == typeof self ? "undefined" : Wt(self)) && self && (self.NodeSQLParser = { Parser: Bt, util: n }), "undefined" == typeof global && "object" === ("undefined" == typeof window ? "undefined" : Wt(window)) && window && (window.global = window), "object" === ("undefined" == typeof global ? "undefined" : Wt(global)) && global && global.window && (global.window.NodeSQLParser = { Parser: Bt, util: n });
    }]));
  }
});
export default require_mariadb();
