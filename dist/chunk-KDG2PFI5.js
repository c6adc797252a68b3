import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  DEFAULT_DIALECT,
  dialectFor
} from "./chunk-66RDFW5F.js";
import {
  countStatements,
  simplify,
  splitSql
} from "./chunk-RB5SEY6D.js";
import {
  noteInspected,
  probeKind,
  readDirEntries,
  recordList,
  recordRead,
  unrecordable
} from "./chunk-5THZYCGT.js";
import {
  __commonJS,
  __toESM
} from "./chunk-XJGXLKRM.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path19, { windows } = {}) => {
      const segs = path19.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body2, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body2).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body2 = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body2, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/discover/fsutil.ts
import { readFileSync } from "node:fs";
import path from "node:path";

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path19) {
  let normalized = normalize(path19);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path19, separator) {
  return path19.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path19) {
  return path19 === "/" || WINDOWS_ROOT_DIR_REGEX.test(path19);
}
function normalizePath(path19, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path19.includes("/") || path19.startsWith(".");
  if (resolvePaths) path19 = resolve(path19);
  if (normalizePath$1 || pathNeedsCleaning) path19 = cleanPath(path19);
  if (path19 === ".") return "";
  const needsSeperator = path19[path19.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path19 + pathSeparator : path19, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path19 = directoryPath || ".";
  if (filters.every((filter) => filter(path19, true))) paths.push(path19);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path19, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path19, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat2) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat2.isDirectory() && isRecursive(path19, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat2, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path19, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path19);
    const stat2 = fs.statSync(resolvedPath);
    if (stat2.isDirectory() && isRecursive(path19, resolvedPath, state)) return;
    callback$1(stat2, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path19, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path19);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path19, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries2 = []) => {
    callback$1(entries2, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries2 = [];
  try {
    entries2 = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries2, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries2, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries2.length; ++i) {
      const entry = entries2[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path19 = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path19)) continue;
        this.pushDirectory(path19, paths, filters);
        this.walkDirectory(this.state, path19, path19, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path19 = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path19, this.state, (stat2, resolvedPath) => {
          if (stat2.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path19 + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path19 + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path19;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path19) => isMatch(path19));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir2) => p.slice(start, isDir2 ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir2) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir2 ? result.slice(0, -1) : result;
    };
    return (p, isDir2) => isDir2 && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path19) {
  return path19.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path19) {
  var _result$parts;
  const result = import_picomatch.default.scan(path19, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path19];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path19) => path19.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path19) => path19.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path19 = format(p, isDirectory);
      const matches = matcher(path19) && !ignore(path19);
      if (matches) log(`matched ${path19}`);
      return matches;
    } : (p, isDirectory) => {
      const path19 = format(p, isDirectory);
      return matcher(path19) && !ignore(path19);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative2) : [];
}

// src/discover/markers.ts
var GOOSE_UP = /^--\s*\+goose\s+up\s*$/im;
var LIQUIBASE_HEADER = /^\s*--\s*liquibase\s+formatted\s+sql\b/i;
var DBMATE_UP = /^--\s*migrate:up\b/m;
var DIALECT_CHARS = 64 * 1024;
var MYSQL_SQL = [
  [/`[^`\n]+`/, "backticks"],
  [/\bENGINE\s*=/i, "ENGINE="],
  [/\bAUTO_INCREMENT\b/i, "AUTO_INCREMENT"]
];
var POSTGRES_SQL = [
  /\b(BIG|SMALL)?SERIAL\b/i,
  /::\s*[a-z_]+/i,
  /\$\$/,
  /\bJSONB\b/i,
  /\bCREATE\s+EXTENSION\b/i,
  /\bCREATE\s+(OR\s+REPLACE\s+)?FUNCTION\b[\s\S]*LANGUAGE\s+plpgsql/i
];
var MARKERS = {
  "goose-up": (text) => GOOSE_UP.test(text),
  "dbmate-up": (text) => DBMATE_UP.test(text),
  "sqlx-no-transaction": (text) => text.startsWith("-- no-transaction"),
  "liquibase-header": (text) => LIQUIBASE_HEADER.test(text.slice(0, 200)),
  /**
   * The dialect's evidence in the SQL, outside string literals: `postgres` for anything PostgreSQL-only, else the
   * MySQL syntax found (`backticks ENGINE=`), else ''.
   */
  dialect: (text) => {
    const sql = text.slice(0, DIALECT_CHARS).replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
    if (POSTGRES_SQL.some((re) => re.test(sql))) return "postgres";
    return MYSQL_SQL.filter(([re]) => re.test(sql)).map(([, name]) => name).join(" ");
  }
};
function markerOf(name, text) {
  return Object.hasOwn(MARKERS, name) ? MARKERS[name](text) : void 0;
}

// src/discover/order.ts
var dateLike = (d) => d.length >= 8 && /^(19|20)/.test(d);
function naturalCompare(a, b) {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      if (x.length !== y.length && dateLike(x) && dateLike(y)) {
        const [p, q] = x.length < y.length ? [x, y.slice(0, x.length)] : [x.slice(0, y.length), y];
        if (p !== q) return p < q ? -1 : 1;
        return x.length - y.length;
      }
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
function codepointCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function numericCompare(a, b) {
  const d = BigInt(a || "0") - BigInt(b || "0");
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
function leadingNumber(name) {
  return /^(\d+)/.exec(name)?.[1];
}
function byNumericPrefix(nameOf) {
  return (a, b) => {
    const na = nameOf(a);
    const nb = nameOf(b);
    const va = leadingNumber(na);
    const vb = leadingNumber(nb);
    if (va !== void 0 && vb !== void 0) {
      const d = numericCompare(va, vb);
      if (d !== 0) return d;
    } else if (va !== void 0 || vb !== void 0) {
      return va !== void 0 ? -1 : 1;
    }
    return naturalCompare(na, nb);
  };
}
function flywayVersionCompare(a, b) {
  const pa = a.split(/[._]/).filter((p) => p !== "");
  const pb = b.split(/[._]/).filter((p) => p !== "");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? numericCompare(x, y) : codepointCompare(x, y);
    if (d !== 0) return d;
  }
  return 0;
}

// src/discover/fsutil.ts
var IGNORE = ["**/node_modules/**", "**/.git/**"];
var memo;
var memoUsers = 0;
async function withFsMemo(fn) {
  if (memoUsers++ === 0) memo = { dirs: /* @__PURE__ */ new Map(), stats: /* @__PURE__ */ new Map(), texts: /* @__PURE__ */ new Map() };
  try {
    return await fn();
  } finally {
    if (--memoUsers === 0) memo = void 0;
  }
}
function kindFromParent(m, p) {
  const parent = path.dirname(p);
  if (parent === p) return void 0;
  const entries2 = m.dirs.get(parent);
  if (!entries2) {
    const pk = m.stats.get(parent) ?? kindFromParent(m, parent);
    return pk !== void 0 && pk !== "dir" ? "none" : void 0;
  }
  const e = entries2.get(path.basename(p));
  if (!e || e.isSymbolicLink()) return void 0;
  return e.isDirectory() ? "dir" : e.isFile() ? "file" : "other";
}
function kindOf(p) {
  const m = memo;
  const stat2 = () => probeKind(p);
  if (!m) return stat2();
  let k = m.stats.get(p) ?? kindFromParent(m, p);
  if (k === void 0) k = stat2();
  m.stats.set(p, k);
  return k;
}
function entriesOf(dir) {
  const m = memo;
  const read = () => {
    const entries3 = recordList(dir, () => readDirEntries(dir));
    return entries3 && new Map(entries3.map((e) => [e.name, e]));
  };
  if (!m) return read();
  let entries2 = m.dirs.get(dir);
  if (entries2 === void 0) {
    const k = m.stats.get(dir) ?? kindFromParent(m, dir);
    entries2 = k !== void 0 && k !== "dir" ? null : read();
    m.dirs.set(dir, entries2);
  }
  return entries2;
}
function list(dir) {
  const entries2 = entriesOf(dir);
  return entries2 ? [...entries2.keys()] : [];
}
function subdirs(dir) {
  const out = [];
  for (const [name, e] of entriesOf(dir) ?? [])
    if (e.isDirectory() || e.isSymbolicLink() && isDir(path.join(dir, name))) out.push(name);
  return out;
}
function isDir(p) {
  return kindOf(p) === "dir";
}
function isFile(p) {
  return kindOf(p) === "file";
}
function existsSync(p) {
  return kindOf(p) !== "none";
}
function readText(p) {
  noteInspected(p);
  return textOf(p);
}
function marker(p, name) {
  const text = textOf(p);
  if (text === void 0) return void 0;
  const answer = MARKERS[name](text);
  noteInspected(p, [name, answer]);
  return answer;
}
function textOf(p) {
  const read = () => recordRead(p, () => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return null;
    }
  });
  const m = memo;
  if (!m) return read() ?? void 0;
  let t = m.texts.get(p);
  if (t === void 0) m.texts.set(p, t = read());
  return t ?? void 0;
}
function takeText(p) {
  const t = memo?.texts.get(p);
  if (t != null) {
    memo.texts.delete(p);
    return t;
  }
  return recordRead(p, () => readFileSync(p, "utf8"));
}
function walkFiles(root, walk) {
  const out = [];
  const visit = (dir, depth) => {
    for (const [name, e] of entriesOf(dir) ?? []) {
      if (name.startsWith(".")) continue;
      if (e.isSymbolicLink()) return false;
      const p = path.join(dir, name);
      if (e.isDirectory()) {
        if (depth > 0 && !walk.skipDirs.has(name) && !visit(p, depth - 1)) return false;
      } else if (e.isFile() && walk.want(name, dir)) out.push(p);
    }
    return true;
  };
  return visit(path.resolve(root), walk.maxDepth) ? out : void 0;
}
var NO_DEPS = /* @__PURE__ */ new Set(["node_modules"]);
var WALKS = {
  "*.sql": () => ({ maxDepth: 0, skipDirs: NO_DEPS, want: (n) => n.endsWith(".sql") }),
  "**/*.sql": () => ({ maxDepth: Infinity, skipDirs: NO_DEPS, want: (n) => n.endsWith(".sql") }),
  "*/up.sql": (root) => ({ maxDepth: 1, skipDirs: NO_DEPS, want: (n, d) => n === "up.sql" && d !== root }),
  "*/migration.sql": (root) => ({
    maxDepth: 1,
    skipDirs: NO_DEPS,
    want: (n, d) => n === "migration.sql" && d !== root
  })
};
function globUnstamped(patterns, options) {
  unrecordable("a glob");
  return glob(patterns, options);
}
async function globFiles(root, pattern) {
  const walk = typeof pattern === "string" ? WALKS[pattern] : void 0;
  const walked = walk && walkFiles(root, walk(path.resolve(root)));
  if (walked) return walked.sort(naturalCompare);
  return (await globUnstamped(pattern, {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    ignore: IGNORE,
    expandDirectories: false
  })).sort(naturalCompare);
}
function findUp(from, test, levels = 6) {
  let dir = from;
  for (let i = 0; i <= levels; i++) {
    if (test(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
  return void 0;
}
function sqlNames(dir, files) {
  return (files ? files.map((f) => path.basename(f)) : list(dir)).filter((f) => /\.sql$/i.test(f));
}
function anyContent(dir, names, name, max = 40) {
  for (const n of names.slice(0, max)) if (marker(path.isAbsolute(n) ? n : path.join(dir, n), name)) return true;
  return false;
}
function lineEnd(text, offset) {
  const nl = text.indexOf("\n", offset);
  return nl === -1 ? text.length : nl + 1;
}
function npmPackageVersion(from, pkg) {
  let declared;
  findUp(
    from,
    (dir) => {
      const installed = readText(path.join(dir, "node_modules", pkg, "package.json"));
      if (installed) {
        try {
          const v = JSON.parse(installed).version;
          if (typeof v === "string") {
            declared = v;
            return true;
          }
        } catch {
        }
      }
      const manifest = readText(path.join(dir, "package.json"));
      if (manifest) {
        try {
          const j = JSON.parse(manifest);
          const range = j.dependencies?.[pkg] ?? j.devDependencies?.[pkg];
          if (typeof range === "string") {
            const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range);
            if (m) {
              declared = `${m[1]}.${m[2]}.${m[3] ?? 0}`;
              return true;
            }
          }
        } catch {
        }
      }
      return false;
    },
    8
  );
  return declared;
}
function versionAtLeast(v, min) {
  const [a = 0, b = 0, c = 0] = v.split(".").map((x2) => Number.parseInt(x2, 10) || 0);
  const [x, y, z = 0] = min;
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}

// src/discover/auto.ts
import path14 from "node:path";

// src/discover/tools/plain.ts
import path2 from "node:path";
var isDownFile = (f) => /(^|[._-])down\.sql$/i.test(path2.basename(f));
var plain = {
  name: "plain",
  pattern: "**/*.sql",
  detect() {
    return true;
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "**/*.sql");
  },
  // a file given on its own: its history is its own directory, not every .sql file below it
  siblings(root) {
    return globFiles(root, "*.sql");
  },
  order(files, { root }) {
    const rel = new Map(files.map((f) => [f, path2.relative(root, f)]));
    return [...files].sort((a, b) => naturalCompare(rel.get(a), rel.get(b)));
  },
  describe(abs) {
    if (isDownFile(abs)) return { skip: "a down migration" };
    const version = /^(\d+)/.exec(path2.basename(abs))?.[1];
    return { transaction: "none", ...version ? { version } : {} };
  }
};

// src/discover/tools/prisma.ts
import path3 from "node:path";
var hasMigrationFolders = (dir) => subdirs(dir).some(
  (d) => existsSync(path3.join(dir, d, "migration.sql")) && !existsSync(path3.join(dir, d, "snapshot.json"))
);
var prisma = {
  name: "prisma",
  pattern: "<timestamp>_<name>/migration.sql",
  detect(dir, files) {
    if (files) {
      return files.some(
        (f) => path3.basename(f) === "migration.sql" && !existsSync(path3.join(path3.dirname(f), "snapshot.json"))
      );
    }
    return existsSync(path3.join(dir, "migration_lock.toml")) || hasMigrationFolders(dir);
  },
  root(dir) {
    return existsSync(path3.join(dir, "migration.sql")) ? path3.dirname(dir) : dir;
  },
  find(root) {
    return globFiles(root, "*/migration.sql");
  },
  prepare(root) {
    const version = npmPackageVersion(root, "prisma") ?? npmPackageVersion(root, "@prisma/client");
    return { version, splits: version === void 0 || versionAtLeast(version, [7, 4, 0]) };
  },
  order(files) {
    return [...files].sort((a, b) => codepointCompare(path3.basename(path3.dirname(a)), path3.basename(path3.dirname(b))));
  },
  describe(abs, source, { info }) {
    const version = /^(\d+)/.exec(path3.basename(path3.dirname(abs)))?.[1];
    const base = version ? { version } : {};
    const which = info.version ? `Prisma ${info.version}` : "Prisma 7.4+";
    if (!info.splits) {
      return {
        ...base,
        transaction: "script",
        note: `${which} sends migration.sql as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction`
      };
    }
    const stmts = splitSql(source);
    if (stmts.length > 1 && stmts.some((r) => /^DROP INDEX CONCURRENTLY\b/.test(simplify(source, r)))) {
      return {
        ...base,
        transaction: "script",
        note: `${which} cannot split a script holding DROP INDEX CONCURRENTLY and sends it as one query string, which PostgreSQL runs in one implicit transaction`
      };
    }
    return {
      ...base,
      transaction: "none",
      note: `${which} runs each statement of migration.sql on its own, without a transaction`
    };
  }
};

// src/discover/tools/golang-migrate.ts
import path4 from "node:path";
var golangMigrate = {
  name: "golang-migrate",
  pattern: "<version>_<title>.up.sql",
  detect(dir, files) {
    return sqlNames(dir, files).some((f) => /\.up\.sql$/i.test(f));
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "*.sql");
  },
  order(files) {
    return [...files].sort(byNumericPrefix((f) => path4.basename(f)));
  },
  describe(abs) {
    const name = path4.basename(abs);
    if (/\.down\.sql$/i.test(name)) return { skip: "a down migration" };
    if (!/\.up\.sql$/i.test(name)) return { skip: "golang-migrate only runs <version>_<title>.up.sql files" };
    const version = /^(\d+)/.exec(name)?.[1];
    return {
      ...version ? { version } : {},
      transaction: "script",
      note: "golang-migrate sends the file as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction"
    };
  }
};

// src/discover/tools/goose.ts
import path5 from "node:path";
function endsWithSemicolon(line) {
  let prev = "";
  for (const word of line.split(/\s+/)) {
    if (!word) continue;
    if (word.startsWith("--")) break;
    prev = word;
  }
  return prev.endsWith(";");
}
function gooseUnits(source) {
  let state = "start";
  let useTx = true;
  let hasUp = false;
  const units2 = [];
  let bufStart = -1;
  let bufEnd = -1;
  const push = () => {
    if (bufStart >= 0) units2.push({ start: bufStart, end: bufEnd });
    bufStart = bufEnd = -1;
  };
  let pos = 0;
  while (pos <= source.length) {
    const nl = source.indexOf("\n", pos);
    const lineEnd2 = nl === -1 ? source.length : nl;
    let line = source.slice(pos, lineEnd2);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const lineStart = pos;
    pos = nl === -1 ? source.length + 1 : nl + 1;
    if (state === "start" && line.trim() === "") continue;
    if (line.startsWith("--")) {
      const cmd = line.slice(2).trim().replace(/\s+/g, " ").toLowerCase();
      if (cmd.startsWith("+goose ")) {
        switch (cmd) {
          case "+goose up":
            hasUp = true;
            state = "up";
            continue;
          case "+goose down":
            if (state === "up" || state === "upBlock") push();
            state = "down";
            continue;
          case "+goose statementbegin":
            if (state === "up") {
              push();
              state = "upBlock";
            } else if (state === "down") state = "downBlock";
            continue;
          case "+goose statementend":
            if (state === "upBlock") {
              push();
              state = "up";
            } else if (state === "downBlock") state = "down";
            continue;
          case "+goose no transaction":
            useTx = false;
            continue;
          default:
            if (cmd.startsWith("+goose envsub")) continue;
        }
      }
    }
    if (state !== "up" && state !== "upBlock") continue;
    if (bufStart < 0 && (line.trim().startsWith("--") || line.trim() === "")) continue;
    if (bufStart < 0) bufStart = lineStart;
    bufEnd = lineStart + line.length;
    if (state === "up" && endsWithSemicolon(line)) push();
  }
  if (state === "up" || state === "upBlock") push();
  return { units: units2, useTx, hasUp };
}
var goose = {
  name: "goose",
  pattern: "<version>_<name>.sql with -- +goose Up",
  detect(dir, files) {
    const names = sqlNames(dir, files);
    return anyContent(dir, files ?? names, "goose-up");
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "*.sql");
  },
  order(files) {
    return [...files].sort(byNumericPrefix((f) => path5.basename(f)));
  },
  describe(abs, source) {
    const version = /^(\d+)/.exec(path5.basename(abs))?.[1];
    const base = version ? { version } : {};
    const { units: units2, useTx, hasUp } = gooseUnits(source);
    if (!hasUp) {
      return { ...base, transaction: "wrapped", note: "goose refuses a file without a -- +goose Up annotation" };
    }
    const segments = units2.map((u) => ({ ...u, tx: useTx ? "wrapped" : "script" }));
    return useTx ? { ...base, segments, note: "goose runs the Up section in one transaction (no -- +goose NO TRANSACTION)" } : {
      ...base,
      segments,
      note: "goose runs each statement of this NO TRANSACTION file on its own; a StatementBegin/End block is sent as one query string"
    };
  }
};

// src/discover/tools/dbmate.ts
import path6 from "node:path";
var UP = /^--\s*migrate:up(?:[ \t]*$|[ \t]+\S.*$)/gm;
var DOWN = /^--\s*migrate:down(?:[ \t]*$|[ \t]+\S.*$)/m;
var dbmate = {
  name: "dbmate",
  pattern: "<version>_<name>.sql with -- migrate:up",
  detect(dir, files) {
    return anyContent(dir, files ?? sqlNames(dir), "dbmate-up");
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "*.sql");
  },
  order(files) {
    return [...files].sort((a, b) => codepointCompare(path6.basename(a), path6.basename(b)));
  },
  describe(abs, source) {
    const name = path6.basename(abs);
    const version = /^(\d+)_.*\.sql$/i.exec(name)?.[1];
    if (!version) return { skip: "dbmate only runs files named <version>_<name>.sql" };
    const ups = [...source.matchAll(UP)];
    if (!ups.length) return { version, transaction: "wrapped", note: "dbmate refuses a file without -- migrate:up" };
    const segments = [];
    let anyNoTx = false;
    ups.forEach((m, i) => {
      const sectionEnd = i + 1 < ups.length ? ups[i + 1].index : source.length;
      const bodyStart = lineEnd(source, m.index);
      const down = DOWN.exec(source.slice(bodyStart, sectionEnd));
      const end = down ? bodyStart + down.index : sectionEnd;
      const options = new Map(
        m[0].replace(/^--\s*migrate:up/, "").trim().split(/\s+/).map((p) => p.split(":")).filter((p) => p.length === 2)
      );
      const tx = options.get("transaction") === "false" ? "script" : "wrapped";
      if (tx === "script") anyNoTx = true;
      segments.push({ start: bodyStart, end, tx });
    });
    return {
      version,
      segments,
      note: anyNoTx ? "dbmate sends a transaction:false block as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction" : "dbmate runs each up block in a transaction"
    };
  }
};

// src/discover/tools/flyway.ts
import path7 from "node:path";
var VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/;
var REPEATABLE = /^R__(.*)\.sql$/;
var UNDO = /^U(\d+(?:[._]\d+)*)__(.*)\.sql$/;
var BASELINE = /^B(\d+(?:[._]\d+)*)__(.*)\.sql$/;
var FLYWAY_NAME = /^(?:[VUB]\d+(?:[._]\d+)*|R)__.*\.sql$/;
var NON_TX = [
  (s) => /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/.test(s),
  (s) => /^ALTER SYSTEM\b/.test(s),
  (s) => /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/.test(s),
  (s) => /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/.test(s),
  (s) => /^VACUUM\b/.test(s),
  (s) => /^DISCARD ALL\b/.test(s),
  (s, pg) => pg < 12 && /^ALTER TYPE( .*)? ADD VALUE\b/.test(s)
];
function flywaySetting(root, key) {
  let value;
  findUp(root, (dir) => {
    for (const f of ["flyway.conf", path7.join("conf", "flyway.conf")]) {
      const src = readText(path7.join(dir, f));
      const m2 = src && new RegExp(`^\\s*flyway\\.${key}\\s*=\\s*(\\S+)`, "m").exec(src);
      if (m2) {
        value = m2[1];
        return true;
      }
    }
    const toml = readText(path7.join(dir, "flyway.toml"));
    const m = toml && new RegExp(`^\\s*${key}\\s*=\\s*"?([^"\\s]+)`, "m").exec(toml);
    if (m) {
      value = m[1];
      return true;
    }
    return false;
  });
  return value;
}
var flyway = {
  name: "flyway",
  pattern: "V<version>__<description>.sql",
  detect(dir, files) {
    const names = files ? sqlNames(dir, files) : [...sqlNames(dir), ...subdirs(dir).flatMap((d) => sqlNames(path7.join(dir, d)))];
    return names.some((n) => VERSIONED.test(n) || REPEATABLE.test(n));
  },
  root(dir) {
    return findUp(dir, (d) => ["migration", "migrations", "sql"].includes(path7.basename(d)), 3) ?? dir;
  },
  sequence() {
    return "flyway";
  },
  find(root) {
    return globFiles(root, "**/*.sql");
  },
  prepare(root) {
    return {
      mixed: flywaySetting(root, "mixed") === "true",
      executeInTransaction: flywaySetting(root, "executeInTransaction") !== "false"
    };
  },
  order(files) {
    const key = (f) => {
      const n = path7.basename(f);
      const v = VERSIONED.exec(n);
      if (v) return { rank: 0, v: v[1], d: v[2] };
      const r = REPEATABLE.exec(n);
      return { rank: r ? 1 : 2, v: "", d: r ? r[1] : n };
    };
    return [...files].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x.rank - y.rank || flywayVersionCompare(x.v, y.v) || codepointCompare(x.d, y.d) || codepointCompare(a, b);
    });
  },
  describe(abs, source, { info, pgVersion }) {
    const name = path7.basename(abs);
    if (UNDO.test(name)) return { skip: "a Flyway undo migration" };
    if (BASELINE.test(name)) return { skip: "a Flyway baseline migration (only used to create a new database)" };
    if (!FLYWAY_NAME.test(name))
      return { skip: "Flyway ignores files not named V<version>__<description>.sql or R__<description>.sql" };
    const version = VERSIONED.exec(name)?.[1];
    const base = version ? { version } : {};
    const conf = readText(`${abs}.conf`);
    const scriptTx = conf ? /^\s*executeInTransaction\s*=\s*false\b/m.test(conf) ? false : /^\s*executeInTransaction\s*=\s*true\b/m.test(conf) ? true : void 0 : void 0;
    const configTx = scriptTx ?? info.executeInTransaction;
    let nonTx = 0;
    let tx = 0;
    for (const r of splitSql(source)) {
      const s = simplify(source, r);
      if (NON_TX.some((t) => t(s, pgVersion))) nonTx++;
      else tx++;
    }
    if (nonTx && tx && !info.mixed) {
      return {
        ...base,
        transaction: "wrapped",
        note: "Flyway refuses to run a migration that mixes transactional and non-transactional statements unless mixed=true"
      };
    }
    if (nonTx) {
      return {
        ...base,
        transaction: "none",
        note: "Flyway detects a statement that cannot run in a transaction and runs this migration without one"
      };
    }
    if (!configTx) {
      return {
        ...base,
        transaction: "none",
        note: "executeInTransaction=false: Flyway runs each statement on its own"
      };
    }
    return { ...base, transaction: "wrapped", note: "Flyway runs each migration in a transaction" };
  }
};

// src/discover/tools/sqlx.ts
import path8 from "node:path";
function looksLikeSqlx(dir, names) {
  if (names.some((n) => marker(path8.isAbsolute(n) ? n : path8.join(dir, n), "sqlx-no-transaction"))) return true;
  return !!findUp(
    dir,
    (d) => existsSync(path8.join(d, "sqlx.toml")) || isDir(path8.join(d, ".sqlx")) || /\bsqlx\b/.test(readText(path8.join(d, "Cargo.toml")) ?? ""),
    3
  );
}
var sqlx = {
  name: "sqlx",
  pattern: "<version>_<description>.sql",
  detect(dir, files) {
    const names = sqlNames(dir, files);
    return names.some((n) => /^\d+_.*\.sql$/i.test(n)) && looksLikeSqlx(dir, files ?? names);
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "*.sql");
  },
  order(files) {
    return [...files].sort(byNumericPrefix((f) => path8.basename(f)));
  },
  describe(abs, source) {
    const name = path8.basename(abs);
    if (/\.down\.sql$/i.test(name)) return { skip: "a down migration" };
    const version = /^(\d+)_/.exec(name)?.[1];
    if (!version) return { skip: "sqlx only runs files named <version>_<description>.sql" };
    return source.startsWith("-- no-transaction") ? {
      version,
      transaction: "script",
      note: "sqlx sends a -- no-transaction file as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction"
    } : {
      version,
      transaction: "wrapped",
      note: "sqlx runs each migration in a transaction (no -- no-transaction first line)"
    };
  }
};

// src/discover/tools/drizzle.ts
import path9 from "node:path";
var journalPath = (dir) => path9.join(dir, "meta", "_journal.json");
var isV1Folder = (d) => existsSync(path9.join(d, "migration.sql")) && existsSync(path9.join(d, "snapshot.json"));
function readJournal(root) {
  const src = readText(journalPath(root));
  if (!src) return void 0;
  try {
    const j = JSON.parse(src);
    return Array.isArray(j.entries) ? j.entries.map((e) => String(e.tag)) : [];
  } catch {
    return void 0;
  }
}
var drizzle = {
  name: "drizzle",
  pattern: "<NNNN>_<name>.sql with meta/_journal.json",
  detect(dir, files) {
    if (files) return existsSync(journalPath(dir)) || files.some((f) => isV1Folder(path9.dirname(f)));
    return existsSync(journalPath(dir)) || subdirs(dir).some((d) => isV1Folder(path9.join(dir, d)));
  },
  root(dir) {
    return isV1Folder(dir) ? path9.dirname(dir) : dir;
  },
  async find(root) {
    if (existsSync(journalPath(root))) return globFiles(root, "*.sql");
    return globFiles(root, "*/migration.sql");
  },
  prepare(root) {
    const tags = readJournal(root);
    return { tags, index: new Map((tags ?? []).map((t, i) => [t, i])) };
  },
  order(files, { info }) {
    const key = (f) => path9.basename(f) === "migration.sql" ? path9.basename(path9.dirname(f)) : path9.basename(f, ".sql");
    return [...files].sort((a, b) => {
      const ia = info.index.get(key(a)) ?? Infinity;
      const ib = info.index.get(key(b)) ?? Infinity;
      if (ia !== ib) return ia - ib;
      return info.tags ? naturalCompare(key(a), key(b)) : codepointCompare(key(a), key(b));
    });
  },
  describe(abs, _source, { info }) {
    const folder = path9.basename(abs) === "migration.sql";
    const tag = folder ? path9.basename(path9.dirname(abs)) : path9.basename(abs, ".sql");
    if (!folder && info.tags && !info.index.has(tag))
      return { skip: "not listed in meta/_journal.json, so Drizzle never runs it" };
    const version = /^(\d+)/.exec(tag)?.[1];
    return {
      ...version ? { version } : {},
      transaction: "wrapped",
      note: "Drizzle applies all pending migrations in one transaction"
    };
  }
};

// src/discover/tools/supabase.ts
import path10 from "node:path";
var INCOMPATIBLE = [
  /^CREATE (UNIQUE )?INDEX CONCURRENTLY(\s|$)/,
  /^REINDEX(\s|\().*\sCONCURRENTLY(\s|$)/,
  /^VACUUM(\s|\(|$)/,
  /^ALTER SYSTEM(\s|$)/,
  /^CLUSTER(\s|$)/
];
var DROP_CONCURRENTLY = /^DROP INDEX CONCURRENTLY(\s|$)/;
var isSupabaseMigrations = (dir) => path10.basename(dir) === "migrations" && (path10.basename(path10.dirname(dir)) === "supabase" || /project_id\s*=/.test(readText(path10.join(path10.dirname(dir), "config.toml")) ?? ""));
var supabase = {
  name: "supabase",
  pattern: "supabase/migrations/<timestamp>_<name>.sql",
  detect(dir) {
    return isSupabaseMigrations(dir);
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "*.sql");
  },
  prepare(root) {
    const version = npmPackageVersion(root, "supabase");
    return {
      version,
      splits: version === void 0 || versionAtLeast(version, [2, 109, 0]),
      dropIndex: version === void 0 || versionAtLeast(version, [2, 112, 0])
    };
  },
  order(files) {
    return [...files].sort((a, b) => codepointCompare(path10.basename(a), path10.basename(b)));
  },
  describe(abs, source, { info }) {
    const m = /^(\d+)_(.*)\.sql$/.exec(path10.basename(abs));
    if (!m) return { skip: "the Supabase CLI skips files not named <timestamp>_<name>.sql" };
    const version = m[1];
    const cli = info.version ? `Supabase CLI ${info.version}` : "The Supabase CLI";
    const batched = {
      version,
      transaction: "wrapped",
      note: `${cli} sends the statements of a migration as one batch, which PostgreSQL runs as one transaction`
    };
    if (!info.splits) return batched;
    const stmts = splitSql(source);
    const alone = stmts.map((r) => {
      const s = simplify(source, r);
      return INCOMPATIBLE.some((re) => re.test(s)) || info.dropIndex && DROP_CONCURRENTLY.test(s);
    });
    if (!alone.some(Boolean)) return batched;
    const segments = [];
    stmts.forEach((r, i) => {
      const tx = alone[i] ? "none" : "wrapped";
      const last = segments[segments.length - 1];
      if (last && !alone[i] && last.tx === "wrapped") last.end = r.end;
      else segments.push({ start: r.start, end: r.end, tx });
    });
    return {
      version,
      segments,
      note: `${cli} runs CONCURRENTLY, VACUUM and similar statements on their own and batches the others in one transaction`
    };
  }
};

// src/discover/tools/diesel.ts
import path11 from "node:path";
var dieselVersion = (folder) => folder.split("_")[0].replace(/-/g, "");
var diesel = {
  name: "diesel",
  pattern: "<version>_<name>/up.sql",
  detect(dir, files) {
    if (files) return files.some((f) => path11.basename(f) === "up.sql");
    return subdirs(dir).some((d) => existsSync(path11.join(dir, d, "up.sql")));
  },
  root(dir) {
    return existsSync(path11.join(dir, "up.sql")) ? path11.dirname(dir) : dir;
  },
  find(root) {
    return globFiles(root, "*/up.sql");
  },
  order(files) {
    const folder = (f) => path11.basename(path11.dirname(f));
    return [...files].sort(
      (a, b) => codepointCompare(dieselVersion(folder(a)), dieselVersion(folder(b))) || codepointCompare(folder(a), folder(b))
    );
  },
  describe(abs) {
    const name = path11.basename(abs);
    if (name !== "up.sql") return { skip: name === "down.sql" ? "a down migration" : "Diesel only runs up.sql" };
    const folder = path11.basename(path11.dirname(abs));
    const version = dieselVersion(folder);
    const meta = readText(path11.join(path11.dirname(abs), "metadata.toml")) ?? "";
    return /^\s*run_in_transaction\s*=\s*false\b/m.test(meta) ? {
      version,
      transaction: "script",
      note: "run_in_transaction = false: Diesel sends up.sql as one query string, and PostgreSQL runs a multi-statement string in one implicit transaction"
    } : { version, transaction: "wrapped", note: "Diesel runs each migration in a transaction" };
  }
};

// src/discover/tools/sqitch.ts
import path12 from "node:path";
var hasPlan = (dir) => existsSync(path12.join(dir, "sqitch.plan"));
function confValue(src, key) {
  return new RegExp(`^\\s*${key}\\s*=\\s*(.+?)\\s*$`, "m").exec(src)?.[1];
}
function readPlan(planSrc) {
  const items = [];
  for (const raw of planSrc.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (!line || line.startsWith("%") || line.startsWith("#")) continue;
    const token = line.split(/\s+/)[0];
    if (token.startsWith("@")) items.push({ tag: token.slice(1) });
    else if (!token.startsWith("-")) items.push({ change: token.replace(/^\+/, "") });
  }
  const out = [];
  items.forEach((it, i) => {
    if (!("change" in it)) return;
    const later = items.slice(i + 1);
    const reworked = later.some((x) => "change" in x && x.change === it.change);
    if (!reworked) return out.push(it.change);
    const tag = later.find((x) => "tag" in x);
    out.push(tag ? `${it.change}@${tag.tag}` : it.change);
  });
  return out;
}
function deployDir(root) {
  const conf = readText(path12.join(root, "sqitch.conf")) ?? "";
  const deploy = confValue(conf, "deploy_dir");
  if (deploy) return path12.resolve(root, deploy);
  const top = confValue(conf, "top_dir");
  return path12.resolve(root, top ?? ".", "deploy");
}
var sqitch = {
  name: "sqitch",
  pattern: "sqitch.plan + deploy/<change>.sql",
  detect(dir) {
    return hasPlan(dir) || path12.basename(dir) === "deploy" && !!findUp(path12.dirname(dir), hasPlan, 2);
  },
  root(dir) {
    return findUp(dir, hasPlan, 3) ?? dir;
  },
  async find(root) {
    const info = this.prepare(root);
    const planned = info.scripts.map((s) => path12.join(info.deploy, `${s}.sql`)).filter((f) => existsSync(f));
    const all = await globFiles(info.deploy, "**/*.sql");
    return [...planned, ...all.filter((f) => !planned.includes(f))];
  },
  prepare(root) {
    const scripts = readPlan(readText(path12.join(root, "sqitch.plan")) ?? "");
    const deploy = deployDir(root);
    return { scripts, deploy, index: new Map(scripts.map((s, i) => [path12.join(deploy, `${s}.sql`), i])) };
  },
  order(files, { info }) {
    return [...files].sort((a, b) => (info.index.get(a) ?? Infinity) - (info.index.get(b) ?? Infinity));
  },
  describe(abs, _source, { info }) {
    if (!info.index.has(abs)) return { skip: "not a deploy script listed in sqitch.plan" };
    return {
      version: path12.relative(info.deploy, abs).replace(/\.sql$/, ""),
      transaction: "none",
      note: "Sqitch runs each deploy script with psql, statement by statement; the script's own BEGIN/COMMIT is its transaction"
    };
  }
};

// src/discover/tools/liquibase.ts
import path13 from "node:path";
var CHANGESET = /^--\s*changeset\s+(\S+)(.*)$/gim;
var MASTER = /changelog.*\.(ya?ml|json|xml)$/i;
function attrs(rest) {
  const m = /* @__PURE__ */ new Map();
  for (const part of rest.trim().split(/\s+/)) {
    const i = part.indexOf(":");
    if (i > 0) m.set(part.slice(0, i).toLowerCase(), part.slice(i + 1));
  }
  return m;
}
function forPostgres(dbms) {
  if (!dbms) return true;
  const list2 = dbms.toLowerCase().split(",").map((s) => s.trim());
  if (list2.includes("!postgresql")) return false;
  if (list2.includes("all") || list2.includes("postgresql")) return true;
  return list2.every((d) => d.startsWith("!"));
}
async function yamlParser() {
  const m = await import("./dist-D7HXELJD.js");
  const yaml = m.parse ? m : m.default;
  return (src) => yaml.parse(src);
}
async function changelogOrder(root) {
  const master = list(root).find((f) => MASTER.test(f));
  if (!master) return void 0;
  const masterPath = path13.join(root, master);
  const src = readText(masterPath) ?? "";
  const entries2 = [];
  if (/\.xml$/i.test(master)) {
    for (const m of src.matchAll(/<(include|includeAll)\b([^>]*)\/?>/g)) {
      const attr = (k) => new RegExp(`${k}\\s*=\\s*"([^"]*)"`).exec(m[2])?.[1];
      if (m[1] === "include") entries2.push({ file: attr("file") });
      else entries2.push({ dir: attr("path") });
    }
  } else {
    const parse = /\.json$/i.test(master) ? JSON.parse : await yamlParser();
    try {
      const doc = parse(src);
      for (const e of doc?.databaseChangeLog ?? []) {
        if (e?.include?.file) entries2.push({ file: String(e.include.file) });
        else if (e?.includeAll?.path) entries2.push({ dir: String(e.includeAll.path) });
      }
    } catch {
      return void 0;
    }
  }
  const resolve3 = (p) => {
    const parts = p.replace(/^classpath:/, "").split(/[\\/]+/).filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const abs = path13.resolve(root, ...parts.slice(i));
      if (existsSync(abs)) return abs;
    }
    return void 0;
  };
  const out = [];
  for (const e of entries2) {
    if (e.file && /\.sql$/i.test(e.file)) {
      const abs = resolve3(e.file);
      if (abs) out.push(abs);
    } else if (e.dir) {
      const dir = resolve3(e.dir);
      if (dir && isDir(dir))
        out.push(
          ...list(dir).filter((f) => /\.sql$/i.test(f)).sort().map((f) => path13.join(dir, f))
        );
    }
  }
  return out;
}
var liquibase = {
  name: "liquibase",
  pattern: "--liquibase formatted sql files",
  detect(dir, files) {
    if (!files && list(dir).some((f) => MASTER.test(f) && /databaseChangeLog/.test(readText(path13.join(dir, f)) ?? "")))
      return true;
    const sub = files ? [] : subdirs(dir).flatMap((d) => list(path13.join(dir, d)).map((f) => path13.join(dir, d, f)));
    const names = [...files ?? list(dir).map((f) => path13.join(dir, f)), ...sub].filter((f) => /\.sql$/i.test(f));
    return names.slice(0, 40).some((f) => marker(f, "liquibase-header"));
  },
  root(dir) {
    return dir;
  },
  find(root) {
    return globFiles(root, "**/*.sql");
  },
  async prepare(root) {
    const order = await changelogOrder(root);
    return { order, index: new Map((order ?? []).map((f, i) => [f, i])) };
  },
  order(files, { info, root }) {
    return [...files].sort(
      (a, b) => (info.index.get(a) ?? Infinity) - (info.index.get(b) ?? Infinity) || naturalCompare(path13.relative(root, a), path13.relative(root, b))
    );
  },
  describe(abs, source, { info }) {
    if (info.order && !info.index.has(abs)) return { skip: "not included by the master changelog" };
    if (!LIQUIBASE_HEADER.test(source.slice(0, 200))) {
      return {
        transaction: "wrapped",
        note: "Liquibase runs a plain SQL changelog as one changeset, in a transaction"
      };
    }
    const heads = [...source.matchAll(CHANGESET)];
    if (!heads.length) return { skip: "a formatted SQL changelog without --changeset" };
    const segments = [];
    let anyNone = false;
    heads.forEach((m, i) => {
      const a = attrs(m[2] ?? "");
      if (a.get("ignore") === "true" || !forPostgres(a.get("dbms"))) return;
      const start = lineEnd(source, m.index);
      let end = i + 1 < heads.length ? heads[i + 1].index : source.length;
      const rb = /^--\s*rollback\b|^\/\*\s*liquibase\s+rollback/im.exec(source.slice(start, end));
      if (rb) end = start + rb.index;
      const tx = a.get("runintransaction") === "false" ? a.get("splitstatements") === "false" ? "script" : "none" : "wrapped";
      if (tx !== "wrapped") anyNone = true;
      const delim = a.get("enddelimiter");
      if (delim && delim !== ";") {
        const re = new RegExp(`${delim.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \\t]*$`, "gm");
        let from = start;
        for (const d of source.slice(start, end).matchAll(re)) {
          segments.push({ start: from, end: start + d.index, tx });
          from = start + d.index + d[0].length;
        }
        segments.push({ start: from, end, tx });
      } else segments.push({ start, end, tx });
    });
    return {
      segments,
      note: anyNone ? "Liquibase runs each changeset in its own transaction, except runInTransaction:false changesets" : "Liquibase runs each changeset in its own transaction"
    };
  }
};

// src/discover/frameworks.ts
var frameworks = [
  sqitch,
  drizzle,
  prisma,
  diesel,
  supabase,
  liquibase,
  goose,
  dbmate,
  flyway,
  sqlx,
  golangMigrate,
  plain
];
var frameworkNames = frameworks.map((f) => f.name);
function frameworkByName(name) {
  return frameworks.find((f) => f.name === name);
}
function detectFramework(dir, files) {
  for (const fw of frameworks) {
    if (fw.detect(dir, files)) return fw;
  }
  return plain;
}

// src/discover/auto.ts
var AUTO_IGNORE = [
  "**/node_modules/**",
  "**/.git/**",
  "**/vendor/**",
  "**/dist/**",
  "**/build/**",
  "**/target/**",
  "**/.next/**",
  "**/coverage/**",
  "**/testdata/**",
  "**/fixtures/**",
  "**/__fixtures__/**"
];
var AUTO_PATTERNS = [
  "**/migration_lock.toml",
  "**/meta/_journal.json",
  "**/sqitch.plan",
  "**/*.sql",
  "**/*changelog*.{xml,yaml,yml,json}"
];
function autoGlobOptions(base) {
  return { cwd: base, absolute: true, onlyFiles: true, ignore: AUTO_IGNORE, deep: 8 };
}
var AUTO_IGNORE_DIRS = new Set(AUTO_IGNORE.map((g) => g.slice(3, -3)));
var CHANGELOG = /changelog.*\.(xml|yaml|yml|json)$/;
function autoWalk(base) {
  return {
    maxDepth: 8,
    skipDirs: AUTO_IGNORE_DIRS,
    want: (name, dir) => name === "migration_lock.toml" || name === "sqitch.plan" || name.endsWith(".sql") || name === "_journal.json" && dir !== base && path14.basename(dir) === "meta" || CHANGELOG.test(name)
  };
}
var FOLDERS = /* @__PURE__ */ new Set(["migrations", "migration", "migrate", "changelog"]);
function rootOf(file) {
  const name = path14.basename(file);
  const dir = path14.dirname(file);
  const parent = path14.basename(dir);
  const grand = path14.dirname(dir);
  if (name === "migration_lock.toml") return dir;
  if (name === "_journal.json") return parent === "meta" ? grand : void 0;
  if (name === "sqitch.plan") return dir;
  if (!name.endsWith(".sql")) return void 0;
  if (parent === "migrations" && path14.basename(grand) === "supabase") return dir;
  if ((name === "up.sql" || name === "migration.sql") && path14.basename(grand) === "migrations") return grand;
  if (/^V\d[^_]*__.+\.sql$/.test(name)) return dir;
  if (FOLDERS.has(parent)) return dir;
  if (FOLDERS.has(path14.basename(grand))) return grand;
  return void 0;
}
async function autoDiscover(cwd) {
  const base = path14.resolve(cwd);
  const roots = /* @__PURE__ */ new Set();
  const matches = walkFiles(base, autoWalk(base)) ?? await globUnstamped(AUTO_PATTERNS, autoGlobOptions(base));
  for (const m of matches) {
    if (/changelog.*\.(xml|ya?ml|json)$/i.test(path14.basename(m))) {
      const dir = path14.dirname(m);
      if (list(dir).some((f) => f.endsWith(".sql") && marker(path14.join(dir, f), "liquibase-header"))) roots.add(dir);
      continue;
    }
    const root = rootOf(m);
    if (root && (root === base || root.startsWith(base + path14.sep))) roots.add(path14.resolve(root));
  }
  const sorted = [...roots].sort();
  const outer = sorted.filter((r) => !sorted.some((o) => o !== r && r.startsWith(o + path14.sep)));
  return outer.map((abs) => {
    const rel = path14.relative(base, abs).split(path14.sep).join("/") || ".";
    return { path: rel, absPath: abs, framework: detectFramework(abs).name };
  });
}

// src/discover/git.ts
import { spawnSync } from "node:child_process";
import path15 from "node:path";
var GitError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DiscoveryError";
  }
};
function git(cwd, args) {
  unrecordable("git");
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new GitError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0) {
    const msg = (r.stderr || r.stdout || "").trim().split("\n")[0] ?? "";
    throw new GitError(`git ${args[0]} failed: ${msg}`);
  }
  return r.stdout;
}
var entries = (s) => s.split("\0").filter(Boolean);
function changedFiles(cwd, ref) {
  if (!ref || ref.startsWith("-")) throw new GitError(`--since needs a git ref such as origin/main (got "${ref}")`);
  const top = path15.resolve(cwd, git(cwd, ["rev-parse", "--show-cdup"]).trim() || ".");
  const verify = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd, encoding: "utf8" });
  if (verify.status !== 0)
    throw new GitError(
      `--since ${ref}: no such commit, branch or tag in this repository (fetch it first, e.g. git fetch origin main)`
    );
  const out = /* @__PURE__ */ new Set();
  const add = (rel) => out.add(path15.resolve(top, rel));
  for (const f of entries(git(top, ["diff", "-z", "--name-only", "--no-renames", "--diff-filter=AM", `${ref}...HEAD`])))
    add(f);
  for (const f of entries(git(top, ["diff", "-z", "--name-only", "--no-renames", "--diff-filter=AM", "HEAD"]))) add(f);
  for (const f of entries(git(top, ["ls-files", "-z", "--others", "--exclude-standard"]))) add(f);
  return out;
}

// src/discover/dialect.ts
import path16 from "node:path";
var MAX_FILES = 40;
function sqlFilesUnder(dir, out, depth = 0) {
  if (out.length >= 400 || depth > 3) return;
  const names = list(dir).sort();
  for (const n of names) {
    if (n === "node_modules" || n.startsWith(".")) continue;
    const p = path16.join(dir, n);
    if (n.endsWith(".sql")) out.push(p);
    else if (depth < 3 && !n.includes(".") && isDir(p)) sqlFilesUnder(p, out, depth + 1);
  }
}
async function filesOf(inputs, cwd) {
  const files = [];
  const dirs = [];
  const roots = inputs.length ? inputs.map((i) => path16.resolve(cwd, i)) : (await autoDiscover(cwd)).map((r) => r.absPath);
  for (const r of roots) {
    if (isDir(r)) {
      dirs.push(r);
      sqlFilesUnder(r, files);
    } else if (isFile(r)) {
      dirs.push(path16.dirname(r));
      files.push(r);
    } else if (/[*?[{]/.test(r)) {
      for (const f of await globUnstamped(path16.relative(cwd, r).split(path16.sep).join("/"), {
        cwd,
        absolute: true,
        onlyFiles: true,
        deep: 8
      })) {
        files.push(f);
        dirs.push(path16.dirname(f));
      }
    }
  }
  return { files, dirs: [...new Set(dirs)] };
}
function prismaProvider(dir) {
  const at = findUp(dir, (d) => isFile(path16.join(d, "migration_lock.toml")), 2);
  if (!at) return void 0;
  return /^\s*provider\s*=\s*"([^"]+)"/m.exec(readText(path16.join(at, "migration_lock.toml")) ?? "")?.[1]?.toLowerCase();
}
async function detectDialect(inputs, cwd) {
  const { files, dirs } = await filesOf(inputs, cwd);
  for (const d of dirs) {
    const provider = prismaProvider(d);
    if (provider === "mysql") return { dialect: "mysql", reason: 'Prisma provider "mysql"' };
    if (provider === "postgresql" || provider === "postgres")
      return { dialect: "postgres", reason: 'Prisma provider "postgresql"' };
  }
  const segments = (p) => path16.relative(cwd, p).split(path16.sep).map((s) => s.toLowerCase());
  const named = (re) => files.filter((f) => segments(f).some((s) => re.test(s)));
  const mariaNamed = named(/^mariadb$|\.mariadb\./);
  const mysqlNamed = named(/^mysql$|\.mysql\./);
  const pgNamed = named(/^(postgres|postgresql|pg|psql)$|\.(postgres|postgresql|pg|psql)\./);
  if (!pgNamed.length && mariaNamed.length && !mysqlNamed.length)
    return { dialect: "mariadb", reason: `file names (${path16.relative(cwd, mariaNamed[0])})` };
  if (!pgNamed.length && mysqlNamed.length)
    return { dialect: "mysql", reason: `file names (${path16.relative(cwd, mysqlNamed[0])})` };
  let mysqlHits = 0;
  const seen = /* @__PURE__ */ new Set();
  for (const f of files.slice(0, MAX_FILES)) {
    const evidence = marker(f, "dialect") ?? "";
    if (evidence === "postgres") return void 0;
    if (evidence) mysqlHits++;
    for (const h of evidence ? evidence.split(" ") : []) seen.add(h);
  }
  if (mysqlHits) return { dialect: "mysql", reason: `MySQL syntax in the SQL (${[...seen].join(", ")})` };
  return void 0;
}

// src/discover/layout.ts
import path17 from "node:path";
var slug = (s) => s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toLowerCase() || "migration";
function statements(sql) {
  let prev;
  return splitSql(sql).map((r) => {
    let lead = sql.slice(prev ?? 0, r.start);
    if (prev !== void 0) lead = lead.includes("\n") ? lead.slice(lead.indexOf("\n") + 1) : "";
    prev = r.end;
    const comments = lead.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("--"));
    return `${comments.map((c) => `${c}
`).join("")}${sql.slice(r.start, r.end)};`;
  });
}
var body = (sql) => `${statements(sql).join("\n\n")}
`;
var txBody = (sql) => `BEGIN;

${body(sql)}
COMMIT;
`;
function header(p, i, n, extra) {
  const how = p.transactional ? "runs in one transaction" : "must run outside a transaction";
  return `-- zerodown phase ${i + 1}/${n}: ${p.name} (${how})${extra ? `
-- ${extra}` : ""}
`;
}
function units(phases) {
  const out = [];
  phases.forEach((phase, index) => {
    if (phase.transactional) out.push({ phase, index, sql: phase.sql });
    else {
      const stmts = statements(phase.sql);
      stmts.forEach((s, k) => out.push({ phase, index, sql: s, ...stmts.length > 1 ? { part: k + 1 } : {} }));
    }
  });
  return out;
}
function stamp(d) {
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
function nextVersions(existing, count, now, preferTimestamps) {
  const max = existing.reduce(
    (m, v) => m === void 0 || numericCompare(v, m) > 0 ? v : m,
    void 0
  );
  const timestamps = max ? max.length >= 12 : preferTimestamps;
  const out = [];
  if (timestamps) {
    const asDate = max && max.length === 14 ? Date.UTC(
      +max.slice(0, 4),
      +max.slice(4, 6) - 1,
      +max.slice(6, 8),
      +max.slice(8, 10),
      +max.slice(10, 12),
      +max.slice(12, 14)
    ) : NaN;
    if (!max || !Number.isNaN(asDate) && stamp(new Date(asDate)) === max) {
      const t0 = Math.max(now.getTime() - now.getTime() % 1e3, Number.isNaN(asDate) ? 0 : asDate + 1e3);
      for (let i = 0; i < count; i++) out.push(stamp(new Date(t0 + i * 1e3)));
      return out;
    }
    for (let i = 0; i < count; i++) out.push(String(BigInt(max) + BigInt(i + 1)));
    return out;
  }
  const width = max ? max.length : 4;
  const start = max ? BigInt(max) + 1n : 1n;
  for (let i = 0; i < count; i++) out.push(String(start + BigInt(i)).padStart(width, "0"));
  return out;
}
var prefixVersions = (names, re) => names.map((n) => re.exec(n)?.[1]).filter((v) => v !== void 0);
var join = (dir, ...p) => path17.join(dir, ...p).split(path17.sep).join("/");
function layoutPhases(framework, target, phases) {
  const dir = target.dir;
  const names = target.existing ?? list(dir);
  const read = target.read ?? readText;
  const now = target.now ?? /* @__PURE__ */ new Date();
  const base = slug(target.baseName);
  const n = phases.length;
  const us = units(phases);
  const name = (u) => `${base}_${slug(u.phase.name)}${u.part ? `_${u.part}` : ""}`;
  const withAfter = (vs) => target.afterVersion && /^\d+$/.test(target.afterVersion) ? [...vs, target.afterVersion] : vs;
  switch (framework) {
    case "plain": {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)/)), us.length, now, false);
      return us.map((u, i) => ({
        path: join(dir, `${vs[i]}_${name(u)}.sql`),
        content: header(u.phase, u.index, n) + (u.phase.transactional ? txBody(u.sql) : body(u.sql))
      }));
    }
    case "prisma": {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_/)), us.length, now, true);
      return us.map((u, i) => ({
        path: join(dir, `${vs[i]}_${name(u)}`, "migration.sql"),
        content: header(
          u.phase,
          u.index,
          n,
          u.phase.transactional ? void 0 : "alone in its migration: Prisma then runs it without a transaction"
        ) + (u.phase.transactional ? txBody(u.sql) : body(u.sql))
      }));
    }
    case "golang-migrate": {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.up\.sql$/)), us.length, now, false);
      return us.flatMap((u, i) => [
        {
          path: join(dir, `${vs[i]}_${name(u)}.up.sql`),
          content: header(
            u.phase,
            u.index,
            n,
            u.phase.transactional ? void 0 : "alone in its file: golang-migrate sends a file as one query string"
          ) + (u.phase.transactional ? txBody(u.sql) : body(u.sql))
        },
        { path: join(dir, `${vs[i]}_${name(u)}.down.sql`), content: `-- TODO: reverse ${name(u)}
` }
      ]);
    }
    case "goose": {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.sql$/)), phases.length, now, true);
      return phases.map((p, i) => {
        const stmts = statements(p.sql).map(
          (s) => (
            // goose cuts a statement at every line ending in `;`: protect bodies that contain one
            s.split("\n").slice(0, -1).some((l) => /;\s*(--.*)?$/.test(l)) ? `-- +goose StatementBegin
${s}
-- +goose StatementEnd` : s
          )
        );
        return {
          path: join(dir, `${vs[i]}_${base}_${slug(p.name)}.sql`),
          content: `${p.transactional ? "" : "-- +goose NO TRANSACTION\n"}${header(p, i, n)}-- +goose Up
${stmts.join("\n\n")}

-- +goose Down
-- TODO: reverse ${base}_${slug(p.name)}
`
        };
      });
    }
    case "dbmate": {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.sql$/)), us.length, now, true);
      return us.map((u, i) => ({
        path: join(dir, `${vs[i]}_${name(u)}.sql`),
        content: `-- migrate:up${u.phase.transactional ? "" : " transaction:false"}
${header(u.phase, u.index, n)}${body(u.sql)}
-- migrate:down
-- TODO: reverse ${name(u)}
`
      }));
    }
    case "flyway": {
      const existing = names.map((f) => /^V(\d+(?:[._]\d+)*)__/.exec(f)?.[1]).filter((v) => !!v);
      if (target.afterVersion) existing.push(target.afterVersion);
      const max = existing.sort(flywayVersionCompare).at(-1);
      const parts = max ? max.split(/[._]/) : ["0"];
      const sep2 = max?.includes("_") && !max.includes(".") ? "_" : ".";
      const timestamps = parts.length === 1 && parts[0].length >= 12;
      const vs = timestamps ? nextVersions([parts[0]], us.length, now, true) : us.map((_, i) => [...parts.slice(0, -1), String(BigInt(parts.at(-1)) + BigInt(i + 1))].join(sep2));
      return us.flatMap((u, i) => {
        const file = join(dir, `V${vs[i]}__${name(u)}.sql`);
        const files = [{ path: file, content: header(u.phase, u.index, n) + body(u.sql) }];
        if (!u.phase.transactional) files.push({ path: `${file}.conf`, content: "executeInTransaction=false\n" });
        return files;
      });
    }
    case "sqlx": {
      const reversible = names.some((f) => /\.up\.sql$/.test(f));
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_/)), us.length, now, true);
      return us.flatMap((u, i) => {
        const stem = `${vs[i]}_${name(u)}`;
        const content = `${u.phase.transactional ? "" : "-- no-transaction\n"}${header(u.phase, u.index, n)}${body(u.sql)}`;
        return reversible ? [
          { path: join(dir, `${stem}.up.sql`), content },
          { path: join(dir, `${stem}.down.sql`), content: `-- TODO: reverse ${name(u)}
` }
        ] : [{ path: join(dir, `${stem}.sql`), content }];
      });
    }
    case "drizzle": {
      if (!names.includes("meta") && names.some((f) => /^\d{14}_[^.]*$/.test(f))) {
        const vs = nextVersions(prefixVersions(names, /^(\d{14})_/), phases.length, now, true);
        return phases.map((p, i) => ({
          path: join(dir, `${vs[i]}_${base}_${slug(p.name)}`, "migration.sql"),
          content: p.transactional ? `${header(p, i, n)}${statements(p.sql).join("\n--> statement-breakpoint\n")}
` : `${header(p, i, n, "Drizzle runs every pending migration inside ONE transaction: run this phase with psql instead of drizzle-kit migrate")}${body(p.sql)}`
        }));
      }
      const journalFile = join(dir, "meta", "_journal.json");
      let journal = {
        version: "7",
        dialect: "postgresql",
        entries: []
      };
      try {
        journal = JSON.parse(read(journalFile) ?? "") ?? journal;
      } catch {
      }
      const files = [];
      let idx = journal.entries.length;
      let when = Math.max(now.getTime(), ...journal.entries.map((e) => e.when + 1));
      const width = 4;
      phases.forEach((p, i) => {
        const tag = `${String(idx).padStart(width, "0")}_${base}_${slug(p.name)}`;
        const sql = statements(p.sql).join("\n--> statement-breakpoint\n");
        if (!p.transactional) {
          files.push({
            path: join(dir, `${tag}.manual.sql`),
            content: `${header(p, i, n, "Drizzle runs every pending migration inside ONE transaction, so this phase cannot go through drizzle-kit migrate: run it with psql between the migrations before and after it")}${body(p.sql)}`
          });
          return;
        }
        files.push({ path: join(dir, `${tag}.sql`), content: `${header(p, i, n)}${sql}
` });
        journal.entries.push({
          idx,
          version: journal.entries.at(-1)?.version ?? "7",
          when: when++,
          tag,
          breakpoints: true
        });
        idx++;
      });
      files.push({ path: journalFile, content: `${JSON.stringify(journal, null, 2)}
`, replaces: true });
      return files;
    }
    case "supabase": {
      const vs = nextVersions(withAfter(prefixVersions(names, /^(\d+)_.*\.sql$/)), phases.length, now, true);
      return phases.map((p, i) => ({
        path: join(dir, `${vs[i]}_${base}_${slug(p.name)}.sql`),
        content: header(
          p,
          i,
          n,
          p.transactional ? void 0 : "the Supabase CLI (v2.109+) runs CONCURRENTLY statements on their own, outside its batch"
        ) + body(p.sql)
      }));
    }
    case "diesel": {
      const existing = names.filter((f) => /^\d/.test(f)).map((f) => dieselVersion(f));
      const dashed = names.some((f) => /^\d{4}-\d{2}-\d{2}-\d{6}/.test(f));
      const t0 = Math.max(
        now.getTime(),
        ...existing.filter((v) => /^\d{14}/.test(v)).map(
          (v) => Date.UTC(
            +v.slice(0, 4),
            +v.slice(4, 6) - 1,
            +v.slice(6, 8),
            +v.slice(8, 10),
            +v.slice(10, 12),
            +v.slice(12, 14)
          ) + 1e3
        )
      );
      return us.flatMap((u, i) => {
        const s = stamp(new Date(t0 + i * 1e3));
        const v = dashed || !existing.length ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}-${s.slice(8)}` : s;
        const folder = `${v}_${name(u)}`;
        const files = [
          { path: join(dir, folder, "up.sql"), content: header(u.phase, u.index, n) + body(u.sql) },
          { path: join(dir, folder, "down.sql"), content: `-- TODO: reverse ${name(u)}
` }
        ];
        if (!u.phase.transactional)
          files.push({ path: join(dir, folder, "metadata.toml"), content: "run_in_transaction = false\n" });
        return files;
      });
    }
    case "sqitch": {
      const planFile = join(dir, "sqitch.plan");
      const plan = read(planFile) ?? "%syntax-version=1.0.0\n%project=app\n\n";
      const known = new Set(readPlan(plan));
      const iso = now.toISOString().replace(/\.\d{3}Z$/, "Z");
      const files = [];
      const lines = [];
      let prev = [...known].at(-1)?.replace(/@.*$/, "");
      phases.forEach((p, i) => {
        let change = `${base}_${slug(p.name)}`;
        for (let k = 2; known.has(change); k++) change = `${base}_${slug(p.name)}_${k}`;
        known.add(change);
        files.push({
          path: join(dir, "deploy", `${change}.sql`),
          content: header(p, i, n) + (p.transactional ? txBody(p.sql) : body(p.sql))
        });
        files.push({ path: join(dir, "revert", `${change}.sql`), content: `-- TODO: revert ${change}
` });
        files.push({ path: join(dir, "verify", `${change}.sql`), content: `-- TODO: verify ${change}
` });
        lines.push(`${change} ${prev ? `[${prev}] ` : ""}${iso} zerodown <zerodown@localhost> # ${p.name}`);
        prev = change;
      });
      files.push({ path: planFile, content: `${plan.replace(/\n*$/, "\n")}${lines.join("\n")}
`, replaces: true });
      return files;
    }
    case "liquibase": {
      const master = names.find((f) => /changelog.*\.(ya?ml|json|xml)$/i.test(f));
      const masterSrc = master ? read(join(dir, master)) ?? "" : "";
      const includes = [...masterSrc.matchAll(/file["']?\s*[:=]\s*["']?([^"'\s>]+\.sql)/g)].map((m) => m[1]);
      const lastInclude = includes.at(-1);
      const sub = lastInclude ? path17.dirname(lastInclude.split("/").slice(-2).join("/")) : ".";
      const subDir = lastInclude && sub !== "." && names.includes(sub) ? join(dir, sub) : dir;
      const siblings = subDir === dir ? names : list(subDir);
      const sep2 = siblings.some((f) => /^\d+-/.test(f)) ? "-" : "_";
      const vs = nextVersions(withAfter(prefixVersions(siblings, /^(\d+)[_-].*\.sql$/)), 1, now, false);
      const file = `${vs[0]}${sep2}${base.replace(/_/g, sep2)}.sql`;
      const content = ["--liquibase formatted sql", ""];
      phases.forEach((p, i) => {
        content.push(
          `--changeset zerodown:${base}-${i + 1}-${slug(p.name)}${p.transactional ? "" : " runInTransaction:false"}`
        );
        content.push(header(p, i, n).trimEnd());
        content.push(body(p.sql));
      });
      const files = [{ path: join(subDir, file), content: `${content.join("\n").trimEnd()}
` }];
      if (master && lastInclude) {
        const ref = lastInclude.replace(/[^/]+$/, file);
        let updated;
        if (/\.xml$/i.test(master))
          updated = masterSrc.replace(
            /(\s*)<\/databaseChangeLog>/,
            `$1    <include file="${ref}"/>$1</databaseChangeLog>`
          );
        else if (/\.json$/i.test(master)) {
          const doc = JSON.parse(masterSrc);
          doc.databaseChangeLog.push({ include: { file: ref } });
          updated = `${JSON.stringify(doc, null, 2)}
`;
        } else updated = `${masterSrc.replace(/\n*$/, "\n")}  - include:
      file: ${ref}
`;
        files.push({ path: join(dir, master), content: updated, replaces: true });
      }
      return files;
    }
    default:
      throw new Error(`layoutPhases: unknown framework "${framework}"`);
  }
}

// src/discover/index.ts
import { readFileSync as readFileSync2 } from "node:fs";
import path18 from "node:path";

// src/discover/decode.ts
import { isUtf8 } from "node:buffer";
var MAGIC = [
  [[137, 80, 78, 71], "a PNG image"],
  [[255, 216, 255], "a JPEG image"],
  [[71, 73, 70, 56], "a GIF image"],
  [[80, 75, 3, 4], "a ZIP archive"],
  [[31, 139], "a gzip archive"],
  [[127, 69, 76, 70], "an executable (ELF)"],
  [[37, 80, 68, 70, 45], "a PDF document"],
  [[83, 81, 76, 105, 116, 101, 32, 102], "an SQLite database"],
  [[255, 254], "UTF-16 text, not UTF-8"],
  [[254, 255], "UTF-16 text, not UTF-8"]
];
var SAMPLE = 8e3;
function notTextKind(bytes) {
  for (const [sig, what] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return what;
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control >= 8 && control * 10 >= n ? "binary data (or UTF-16 text without a byte order mark)" : void 0;
}
function invalidUtf8(bytes) {
  const out = [];
  let chars = 0;
  let need = 0;
  let start = 0;
  let lower = 128;
  let upper = 191;
  let cp = 0;
  const hex = (a, b) => [...bytes.subarray(a, b)].map((x) => `0x${x.toString(16).padStart(2, "0")}`).join(" ");
  const bad = (end) => {
    out.push({ offset: chars, bytes: hex(start, end) });
    chars++;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (need === 0) {
      start = i;
      if (b < 128) chars++;
      else if (b >= 194 && b <= 223) {
        need = 1;
        cp = b & 31;
      } else if (b >= 224 && b <= 239) {
        if (b === 224) lower = 160;
        if (b === 237) upper = 159;
        need = 2;
        cp = b & 15;
      } else if (b >= 240 && b <= 244) {
        if (b === 240) lower = 144;
        if (b === 244) upper = 143;
        need = 3;
        cp = b & 7;
      } else bad(i + 1);
      continue;
    }
    if (b < lower || b > upper) {
      bad(i);
      need = 0;
      lower = 128;
      upper = 191;
      i--;
      continue;
    }
    lower = 128;
    upper = 191;
    cp = cp << 6 | b & 63;
    if (--need === 0) chars += cp >= 65536 ? 2 : 1;
  }
  if (need > 0) bad(bytes.length);
  return out;
}
var ASCII_MAGIC = MAGIC.filter(([sig]) => sig.every((b) => b < 128)).map(([sig]) => String.fromCharCode(...sig));
var CONTROL = /[\0-\x08\x0e-\x1a\x1c-\x1f]/;
function decodeText(text) {
  const head = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (CONTROL.test(head) || text.includes("\uFFFD") || ASCII_MAGIC.some((m) => text.startsWith(m))) return void 0;
  return { text: text.charCodeAt(0) === 65279 ? text.slice(1) : text };
}
function decodeSource(bytes) {
  const what = notTextKind(bytes);
  if (what) return { text: "", notText: what };
  const bom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom);
  const text = buf.toString("utf8");
  if (isUtf8(buf)) return { text };
  return { text, badBytes: invalidUtf8(buf) };
}

// src/discover/index.ts
var DiscoveryError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DiscoveryError";
  }
};
function displayFiles(cwd) {
  const dirs = /* @__PURE__ */ new Map();
  return (abs) => {
    const dir = path18.dirname(abs);
    let shown = dirs.get(dir);
    if (!dirs.has(dir)) {
      const rel = path18.relative(cwd, dir);
      const ups = rel.split(path18.sep).filter((p) => p === "..").length;
      shown = ups <= 2 && !path18.isAbsolute(rel) ? rel.split(path18.sep).join("/") : void 0;
      dirs.set(dir, shown);
    }
    if (shown === void 0) return abs;
    const name = path18.basename(abs);
    return shown ? `${shown}/${name}` : name;
  };
}
function readSource(abs, sources) {
  const given = sources?.get(abs);
  if (given !== void 0) return { text: given };
  try {
    return decodeText(takeText(abs)) ?? decodeSource(recordRead(abs, () => readFileSync2(abs)));
  } catch (err) {
    throw new DiscoveryError(`cannot read ${abs}: ${err.message}`);
  }
}
function resolveFile(source, info) {
  const resolveTx = (tx, start, end) => tx === "script" ? countStatements(source, start, end, 2) > 1 ? "wrapped" : "none" : tx ?? "none";
  if (!info.segments) return { transaction: resolveTx(info.transaction, 0, source.length) };
  const segs = info.segments.map((s) => ({ start: s.start, end: s.end, transaction: resolveTx(s.tx, s.start, s.end) }));
  const transaction = segs.some((s) => s.transaction === "wrapped") ? "wrapped" : "none";
  const uniform = segs.every((s) => s.transaction === transaction);
  return { transaction, segments: segs.map((s) => uniform ? { start: s.start, end: s.end } : s) };
}
async function discover(inputs, options = {}) {
  return (await discoverDetailed(inputs, options)).migrations;
}
function discoverDetailed(inputs, options = {}) {
  return withFsMemo(() => discoverOnce(inputs, options));
}
async function discoverOnce(inputs, options) {
  const cwd = options.cwd ?? process.cwd();
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const pgVersion = options.pgVersion ?? dialectFor(dialect).defaultVersion;
  const forced = options.framework ? frameworkByName(options.framework) : void 0;
  if (options.framework && !forced) {
    throw new DiscoveryError(`unknown framework "${options.framework}"; known: ${frameworkNames.join(", ")}`);
  }
  const reviewOnly = options.reviewOnly;
  const history = options.history !== false;
  const groups = /* @__PURE__ */ new Map();
  const groupFor = async (fw, root) => {
    const key = `${fw.name}\0${fw.sequence?.(root) ?? root}`;
    let g = groups.get(key);
    if (!g) {
      g = { fw, roots: /* @__PURE__ */ new Map(), files: /* @__PURE__ */ new Map(), review: /* @__PURE__ */ new Set() };
      groups.set(key, g);
    }
    if (!g.roots.has(root)) g.roots.set(root, { root, info: await fw.prepare?.(root) ?? {}, pgVersion });
    return g;
  };
  const addAll = async (fw, root, reviewAll) => {
    const g = await groupFor(fw, root);
    const files = reviewAll || !fw.siblings ? await fw.find(root) : await fw.siblings(root);
    for (const f of files) {
      if (!g.files.has(f)) g.files.set(f, root);
      if (reviewAll && (!reviewOnly || reviewOnly.has(f))) g.review.add(f);
    }
    return files.length;
  };
  const addFiles = async (fw, dir, files) => {
    const root = fw.root(dir);
    const g = await groupFor(fw, root);
    if (history) await addAll(fw, root, false);
    for (const f of files) {
      if (!g.files.has(f)) g.files.set(f, root);
      if (!reviewOnly || reviewOnly.has(f)) g.review.add(f);
    }
  };
  for (const input of inputs) {
    const abs = path18.resolve(cwd, input);
    if (isDynamicPattern(input) && !existsSync(abs)) {
      const matches = (await globUnstamped(input, { cwd, absolute: true, onlyFiles: true })).sort(naturalCompare);
      if (!matches.length) throw new DiscoveryError(`no files match ${input}`);
      const sqlFiles = matches.filter((f) => f.endsWith(".sql"));
      if (!sqlFiles.length) throw new DiscoveryError(`${input} matches no .sql files`);
      const byDir = /* @__PURE__ */ new Map();
      for (const f of sqlFiles) byDir.set(path18.dirname(f), [...byDir.get(path18.dirname(f)) ?? [], f]);
      for (const [dir, files] of byDir) await addFiles(forced ?? detectFramework(dir, files), dir, files);
      continue;
    }
    const given = options.sources?.has(abs);
    if (!given && !existsSync(abs)) throw new DiscoveryError(`${input}: no such file or directory`);
    if (!given && isDir(abs)) {
      let fw = forced ?? detectFramework(abs);
      const single = ["migration.sql", "up.sql"].map((f) => path18.join(abs, f)).find((f) => existsSync(f));
      if (!forced && fw === plain && single) {
        await addFiles(detectFramework(abs, [single]), abs, [single]);
        continue;
      }
      if (!forced && fw === plain) {
        const inner = (await autoDiscover(abs)).filter((r) => r.absPath !== abs && r.framework !== "plain");
        if (inner.length) {
          for (const r of inner) await addAll(detectFramework(r.absPath), r.absPath, true);
          continue;
        }
      }
      const root = fw.root(abs);
      if (root !== abs) fw = forced ?? detectFramework(root);
      const n = await addAll(fw, root, true);
      if (!n) throw new DiscoveryError(`${input}: no migration files found (looked for ${fw.pattern})`);
    } else {
      const dir = path18.dirname(abs);
      await addFiles(forced ?? detectFramework(dir, [abs]), dir, [abs]);
    }
  }
  const migrations = [];
  const skipped = [];
  const roots = /* @__PURE__ */ new Map();
  const used = [];
  const seen = /* @__PURE__ */ new Set();
  const shown = displayFiles(cwd);
  for (const g of groups.values()) {
    const firstCtx = g.roots.values().next().value;
    const ordered = g.fw.order([...g.files.keys()], firstCtx);
    let last = -1;
    ordered.forEach((f, i) => {
      if (g.review.has(f)) last = i;
    });
    if (last < 0) {
      if (options.dropUnreviewed) continue;
      last = ordered.length - 1;
    }
    const out = [];
    for (const abs of ordered.slice(0, last + 1)) {
      const review = g.review.has(abs);
      if (!review && !history) continue;
      if (seen.has(abs)) continue;
      seen.add(abs);
      const root = g.files.get(abs);
      const read = readSource(abs, options.sources);
      const info = g.fw.describe(abs, read.text, g.roots.get(root));
      if (info.skip) {
        skipped.push({ path: shown(abs), reason: info.skip });
        continue;
      }
      out.push(migrationOf(shown(abs), abs, dialect, g.fw.name, review, read, info));
      if (review) roots.set(abs, root);
    }
    if (out.length && !used.includes(g.fw.name)) used.push(g.fw.name);
    migrations.push(...out);
  }
  return { migrations, skipped, frameworks: used, roots };
}
function migrationOf(shown, abs, dialect, framework, review, { text: source, badBytes, notText }, info) {
  const { transaction, segments } = resolveFile(source, info);
  const m = { path: shown, absPath: abs, source, dialect, framework, transaction, review };
  if (segments) m.segments = segments;
  if (info.version) m.version = info.version;
  if (info.note) m.transactionNote = info.note;
  if (badBytes) m.badBytes = badBytes;
  if (notText) m.notText = notText;
  return m;
}
async function describeAgain(m, root, pgVersion) {
  const fw = frameworkByName(m.framework);
  if (!fw) return void 0;
  const ctx = { root, info: await fw.prepare?.(root) ?? {}, pgVersion };
  const read = readSource(m.absPath);
  const info = fw.describe(m.absPath, read.text, ctx);
  return info.skip ? void 0 : migrationOf(m.path, m.absPath, m.dialect, m.framework, true, read, info);
}
async function findMigrations(paths, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const { since, ...rest } = options;
  const reviewOnly = since ? changedFiles(cwd, since) : options.reviewOnly;
  let inputs = paths;
  let how = `paths: ${paths.join(", ")}`;
  if (!inputs.length) {
    const roots = await autoDiscover(cwd);
    if (!roots.length) {
      throw new DiscoveryError(
        "no migrations given and none found: pass files, directories or globs (e.g. `zerodown lint db/migrations`), or set `paths` in zerodown.config.json"
      );
    }
    inputs = roots.map((r) => r.path);
    how = `auto-discovered ${roots.map((r) => `${r.path} (${r.framework})`).join(", ")}`;
  }
  if (since) how += `; under review: files changed since ${since}`;
  const result = await discoverDetailed(inputs, {
    ...rest,
    cwd,
    dropUnreviewed: true,
    ...reviewOnly ? { reviewOnly } : {}
  });
  return { ...result, how };
}

export {
  isDynamicPattern,
  glob,
  markerOf,
  withFsMemo,
  list,
  isDir,
  isFile,
  readText,
  autoDiscover,
  git,
  changedFiles,
  detectDialect,
  layoutPhases,
  DiscoveryError,
  readSource,
  discover,
  describeAgain,
  findMigrations
};
