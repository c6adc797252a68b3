import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  LineIndex,
  skipComment,
  skipTrivia,
  trimEnd
} from "./chunk-5T3UE7HX.js";
import {
  readIgnores
} from "./chunk-IXAVB2MN.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-XJGXLKRM.js";

// node_modules/libpg-query/wasm/libpg-query.js
var require_libpg_query = __commonJS({
  "node_modules/libpg-query/wasm/libpg-query.js"(exports, module2) {
    var PgQueryModule = (() => {
      var _scriptName = globalThis.document?.currentScript?.src;
      return async function(moduleArg = {}) {
        var Module = moduleArg;
        var ENVIRONMENT_IS_WEB = !!globalThis.window;
        var ENVIRONMENT_IS_WORKER = !!globalThis.WorkerGlobalScope;
        var ENVIRONMENT_IS_NODE = globalThis.process?.versions?.node && globalThis.process?.type != "renderer";
        var programArgs = [];
        var thisProgram = "./this.program";
        var quit_ = (status, toThrow) => {
          throw toThrow;
        };
        if (typeof __filename != "undefined") {
          _scriptName = __filename;
        } else if (ENVIRONMENT_IS_WORKER) {
          _scriptName = self.location.href;
        }
        var scriptDirectory = "";
        function locateFile(path) {
          if (Module["locateFile"]) {
            return Module["locateFile"](path, scriptDirectory);
          }
          return scriptDirectory + path;
        }
        var readAsync, readBinary;
        if (ENVIRONMENT_IS_NODE) {
          var fs = __require("node:fs");
          scriptDirectory = __dirname + "/";
          readBinary = (filename) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename);
            return ret;
          };
          readAsync = async (filename, binary = true) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename, binary ? void 0 : "utf8");
            return ret;
          };
          if (process.argv.length > 1) {
            thisProgram = process.argv[1].replace(/\\/g, "/");
          }
          programArgs = process.argv.slice(2);
          quit_ = (status, toThrow) => {
            process.exitCode = status;
            throw toThrow;
          };
        } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
          try {
            scriptDirectory = new URL(".", _scriptName).href;
          } catch {
          }
          {
            if (ENVIRONMENT_IS_WORKER) {
              readBinary = (url) => {
                var xhr = new XMLHttpRequest();
                xhr.open("GET", url, false);
                xhr.responseType = "arraybuffer";
                xhr.send(null);
                return new Uint8Array(xhr.response);
              };
            }
            readAsync = async (url) => {
              var response = await fetch(url, { credentials: "same-origin" });
              if (response.ok) {
                return response.arrayBuffer();
              }
              throw new Error(response.status + " : " + response.url);
            };
          }
        } else {
        }
        var out = console.log.bind(console);
        var err = console.error.bind(console);
        var wasmBinary;
        var ABORT = false;
        var EXITSTATUS;
        var isFileURI = (filename) => filename.startsWith("file://");
        class EmscriptenEH {
        }
        class EmscriptenSjLj extends EmscriptenEH {
        }
        var runtimeInitialized = false;
        function getMemoryBuffer() {
          return wasmMemory.buffer;
        }
        function updateMemoryViews() {
          if (HEAP8?.buffer?.resizable) return;
          var b = getMemoryBuffer();
          HEAP8 = new Int8Array(b);
          HEAP16 = new Int16Array(b);
          Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
          HEAPU16 = new Uint16Array(b);
          HEAP32 = new Int32Array(b);
          Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
          HEAPF32 = new Float32Array(b);
          HEAPF64 = new Float64Array(b);
          HEAP64 = new BigInt64Array(b);
          HEAPU64 = new BigUint64Array(b);
        }
        function preRun() {
          var preRun2 = Module["preRun"];
          if (preRun2) {
            if (typeof preRun2 == "function") preRun2 = [preRun2];
            onPreRuns.push(...preRun2);
          }
          callRuntimeCallbacks(onPreRuns);
        }
        function initRuntime() {
          runtimeInitialized = true;
          if (!Module["noFSInit"] && !FS.initialized) FS.init();
          TTY.init();
          wasmExports["A"]();
          FS.ignorePermissions = false;
        }
        function postRun() {
          var postRun2 = Module["postRun"];
          if (postRun2) {
            if (typeof postRun2 == "function") postRun2 = [postRun2];
            onPostRuns.push(...postRun2);
          }
          callRuntimeCallbacks(onPostRuns);
        }
        function abort(what) {
          Module["onAbort"]?.(what);
          what = `Aborted(${what})`;
          err(what);
          ABORT = true;
          what += ". Build with -sASSERTIONS for more info.";
          var e = new WebAssembly.RuntimeError(what);
          throw e;
        }
        var wasmBinaryFile;
        function findWasmBinary() {
          return locateFile("libpg-query.wasm");
        }
        function getBinarySync(file) {
          if (readBinary) {
            return readBinary(file);
          }
          throw "both async and sync fetching of the wasm failed";
        }
        async function getWasmBinary(binaryFile) {
          if (!wasmBinary) {
            try {
              var response = await readAsync(binaryFile);
              return new Uint8Array(response);
            } catch {
            }
          }
          return getBinarySync(binaryFile);
        }
        async function instantiateArrayBuffer(binaryFile, imports) {
          try {
            var binary = await getWasmBinary(binaryFile);
            var instance = await WebAssembly.instantiate(binary, imports);
            return instance;
          } catch (reason) {
            err(`failed to asynchronously prepare wasm: ${reason}`);
            abort(reason);
          }
        }
        async function instantiateAsync(binary, binaryFile, imports) {
          if (!binary && !ENVIRONMENT_IS_NODE) {
            try {
              var response = fetch(binaryFile, { credentials: "same-origin" });
              var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
              return instantiationResult;
            } catch (reason) {
              err(`wasm streaming compile failed: ${reason}`);
              err("falling back to ArrayBuffer instantiation");
            }
          }
          return instantiateArrayBuffer(binaryFile, imports);
        }
        function getWasmImports() {
          var imports = { a: wasmImports };
          return imports;
        }
        async function createWasm() {
          function receiveInstance(instance) {
            wasmExports = instance.exports;
            assignWasmExports(wasmExports);
            updateMemoryViews();
            return wasmExports;
          }
          function receiveInstantiationResult(result2) {
            return receiveInstance(result2["instance"]);
          }
          var info = getWasmImports();
          var instantiateWasm = Module["instantiateWasm"];
          if (instantiateWasm) {
            return new Promise((resolve) => {
              instantiateWasm(info, (inst) => resolve(receiveInstance(inst)));
            });
          }
          wasmBinaryFile ??= findWasmBinary();
          var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info);
          var exports2 = receiveInstantiationResult(result);
          return exports2;
        }
        class ExitStatus {
          name = "ExitStatus";
          constructor(status) {
            this.message = `Program terminated with exit(${status})`;
            this.status = status;
          }
        }
        var HEAP16;
        var HEAP32;
        var HEAP64;
        var HEAP8;
        var HEAPF32;
        var HEAPF64;
        var HEAPU16;
        var HEAPU32;
        var HEAPU64;
        var HEAPU8;
        var callRuntimeCallbacks = (callbacks) => {
          while (callbacks.length > 0) {
            callbacks.shift()(Module);
          }
        };
        var onPostRuns = [];
        var onPreRuns = [];
        function getValue(ptr, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              return HEAP8[ptr];
            case "i8":
              return HEAP8[ptr];
            case "i16":
              return HEAP16[ptr >> 1];
            case "i32":
              return HEAP32[ptr >> 2];
            case "i64":
              return HEAP64[ptr >> 3];
            case "float":
              return HEAPF32[ptr >> 2];
            case "double":
              return HEAPF64[ptr >> 3];
            case "*":
              return HEAPU32[ptr >> 2];
            default:
              abort(`invalid type for getValue: ${type}`);
          }
        }
        var noExitRuntime = true;
        var stackRestore = (val) => __emscripten_stack_restore(val);
        var stackSave = () => _emscripten_stack_get_current();
        var UTF8Decoder = globalThis.TextDecoder && new TextDecoder();
        var findStringEnd = (heapOrArray, idx, maxBytesToRead, ignoreNul) => {
          var maxIdx = idx + maxBytesToRead;
          if (ignoreNul) return maxIdx;
          while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
          return idx;
        };
        var UTF8ArrayToString = (heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
          var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
          if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
            return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
          }
          var str4 = "";
          while (idx < endPtr) {
            var u0 = heapOrArray[idx++];
            if (!(u0 & 128)) {
              str4 += String.fromCharCode(u0);
              continue;
            }
            var u1 = heapOrArray[idx++] & 63;
            if ((u0 & 224) == 192) {
              str4 += String.fromCharCode((u0 & 31) << 6 | u1);
              continue;
            }
            var u2 = heapOrArray[idx++] & 63;
            if ((u0 & 240) == 224) {
              u0 = (u0 & 15) << 12 | u1 << 6 | u2;
            } else {
              u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
            }
            if (u0 < 65536) {
              str4 += String.fromCharCode(u0);
            } else {
              var ch = u0 - 65536;
              str4 += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
            }
          }
          return str4;
        };
        var UTF8ToString = (ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "";
        var ___assert_fail = (condition, filename, line, func) => abort(`Assertion failed: ${UTF8ToString(condition)}, at: ` + [filename ? UTF8ToString(filename) : "unknown filename", line, func ? UTF8ToString(func) : "unknown function"]);
        var __abort_js = () => abort("");
        var runtimeKeepaliveCounter = 0;
        var __emscripten_runtime_keepalive_clear = () => {
          noExitRuntime = false;
          runtimeKeepaliveCounter = 0;
        };
        var __emscripten_throw_longjmp = () => {
          throw new EmscriptenSjLj();
        };
        var timers = {};
        var handleException = (e) => {
          if (e instanceof ExitStatus || e == "unwind") {
            return EXITSTATUS;
          }
          quit_(1, e);
        };
        var keepRuntimeAlive = () => noExitRuntime || runtimeKeepaliveCounter > 0;
        var _proc_exit = (code) => {
          EXITSTATUS = code;
          if (!keepRuntimeAlive()) {
            Module["onExit"]?.(code);
            ABORT = true;
          }
          quit_(code, new ExitStatus(code));
        };
        var exitJS = (status, implicit) => {
          EXITSTATUS = status;
          _proc_exit(status);
        };
        var _exit = exitJS;
        var maybeExit = () => {
          if (!keepRuntimeAlive()) {
            try {
              _exit(EXITSTATUS);
            } catch (e) {
              handleException(e);
            }
          }
        };
        var callUserCallback = (func) => {
          if (ABORT) {
            return;
          }
          try {
            return func();
          } catch (e) {
            handleException(e);
          } finally {
            maybeExit();
          }
        };
        var _emscripten_get_now = () => performance.now();
        var __setitimer_js = (which, timeout_ms) => {
          if (timers[which]) {
            clearTimeout(timers[which].id);
            delete timers[which];
          }
          if (!timeout_ms) return 0;
          var id = setTimeout(() => {
            delete timers[which];
            callUserCallback(() => __emscripten_timeout(which, _emscripten_get_now()));
          }, timeout_ms);
          timers[which] = { id, timeout_ms };
          return 0;
        };
        var getHeapMax = () => 1073741824;
        var alignMemory = (size, alignment) => Math.ceil(size / alignment) * alignment;
        var growMemory = (size) => {
          var oldHeapSize = wasmMemory.buffer.byteLength;
          var pages = (size - oldHeapSize + 65535) / 65536 | 0;
          try {
            wasmMemory.grow(pages);
            updateMemoryViews();
            return 1;
          } catch (e) {
          }
        };
        var _emscripten_resize_heap = (requestedSize) => {
          var oldSize = HEAPU8.length;
          requestedSize >>>= 0;
          var maxHeapSize = getHeapMax();
          if (requestedSize > maxHeapSize) {
            return false;
          }
          for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
            var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
            overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
            var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
            var replacement = growMemory(newSize);
            if (replacement) {
              return true;
            }
          }
          return false;
        };
        var PATH = { isAbs: (path) => path.charAt(0) === "/", splitPath: (filename) => {
          var splitPathRe = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;
          return splitPathRe.exec(filename).slice(1);
        }, normalizeArray: (parts, allowAboveRoot) => {
          var up = 0;
          for (var i = parts.length - 1; i >= 0; i--) {
            var last = parts[i];
            if (last === ".") {
              parts.splice(i, 1);
            } else if (last === "..") {
              parts.splice(i, 1);
              up++;
            } else if (up) {
              parts.splice(i, 1);
              up--;
            }
          }
          if (allowAboveRoot) {
            for (; up; up--) {
              parts.unshift("..");
            }
          }
          return parts;
        }, normalize: (path) => {
          var isAbsolute = PATH.isAbs(path), trailingSlash = path.slice(-1) === "/";
          path = PATH.normalizeArray(path.split("/").filter((p) => !!p), !isAbsolute).join("/");
          if (!path && !isAbsolute) {
            path = ".";
          }
          if (path && trailingSlash) {
            path += "/";
          }
          return (isAbsolute ? "/" : "") + path;
        }, dirname: (path) => {
          var result = PATH.splitPath(path), root = result[0], dir = result[1];
          if (!root && !dir) {
            return ".";
          }
          if (dir) {
            dir = dir.slice(0, -1);
          }
          return root + dir;
        }, basename: (path) => path && path.match(/([^\/]+|\/)\/*$/)[1], join: (...paths) => PATH.normalize(paths.join("/")), join2: (l, r) => PATH.normalize(l + "/" + r) };
        var initRandomFill = () => {
          if (ENVIRONMENT_IS_NODE) {
            var nodeCrypto = __require("node:crypto");
            return (view) => (nodeCrypto.randomFillSync(view), 0);
          }
          return (view) => (crypto.getRandomValues(view), 0);
        };
        var randomFill = (view) => (randomFill = initRandomFill())(view);
        var PATH_FS = { resolve: (...args) => {
          var resolvedPath = "", resolvedAbsolute = false;
          for (var i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
            var path = i >= 0 ? args[i] : FS.cwd();
            if (typeof path != "string") {
              throw new TypeError("Arguments to path.resolve must be strings");
            } else if (!path) {
              return "";
            }
            resolvedPath = path + "/" + resolvedPath;
            resolvedAbsolute = PATH.isAbs(path);
          }
          resolvedPath = PATH.normalizeArray(resolvedPath.split("/").filter((p) => !!p), !resolvedAbsolute).join("/");
          return (resolvedAbsolute ? "/" : "") + resolvedPath || ".";
        }, relative: (from, to) => {
          from = PATH_FS.resolve(from).slice(1);
          to = PATH_FS.resolve(to).slice(1);
          function trim(arr) {
            var start = 0;
            for (; start < arr.length; start++) {
              if (arr[start] !== "") break;
            }
            var end = arr.length - 1;
            for (; end >= 0; end--) {
              if (arr[end] !== "") break;
            }
            if (start > end) return [];
            return arr.slice(start, end - start + 1);
          }
          var fromParts = trim(from.split("/"));
          var toParts = trim(to.split("/"));
          var length = Math.min(fromParts.length, toParts.length);
          var samePartsLength = length;
          for (var i = 0; i < length; i++) {
            if (fromParts[i] !== toParts[i]) {
              samePartsLength = i;
              break;
            }
          }
          var outputParts = [];
          for (var i = samePartsLength; i < fromParts.length; i++) {
            outputParts.push("..");
          }
          outputParts = outputParts.concat(toParts.slice(samePartsLength));
          return outputParts.join("/");
        } };
        var FS_stdin_getChar_buffer = [];
        var lengthBytesUTF8 = (str4) => {
          var len = 0;
          for (var i = 0; i < str4.length; ++i) {
            var c = str4.charCodeAt(i);
            if (c <= 127) {
              len++;
            } else if (c <= 2047) {
              len += 2;
            } else if (c >= 55296 && c <= 57343) {
              len += 4;
              ++i;
            } else {
              len += 3;
            }
          }
          return len;
        };
        var stringToUTF8Array = (str4, heap, outIdx, maxBytesToWrite) => {
          if (!(maxBytesToWrite > 0)) return 0;
          var startIdx = outIdx;
          var endIdx = outIdx + maxBytesToWrite - 1;
          for (var i = 0; i < str4.length; ++i) {
            var u = str4.codePointAt(i);
            if (u <= 127) {
              if (outIdx >= endIdx) break;
              heap[outIdx++] = u;
            } else if (u <= 2047) {
              if (outIdx + 1 >= endIdx) break;
              heap[outIdx++] = 192 | u >> 6;
              heap[outIdx++] = 128 | u & 63;
            } else if (u <= 65535) {
              if (outIdx + 2 >= endIdx) break;
              heap[outIdx++] = 224 | u >> 12;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            } else {
              if (outIdx + 3 >= endIdx) break;
              heap[outIdx++] = 240 | u >> 18;
              heap[outIdx++] = 128 | u >> 12 & 63;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
              i++;
            }
          }
          heap[outIdx] = 0;
          return outIdx - startIdx;
        };
        var intArrayFromString = (stringy, dontAddNull, length) => {
          var len = length > 0 ? length : lengthBytesUTF8(stringy) + 1;
          var u8array = new Array(len);
          var numBytesWritten = stringToUTF8Array(stringy, u8array, 0, u8array.length);
          if (dontAddNull) u8array.length = numBytesWritten;
          return u8array;
        };
        var FS_stdin_getChar = () => {
          if (!FS_stdin_getChar_buffer.length) {
            var result = null;
            if (ENVIRONMENT_IS_NODE) {
              var BUFSIZE = 256;
              var buf = Buffer.alloc(BUFSIZE);
              var bytesRead = 0;
              var fd = process.stdin.fd;
              try {
                bytesRead = fs.readSync(fd, buf, 0, BUFSIZE);
              } catch (e) {
                if (e.toString().includes("EOF")) bytesRead = 0;
                else throw e;
              }
              if (bytesRead > 0) {
                result = buf.slice(0, bytesRead).toString("utf-8");
              }
            } else if (globalThis.window?.prompt) {
              result = window.prompt("Input: ");
              if (result !== null) {
                result += "\n";
              }
            } else {
            }
            if (!result) {
              return null;
            }
            FS_stdin_getChar_buffer = intArrayFromString(result, true);
          }
          return FS_stdin_getChar_buffer.shift();
        };
        var TTY = { ttys: [], init() {
        }, shutdown() {
        }, register(dev, ops) {
          TTY.ttys[dev] = { input: [], output: [], ops };
          FS.registerDevice(dev, TTY.stream_ops);
        }, stream_ops: { open(stream) {
          var tty = TTY.ttys[stream.node.rdev];
          if (!tty) {
            throw new FS.ErrnoError(43);
          }
          stream.tty = tty;
          stream.seekable = false;
        }, close(stream) {
          stream.tty.ops.fsync(stream.tty);
        }, fsync(stream) {
          stream.tty.ops.fsync(stream.tty);
        }, read(stream, buffer, offset, length, pos) {
          if (!stream.tty || !stream.tty.ops.get_char) {
            throw new FS.ErrnoError(60);
          }
          var bytesRead = 0;
          for (var i = 0; i < length; i++) {
            var result;
            try {
              result = stream.tty.ops.get_char(stream.tty);
            } catch (e) {
              throw new FS.ErrnoError(29);
            }
            if (result === void 0 && bytesRead === 0) {
              throw new FS.ErrnoError(6);
            }
            if (result === null || result === void 0) break;
            bytesRead++;
            buffer[offset + i] = result;
          }
          if (bytesRead) {
            stream.node.atime = Date.now();
          }
          return bytesRead;
        }, write(stream, buffer, offset, length, pos) {
          if (!stream.tty || !stream.tty.ops.put_char) {
            throw new FS.ErrnoError(60);
          }
          try {
            for (var i = 0; i < length; i++) {
              stream.tty.ops.put_char(stream.tty, buffer[offset + i]);
            }
          } catch (e) {
            throw new FS.ErrnoError(29);
          }
          if (length) {
            stream.node.mtime = stream.node.ctime = Date.now();
          }
          return i;
        } }, default_tty_ops: { get_char(tty) {
          return FS_stdin_getChar();
        }, put_char(tty, val) {
          if (val === null || val === 10) {
            out(UTF8ArrayToString(tty.output));
            tty.output = [];
          } else {
            if (val != 0) tty.output.push(val);
          }
        }, fsync(tty) {
          if (tty.output?.length > 0) {
            out(UTF8ArrayToString(tty.output));
            tty.output = [];
          }
        }, ioctl_tcgets(tty) {
          return { c_iflag: 25856, c_oflag: 5, c_cflag: 191, c_lflag: 35387, c_cc: [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
        }, ioctl_tcsets(tty, optional_actions, data) {
          return 0;
        }, ioctl_tiocgwinsz(tty) {
          return [24, 80];
        } }, default_tty1_ops: { put_char(tty, val) {
          if (val === null || val === 10) {
            err(UTF8ArrayToString(tty.output));
            tty.output = [];
          } else {
            if (val != 0) tty.output.push(val);
          }
        }, fsync(tty) {
          if (tty.output?.length > 0) {
            err(UTF8ArrayToString(tty.output));
            tty.output = [];
          }
        } } };
        var mmapAlloc = (size) => {
          abort();
        };
        var MEMFS = { ops_table: null, mount(mount) {
          return MEMFS.createNode(null, "/", 16895, 0);
        }, createNode(parent, name, mode, dev) {
          if (FS.isBlkdev(mode) || FS.isFIFO(mode)) {
            throw new FS.ErrnoError(63);
          }
          MEMFS.ops_table ||= { dir: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, lookup: MEMFS.node_ops.lookup, mknod: MEMFS.node_ops.mknod, rename: MEMFS.node_ops.rename, unlink: MEMFS.node_ops.unlink, rmdir: MEMFS.node_ops.rmdir, readdir: MEMFS.node_ops.readdir, symlink: MEMFS.node_ops.symlink }, stream: { llseek: MEMFS.stream_ops.llseek } }, file: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: { llseek: MEMFS.stream_ops.llseek, read: MEMFS.stream_ops.read, write: MEMFS.stream_ops.write, mmap: MEMFS.stream_ops.mmap, msync: MEMFS.stream_ops.msync } }, link: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, readlink: MEMFS.node_ops.readlink }, stream: {} }, chrdev: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: FS.chrdev_stream_ops } };
          var node = FS.createNode(parent, name, mode, dev);
          if (FS.isDir(node.mode)) {
            node.node_ops = MEMFS.ops_table.dir.node;
            node.stream_ops = MEMFS.ops_table.dir.stream;
            node.contents = {};
          } else if (FS.isFile(node.mode)) {
            node.node_ops = MEMFS.ops_table.file.node;
            node.stream_ops = MEMFS.ops_table.file.stream;
            node.usedBytes = 0;
            node.contents = MEMFS.emptyFileContents ??= new Uint8Array(0);
          } else if (FS.isLink(node.mode)) {
            node.node_ops = MEMFS.ops_table.link.node;
            node.stream_ops = MEMFS.ops_table.link.stream;
          } else if (FS.isChrdev(node.mode)) {
            node.node_ops = MEMFS.ops_table.chrdev.node;
            node.stream_ops = MEMFS.ops_table.chrdev.stream;
          }
          node.atime = node.mtime = node.ctime = Date.now();
          if (parent) {
            parent.contents[name] = node;
            parent.atime = parent.mtime = parent.ctime = node.atime;
          }
          return node;
        }, getFileDataAsTypedArray(node) {
          return node.contents.subarray(0, node.usedBytes);
        }, expandFileStorage(node, newCapacity) {
          var prevCapacity = node.contents.length;
          if (prevCapacity >= newCapacity) return;
          var CAPACITY_DOUBLING_MAX = 1024 * 1024;
          newCapacity = Math.max(newCapacity, prevCapacity * (prevCapacity < CAPACITY_DOUBLING_MAX ? 2 : 1.125) >>> 0);
          if (prevCapacity) newCapacity = Math.max(newCapacity, 256);
          var oldContents = MEMFS.getFileDataAsTypedArray(node);
          node.contents = new Uint8Array(newCapacity);
          node.contents.set(oldContents);
        }, resizeFileStorage(node, newSize) {
          if (node.usedBytes == newSize) return;
          var oldContents = node.contents;
          node.contents = new Uint8Array(newSize);
          node.contents.set(oldContents.subarray(0, Math.min(newSize, node.usedBytes)));
          node.usedBytes = newSize;
        }, node_ops: { getattr(node) {
          var attr = {};
          attr.dev = FS.isChrdev(node.mode) ? node.id : 1;
          attr.ino = node.id;
          attr.mode = node.mode;
          attr.nlink = 1;
          attr.uid = 0;
          attr.gid = 0;
          attr.rdev = node.rdev;
          if (FS.isDir(node.mode)) {
            attr.size = 4096;
          } else if (FS.isFile(node.mode)) {
            attr.size = node.usedBytes;
          } else if (FS.isLink(node.mode)) {
            attr.size = node.link.length;
          } else {
            attr.size = 0;
          }
          attr.atime = new Date(node.atime);
          attr.mtime = new Date(node.mtime);
          attr.ctime = new Date(node.ctime);
          attr.blksize = 4096;
          attr.blocks = Math.ceil(attr.size / attr.blksize);
          return attr;
        }, setattr(node, attr) {
          for (const key of ["mode", "atime", "mtime", "ctime"]) {
            if (attr[key] != null) {
              node[key] = attr[key];
            }
          }
          if (attr.size !== void 0) {
            MEMFS.resizeFileStorage(node, attr.size);
          }
        }, lookup(parent, name) {
          if (!MEMFS.doesNotExistError) {
            MEMFS.doesNotExistError = new FS.ErrnoError(44);
            MEMFS.doesNotExistError.stack = "<generic error, no stack>";
          }
          throw MEMFS.doesNotExistError;
        }, mknod(parent, name, mode, dev) {
          return MEMFS.createNode(parent, name, mode, dev);
        }, rename(old_node, new_dir, new_name) {
          var new_node;
          try {
            new_node = FS.lookupNode(new_dir, new_name);
          } catch (e) {
          }
          if (new_node) {
            if (FS.isDir(old_node.mode)) {
              for (var i in new_node.contents) {
                throw new FS.ErrnoError(55);
              }
            }
            FS.hashRemoveNode(new_node);
          }
          delete old_node.parent.contents[old_node.name];
          new_dir.contents[new_name] = old_node;
          old_node.name = new_name;
          new_dir.ctime = new_dir.mtime = old_node.parent.ctime = old_node.parent.mtime = Date.now();
        }, unlink(parent, name) {
          delete parent.contents[name];
          parent.ctime = parent.mtime = Date.now();
        }, rmdir(parent, name) {
          var node = FS.lookupNode(parent, name);
          for (var i in node.contents) {
            throw new FS.ErrnoError(55);
          }
          delete parent.contents[name];
          parent.ctime = parent.mtime = Date.now();
        }, readdir(node) {
          return [".", "..", ...Object.keys(node.contents)];
        }, symlink(parent, newname, oldpath) {
          var node = MEMFS.createNode(parent, newname, 511 | 40960, 0);
          node.link = oldpath;
          return node;
        }, readlink(node) {
          if (!FS.isLink(node.mode)) {
            throw new FS.ErrnoError(28);
          }
          return node.link;
        } }, stream_ops: { read(stream, buffer, offset, length, position) {
          var contents = stream.node.contents;
          if (position >= stream.node.usedBytes) return 0;
          var size = Math.min(stream.node.usedBytes - position, length);
          buffer.set(contents.subarray(position, position + size), offset);
          return size;
        }, write(stream, buffer, offset, length, position, canOwn) {
          if (buffer.buffer === HEAP8.buffer) {
            canOwn = false;
          }
          if (!length) return 0;
          var node = stream.node;
          node.mtime = node.ctime = Date.now();
          if (canOwn) {
            node.contents = buffer.subarray(offset, offset + length);
            node.usedBytes = length;
          } else if (node.usedBytes === 0 && position === 0) {
            node.contents = buffer.slice(offset, offset + length);
            node.usedBytes = length;
          } else {
            MEMFS.expandFileStorage(node, position + length);
            node.contents.set(buffer.subarray(offset, offset + length), position);
            node.usedBytes = Math.max(node.usedBytes, position + length);
          }
          return length;
        }, llseek(stream, offset, whence) {
          var position = offset;
          if (whence === 1) {
            position += stream.position;
          } else if (whence === 2) {
            if (FS.isFile(stream.node.mode)) {
              position += stream.node.usedBytes;
            }
          }
          if (position < 0) {
            throw new FS.ErrnoError(28);
          }
          return position;
        }, mmap(stream, length, position, prot, flags) {
          if (!FS.isFile(stream.node.mode)) {
            throw new FS.ErrnoError(43);
          }
          var ptr;
          var allocated;
          var contents = stream.node.contents;
          if (!(flags & 2) && contents.buffer === HEAP8.buffer) {
            allocated = false;
            ptr = contents.byteOffset;
          } else {
            allocated = true;
            ptr = mmapAlloc(length);
            if (!ptr) {
              throw new FS.ErrnoError(48);
            }
            if (contents) {
              if (position > 0 || position + length < contents.length) {
                if (contents.subarray) {
                  contents = contents.subarray(position, position + length);
                } else {
                  contents = Array.prototype.slice.call(contents, position, position + length);
                }
              }
              HEAP8.set(contents, ptr);
            }
          }
          return { ptr, allocated };
        }, msync(stream, buffer, offset, length, mmapFlags) {
          MEMFS.stream_ops.write(stream, buffer, 0, length, offset, false);
          return 0;
        } } };
        var FS_modeStringToFlags = (str4) => {
          if (typeof str4 != "string") return str4;
          var flagModes = { r: 0, "r+": 2, w: 512 | 64 | 1, "w+": 512 | 64 | 2, a: 1024 | 64 | 1, "a+": 1024 | 64 | 2 };
          var flags = flagModes[str4];
          if (typeof flags == "undefined") {
            throw new Error(`Unknown file open mode: ${str4}`);
          }
          return flags;
        };
        var FS_fileDataToTypedArray = (data) => {
          if (typeof data == "string") {
            data = intArrayFromString(data, true);
          }
          if (!data.subarray) {
            data = new Uint8Array(data);
          }
          return data;
        };
        var FS_getMode = (canRead, canWrite) => {
          var mode = 0;
          if (canRead) mode |= 292 | 73;
          if (canWrite) mode |= 146;
          return mode;
        };
        var asyncLoad = async (url) => {
          var arrayBuffer = await readAsync(url);
          return new Uint8Array(arrayBuffer);
        };
        var FS_createDataFile = (...args) => FS.createDataFile(...args);
        var getUniqueRunDependency = (id) => id;
        var dependenciesPromise = null;
        var resolveRunDependencies = async () => dependenciesPromise;
        var runDependencies = 0;
        var dependenciesPromiseResolve = null;
        var removeRunDependency = (id) => {
          runDependencies--;
          Module["monitorRunDependencies"]?.(runDependencies);
          if (!runDependencies) {
            dependenciesPromiseResolve();
          }
        };
        var addRunDependency = (id) => {
          if (!runDependencies) {
            dependenciesPromise = new Promise((resolve) => dependenciesPromiseResolve = resolve);
          }
          runDependencies++;
          Module["monitorRunDependencies"]?.(runDependencies);
        };
        var preloadPlugins = [];
        var FS_handledByPreloadPlugin = async (byteArray, fullname) => {
          if (typeof Browser != "undefined") Browser.init();
          for (var plugin of preloadPlugins) {
            if (plugin["canHandle"](fullname)) {
              return plugin["handle"](byteArray, fullname);
            }
          }
          return byteArray;
        };
        var FS_preloadFile = async (parent, name, url, canRead, canWrite, dontCreateFile, canOwn, preFinish) => {
          var fullname = name ? PATH_FS.resolve(PATH.join2(parent, name)) : parent;
          var dep = getUniqueRunDependency(`cp ${fullname}`);
          addRunDependency(dep);
          try {
            var byteArray = url;
            if (typeof url == "string") {
              byteArray = await asyncLoad(url);
            }
            byteArray = await FS_handledByPreloadPlugin(byteArray, fullname);
            preFinish?.();
            if (!dontCreateFile) {
              FS_createDataFile(parent, name, byteArray, canRead, canWrite, canOwn);
            }
          } finally {
            removeRunDependency(dep);
          }
        };
        var FS_createPreloadedFile = (parent, name, url, canRead, canWrite, onload, onerror, dontCreateFile, canOwn, preFinish) => {
          FS_preloadFile(parent, name, url, canRead, canWrite, dontCreateFile, canOwn, preFinish).then(onload).catch(onerror);
        };
        var FS = { root: null, mounts: [], devices: {}, streams: [], nextInode: 1, nameTable: null, currentPath: "/", initialized: false, ignorePermissions: true, filesystems: null, syncFSRequests: 0, ErrnoError: class {
          name = "ErrnoError";
          constructor(errno) {
            this.errno = errno;
          }
        }, FSStream: class {
          shared = {};
          get object() {
            return this.node;
          }
          set object(val) {
            this.node = val;
          }
          get isRead() {
            return (this.flags & 2097155) !== 1;
          }
          get isWrite() {
            return (this.flags & 2097155) !== 0;
          }
          get isAppend() {
            return this.flags & 1024;
          }
          get flags() {
            return this.shared.flags;
          }
          set flags(val) {
            this.shared.flags = val;
          }
          get position() {
            return this.shared.position;
          }
          set position(val) {
            this.shared.position = val;
          }
        }, FSNode: class {
          node_ops = {};
          stream_ops = {};
          readMode = 292 | 73;
          writeMode = 146;
          mounted = null;
          constructor(parent, name, mode, rdev) {
            if (!parent) {
              parent = this;
            }
            this.parent = parent;
            this.mount = parent.mount;
            this.id = FS.nextInode++;
            this.name = name;
            this.mode = mode;
            this.rdev = rdev;
            this.atime = this.mtime = this.ctime = Date.now();
          }
          get read() {
            return (this.mode & this.readMode) === this.readMode;
          }
          set read(val) {
            val ? this.mode |= this.readMode : this.mode &= ~this.readMode;
          }
          get write() {
            return (this.mode & this.writeMode) === this.writeMode;
          }
          set write(val) {
            val ? this.mode |= this.writeMode : this.mode &= ~this.writeMode;
          }
          get isFolder() {
            return FS.isDir(this.mode);
          }
          get isDevice() {
            return FS.isChrdev(this.mode);
          }
          addListener(cb, exclusive = false) {
            var entry = { cb, exclusive };
            var listeners = this.listeners ??= /* @__PURE__ */ new Set();
            listeners.add(entry);
            return { listeners, entry };
          }
          notifyListeners(flags) {
            if (!this.listeners) return;
            var excl;
            for (var entry of this.listeners) {
              if (entry.exclusive) (excl ||= []).push(entry);
              else entry.cb(flags);
            }
            if (excl) {
              var i = (this.exclTurn || 0) % excl.length;
              this.exclTurn = i + 1;
              excl[i].cb(flags);
            }
          }
        }, lookupPath(path, opts = {}) {
          if (!path) {
            throw new FS.ErrnoError(44);
          }
          opts.follow_mount ??= true;
          if (!PATH.isAbs(path)) {
            path = FS.cwd() + "/" + path;
          }
          linkloop: for (var nlinks = 0; nlinks < 40; nlinks++) {
            var parts = path.split("/").filter((p) => !!p);
            var current = FS.root;
            var current_path = "/";
            for (var i = 0; i < parts.length; i++) {
              var islast = i === parts.length - 1;
              if (islast && opts.parent) {
                break;
              }
              if (parts[i] === ".") {
                continue;
              }
              if (parts[i] === "..") {
                current_path = PATH.dirname(current_path);
                if (FS.isRoot(current)) {
                  path = current_path + "/" + parts.slice(i + 1).join("/");
                  nlinks--;
                  continue linkloop;
                } else {
                  current = current.parent;
                }
                continue;
              }
              current_path = PATH.join2(current_path, parts[i]);
              try {
                current = FS.lookupNode(current, parts[i]);
              } catch (e) {
                if (e?.errno === 44 && islast && opts.noent_okay) {
                  return { path: current_path };
                }
                throw e;
              }
              if (FS.isMountpoint(current) && (!islast || opts.follow_mount)) {
                current = current.mounted.root;
              }
              if (FS.isLink(current.mode) && (!islast || opts.follow)) {
                if (!current.node_ops.readlink) {
                  throw new FS.ErrnoError(52);
                }
                var link = current.node_ops.readlink(current);
                if (!PATH.isAbs(link)) {
                  link = PATH.dirname(current_path) + "/" + link;
                }
                path = link + "/" + parts.slice(i + 1).join("/");
                continue linkloop;
              }
            }
            return { path: current_path, node: current };
          }
          throw new FS.ErrnoError(32);
        }, getPath(node) {
          var path;
          while (true) {
            if (FS.isRoot(node)) {
              var mount = node.mount.mountpoint;
              if (!path) return mount;
              return mount[mount.length - 1] !== "/" ? `${mount}/${path}` : mount + path;
            }
            path = path ? `${node.name}/${path}` : node.name;
            node = node.parent;
          }
        }, hashName(parentid, name) {
          var hash = 0;
          for (var i = 0; i < name.length; i++) {
            hash = (hash << 5) - hash + name.charCodeAt(i) | 0;
          }
          return (parentid + hash >>> 0) % FS.nameTable.length;
        }, hashAddNode(node) {
          var hash = FS.hashName(node.parent.id, node.name);
          node.name_next = FS.nameTable[hash];
          FS.nameTable[hash] = node;
        }, hashRemoveNode(node) {
          var hash = FS.hashName(node.parent.id, node.name);
          if (FS.nameTable[hash] === node) {
            FS.nameTable[hash] = node.name_next;
          } else {
            var current = FS.nameTable[hash];
            while (current) {
              if (current.name_next === node) {
                current.name_next = node.name_next;
                break;
              }
              current = current.name_next;
            }
          }
        }, lookupNode(parent, name) {
          var errCode = FS.mayLookup(parent);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          var hash = FS.hashName(parent.id, name);
          for (var node = FS.nameTable[hash]; node; node = node.name_next) {
            var nodeName = node.name;
            if (node.parent.id === parent.id && nodeName === name) {
              return node;
            }
          }
          return FS.lookup(parent, name);
        }, createNode(parent, name, mode, rdev) {
          var node = new FS.FSNode(parent, name, mode, rdev);
          FS.hashAddNode(node);
          return node;
        }, destroyNode(node) {
          FS.hashRemoveNode(node);
        }, isRoot(node) {
          return node === node.parent;
        }, isMountpoint(node) {
          return !!node.mounted;
        }, isFile(mode) {
          return (mode & 61440) === 32768;
        }, isDir(mode) {
          return (mode & 61440) === 16384;
        }, isLink(mode) {
          return (mode & 61440) === 40960;
        }, isChrdev(mode) {
          return (mode & 61440) === 8192;
        }, isBlkdev(mode) {
          return (mode & 61440) === 24576;
        }, isFIFO(mode) {
          return (mode & 61440) === 4096;
        }, isSocket(mode) {
          return (mode & 49152) === 49152;
        }, flagsToPermissionString(flag) {
          var perms = ["r", "w", "rw"][flag & 3];
          if (flag & 512) {
            perms += "w";
          }
          return perms;
        }, nodePermissions(node, perms) {
          if (FS.ignorePermissions) {
            return 0;
          }
          if (perms.includes("r") && !(node.mode & 292)) {
            return 2;
          }
          if (perms.includes("w") && !(node.mode & 146)) {
            return 2;
          }
          if (perms.includes("x") && !(node.mode & 73)) {
            return 2;
          }
          return 0;
        }, mayLookup(dir) {
          if (!FS.isDir(dir.mode)) return 54;
          var errCode = FS.nodePermissions(dir, "x");
          if (errCode) return errCode;
          if (!dir.node_ops.lookup) return 2;
          return 0;
        }, mayCreate(dir, name) {
          if (!FS.isDir(dir.mode)) {
            return 54;
          }
          try {
            var node = FS.lookupNode(dir, name);
            return 20;
          } catch (e) {
          }
          return FS.nodePermissions(dir, "wx");
        }, mayDelete(dir, name, isdir) {
          var node;
          try {
            node = FS.lookupNode(dir, name);
          } catch (e) {
            return e.errno;
          }
          var errCode = FS.nodePermissions(dir, "wx");
          if (errCode) {
            return errCode;
          }
          if (isdir) {
            if (!FS.isDir(node.mode)) {
              return 54;
            }
            if (FS.isRoot(node) || FS.getPath(node) === FS.cwd()) {
              return 10;
            }
          } else if (FS.isDir(node.mode)) {
            return 31;
          }
          return 0;
        }, mayOpen(node, flags) {
          if (!node) {
            return 44;
          }
          if (FS.isLink(node.mode)) {
            return 32;
          }
          var mode = FS.flagsToPermissionString(flags);
          if (FS.isDir(node.mode)) {
            if (mode !== "r" || flags & (512 | 64)) {
              return 31;
            }
          }
          return FS.nodePermissions(node, mode);
        }, checkOpExists(op, err2) {
          if (!op) {
            throw new FS.ErrnoError(err2);
          }
          return op;
        }, MAX_OPEN_FDS: 4096, nextfd() {
          for (var fd = 0; fd <= FS.MAX_OPEN_FDS; fd++) {
            if (!FS.streams[fd]) {
              return fd;
            }
          }
          throw new FS.ErrnoError(33);
        }, getStreamChecked(fd) {
          var stream = FS.getStream(fd);
          if (!stream) {
            throw new FS.ErrnoError(8);
          }
          return stream;
        }, getStream: (fd) => FS.streams[fd], createStream(stream, fd = -1) {
          stream = Object.assign(new FS.FSStream(), stream);
          if (fd == -1) {
            fd = FS.nextfd();
          }
          stream.fd = fd;
          FS.streams[fd] = stream;
          return stream;
        }, closeStream(fd) {
          FS.streams[fd] = null;
        }, dupStream(origStream, fd = -1) {
          var stream = FS.createStream(origStream, fd);
          stream.stream_ops?.dup?.(stream);
          return stream;
        }, doSetAttr(stream, node, attr) {
          var setattr = stream?.stream_ops.setattr;
          var arg = setattr ? stream : node;
          setattr ??= node.node_ops.setattr;
          FS.checkOpExists(setattr, 63);
          try {
            setattr(arg, attr);
          } catch (e) {
            if (e instanceof RangeError) {
              throw new FS.ErrnoError(22);
            }
            throw e;
          }
        }, chrdev_stream_ops: { open(stream) {
          var device = FS.getDevice(stream.node.rdev);
          stream.stream_ops = device.stream_ops;
          stream.stream_ops.open?.(stream);
        }, llseek() {
          throw new FS.ErrnoError(70);
        } }, major: (dev) => dev >> 8, minor: (dev) => dev & 255, makedev: (ma, mi) => ma << 8 | mi, registerDevice(dev, ops) {
          FS.devices[dev] = { stream_ops: ops };
        }, getDevice: (dev) => FS.devices[dev], getMounts(mount) {
          var mounts = [];
          var check = [mount];
          while (check.length) {
            var m = check.pop();
            mounts.push(m);
            check.push(...m.mounts);
          }
          return mounts;
        }, syncfs(populate, callback) {
          if (typeof populate == "function") {
            callback = populate;
            populate = false;
          }
          FS.syncFSRequests++;
          if (FS.syncFSRequests > 1) {
            err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);
          }
          var mounts = FS.getMounts(FS.root.mount);
          var completed = 0;
          function doCallback(errCode) {
            FS.syncFSRequests--;
            return callback(errCode);
          }
          function done(errCode) {
            if (errCode) {
              if (!done.errored) {
                done.errored = true;
                return doCallback(errCode);
              }
              return;
            }
            if (++completed >= mounts.length) {
              doCallback(null);
            }
          }
          for (var mount of mounts) {
            if (mount.type.syncfs) {
              mount.type.syncfs(mount, populate, done);
            } else {
              done(null);
            }
          }
        }, mount(type, opts, mountpoint) {
          var root = mountpoint === "/";
          var pseudo = !mountpoint;
          var node;
          if (root && FS.root) {
            throw new FS.ErrnoError(10);
          } else if (!root && !pseudo) {
            var lookup = FS.lookupPath(mountpoint, { follow_mount: false });
            mountpoint = lookup.path;
            node = lookup.node;
            if (FS.isMountpoint(node)) {
              throw new FS.ErrnoError(10);
            }
            if (!FS.isDir(node.mode)) {
              throw new FS.ErrnoError(54);
            }
          }
          var mount = { type, opts, mountpoint, mounts: [] };
          var mountRoot = type.mount(mount);
          mountRoot.mount = mount;
          mount.root = mountRoot;
          if (root) {
            FS.root = mountRoot;
          } else if (node) {
            node.mounted = mount;
            if (node.mount) {
              node.mount.mounts.push(mount);
            }
          }
          return mountRoot;
        }, unmount(mountpoint) {
          var lookup = FS.lookupPath(mountpoint, { follow_mount: false });
          if (!FS.isMountpoint(lookup.node)) {
            throw new FS.ErrnoError(28);
          }
          var node = lookup.node;
          var mount = node.mounted;
          var mounts = FS.getMounts(mount);
          for (var [hash, current] of Object.entries(FS.nameTable)) {
            while (current) {
              var next = current.name_next;
              if (mounts.includes(current.mount)) {
                FS.destroyNode(current);
              }
              current = next;
            }
          }
          node.mounted = null;
          var idx = node.mount.mounts.indexOf(mount);
          node.mount.mounts.splice(idx, 1);
        }, lookup(parent, name) {
          return parent.node_ops.lookup(parent, name);
        }, mknod(path, mode, dev) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          var name = PATH.basename(path);
          if (!name) {
            throw new FS.ErrnoError(28);
          }
          if (name === "." || name === "..") {
            throw new FS.ErrnoError(20);
          }
          var errCode = FS.mayCreate(parent, name);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.mknod) {
            throw new FS.ErrnoError(63);
          }
          return parent.node_ops.mknod(parent, name, mode, dev);
        }, statfs(path) {
          return FS.statfsNode(FS.lookupPath(path, { follow: true }).node);
        }, statfsStream(stream) {
          return FS.statfsNode(stream.node);
        }, statfsNode(node) {
          var rtn = { bsize: 4096, frsize: 4096, blocks: 1e6, bfree: 5e5, bavail: 5e5, files: FS.nextInode, ffree: FS.nextInode - 1, fsid: 42, flags: 2, namelen: 255 };
          if (node.node_ops.statfs) {
            Object.assign(rtn, node.node_ops.statfs(node.mount.opts.root));
          }
          return rtn;
        }, create(path, mode = 438) {
          mode &= 4095;
          mode |= 32768;
          return FS.mknod(path, mode, 0);
        }, mkdir(path, mode = 511) {
          mode &= 511 | 512;
          mode |= 16384;
          return FS.mknod(path, mode, 0);
        }, mkdirTree(path, mode) {
          var dirs = path.split("/");
          var d = "";
          for (var dir of dirs) {
            if (!dir) continue;
            if (d || PATH.isAbs(path)) d += "/";
            d += dir;
            try {
              FS.mkdir(d, mode);
            } catch (e) {
              if (e.errno != 20) throw e;
            }
          }
        }, mkdev(path, mode, dev) {
          if (typeof dev == "undefined") {
            dev = mode;
            mode = 438;
          }
          mode |= 8192;
          return FS.mknod(path, mode, dev);
        }, symlink(oldpath, newpath) {
          if (!PATH_FS.resolve(oldpath)) {
            throw new FS.ErrnoError(44);
          }
          var lookup = FS.lookupPath(newpath, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var newname = PATH.basename(newpath);
          var errCode = FS.mayCreate(parent, newname);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.symlink) {
            throw new FS.ErrnoError(63);
          }
          return parent.node_ops.symlink(parent, newname, oldpath);
        }, link(oldpath, newpath, flags) {
          var lookup = FS.lookupPath(newpath, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var newname = PATH.basename(newpath);
          var errCode = FS.mayCreate(parent, newname);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.link) {
            throw new FS.ErrnoError(34);
          }
          return parent.node_ops.link(parent, newname, oldpath, flags);
        }, rename(old_path, new_path) {
          var old_dirname = PATH.dirname(old_path);
          var new_dirname = PATH.dirname(new_path);
          var old_name = PATH.basename(old_path);
          var new_name = PATH.basename(new_path);
          var lookup, old_dir, new_dir;
          lookup = FS.lookupPath(old_path, { parent: true });
          old_dir = lookup.node;
          lookup = FS.lookupPath(new_path, { parent: true });
          new_dir = lookup.node;
          if (!old_dir || !new_dir) throw new FS.ErrnoError(44);
          if (old_dir.mount !== new_dir.mount) {
            throw new FS.ErrnoError(75);
          }
          var old_node = FS.lookupNode(old_dir, old_name);
          var relative = PATH_FS.relative(old_path, new_dirname);
          if (relative.charAt(0) !== ".") {
            throw new FS.ErrnoError(28);
          }
          relative = PATH_FS.relative(new_path, old_dirname);
          if (relative.charAt(0) !== ".") {
            throw new FS.ErrnoError(55);
          }
          var new_node;
          try {
            new_node = FS.lookupNode(new_dir, new_name);
          } catch (e) {
          }
          if (old_node === new_node) {
            return;
          }
          var isdir = FS.isDir(old_node.mode);
          var errCode = FS.mayDelete(old_dir, old_name, isdir);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          errCode = new_node ? FS.mayDelete(new_dir, new_name, isdir) : FS.mayCreate(new_dir, new_name);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!old_dir.node_ops.rename) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(old_node) || new_node && FS.isMountpoint(new_node)) {
            throw new FS.ErrnoError(10);
          }
          if (new_dir !== old_dir) {
            errCode = FS.nodePermissions(old_dir, "w");
            if (errCode) {
              throw new FS.ErrnoError(errCode);
            }
          }
          FS.hashRemoveNode(old_node);
          try {
            old_dir.node_ops.rename(old_node, new_dir, new_name);
            old_node.parent = new_dir;
          } catch (e) {
            throw e;
          } finally {
            FS.hashAddNode(old_node);
          }
        }, rmdir(path) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          var name = PATH.basename(path);
          var node = FS.lookupNode(parent, name);
          var errCode = FS.mayDelete(parent, name, true);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.rmdir) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(node)) {
            throw new FS.ErrnoError(10);
          }
          parent.node_ops.rmdir(parent, name);
          FS.destroyNode(node);
        }, readdir(path) {
          var lookup = FS.lookupPath(path, { follow: true });
          var node = lookup.node;
          var readdir = FS.checkOpExists(node.node_ops.readdir, 54);
          return readdir(node);
        }, unlink(path) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var name = PATH.basename(path);
          var node = FS.lookupNode(parent, name);
          var errCode = FS.mayDelete(parent, name, false);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.unlink) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(node)) {
            throw new FS.ErrnoError(10);
          }
          parent.node_ops.unlink(parent, name);
          FS.destroyNode(node);
        }, readlink(path) {
          var lookup = FS.lookupPath(path);
          var link = lookup.node;
          if (!link) {
            throw new FS.ErrnoError(44);
          }
          if (!link.node_ops.readlink) {
            throw new FS.ErrnoError(28);
          }
          return link.node_ops.readlink(link);
        }, stat(path, dontFollow) {
          var lookup = FS.lookupPath(path, { follow: !dontFollow });
          var node = lookup.node;
          var getattr = FS.checkOpExists(node.node_ops.getattr, 63);
          return getattr(node);
        }, fstat(fd) {
          var stream = FS.getStreamChecked(fd);
          var node = stream.node;
          var getattr = stream.stream_ops.getattr;
          var arg = getattr ? stream : node;
          getattr ??= node.node_ops.getattr;
          FS.checkOpExists(getattr, 63);
          return getattr(arg);
        }, lstat(path) {
          return FS.stat(path, true);
        }, doChmod(stream, node, mode, dontFollow) {
          FS.doSetAttr(stream, node, { mode: mode & 4095 | node.mode & ~4095, ctime: Date.now(), dontFollow });
        }, chmod(path, mode, dontFollow) {
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: !dontFollow });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doChmod(null, node, mode, dontFollow);
        }, lchmod(path, mode) {
          FS.chmod(path, mode, true);
        }, fchmod(fd, mode) {
          var stream = FS.getStreamChecked(fd);
          FS.doChmod(stream, stream.node, mode, false);
        }, doChown(stream, node, dontFollow) {
          FS.doSetAttr(stream, node, { timestamp: Date.now(), dontFollow });
        }, chown(path, uid, gid, dontFollow) {
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: !dontFollow });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doChown(null, node, dontFollow);
        }, lchown(path, uid, gid) {
          FS.chown(path, uid, gid, true);
        }, fchown(fd, uid, gid) {
          var stream = FS.getStreamChecked(fd);
          FS.doChown(stream, stream.node, false);
        }, doTruncate(stream, node, len) {
          if (FS.isDir(node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!FS.isFile(node.mode)) {
            throw new FS.ErrnoError(28);
          }
          var errCode = FS.nodePermissions(node, "w");
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          FS.doSetAttr(stream, node, { size: len, timestamp: Date.now() });
        }, truncate(path, len) {
          if (len < 0) {
            throw new FS.ErrnoError(28);
          }
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: true });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doTruncate(null, node, len);
        }, ftruncate(fd, len) {
          var stream = FS.getStreamChecked(fd);
          if (len < 0 || (stream.flags & 2097155) === 0) {
            throw new FS.ErrnoError(28);
          }
          FS.doTruncate(stream, stream.node, len);
        }, utime(path, atime, mtime, dontFollow) {
          var lookup = FS.lookupPath(path, { follow: !dontFollow });
          FS.doSetAttr(null, lookup.node, { atime, mtime, dontFollow });
        }, open(path, flags, mode = 438) {
          if (path === "") {
            throw new FS.ErrnoError(44);
          }
          flags = FS_modeStringToFlags(flags);
          if (flags & 64) {
            mode = mode & 4095 | 32768;
          } else {
            mode = 0;
          }
          var node;
          var isDirPath;
          if (typeof path == "object") {
            node = path;
          } else {
            isDirPath = path.endsWith("/");
            var lookup = FS.lookupPath(path, { follow: !(flags & 131072), noent_okay: true });
            node = lookup.node;
            path = lookup.path;
          }
          var created = false;
          if (flags & 64) {
            if (node) {
              if (flags & 128) {
                throw new FS.ErrnoError(20);
              }
            } else if (isDirPath) {
              throw new FS.ErrnoError(31);
            } else {
              node = FS.mknod(path, mode | 511, 0);
              created = true;
            }
          }
          if (!node) {
            throw new FS.ErrnoError(44);
          }
          if (FS.isChrdev(node.mode)) {
            flags &= ~512;
          }
          if (flags & 65536 && !FS.isDir(node.mode)) {
            throw new FS.ErrnoError(54);
          }
          if (!created) {
            var errCode = FS.mayOpen(node, flags);
            if (errCode) {
              throw new FS.ErrnoError(errCode);
            }
          }
          if (flags & 512 && !created) {
            FS.truncate(node, 0);
          }
          flags &= ~(128 | 512 | 131072);
          var stream = FS.createStream({ node, path: FS.getPath(node), flags, seekable: true, position: 0, stream_ops: node.stream_ops, ungotten: [], error: false });
          if (stream.stream_ops.open) {
            stream.stream_ops.open(stream);
          }
          if (created) {
            FS.chmod(node, mode & 511);
          }
          return stream;
        }, close(stream) {
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if (stream.getdents) stream.getdents = null;
          stream.node?.notifyListeners(32);
          try {
            if (stream.stream_ops.close) {
              stream.stream_ops.close(stream);
            }
          } catch (e) {
            throw e;
          } finally {
            FS.closeStream(stream.fd);
          }
          stream.fd = null;
        }, isClosed(stream) {
          return stream.fd === null;
        }, llseek(stream, offset, whence) {
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if (!stream.seekable || !stream.stream_ops.llseek) {
            throw new FS.ErrnoError(70);
          }
          if (whence != 0 && whence != 1 && whence != 2) {
            throw new FS.ErrnoError(28);
          }
          stream.position = stream.stream_ops.llseek(stream, offset, whence);
          stream.ungotten = [];
          return stream.position;
        }, read(stream, buffer, offset, length, position) {
          if (length < 0 || position < 0) {
            throw new FS.ErrnoError(28);
          }
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if ((stream.flags & 2097155) === 1) {
            throw new FS.ErrnoError(8);
          }
          if (FS.isDir(stream.node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!stream.stream_ops.read) {
            throw new FS.ErrnoError(28);
          }
          var seeking = typeof position != "undefined";
          if (!seeking) {
            position = stream.position;
          } else if (!stream.seekable) {
            throw new FS.ErrnoError(70);
          }
          var bytesRead = stream.stream_ops.read(stream, buffer, offset, length, position);
          if (!seeking) stream.position += bytesRead;
          return bytesRead;
        }, write(stream, buffer, offset, length, position, canOwn) {
          if (length < 0 || position < 0) {
            throw new FS.ErrnoError(28);
          }
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if ((stream.flags & 2097155) === 0) {
            throw new FS.ErrnoError(8);
          }
          if (FS.isDir(stream.node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!stream.stream_ops.write) {
            throw new FS.ErrnoError(28);
          }
          if (stream.seekable && stream.flags & 1024) {
            FS.llseek(stream, 0, 2);
          }
          var seeking = typeof position != "undefined";
          if (!seeking) {
            position = stream.position;
          } else if (!stream.seekable) {
            throw new FS.ErrnoError(70);
          }
          var bytesWritten = stream.stream_ops.write(stream, buffer, offset, length, position, canOwn);
          if (!seeking) stream.position += bytesWritten;
          return bytesWritten;
        }, mmap(stream, length, position, prot, flags) {
          if ((prot & 2) !== 0 && (flags & 2) === 0 && (stream.flags & 2097155) !== 2) {
            throw new FS.ErrnoError(2);
          }
          if ((stream.flags & 2097155) === 1) {
            throw new FS.ErrnoError(2);
          }
          if (!stream.stream_ops.mmap) {
            throw new FS.ErrnoError(43);
          }
          if (!length) {
            throw new FS.ErrnoError(28);
          }
          return stream.stream_ops.mmap(stream, length, position, prot, flags);
        }, msync(stream, buffer, offset, length, mmapFlags) {
          if (!stream.stream_ops.msync) {
            return 0;
          }
          return stream.stream_ops.msync(stream, buffer, offset, length, mmapFlags);
        }, ioctl(stream, cmd, arg) {
          if (!stream.stream_ops.ioctl) {
            throw new FS.ErrnoError(59);
          }
          return stream.stream_ops.ioctl(stream, cmd, arg);
        }, readFile(path, opts = {}) {
          opts.flags = opts.flags ?? 0;
          opts.encoding = opts.encoding ?? "binary";
          if (opts.encoding !== "utf8" && opts.encoding !== "binary") {
            abort(`Invalid encoding type "${opts.encoding}"`);
          }
          var stream = FS.open(path, opts.flags);
          var stat = FS.stat(path);
          var length = stat.size;
          var buf = new Uint8Array(length);
          FS.read(stream, buf, 0, length, 0);
          if (opts.encoding === "utf8") {
            buf = UTF8ArrayToString(buf);
          }
          FS.close(stream);
          return buf;
        }, writeFile(path, data, opts = {}) {
          opts.flags = opts.flags ?? 577;
          var stream = FS.open(path, opts.flags, opts.mode);
          data = FS_fileDataToTypedArray(data);
          FS.write(stream, data, 0, data.byteLength, void 0, opts.canOwn);
          FS.close(stream);
        }, cwd: () => FS.currentPath, chdir(path) {
          var lookup = FS.lookupPath(path, { follow: true });
          if (lookup.node === null) {
            throw new FS.ErrnoError(44);
          }
          if (!FS.isDir(lookup.node.mode)) {
            throw new FS.ErrnoError(54);
          }
          var errCode = FS.nodePermissions(lookup.node, "x");
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          FS.currentPath = lookup.path;
        }, createDefaultDirectories() {
          FS.mkdir("/tmp");
          FS.mkdir("/home");
          FS.mkdir("/home/web_user");
        }, createDefaultDevices() {
          FS.mkdir("/dev");
          FS.registerDevice(FS.makedev(1, 3), { read: () => 0, write: (stream, buffer, offset, length, pos) => length, llseek: () => 0 });
          FS.mkdev("/dev/null", FS.makedev(1, 3));
          TTY.register(FS.makedev(5, 0), TTY.default_tty_ops);
          TTY.register(FS.makedev(6, 0), TTY.default_tty1_ops);
          FS.mkdev("/dev/tty", FS.makedev(5, 0));
          FS.mkdev("/dev/tty1", FS.makedev(6, 0));
          var randomBuffer = new Uint8Array(1024), randomLeft = 0;
          var randomByte = () => {
            if (randomLeft === 0) {
              randomFill(randomBuffer);
              randomLeft = randomBuffer.byteLength;
            }
            return randomBuffer[--randomLeft];
          };
          FS.createDevice("/dev", "random", randomByte);
          FS.createDevice("/dev", "urandom", randomByte);
          FS.mkdir("/dev/shm");
          FS.mkdir("/dev/shm/tmp");
        }, createSpecialDirectories() {
          FS.mkdir("/proc");
          var proc_self = FS.mkdir("/proc/self");
          FS.mkdir("/proc/self/fd");
          FS.mount({ mount() {
            var node = FS.createNode(proc_self, "fd", 16895, 73);
            node.stream_ops = { llseek: MEMFS.stream_ops.llseek };
            node.node_ops = { lookup(parent, name) {
              var fd = +name;
              var stream = FS.getStreamChecked(fd);
              var ret = { parent: null, mount: { mountpoint: "fake" }, node_ops: { readlink: () => stream.path }, id: fd + 1 };
              ret.parent = ret;
              return ret;
            }, readdir() {
              return Array.from(FS.streams.entries()).filter(([k, v]) => v).map(([k, v]) => k.toString());
            } };
            return node;
          } }, {}, "/proc/self/fd");
        }, createStandardStreams(input, output, error) {
          if (input) {
            FS.createDevice("/dev", "stdin", input);
          } else {
            FS.symlink("/dev/tty", "/dev/stdin");
          }
          if (output) {
            FS.createDevice("/dev", "stdout", null, output);
          } else {
            FS.symlink("/dev/tty", "/dev/stdout");
          }
          if (error) {
            FS.createDevice("/dev", "stderr", null, error);
          } else {
            FS.symlink("/dev/tty1", "/dev/stderr");
          }
          var stdin = FS.open("/dev/stdin", 0);
          var stdout = FS.open("/dev/stdout", 1);
          var stderr = FS.open("/dev/stderr", 1);
        }, staticInit() {
          FS.nameTable = new Array(4096);
          FS.mount(MEMFS, {}, "/");
          FS.createDefaultDirectories();
          FS.createDefaultDevices();
          FS.createSpecialDirectories();
          FS.filesystems = { MEMFS };
        }, init(input, output, error) {
          FS.initialized = true;
          input ??= Module["stdin"];
          output ??= Module["stdout"];
          error ??= Module["stderr"];
          FS.createStandardStreams(input, output, error);
        }, quit() {
          FS.initialized = false;
          for (var stream of FS.streams) {
            if (stream) {
              FS.close(stream);
            }
          }
        }, findObject(path, dontResolveLastLink) {
          var ret = FS.analyzePath(path, dontResolveLastLink);
          if (!ret.exists) {
            return null;
          }
          return ret.object;
        }, analyzePath(path, dontResolveLastLink) {
          try {
            var lookup = FS.lookupPath(path, { follow: !dontResolveLastLink });
            path = lookup.path;
          } catch (e) {
          }
          var ret = { isRoot: false, exists: false, error: 0, name: null, path: null, object: null, parentExists: false, parentPath: null, parentObject: null };
          try {
            var lookup = FS.lookupPath(path, { parent: true });
            ret.parentExists = true;
            ret.parentPath = lookup.path;
            ret.parentObject = lookup.node;
            ret.name = PATH.basename(path);
            lookup = FS.lookupPath(path, { follow: !dontResolveLastLink });
            ret.exists = true;
            ret.path = lookup.path;
            ret.object = lookup.node;
            ret.name = lookup.node.name;
            ret.isRoot = lookup.path === "/";
          } catch (e) {
            ret.error = e.errno;
          }
          return ret;
        }, createPath(parent, path, canRead, canWrite) {
          parent = typeof parent == "string" ? parent : FS.getPath(parent);
          var parts = path.split("/").reverse();
          while (parts.length) {
            var part = parts.pop();
            if (!part) continue;
            var current = PATH.join2(parent, part);
            try {
              FS.mkdir(current);
            } catch (e) {
              if (e.errno != 20) throw e;
            }
            parent = current;
          }
          return current;
        }, createFile(parent, name, properties, canRead, canWrite) {
          var path = PATH.join2(typeof parent == "string" ? parent : FS.getPath(parent), name);
          var mode = FS_getMode(canRead, canWrite);
          return FS.create(path, mode);
        }, createDataFile(parent, name, data, canRead, canWrite, canOwn) {
          var path = name;
          if (parent) {
            parent = typeof parent == "string" ? parent : FS.getPath(parent);
            path = name ? PATH.join2(parent, name) : parent;
          }
          var mode = FS_getMode(canRead, canWrite);
          var node = FS.create(path, mode);
          if (data) {
            data = FS_fileDataToTypedArray(data);
            FS.chmod(node, mode | 146);
            var stream = FS.open(node, 577);
            FS.write(stream, data, 0, data.length, 0, canOwn);
            FS.close(stream);
            FS.chmod(node, mode);
          }
        }, createDevice(parent, name, input, output) {
          var path = PATH.join2(typeof parent == "string" ? parent : FS.getPath(parent), name);
          var mode = FS_getMode(!!input, !!output);
          FS.createDevice.major ??= 64;
          var dev = FS.makedev(FS.createDevice.major++, 0);
          FS.registerDevice(dev, { open(stream) {
            stream.seekable = false;
          }, close(stream) {
            if (output?.buffer?.length) {
              output(10);
            }
          }, read(stream, buffer, offset, length, pos) {
            var bytesRead = 0;
            for (var i = 0; i < length; i++) {
              var result;
              try {
                result = input();
              } catch (e) {
                throw new FS.ErrnoError(29);
              }
              if (result === void 0 && bytesRead === 0) {
                throw new FS.ErrnoError(6);
              }
              if (result === null || result === void 0) break;
              bytesRead++;
              buffer[offset + i] = result;
            }
            if (bytesRead) {
              stream.node.atime = Date.now();
            }
            return bytesRead;
          }, write(stream, buffer, offset, length, pos) {
            for (var i = 0; i < length; i++) {
              try {
                output(buffer[offset + i]);
              } catch (e) {
                throw new FS.ErrnoError(29);
              }
            }
            if (length) {
              stream.node.mtime = stream.node.ctime = Date.now();
            }
            return i;
          } });
          return FS.mkdev(path, mode, dev);
        }, forceLoadFile(obj) {
          if (obj.isDevice || obj.isFolder || obj.link || obj.contents) return true;
          if (globalThis.XMLHttpRequest) {
            abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");
          } else {
            try {
              obj.contents = readBinary(obj.url);
            } catch (e) {
              throw new FS.ErrnoError(29);
            }
          }
        }, createLazyFile(parent, name, url, canRead, canWrite) {
          class LazyUint8Array {
            lengthKnown = false;
            chunks = [];
            get(idx) {
              if (idx > this.length - 1 || idx < 0) {
                return void 0;
              }
              var chunkOffset = idx % this.chunkSize;
              var chunkNum = idx / this.chunkSize | 0;
              return this.getter(chunkNum)[chunkOffset];
            }
            setDataGetter(getter) {
              this.getter = getter;
            }
            cacheLength() {
              var xhr = new XMLHttpRequest();
              xhr.open("HEAD", url, false);
              xhr.send(null);
              if (!(xhr.status >= 200 && xhr.status < 300 || xhr.status === 304)) abort("Couldn't load " + url + ". Status: " + xhr.status);
              var datalength = Number(xhr.getResponseHeader("Content-length"));
              var header;
              var hasByteServing = (header = xhr.getResponseHeader("Accept-Ranges")) && header === "bytes";
              var usesGzip = (header = xhr.getResponseHeader("Content-Encoding")) && header === "gzip";
              var chunkSize = 1024 * 1024;
              if (!hasByteServing) chunkSize = datalength;
              var doXHR = (from, to) => {
                if (from > to) abort(`invalid range (${from}, ${to}) or no bytes requested!`);
                if (to > datalength - 1) abort(`only ${datalength} bytes available! programmer error!`);
                var xhr2 = new XMLHttpRequest();
                xhr2.open("GET", url, false);
                if (datalength !== chunkSize) xhr2.setRequestHeader("Range", "bytes=" + from + "-" + to);
                xhr2.responseType = "arraybuffer";
                if (xhr2.overrideMimeType) {
                  xhr2.overrideMimeType("text/plain; charset=x-user-defined");
                }
                xhr2.send(null);
                if (!(xhr2.status >= 200 && xhr2.status < 300 || xhr2.status === 304)) abort("Couldn't load " + url + ". Status: " + xhr2.status);
                if (xhr2.response !== void 0) {
                  return new Uint8Array(xhr2.response || []);
                }
                return intArrayFromString(xhr2.responseText ?? "", true);
              };
              var lazyArray2 = this;
              lazyArray2.setDataGetter((chunkNum) => {
                var start = chunkNum * chunkSize;
                var end = (chunkNum + 1) * chunkSize - 1;
                end = Math.min(end, datalength - 1);
                if (typeof lazyArray2.chunks[chunkNum] == "undefined") {
                  lazyArray2.chunks[chunkNum] = doXHR(start, end);
                }
                if (typeof lazyArray2.chunks[chunkNum] == "undefined") abort("doXHR failed!");
                return lazyArray2.chunks[chunkNum];
              });
              if (usesGzip || !datalength) {
                chunkSize = datalength = 1;
                datalength = this.getter(0).length;
                chunkSize = datalength;
                out("LazyFiles on gzip forces download of the whole file when length is accessed");
              }
              this._length = datalength;
              this._chunkSize = chunkSize;
              this.lengthKnown = true;
            }
            get length() {
              if (!this.lengthKnown) {
                this.cacheLength();
              }
              return this._length;
            }
            get chunkSize() {
              if (!this.lengthKnown) {
                this.cacheLength();
              }
              return this._chunkSize;
            }
          }
          if (globalThis.XMLHttpRequest) {
            if (!ENVIRONMENT_IS_WORKER) abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");
            var lazyArray = new LazyUint8Array();
            var properties = { isDevice: false, contents: lazyArray };
          } else {
            var properties = { isDevice: false, url };
          }
          var node = FS.createFile(parent, name, properties, canRead, canWrite);
          if (properties.contents) {
            node.contents = properties.contents;
          } else if (properties.url) {
            node.contents = null;
            node.url = properties.url;
          }
          Object.defineProperties(node, { usedBytes: { get: function() {
            return this.contents.length;
          } } });
          var stream_ops = {};
          for (const [key, fn] of Object.entries(node.stream_ops)) {
            stream_ops[key] = (...args) => {
              FS.forceLoadFile(node);
              return fn(...args);
            };
          }
          function writeChunks(stream, buffer, offset, length, position) {
            var contents = stream.node.contents;
            if (position >= contents.length) return 0;
            var size = Math.min(contents.length - position, length);
            if (contents.slice) {
              for (var i = 0; i < size; i++) {
                buffer[offset + i] = contents[position + i];
              }
            } else {
              for (var i = 0; i < size; i++) {
                buffer[offset + i] = contents.get(position + i);
              }
            }
            return size;
          }
          stream_ops.read = (stream, buffer, offset, length, position) => {
            FS.forceLoadFile(node);
            return writeChunks(stream, buffer, offset, length, position);
          };
          stream_ops.mmap = (stream, length, position, prot, flags) => {
            FS.forceLoadFile(node);
            var ptr = mmapAlloc(length);
            if (!ptr) {
              throw new FS.ErrnoError(48);
            }
            writeChunks(stream, HEAP8, ptr, length, position);
            return { ptr, allocated: true };
          };
          node.stream_ops = stream_ops;
          return node;
        } };
        var SYSCALLS = { currentUmask: 18, calculateAt(dirfd, path, allowEmpty) {
          if (PATH.isAbs(path)) {
            return path;
          }
          var dir;
          if (dirfd === -100) {
            dir = FS.cwd();
          } else {
            var dirstream = SYSCALLS.getStreamFromFD(dirfd);
            dir = dirstream.path;
          }
          if (path.length == 0) {
            if (!allowEmpty) {
              throw new FS.ErrnoError(44);
            }
            return dir;
          }
          return dir + "/" + path;
        }, writeStat(buf, stat) {
          HEAPU32[buf >> 2] = stat.dev;
          HEAPU32[buf + 4 >> 2] = stat.mode;
          HEAPU32[buf + 8 >> 2] = stat.nlink;
          HEAPU32[buf + 12 >> 2] = stat.uid;
          HEAPU32[buf + 16 >> 2] = stat.gid;
          HEAPU32[buf + 20 >> 2] = stat.rdev;
          HEAP64[buf + 24 >> 3] = BigInt(stat.size);
          HEAP32[buf + 32 >> 2] = 4096;
          HEAP32[buf + 36 >> 2] = stat.blocks;
          var atime = stat.atime.getTime();
          var mtime = stat.mtime.getTime();
          var ctime = stat.ctime.getTime();
          HEAP64[buf + 40 >> 3] = BigInt(Math.floor(atime / 1e3));
          HEAPU32[buf + 48 >> 2] = atime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 56 >> 3] = BigInt(Math.floor(mtime / 1e3));
          HEAPU32[buf + 64 >> 2] = mtime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 72 >> 3] = BigInt(Math.floor(ctime / 1e3));
          HEAPU32[buf + 80 >> 2] = ctime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 88 >> 3] = BigInt(stat.ino);
          return 0;
        }, writeStatFs(buf, stats) {
          HEAPU32[buf + 4 >> 2] = stats.bsize;
          HEAPU32[buf + 60 >> 2] = stats.bsize;
          HEAP64[buf + 8 >> 3] = BigInt(stats.blocks);
          HEAP64[buf + 16 >> 3] = BigInt(stats.bfree);
          HEAP64[buf + 24 >> 3] = BigInt(stats.bavail);
          HEAP64[buf + 32 >> 3] = BigInt(stats.files);
          HEAP64[buf + 40 >> 3] = BigInt(stats.ffree);
          HEAPU32[buf + 48 >> 2] = stats.fsid;
          HEAPU32[buf + 64 >> 2] = stats.flags;
          HEAPU32[buf + 56 >> 2] = stats.namelen;
        }, doMsync(addr, stream, len, flags, offset) {
          if (!FS.isFile(stream.node.mode)) {
            throw new FS.ErrnoError(43);
          }
          if (flags & 2) {
            return 0;
          }
          var buffer = HEAPU8.subarray(addr, addr + len);
          FS.msync(stream, buffer, offset, len, flags);
        }, getStreamFromFD(fd) {
          var stream = FS.getStreamChecked(fd);
          return stream;
        }, varargs: void 0, getStr(ptr) {
          var ret = UTF8ToString(ptr);
          return ret;
        } };
        function _fd_close(fd) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            FS.close(stream);
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var doReadv = (stream, iov, iovcnt, offset) => {
          var ret = 0;
          for (var i = 0; i < iovcnt; i++) {
            var ptr = HEAPU32[iov >> 2];
            var len = HEAPU32[iov + 4 >> 2];
            iov += 8;
            try {
              var curr = FS.read(stream, HEAP8, ptr, len, offset);
            } catch (e) {
              if (ret > 0 && e instanceof FS.ErrnoError && (e.errno == 6 || e.errno == 6)) {
                break;
              }
              throw e;
            }
            if (curr < 0) return -1;
            ret += curr;
            if (curr < len) break;
            if (typeof offset != "undefined") {
              offset += curr;
            }
          }
          return ret;
        };
        function _fd_read(fd, iov, iovcnt, pnum) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            var num = doReadv(stream, iov, iovcnt);
            HEAPU32[pnum >> 2] = num;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var INT53_MAX = 9007199254740992;
        var INT53_MIN = -9007199254740992;
        var bigintToI53Checked = (num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num);
        function _fd_seek(fd, offset, whence, newOffset) {
          offset = bigintToI53Checked(offset);
          try {
            if (isNaN(offset)) return 22;
            var stream = SYSCALLS.getStreamFromFD(fd);
            FS.llseek(stream, offset, whence);
            HEAP64[newOffset >> 3] = BigInt(stream.position);
            if (stream.getdents && offset === 0 && whence === 0) stream.getdents = null;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var doWritev = (stream, iov, iovcnt, offset) => {
          if (iovcnt == 1) {
            return FS.write(stream, HEAP8, HEAPU32[iov >> 2], HEAPU32[iov + 4 >> 2], offset);
          }
          var total = 0;
          for (var i = 0, p = iov; i < iovcnt; i++, p += 8) {
            total += HEAPU32[p + 4 >> 2];
          }
          var view = new Uint8Array(total);
          var voff = 0;
          for (var i = 0; i < iovcnt; i++, iov += 8) {
            var ptr = HEAPU32[iov >> 2];
            var len = HEAPU32[iov + 4 >> 2];
            view.set(HEAPU8.subarray(ptr, ptr + len), voff);
            voff += len;
          }
          return FS.write(stream, view, 0, total, offset);
        };
        function _fd_write(fd, iov, iovcnt, pnum) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            var num = doWritev(stream, iov, iovcnt);
            HEAPU32[pnum >> 2] = num;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var wasmTableMirror = [];
        var getWasmTableEntry = (funcPtr) => {
          var func = wasmTableMirror[funcPtr];
          if (!func) {
            wasmTableMirror[funcPtr] = func = wasmTable.get(funcPtr);
          }
          return func;
        };
        var stringToUTF8 = (str4, outPtr, maxBytesToWrite) => stringToUTF8Array(str4, HEAPU8, outPtr, maxBytesToWrite);
        FS.createPreloadedFile = FS_createPreloadedFile;
        FS.preloadFile = FS_preloadFile;
        FS.staticInit();
        {
          if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
          if (Module["print"]) out = Module["print"];
          if (Module["printErr"]) err = Module["printErr"];
          if (Module["arguments"]) programArgs = Module["arguments"];
          if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
          var preInit = Module["preInit"];
          if (preInit) {
            if (typeof preInit == "function") Module["preInit"] = preInit = [preInit];
            while (preInit.length > 0) {
              preInit.shift()();
            }
          }
        }
        Module["getValue"] = getValue;
        Module["UTF8ToString"] = UTF8ToString;
        Module["stringToUTF8"] = stringToUTF8;
        Module["lengthBytesUTF8"] = lengthBytesUTF8;
        var _wasm_parse_query, _malloc, _free, _wasm_parse_query_raw, _wasm_free_parse_result, _wasm_parse_plpgsql, _wasm_fingerprint, _wasm_normalize_query, _wasm_parse_query_detailed, _wasm_free_detailed_result, _wasm_scan, _wasm_free_string, __emscripten_timeout, _setThrew, __emscripten_stack_restore, _emscripten_stack_get_current, memory, __indirect_function_table, wasmMemory, wasmTable;
        function assignWasmExports(wasmExports2) {
          _wasm_parse_query = Module["_wasm_parse_query"] = wasmExports2["B"];
          _malloc = Module["_malloc"] = wasmExports2["C"];
          _free = Module["_free"] = wasmExports2["E"];
          _wasm_parse_query_raw = Module["_wasm_parse_query_raw"] = wasmExports2["F"];
          _wasm_free_parse_result = Module["_wasm_free_parse_result"] = wasmExports2["G"];
          _wasm_parse_plpgsql = Module["_wasm_parse_plpgsql"] = wasmExports2["H"];
          _wasm_fingerprint = Module["_wasm_fingerprint"] = wasmExports2["I"];
          _wasm_normalize_query = Module["_wasm_normalize_query"] = wasmExports2["J"];
          _wasm_parse_query_detailed = Module["_wasm_parse_query_detailed"] = wasmExports2["K"];
          _wasm_free_detailed_result = Module["_wasm_free_detailed_result"] = wasmExports2["L"];
          _wasm_scan = Module["_wasm_scan"] = wasmExports2["M"];
          _wasm_free_string = Module["_wasm_free_string"] = wasmExports2["N"];
          __emscripten_timeout = wasmExports2["O"];
          _setThrew = wasmExports2["P"];
          __emscripten_stack_restore = wasmExports2["Q"];
          _emscripten_stack_get_current = wasmExports2["R"];
          memory = wasmMemory = wasmExports2["z"];
          __indirect_function_table = wasmTable = wasmExports2["D"];
        }
        var wasmImports = { c: ___assert_fail, x: __abort_js, w: __emscripten_runtime_keepalive_clear, p: __emscripten_throw_longjmp, o: __setitimer_js, q: _emscripten_resize_heap, m: _exit, u: _fd_close, r: _fd_read, s: _fd_seek, t: _fd_write, g: invoke_i, b: invoke_ii, a: invoke_iii, d: invoke_iiii, k: invoke_iiiii, l: invoke_ji, e: invoke_v, f: invoke_vi, h: invoke_vii, j: invoke_viii, i: invoke_viiii, y: invoke_viiiii, n: invoke_viiiiiiiiiiiii, v: _proc_exit };
        function invoke_iii(index, a1, a2) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_ii(index, a1) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_i(index) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)();
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_v(index) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)();
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_iiii(index, a1, a2, a3) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2, a3);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiii(index, a1, a2, a3, a4) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiiiiiiiiiiii(index, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_iiiii(index, a1, a2, a3, a4) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2, a3, a4);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viii(index, a1, a2, a3) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_vi(index, a1) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_vii(index, a1, a2) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiiii(index, a1, a2, a3, a4, a5) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4, a5);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_ji(index, a1) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
            return 0n;
          }
        }
        async function run() {
          preRun();
          if (runDependencies) {
            await resolveRunDependencies();
          }
          var setStatus = Module["setStatus"];
          if (setStatus) {
            setStatus("Running...");
            await new Promise((resolve) => setTimeout(resolve, 1));
            setTimeout(setStatus, 1, "");
          }
          if (ABORT) return;
          initRuntime();
          Module["onRuntimeInitialized"]?.();
          postRun();
        }
        var wasmExports;
        wasmExports = await createWasm();
        await run();
        ;
        return Module;
      };
    })();
    if (typeof exports === "object" && typeof module2 === "object") {
      module2.exports = PgQueryModule;
      module2.exports.default = PgQueryModule;
    } else if (typeof define === "function" && define["amd"]) define([], () => PgQueryModule);
  }
});

// src/dialects/postgres/typenames.ts
var ALIASES = {
  int: "int4",
  integer: "int4",
  smallint: "int2",
  bigint: "int8",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallserial: "int2",
  serial2: "int2",
  boolean: "bool",
  real: "float4",
  "double precision": "float8",
  float: "float8",
  decimal: "numeric",
  "character varying": "varchar",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  "time with time zone": "timetz",
  "time without time zone": "time"
};
var SERIALS = /* @__PURE__ */ new Set(["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]);
function str(n) {
  return n?.String?.sval;
}
function constInt(n) {
  const c = n?.A_Const;
  if (!c) return void 0;
  if (c.ival) return c.ival.ival ?? 0;
  if ("ival" in c) return 0;
  if (c.sval) return void 0;
  return void 0;
}
function typeRef(typeName) {
  const names2 = (typeName?.names ?? []).map(str).filter((s) => !!s);
  let schema;
  let name = names2[names2.length - 1] ?? "unknown";
  if (names2.length > 1) schema = names2[names2.length - 2];
  if (schema === "pg_catalog") schema = void 0;
  const serial = !schema && SERIALS.has(name);
  if (!schema) name = ALIASES[name] ?? name;
  const mods = [];
  for (const m of typeName?.typmods ?? []) {
    const v = constInt(m);
    if (v !== void 0) mods.push(v);
  }
  if (name === "float8" && names2[names2.length - 1] === "float" && mods.length) {
    name = mods[0] <= 24 ? "float4" : "float8";
    mods.length = 0;
  }
  const arrayDims = (typeName?.arrayBounds ?? []).length;
  const ref = { name, mods, arrayDims };
  if (schema) ref.schema = schema;
  if (serial) ref.serial = true;
  return ref;
}
var DISPLAY = {
  int4: "integer",
  int8: "bigint",
  int2: "smallint",
  bool: "boolean",
  float4: "real",
  float8: "double precision",
  bpchar: "char",
  varchar: "varchar",
  timestamptz: "timestamptz"
};
function typeToSql(t) {
  let s = (t.schema ? `${t.schema}.` : "") + (DISPLAY[t.name] ?? t.name);
  if (t.serial) s = t.name === "int8" ? "bigserial" : t.name === "int2" ? "smallserial" : "serial";
  if (t.mods.length) s += `(${t.mods.join(", ")})`;
  for (let i = 0; i < t.arrayDims; i++) s += "[]";
  return s;
}
function sameType(a, b) {
  return a.name === b.name && (a.schema ?? "") === (b.schema ?? "") && a.arrayDims === b.arrayDims && a.mods.length === b.mods.length && a.mods.every((m, i) => m === b.mods[i]);
}

// src/dialects/postgres/catalog.ts
var DEFAULT_SCHEMA = "public";
var VOLATILITY_RANK = { immutable: 0, stable: 1, volatile: 2 };
function relKey(rv) {
  return `${rv?.schemaname ?? DEFAULT_SCHEMA}.${rv?.relname ?? ""}`;
}
function str2(n) {
  return n?.String?.sval;
}
function qualifiedKey(names2) {
  return names2.length > 1 ? `${names2[names2.length - 2]}.${names2[names2.length - 1]}` : `${DEFAULT_SCHEMA}.${names2[0]}`;
}
function stringList(list) {
  return (list ?? []).map(str2).filter((s) => s !== void 0);
}
var Catalog = class {
  tables = /* @__PURE__ */ new Map();
  /** indexes by `schema.indexname` */
  indexes = /* @__PURE__ */ new Map();
  enums = /* @__PURE__ */ new Map();
  /** domains by `schema.name`, with their base type */
  domains = /* @__PURE__ */ new Map();
  /** volatility of user functions created by earlier statements, by bare function name (overloads: most volatile) */
  functions = /* @__PURE__ */ new Map();
  table(rv) {
    if (rv === void 0) return void 0;
    return this.tables.get(typeof rv === "string" ? rv : relKey(rv));
  }
  column(table, column) {
    return table.columns.get(column);
  }
  createdIn(table) {
    return table.createdIn;
  }
  addedIn(column) {
    return column.addedIn;
  }
  /** Indexes of a table, by relation key. */
  indexesOf(key) {
    const out = [];
    for (const ix of this.indexes.values()) if (ix.table === key) out.push(ix);
    return out;
  }
  /** Applies one statement to the catalog. `origin` is the migration's absPath. */
  apply(stmt, origin) {
    const { kind, ast } = stmt;
    try {
      switch (kind) {
        case "CreateStmt":
          return this.createTable(ast, origin);
        case "CreateTableAsStmt":
          return this.createTableAs(ast, origin);
        case "AlterTableStmt":
          return this.alterTable(ast, origin);
        case "IndexStmt":
          return this.createIndex(ast, origin);
        case "DropStmt":
          return this.drop(ast);
        case "RenameStmt":
          return this.rename(ast);
        case "CreateEnumStmt":
          return this.createEnum(ast, origin);
        case "AlterEnumStmt":
          return this.alterEnum(ast);
        case "CreateDomainStmt":
          return this.createDomain(ast);
        case "CreateFunctionStmt":
          return this.createFunction(ast);
        case "AlterFunctionStmt":
          return this.alterFunction(ast);
        case "AlterObjectSchemaStmt":
          return this.setSchema(ast);
        default:
          return;
      }
    } catch {
    }
  }
  createTable(ast, origin) {
    const rel = ast.relation;
    const key = relKey(rel);
    if (this.tables.has(key) && ast.if_not_exists) return;
    const table = {
      schema: rel.schemaname ?? DEFAULT_SCHEMA,
      name: rel.relname,
      columns: /* @__PURE__ */ new Map(),
      constraints: /* @__PURE__ */ new Map(),
      partitioned: !!ast.partspec,
      createdIn: origin
    };
    if (rel.relpersistence === "u") table.unlogged = true;
    const parents = ast.inhRelations ?? [];
    for (const p of parents) {
      const parent = this.table(p.RangeVar);
      if (parent) for (const [n, c] of parent.columns) table.columns.set(n, { ...c, addedIn: origin });
      if (ast.partbound && p.RangeVar) table.partitionOf = relKey(p.RangeVar);
    }
    this.tables.set(key, table);
    for (const elt of ast.tableElts ?? []) {
      if (elt.ColumnDef) this.addColumn(table, elt.ColumnDef, origin);
      else if (elt.Constraint) this.addConstraint(table, elt.Constraint, origin);
      else if (elt.TableLikeClause) {
        const src = this.table(elt.TableLikeClause.relation);
        if (src) for (const [n, c] of src.columns) table.columns.set(n, { ...c, addedIn: origin });
      }
    }
  }
  createTableAs(ast, origin) {
    const rel = ast.into?.rel;
    if (!rel || ast.objtype === "OBJECT_MATVIEW") return;
    const key = relKey(rel);
    const table = {
      schema: rel.schemaname ?? DEFAULT_SCHEMA,
      name: rel.relname,
      columns: /* @__PURE__ */ new Map(),
      constraints: /* @__PURE__ */ new Map(),
      partitioned: false,
      createdIn: origin
    };
    for (const c of ast.into?.colNames ?? []) {
      const n = str2(c);
      if (n)
        table.columns.set(n, {
          name: n,
          type: { name: "unknown", mods: [], arrayDims: 0 },
          notNull: false,
          addedIn: origin
        });
    }
    this.tables.set(key, table);
  }
  addColumn(table, def, origin) {
    const col = { name: def.colname, type: typeRef(def.typeName), notNull: false, addedIn: origin };
    if (col.type.serial) {
      col.notNull = true;
      col.default = { FuncCall: { funcname: [{ String: { sval: "nextval" } }] } };
    }
    table.columns.set(col.name, col);
    for (const c of def.constraints ?? []) {
      const con = c.Constraint;
      if (!con) continue;
      switch (con.contype) {
        case "CONSTR_NOTNULL":
          col.notNull = true;
          break;
        case "CONSTR_NULL":
          col.notNull = false;
          break;
        case "CONSTR_DEFAULT":
          col.default = con.raw_expr;
          break;
        case "CONSTR_IDENTITY":
          col.identity = true;
          col.notNull = true;
          break;
        case "CONSTR_GENERATED":
          col.generated = true;
          break;
        default:
          this.addConstraint(table, con, origin, [col.name]);
      }
    }
    return col;
  }
  constraintName(table, con, columns) {
    if (con.conname) return con.conname;
    const cols = columns.join("_");
    switch (con.contype) {
      case "CONSTR_PRIMARY":
        return `${table.name}_pkey`;
      case "CONSTR_UNIQUE":
        return `${table.name}_${cols}_key`;
      case "CONSTR_FOREIGN":
        return `${table.name}_${cols}_fkey`;
      case "CONSTR_CHECK":
        return `${table.name}_${cols || "check"}_check`;
      case "CONSTR_EXCLUSION":
        return `${table.name}_${cols}_excl`;
      default:
        return `${table.name}_${cols}_con`;
    }
  }
  addConstraint(table, con, origin, inlineColumns) {
    const types = {
      CONSTR_PRIMARY: "primary",
      CONSTR_UNIQUE: "unique",
      CONSTR_FOREIGN: "foreign",
      CONSTR_CHECK: "check",
      CONSTR_EXCLUSION: "exclusion"
    };
    const type = types[con.contype];
    if (!type) return void 0;
    let columns = stringList(con.keys);
    if (type === "foreign") columns = stringList(con.fk_attrs);
    if (!columns.length && inlineColumns) columns = inlineColumns;
    if (type === "primary" && con.indexname && !columns.length) {
      const ix = this.indexes.get(`${table.schema}.${con.indexname}`);
      if (ix) columns = ix.columns.filter((c) => !!c);
    }
    if (type === "unique" && con.indexname && !columns.length) {
      const ix = this.indexes.get(`${table.schema}.${con.indexname}`);
      if (ix) columns = ix.columns.filter((c) => !!c);
    }
    const name = this.constraintName(table, con, columns);
    const constraint = {
      name,
      type,
      columns,
      validated: !con.skip_validation,
      createdIn: origin
    };
    if (type === "foreign") constraint.references = relKey(con.pktable);
    if (type === "check") constraint.expr = con.raw_expr;
    table.constraints.set(name, constraint);
    if (type === "primary") {
      for (const c of columns) {
        const col = table.columns.get(c);
        if (col) col.notNull = true;
      }
    }
    if (type === "primary" || type === "unique" || type === "exclusion") {
      const indexName = con.indexname ?? name;
      const key = `${table.schema}.${indexName}`;
      const existing = this.indexes.get(key);
      if (existing) {
        existing.primary = type === "primary";
        existing.unique = true;
      } else {
        this.indexes.set(key, {
          name: indexName,
          table: `${table.schema}.${table.name}`,
          columns,
          unique: type !== "exclusion",
          primary: type === "primary",
          createdIn: origin
        });
      }
      constraint.index = indexName;
    }
    return constraint;
  }
  alterTable(ast, origin) {
    if (ast.objtype && ast.objtype !== "OBJECT_TABLE") return;
    const table = this.table(ast.relation);
    if (!table) return;
    for (const c of ast.cmds ?? []) {
      const cmd = c.AlterTableCmd;
      if (!cmd) continue;
      const col = cmd.name ? table.columns.get(cmd.name) : void 0;
      switch (cmd.subtype) {
        case "AT_AddColumn": {
          const def = cmd.def?.ColumnDef;
          if (def && !(cmd.missing_ok && table.columns.has(def.colname))) this.addColumn(table, def, origin);
          break;
        }
        case "AT_DropColumn":
          table.columns.delete(cmd.name);
          for (const [k, ix] of this.indexes) {
            if (ix.table === `${table.schema}.${table.name}` && ix.columns.includes(cmd.name)) this.indexes.delete(k);
          }
          for (const [k, con] of table.constraints) if (con.columns.includes(cmd.name)) table.constraints.delete(k);
          break;
        case "AT_AlterColumnType":
          if (col && cmd.def?.ColumnDef?.typeName) col.type = typeRef(cmd.def.ColumnDef.typeName);
          break;
        case "AT_SetNotNull":
          if (col) col.notNull = true;
          break;
        case "AT_DropNotNull":
          if (col) col.notNull = false;
          break;
        case "AT_ColumnDefault":
          if (col) {
            if (cmd.def) col.default = cmd.def;
            else delete col.default;
          }
          break;
        case "AT_AddIdentity":
          if (col) {
            col.identity = true;
            col.notNull = true;
          }
          break;
        case "AT_DropIdentity":
          if (col) col.identity = false;
          break;
        case "AT_DropExpression":
          if (col) col.generated = false;
          break;
        case "AT_AddConstraint":
          if (cmd.def?.Constraint) this.addConstraint(table, cmd.def.Constraint, origin);
          break;
        case "AT_ValidateConstraint": {
          const con = table.constraints.get(cmd.name);
          if (con) con.validated = true;
          break;
        }
        case "AT_DropConstraint": {
          const con = table.constraints.get(cmd.name);
          if (con?.index) this.indexes.delete(`${table.schema}.${con.index}`);
          table.constraints.delete(cmd.name);
          break;
        }
        case "AT_SetLogged":
          table.unlogged = false;
          break;
        case "AT_SetUnLogged":
          table.unlogged = true;
          break;
        case "AT_AttachPartition": {
          const part = this.table(cmd.def?.PartitionCmd?.name);
          if (part) part.partitionOf = `${table.schema}.${table.name}`;
          break;
        }
        case "AT_DetachPartition": {
          const part = this.table(cmd.def?.PartitionCmd?.name);
          if (part) delete part.partitionOf;
          break;
        }
        default:
          break;
      }
    }
  }
  createIndex(ast, origin) {
    const table = this.table(ast.relation);
    const schema = ast.relation?.schemaname ?? DEFAULT_SCHEMA;
    const columns = (ast.indexParams ?? []).map((p) => p.IndexElem?.name ?? null);
    const name = ast.idxname ?? `${ast.relation?.relname}_${columns.filter(Boolean).join("_")}_idx`;
    const key = `${schema}.${name}`;
    if (this.indexes.has(key) && ast.if_not_exists) return;
    this.indexes.set(key, {
      name,
      table: table ? `${table.schema}.${table.name}` : relKey(ast.relation),
      columns,
      unique: !!ast.unique,
      primary: !!ast.primary,
      createdIn: origin
    });
  }
  drop(ast) {
    const names2 = (ast.objects ?? []).map(
      (o) => stringList(o.List?.items ?? o.TypeName?.names ?? (o.String ? [o] : []))
    );
    for (const n of names2) {
      if (!n.length) continue;
      const key = qualifiedKey(n);
      switch (ast.removeType) {
        case "OBJECT_TABLE":
          this.tables.delete(key);
          for (const [k, ix] of this.indexes) if (ix.table === key) this.indexes.delete(k);
          break;
        case "OBJECT_INDEX":
          this.indexes.delete(key);
          break;
        case "OBJECT_TYPE":
          this.enums.delete(key);
          break;
        case "OBJECT_DOMAIN":
          this.domains.delete(key);
          break;
        default:
          break;
      }
    }
  }
  rename(ast) {
    switch (ast.renameType) {
      case "OBJECT_TABLE": {
        const key = relKey(ast.relation);
        const t = this.tables.get(key);
        if (!t) return;
        this.tables.delete(key);
        t.name = ast.newname;
        const newKey = `${t.schema}.${t.name}`;
        this.tables.set(newKey, t);
        for (const ix of this.indexes.values()) if (ix.table === key) ix.table = newKey;
        return;
      }
      case "OBJECT_COLUMN": {
        const t = this.table(ast.relation);
        const col = t?.columns.get(ast.subname);
        if (!t || !col) return;
        t.columns.delete(ast.subname);
        col.name = ast.newname;
        t.columns.set(col.name, col);
        const key = `${t.schema}.${t.name}`;
        for (const ix of this.indexes.values()) {
          if (ix.table === key) ix.columns = ix.columns.map((c) => c === ast.subname ? ast.newname : c);
        }
        for (const con of t.constraints.values())
          con.columns = con.columns.map((c) => c === ast.subname ? ast.newname : c);
        return;
      }
      case "OBJECT_INDEX": {
        const key = relKey(ast.relation);
        const ix = this.indexes.get(key);
        if (!ix) return;
        this.indexes.delete(key);
        ix.name = ast.newname;
        this.indexes.set(`${key.split(".")[0]}.${ast.newname}`, ix);
        return;
      }
      case "OBJECT_TABCONSTRAINT": {
        const t = this.table(ast.relation);
        const con = t?.constraints.get(ast.subname);
        if (!t || !con) return;
        t.constraints.delete(ast.subname);
        con.name = ast.newname;
        t.constraints.set(con.name, con);
        return;
      }
      case "OBJECT_TYPE": {
        const parts = stringList(ast.object?.List?.items);
        if (!parts.length) return;
        const key = qualifiedKey(parts);
        const schema = key.slice(0, key.indexOf("."));
        const oldName = parts[parts.length - 1];
        const e = this.enums.get(key);
        if (e) {
          this.enums.delete(key);
          e.name = `${schema}.${ast.newname}`;
          this.enums.set(e.name, e);
        }
        for (const t of this.tables.values()) {
          for (const c of t.columns.values()) {
            if (c.type.name === oldName && (c.type.schema ?? DEFAULT_SCHEMA) === schema)
              c.type = { ...c.type, name: ast.newname };
          }
        }
        return;
      }
      default:
        return;
    }
  }
  createEnum(ast, origin) {
    const key = qualifiedKey(stringList(ast.typeName));
    this.enums.set(key, { name: key, values: stringList(ast.vals), createdIn: origin });
  }
  alterEnum(ast) {
    const e = this.enums.get(qualifiedKey(stringList(ast.typeName)));
    if (!e || !ast.newVal) return;
    if (ast.oldVal) {
      const i = e.values.indexOf(ast.oldVal);
      if (i >= 0 && !ast.newValNeighbor) e.values[i] = ast.newVal;
      if (ast.newValNeighbor === void 0) return;
    }
    if (e.values.includes(ast.newVal)) return;
    const at = ast.newValNeighbor ? e.values.indexOf(ast.newValNeighbor) : -1;
    if (at < 0) e.values.push(ast.newVal);
    else e.values.splice(ast.newValIsAfter ? at + 1 : at, 0, ast.newVal);
  }
  createDomain(ast) {
    const key = qualifiedKey(stringList(ast.domainname));
    const hasCheck = (ast.constraints ?? []).some((c) => c.Constraint?.contype === "CONSTR_CHECK");
    this.domains.set(key, { name: key, base: typeRef(ast.typeName), hasCheck });
    if ((ast.constraints ?? []).some((c) => c.Constraint?.contype === "CONSTR_NOTNULL"))
      this.domains.get(key).notNull = true;
    if ((ast.constraints ?? []).some((c) => c.Constraint?.contype === "CONSTR_DEFAULT"))
      this.domains.get(key).hasDefault = true;
  }
  /** CREATE FUNCTION: remembers its declared volatility (VOLATILE when not said, as PostgreSQL does). */
  createFunction(ast) {
    const names2 = stringList(ast.funcname);
    const name = names2[names2.length - 1];
    if (!name) return;
    const opt = (ast.options ?? []).find((o) => o.DefElem?.defname === "volatility");
    const v = str2(opt?.DefElem?.arg) ?? "volatile";
    const prev = this.functions.get(name);
    if (prev && !ast.replace && VOLATILITY_RANK[prev] > VOLATILITY_RANK[v]) return;
    this.functions.set(name, v);
  }
  alterFunction(ast) {
    const names2 = stringList(ast.func?.objname);
    const name = names2[names2.length - 1];
    const opt = (ast.actions ?? []).find((o) => o.DefElem?.defname === "volatility");
    const v = str2(opt?.DefElem?.arg);
    if (name && v) this.functions.set(name, v);
  }
  setSchema(ast) {
    if (ast.objectType !== "OBJECT_TABLE") return;
    const key = relKey(ast.relation);
    const t = this.tables.get(key);
    if (!t) return;
    this.tables.delete(key);
    t.schema = ast.newschema;
    this.tables.set(`${t.schema}.${t.name}`, t);
  }
};

// src/discover/sqlsplit.ts
var isIdentStart = (c) => c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c >= 128;
var isIdentChar = (c) => isIdentStart(c) || c >= 48 && c <= 57 || c === 36;
var isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 65279 || c === 11;
function splitSql(text, from = 0, to = text.length) {
  return scan(text, from, to, Infinity);
}
function scan(text, from, to, max2) {
  const out = [];
  let i = from;
  let stmtStart = -1;
  let lastSig = -1;
  let paren = 0;
  let block = 0;
  let words = [];
  let routine = false;
  const flush = () => {
    if (stmtStart >= 0) out.push({ start: stmtStart, end: lastSig });
    stmtStart = -1;
    lastSig = -1;
    paren = 0;
    block = 0;
    words = [];
    routine = false;
  };
  const mark = (s, e) => {
    if (stmtStart < 0) stmtStart = s;
    lastSig = e;
  };
  while (i < to) {
    if (stmtStart >= 0 && out.length + 1 >= max2) {
      flush();
      return out;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const afterComment = skipComment(text, i, to);
    if (afterComment !== i) {
      i = afterComment;
      continue;
    }
    if (c === 59) {
      if (paren === 0 && block === 0) flush();
      i++;
      continue;
    }
    const s = i;
    if (c === 39) {
      i = skipQuoted(text, i, to, 39, false);
      mark(s, i);
      continue;
    }
    if (c === 34) {
      i = skipQuoted(text, i, to, 34, false);
      mark(s, i);
      continue;
    }
    if (c === 36) {
      const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, Math.min(to, i + 64)));
      if (m) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
        i = close === -1 || close + tag.length > to ? to : close + tag.length;
      } else {
        i++;
        while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      }
      mark(s, i);
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < to && isIdentChar(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 39 && j - i === 1) {
        const esc = c === 69 || c === 101;
        i = skipQuoted(text, j, to, 39, esc);
        mark(s, i);
        continue;
      }
      if (j - i === 1 && (c === 85 || c === 117) && text.charCodeAt(j) === 38 && text.charCodeAt(j + 1) === 39) {
        i = skipQuoted(text, j + 1, to, 39, false);
        mark(s, i);
        continue;
      }
      const word = text.slice(i, j).toUpperCase();
      if (words.length < 5) {
        words.push(word);
        if (words.length >= 2 && words[0] === "CREATE") {
          const w = words.slice(1).filter((x) => x !== "OR" && x !== "REPLACE");
          if (w[0] === "FUNCTION" || w[0] === "PROCEDURE") routine = true;
        }
      }
      if (routine) {
        if (word === "BEGIN" || word === "CASE") block++;
        else if (word === "END" && block > 0) block--;
      }
      i = j;
      mark(s, i);
      continue;
    }
    if (c === 40) paren++;
    else if (c === 41 && paren > 0) paren--;
    i++;
    mark(s, i);
  }
  flush();
  return out;
}
function skipQuoted(text, i, to, q, backslash) {
  i++;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (backslash && c === 92) {
      i += 2;
      continue;
    }
    if (c === q) {
      if (text.charCodeAt(i + 1) === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return to;
}
function countStatements(text, from = 0, to = text.length, max2 = Infinity) {
  return scan(text, from, to, max2).length;
}
function simplify(text, r) {
  return text.slice(r.start, r.end).replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim().toUpperCase();
}

// src/dialects/postgres/parse.ts
var import_libpg_query = __toESM(require_libpg_query(), 1);

// src/dialects/postgres/pieces.ts
var KEPT_PIECES = 3;
var reparsedPieces = 0;
function keepRecent(recent, item, drop) {
  if (recent[recent.length - 1] === item) return;
  const at = recent.indexOf(item);
  if (at >= 0) recent.splice(at, 1);
  recent.push(item);
  while (recent.length > KEPT_PIECES) drop(recent.shift());
}
var kept = [];
var Piece = class {
  constructor(text, parse) {
    this.text = text;
    this.parse = parse;
  }
  text;
  parse;
  /** the inner node of each statement that has one, in order; undefined when not kept */
  asts;
  /** keeps the trees from the first parse, so a walk that starts right away need not parse again */
  keep(stmts) {
    this.asts = innerNodes(stmts);
    this.touch();
  }
  /** the parse tree of the piece's `slot`-th statement */
  ast(slot) {
    if (!this.asts) {
      reparsedPieces++;
      this.asts = innerNodes(this.parse(this.text));
    }
    this.touch();
    return this.asts[slot];
  }
  touch() {
    keepRecent(kept, this, (p) => {
      p.asts = void 0;
    });
  }
};
function innerNodes(stmts) {
  const out = [];
  for (const s of stmts) if (s.stmt) out.push(s.stmt[Object.keys(s.stmt)[0]]);
  return out;
}
var PieceStatement = class {
  constructor(index, kind, text, span, ignored, ignoreAll, piece, slot) {
    this.index = index;
    this.kind = kind;
    this.text = text;
    this.span = span;
    this.ignored = ignored;
    this.ignoreAll = ignoreAll;
    this.#piece = piece;
    this.#slot = slot;
  }
  index;
  kind;
  text;
  span;
  ignored;
  ignoreAll;
  // private: a statement printed shows no piece text. `ast` is a getter on the prototype, so a copy
  // made by spreading (`{ ...stmt }`) has no `ast`: pass the statement itself on.
  #piece;
  #slot;
  get ast() {
    return this.#piece.ast(this.#slot);
  }
};
var builtBlocks = [];
var builtStatements = 0;
function indexOf(prop) {
  if (typeof prop !== "string") return -1;
  const c = prop.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return -1;
  const n = +prop;
  return Number.isInteger(n) && String(n) === prop ? n : -1;
}
function statementList(plain, blocks, length, build) {
  const runs = [];
  let p = 0;
  let next = 0;
  const plainUpTo = (end) => {
    if (end > next) runs.push({ first: next, count: end - next, plain: plain.slice(p, p + end - next) });
    p += Math.max(0, end - next);
  };
  for (const b of blocks) {
    plainUpTo(b.first);
    runs.push({ first: b.first, count: b.kinds.length, block: b });
    next = b.first + b.kinds.length;
  }
  plainUpTo(length);
  let last = runs[0];
  const built = (block) => {
    if (!block.built) {
      block.built = build(block);
      builtStatements += block.built.length;
    }
    const stmts = block.built;
    keepRecent(builtBlocks, block, (b) => {
      b.built = void 0;
    });
    return stmts;
  };
  const at = (i) => {
    let r = last;
    if (i < r.first || i >= r.first + r.count) {
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (runs[mid].first <= i) lo = mid;
        else hi = mid - 1;
      }
      last = r = runs[lo];
    }
    return r.block ? built(r.block)[i - r.first] : r.plain[i - r.first];
  };
  const readOnly = () => {
    throw new TypeError("zerodown: a parsed file\u2019s statements are read-only");
  };
  return new Proxy([], {
    get(target, prop, receiver) {
      if (prop === "length") return length;
      const i = indexOf(prop);
      if (i >= 0) return i < length ? at(i) : void 0;
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      const i = indexOf(prop);
      return i >= 0 ? i < length : Reflect.has(target, prop);
    },
    getOwnPropertyDescriptor(target, prop) {
      const i = indexOf(prop);
      if (i >= 0)
        return i < length ? { value: at(i), writable: true, enumerable: true, configurable: true } : void 0;
      if (prop === "length") return { value: length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    ownKeys() {
      return [...Array.from({ length }, (_, i) => String(i)), "length"];
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly
  });
}

// src/dialects/postgres/parse.ts
var wasm;
var loading;
function loadParser() {
  loading ??= (0, import_libpg_query.default)().then((m) => {
    wasm = m;
  });
  return loading;
}
function module() {
  if (!wasm) throw new Error("zerodown: the PostgreSQL parser is not loaded; await loadParser() first");
  return wasm;
}
var SqlSyntaxError = class extends Error {
  constructor(message, cursor) {
    super(message);
    this.cursor = cursor;
    this.name = "SqlSyntaxError";
  }
  cursor;
};
var inPtr = 0;
var inCap = 0;
var encoder = new TextEncoder();
var decoder = new TextDecoder();
function i32(heap, p) {
  return heap[p] | heap[p + 1] << 8 | heap[p + 2] << 16 | heap[p + 3] << 24;
}
function writeInput(m, text) {
  const need = text.length * 3 + 1;
  if (need > inCap) {
    if (inPtr) m._free(inPtr);
    inCap = Math.max(need, 1 << 16);
    inPtr = m._malloc(inCap);
    if (!inPtr) throw new Error("zerodown: out of WebAssembly memory for the parser input");
  }
  const heap = m.HEAPU8;
  const { written } = encoder.encodeInto(text, heap.subarray(inPtr, inPtr + inCap - 1));
  heap[inPtr + written] = 0;
  return written;
}
function readString(heap, ptr, ascii) {
  const end = heap.indexOf(0, ptr);
  const bytes = heap.subarray(ptr, end < 0 ? heap.length : end);
  return ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1") : decoder.decode(bytes);
}
function parseToJson(text) {
  const m = module();
  const bytes = writeInput(m, text);
  const ascii = bytes === text.length;
  const result = m._wasm_parse_query_raw(inPtr);
  if (!result) throw new Error("zerodown: the PostgreSQL parser ran out of memory");
  try {
    const heap = m.HEAPU8;
    const tree = i32(heap, result);
    const error = i32(heap, result + 8);
    if (error) {
      const msgPtr = i32(heap, error);
      const cursorpos = i32(heap, error + 16);
      const message = msgPtr ? readString(heap, msgPtr, false) : "syntax error";
      throw new SqlSyntaxError(message, codePointToIndex(text, cursorpos > 0 ? cursorpos - 1 : 0));
    }
    if (!tree) return { json: '{"stmts":[]}', ascii };
    return { json: readString(heap, tree, ascii), ascii };
  } finally {
    m._wasm_free_parse_result(result);
  }
}
function parseRaw(text) {
  const { json, ascii } = parseToJson(text);
  return { stmts: JSON.parse(json).stmts ?? [], ascii };
}
function parseSync(sql) {
  return JSON.parse(parseToJson(sql).json);
}
function scanSync(sql) {
  const m = module();
  writeInput(m, sql);
  const ptr = m._wasm_scan(inPtr);
  try {
    const s = readString(m.HEAPU8, ptr, false);
    if (!s.startsWith("{")) throw new Error(s);
    return JSON.parse(
      s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    );
  } finally {
    if (ptr) m._wasm_free_string(ptr);
  }
}
function parsePlPgSQLSync(sql) {
  const m = module();
  writeInput(m, sql);
  const ptr = m._wasm_parse_plpgsql(inPtr);
  try {
    const s = readString(m.HEAPU8, ptr, false);
    if (!s.startsWith("{")) throw new Error(s);
    return JSON.parse(s);
  } finally {
    if (ptr) m._wasm_free_string(ptr);
  }
}
function codePointToIndex(text, cp) {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 55296 && c <= 56319 && i + 1 < text.length ? 2 : 1;
  }
  return i;
}
function byteOffsetMapper(text, ascii) {
  if (ascii) return (b) => Math.min(b, text.length);
  let byte = 0;
  let idx = 0;
  return (target) => {
    if (target < byte) {
      byte = 0;
      idx = 0;
    }
    while (byte < target && idx < text.length) {
      const c = text.charCodeAt(idx);
      if (c < 128) {
        byte += 1;
        idx += 1;
      } else if (c < 2048) {
        byte += 2;
        idx += 1;
      } else if (c >= 55296 && c <= 56319 && idx + 1 < text.length) {
        byte += 4;
        idx += 2;
      } else {
        byte += 3;
        idx += 1;
      }
    }
    return idx;
  };
}
function withoutBom(text) {
  return text.includes("\uFEFF") ? text.replace(/\uFEFF/g, " ") : text;
}
var MAX_BAD_BYTES = 10;
function badBytesOf(migration, lines) {
  const at = (offset, message, help) => ({
    message,
    help,
    code: "22021",
    // character_not_in_repertoire: "invalid byte sequence for encoding"
    offset,
    ...lines.position(offset)
  });
  if (migration.notText) {
    const utf16 = migration.notText.startsWith("UTF-16");
    return [
      at(
        0,
        `This is not a SQL text file: it looks like ${migration.notText}. There is nothing zerodown can check, and the migration tool would fail on it.`,
        utf16 ? "Save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)." : "Remove it from the migrations, or rename it so that it does not end in .sql."
      )
    ];
  }
  const out = [];
  const src = migration.source;
  for (let i = src.indexOf("\0"); i !== -1; i = src.indexOf("\0", i + 1)) {
    out.push(
      at(
        i,
        'A NUL byte (0x00) is here: PostgreSQL rejects it (invalid byte sequence for encoding "UTF8": 0x00), and tools that read SQL as a C string stop at it, silently skipping everything after it.',
        "Delete the byte (shown as \\x00). zerodown checked the statements around it, but runs nothing from this file on the shadow."
      )
    );
  }
  for (const b of migration.badBytes ?? []) {
    out.push(
      at(
        b.offset,
        `Invalid UTF-8 (${b.bytes}) is here: PostgreSQL rejects the file (invalid byte sequence for encoding "UTF8"); it was probably saved as Latin-1 or Windows-1252.`,
        "Save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`). zerodown read the bytes as U+FFFD and checked the statements, but runs nothing from this file on the shadow."
      )
    );
  }
  out.sort((a, b) => a.offset - b.offset);
  if (out.length > MAX_BAD_BYTES) {
    const more = out.length - MAX_BAD_BYTES;
    out.length = MAX_BAD_BYTES;
    const last = out[MAX_BAD_BYTES - 1];
    last.message += ` ${more} more bad byte${more === 1 ? "" : "s"} after this one ${more === 1 ? "is" : "are"} not listed.`;
  }
  return out;
}
var PARSE_PIECE_CHARS = pieceCharsFromEnv() ?? 1 << 20;
function pieceCharsFromEnv() {
  const v = Number(process.env.ZERODOWN_PARSE_PIECE_CHARS);
  return Number.isInteger(v) && v > 0 ? v : void 0;
}
function parseMigration(migration, lines = new LineIndex(migration.source), pieceChars = PARSE_PIECE_CHARS) {
  const source = migration.source.includes("\0") ? migration.source.replace(/\0/g, " ") : migration.source;
  const segments = migration.segments ?? [{ start: 0, end: source.length }];
  const statements = [];
  const ignores = readIgnores(source);
  const bad = badBytesOf(migration, lines);
  const badBytes = bad.length ? { error: bad[0], badBytes: bad } : {};
  if (migration.notText)
    return { migration, statements, ...badBytes, ignoreFile: ignores.file, ignoreFileRules: ignores.fileRules };
  const spanOf = (offset, endOffset) => {
    const a = lines.position(offset);
    const b = lines.position(Math.max(offset, endOffset - 1));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column + 1, offset, endOffset };
  };
  const blocks = [];
  const kinds = [];
  const kindIds = /* @__PURE__ */ new Map();
  let count = 0;
  const add = (text, base, raw) => {
    locate(text, base, raw, (kind, offset, endOffset, ast, at) => {
      if (ast && typeof ast === "object") treeBase.set(ast, at);
      const span = spanOf(offset, endOffset);
      const ig = ignores.forLine(span.line);
      statements.push({
        index: count++,
        kind,
        ast,
        text: source.slice(offset, endOffset),
        span,
        ignored: ig.rules,
        ignoreAll: ig.all
      });
    });
  };
  const addBlock = (block) => {
    block.first = count;
    count += block.kinds.length;
    blocks.push(block);
  };
  const kindId = (kind) => {
    let id = kindIds.get(kind);
    if (id === void 0) {
      id = kinds.push(kind) - 1;
      kindIds.set(kind, id);
    }
    return id;
  };
  const build = (block) => {
    const out = [];
    for (let slot = 0; slot < block.kinds.length; slot++) {
      const offset = block.starts[slot];
      const endOffset = block.ends[slot];
      const span = spanOf(offset, endOffset);
      const ig = ignores.forLine(span.line);
      out.push(
        new PieceStatement(
          block.first + slot,
          kinds[block.kinds[slot]],
          source.slice(offset, endOffset),
          span,
          ig.rules,
          ig.all,
          block.piece,
          slot
        )
      );
    }
    return out;
  };
  for (const seg of segments) {
    const text = withoutBom(source.slice(seg.start, seg.end));
    if (skipTrivia(text, 0) >= text.length && !text.includes("/*")) continue;
    if (text.length > pieceChars) {
      const pieced = blocksOf(text, seg.start, pieceChars, kindId);
      if (pieced) {
        for (const b of pieced) addBlock(b);
        continue;
      }
    }
    let raw;
    try {
      raw = parseRaw(text);
    } catch (err) {
      if (!(err instanceof SqlSyntaxError)) throw err;
      const offset = seg.start + Math.min(err.cursor, text.length);
      const { line, column } = lines.position(offset);
      const error = { message: err.message, line, column, offset };
      return {
        migration,
        statements: [],
        ...badBytes,
        error,
        ignoreFile: ignores.file,
        ignoreFileRules: ignores.fileRules
      };
    }
    add(text, seg.start, raw);
  }
  const all = blocks.length ? statementList(statements, blocks, count, build) : statements;
  return { migration, statements: all, ...badBytes, ignoreFile: ignores.file, ignoreFileRules: ignores.fileRules };
}
function locate(text, base, raw, each) {
  const toChar = byteOffsetMapper(text, raw.ascii);
  for (const stmt of raw.stmts) {
    if (!stmt.stmt) continue;
    const kind = Object.keys(stmt.stmt)[0];
    const byteStart = stmt.stmt_location ?? 0;
    const rawStart = toChar(byteStart);
    const rawEnd = stmt.stmt_len ? toChar(byteStart + stmt.stmt_len) : text.length;
    const start = skipTrivia(text, rawStart, rawEnd);
    const end = trimEnd(text, start, rawEnd);
    const at = raw.ascii ? start : byteStart + Buffer.byteLength(text.slice(rawStart, start), "utf8");
    each(kind, base + start, base + end, stmt.stmt[kind], at);
  }
}
var treeBase = /* @__PURE__ */ new WeakMap();
function treeOffset(ast) {
  return ast && typeof ast === "object" ? treeBase.get(ast) : void 0;
}
function blocksOf(text, base, pieceChars, kindId) {
  const cuts = [0];
  for (const r of splitSql(text)) if (r.start - cuts[cuts.length - 1] >= pieceChars) cuts.push(r.start);
  if (cuts.length < 2) return void 0;
  cuts.push(text.length);
  const blocks = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const pieceText = text.slice(cuts[i], cuts[i + 1]);
    let raw;
    try {
      raw = parseRaw(pieceText);
    } catch (err) {
      if (err instanceof SqlSyntaxError) return void 0;
      throw err;
    }
    const piece = new Piece(pieceText, (t) => parseRaw(t).stmts);
    let n = 0;
    for (const s of raw.stmts) if (s.stmt) n++;
    const block = {
      piece,
      first: 0,
      kinds: new Uint16Array(n),
      starts: new Int32Array(n),
      ends: new Int32Array(n)
    };
    let slot = 0;
    locate(pieceText, base + cuts[i], raw, (kind, offset, endOffset) => {
      block.kinds[slot] = kindId(kind);
      block.starts[slot] = offset;
      block.ends[slot++] = endOffset;
    });
    if (i < KEPT_PIECES) piece.keep(raw.stmts);
    blocks.push(block);
  }
  return blocks;
}
function parseSql(sql) {
  const m = {
    path: "<sql>",
    absPath: "<sql>",
    source: sql,
    dialect: "postgres",
    framework: "plain",
    transaction: "none",
    review: true
  };
  const parsed = parseMigration(m);
  if (parsed.error) {
    throw new Error(`${parsed.error.message} at line ${parsed.error.line}, column ${parsed.error.column}`);
  }
  return parsed.statements;
}

// data/pg-volatility.json
var pg_volatility_default = {
  comment: "Generated by scripts/gen-volatility.mjs from pg_proc: provolatile (i = immutable, s = stable, v = volatile; several letters = overloads differ), then after the colon the argument counts the overloads take (n-m a range, n+ variadic).",
  postgres: "18.6",
  functions: {
    RI_FKey_cascade_del: "v:0",
    RI_FKey_cascade_upd: "v:0",
    RI_FKey_check_ins: "v:0",
    RI_FKey_check_upd: "v:0",
    RI_FKey_noaction_del: "v:0",
    RI_FKey_noaction_upd: "v:0",
    RI_FKey_restrict_del: "v:0",
    RI_FKey_restrict_upd: "v:0",
    RI_FKey_setdefault_del: "v:0",
    RI_FKey_setdefault_upd: "v:0",
    RI_FKey_setnull_del: "v:0",
    RI_FKey_setnull_upd: "v:0",
    abbrev: "i:1",
    abs: "i:1",
    aclcontains: "i:2",
    acldefault: "i:2",
    aclexplode: "s:1",
    aclinsert: "i:2",
    aclitemeq: "i:2",
    aclitemin: "s:1",
    aclitemout: "s:1",
    aclremove: "i:2",
    acos: "i:1",
    acosd: "i:1",
    acosh: "i:1",
    age: "is:1-2",
    amvalidate: "v:1",
    any_in: "i:1",
    any_out: "i:1",
    any_value: "i:1",
    any_value_transfn: "i:2",
    anyarray_in: "i:1",
    anyarray_out: "s:1",
    anyarray_recv: "s:1",
    anyarray_send: "s:1",
    anycompatible_in: "i:1",
    anycompatible_out: "i:1",
    anycompatiblearray_in: "i:1",
    anycompatiblearray_out: "s:1",
    anycompatiblearray_recv: "s:1",
    anycompatiblearray_send: "s:1",
    anycompatiblemultirange_in: "s:3",
    anycompatiblemultirange_out: "s:1",
    anycompatiblenonarray_in: "i:1",
    anycompatiblenonarray_out: "i:1",
    anycompatiblerange_in: "s:3",
    anycompatiblerange_out: "s:1",
    anyelement_in: "i:1",
    anyelement_out: "i:1",
    anyenum_in: "i:1",
    anyenum_out: "s:1",
    anymultirange_in: "s:3",
    anymultirange_out: "s:1",
    anynonarray_in: "i:1",
    anynonarray_out: "i:1",
    anyrange_in: "s:3",
    anyrange_out: "s:1",
    anytextcat: "s:2",
    area: "i:1",
    areajoinsel: "s:5",
    areasel: "s:4",
    armor: "i:1,3",
    array_agg: "i:1",
    array_agg_array_combine: "i:2",
    array_agg_array_deserialize: "i:2",
    array_agg_array_finalfn: "i:2",
    array_agg_array_serialize: "i:1",
    array_agg_array_transfn: "i:2",
    array_agg_combine: "i:2",
    array_agg_deserialize: "i:2",
    array_agg_finalfn: "i:2",
    array_agg_serialize: "i:1",
    array_agg_transfn: "i:2",
    array_append: "i:2",
    array_append_support: "i:1",
    array_cat: "i:2",
    array_dims: "i:1",
    array_eq: "i:2",
    array_fill: "i:2-3",
    array_ge: "i:2",
    array_gt: "i:2",
    array_in: "s:3",
    array_larger: "i:2",
    array_le: "i:2",
    array_length: "i:2",
    array_lower: "i:2",
    array_lt: "i:2",
    array_ndims: "i:1",
    array_ne: "i:2",
    array_out: "s:1",
    array_position: "i:2-3",
    array_positions: "i:2",
    array_prepend: "i:2",
    array_prepend_support: "i:1",
    array_recv: "s:3",
    array_remove: "i:2",
    array_replace: "i:3",
    array_reverse: "i:1",
    array_sample: "v:2",
    array_send: "s:1",
    array_shuffle: "v:1",
    array_smaller: "i:2",
    array_sort: "i:1-3",
    array_subscript_handler: "i:1",
    array_subscript_handler_support: "i:1",
    array_to_json: "s:1-2",
    array_to_string: "s:2-3",
    array_to_tsvector: "i:1",
    array_typanalyze: "s:1",
    array_unnest_support: "i:1",
    array_upper: "i:2",
    arraycontained: "i:2",
    arraycontains: "i:2",
    arraycontjoinsel: "s:5",
    arraycontsel: "s:4",
    arrayoverlap: "i:2",
    ascii: "i:1",
    asin: "i:1",
    asind: "i:1",
    asinh: "i:1",
    atan: "i:1",
    atan2: "i:2",
    atan2d: "i:2",
    atand: "i:1",
    atanh: "i:1",
    avg: "i:1",
    bernoulli: "v:1",
    big5_to_euc_tw: "i:6",
    big5_to_mic: "i:6",
    big5_to_utf8: "i:6",
    binary_upgrade_add_sub_rel_state: "v:4",
    binary_upgrade_create_empty_extension: "v:7",
    binary_upgrade_logical_slot_has_caught_up: "v:1",
    binary_upgrade_replorigin_advance: "v:2",
    binary_upgrade_set_missing_value: "v:3",
    binary_upgrade_set_next_array_pg_type_oid: "v:1",
    binary_upgrade_set_next_heap_pg_class_oid: "v:1",
    binary_upgrade_set_next_heap_relfilenode: "v:1",
    binary_upgrade_set_next_index_pg_class_oid: "v:1",
    binary_upgrade_set_next_index_relfilenode: "v:1",
    binary_upgrade_set_next_multirange_array_pg_type_oid: "v:1",
    binary_upgrade_set_next_multirange_pg_type_oid: "v:1",
    binary_upgrade_set_next_pg_authid_oid: "v:1",
    binary_upgrade_set_next_pg_enum_oid: "v:1",
    binary_upgrade_set_next_pg_tablespace_oid: "v:1",
    binary_upgrade_set_next_pg_type_oid: "v:1",
    binary_upgrade_set_next_toast_pg_class_oid: "v:1",
    binary_upgrade_set_next_toast_relfilenode: "v:1",
    binary_upgrade_set_record_init_privs: "v:1",
    bit: "i:2-3",
    bit_and: "i:1",
    bit_count: "i:1",
    bit_in: "i:3",
    bit_length: "i:1",
    bit_or: "i:1",
    bit_out: "i:1",
    bit_recv: "i:3",
    bit_send: "i:1",
    bit_xor: "i:1",
    bitand: "i:2",
    bitcat: "i:2",
    bitcmp: "i:2",
    biteq: "i:2",
    bitge: "i:2",
    bitgt: "i:2",
    bitle: "i:2",
    bitlt: "i:2",
    bitne: "i:2",
    bitnot: "i:1",
    bitor: "i:2",
    bitshiftleft: "i:2",
    bitshiftright: "i:2",
    bittypmodin: "i:1",
    bittypmodout: "i:1",
    bitxor: "i:2",
    bool: "i:1",
    bool_accum: "i:2",
    bool_accum_inv: "i:2",
    bool_alltrue: "i:1",
    bool_and: "i:1",
    bool_anytrue: "i:1",
    bool_or: "i:1",
    booland_statefunc: "i:2",
    booleq: "i:2",
    boolge: "i:2",
    boolgt: "i:2",
    boolin: "i:1",
    boolle: "i:2",
    boollt: "i:2",
    boolne: "i:2",
    boolor_statefunc: "i:2",
    boolout: "i:1",
    boolrecv: "i:1",
    boolsend: "i:1",
    bound_box: "i:2",
    box: "i:1-2",
    box_above: "i:2",
    box_above_eq: "i:2",
    box_add: "i:2",
    box_below: "i:2",
    box_below_eq: "i:2",
    box_center: "i:1",
    box_contain: "i:2",
    box_contain_pt: "i:2",
    box_contained: "i:2",
    box_distance: "i:2",
    box_div: "i:2",
    box_eq: "i:2",
    box_ge: "i:2",
    box_gt: "i:2",
    box_in: "i:1",
    box_intersect: "i:2",
    box_le: "i:2",
    box_left: "i:2",
    box_lt: "i:2",
    box_mul: "i:2",
    box_out: "i:1",
    box_overabove: "i:2",
    box_overbelow: "i:2",
    box_overlap: "i:2",
    box_overleft: "i:2",
    box_overright: "i:2",
    box_recv: "i:1",
    box_right: "i:2",
    box_same: "i:2",
    box_send: "i:1",
    box_sub: "i:2",
    bpchar: "i:1,3",
    bpchar_larger: "i:2",
    bpchar_pattern_ge: "i:2",
    bpchar_pattern_gt: "i:2",
    bpchar_pattern_le: "i:2",
    bpchar_pattern_lt: "i:2",
    bpchar_smaller: "i:2",
    bpchar_sortsupport: "i:1",
    bpcharcmp: "i:2",
    bpchareq: "i:2",
    bpcharge: "i:2",
    bpchargt: "i:2",
    bpchariclike: "i:2",
    bpcharicnlike: "i:2",
    bpcharicregexeq: "i:2",
    bpcharicregexne: "i:2",
    bpcharin: "i:3",
    bpcharle: "i:2",
    bpcharlike: "i:2",
    bpcharlt: "i:2",
    bpcharne: "i:2",
    bpcharnlike: "i:2",
    bpcharout: "i:1",
    bpcharrecv: "s:3",
    bpcharregexeq: "i:2",
    bpcharregexne: "i:2",
    bpcharsend: "s:1",
    bpchartypmodin: "i:1",
    bpchartypmodout: "i:1",
    brin_bloom_add_value: "i:4",
    brin_bloom_consistent: "i:4",
    brin_bloom_opcinfo: "i:1",
    brin_bloom_options: "i:1",
    brin_bloom_summary_in: "i:1",
    brin_bloom_summary_out: "i:1",
    brin_bloom_summary_recv: "s:1",
    brin_bloom_summary_send: "s:1",
    brin_bloom_union: "i:3",
    brin_desummarize_range: "v:2",
    brin_inclusion_add_value: "i:4",
    brin_inclusion_consistent: "i:3",
    brin_inclusion_opcinfo: "i:1",
    brin_inclusion_union: "i:3",
    brin_minmax_add_value: "i:4",
    brin_minmax_consistent: "i:3",
    brin_minmax_multi_add_value: "i:4",
    brin_minmax_multi_consistent: "i:4",
    brin_minmax_multi_distance_date: "i:2",
    brin_minmax_multi_distance_float4: "i:2",
    brin_minmax_multi_distance_float8: "i:2",
    brin_minmax_multi_distance_inet: "i:2",
    brin_minmax_multi_distance_int2: "i:2",
    brin_minmax_multi_distance_int4: "i:2",
    brin_minmax_multi_distance_int8: "i:2",
    brin_minmax_multi_distance_interval: "i:2",
    brin_minmax_multi_distance_macaddr: "i:2",
    brin_minmax_multi_distance_macaddr8: "i:2",
    brin_minmax_multi_distance_numeric: "i:2",
    brin_minmax_multi_distance_pg_lsn: "i:2",
    brin_minmax_multi_distance_tid: "i:2",
    brin_minmax_multi_distance_time: "i:2",
    brin_minmax_multi_distance_timestamp: "i:2",
    brin_minmax_multi_distance_timetz: "i:2",
    brin_minmax_multi_distance_uuid: "i:2",
    brin_minmax_multi_opcinfo: "i:1",
    brin_minmax_multi_options: "i:1",
    brin_minmax_multi_summary_in: "i:1",
    brin_minmax_multi_summary_out: "i:1",
    brin_minmax_multi_summary_recv: "s:1",
    brin_minmax_multi_summary_send: "s:1",
    brin_minmax_multi_union: "i:3",
    brin_minmax_opcinfo: "i:1",
    brin_minmax_union: "i:3",
    brin_summarize_new_values: "v:1",
    brin_summarize_range: "v:2",
    brinhandler: "v:1",
    broadcast: "i:1",
    btarraycmp: "i:2",
    btboolcmp: "i:2",
    btboolskipsupport: "i:1",
    btbpchar_pattern_cmp: "i:2",
    btbpchar_pattern_sortsupport: "i:1",
    btcharcmp: "i:2",
    btcharskipsupport: "i:1",
    btequalimage: "i:1",
    btfloat48cmp: "i:2",
    btfloat4cmp: "i:2",
    btfloat4sortsupport: "i:1",
    btfloat84cmp: "i:2",
    btfloat8cmp: "i:2",
    btfloat8sortsupport: "i:1",
    bthandler: "v:1",
    btint24cmp: "i:2",
    btint28cmp: "i:2",
    btint2cmp: "i:2",
    btint2skipsupport: "i:1",
    btint2sortsupport: "i:1",
    btint42cmp: "i:2",
    btint48cmp: "i:2",
    btint4cmp: "i:2",
    btint4skipsupport: "i:1",
    btint4sortsupport: "i:1",
    btint82cmp: "i:2",
    btint84cmp: "i:2",
    btint8cmp: "i:2",
    btint8skipsupport: "i:1",
    btint8sortsupport: "i:1",
    btnamecmp: "i:2",
    btnamesortsupport: "i:1",
    btnametextcmp: "i:2",
    btoidcmp: "i:2",
    btoidskipsupport: "i:1",
    btoidsortsupport: "i:1",
    btoidvectorcmp: "i:2",
    btrecordcmp: "i:2",
    btrecordimagecmp: "i:2",
    btrim: "i:1-2",
    bttext_pattern_cmp: "i:2",
    bttext_pattern_sortsupport: "i:1",
    bttextcmp: "i:2",
    bttextnamecmp: "i:2",
    bttextsortsupport: "i:1",
    bttidcmp: "i:2",
    btvarstrequalimage: "i:1",
    bytea: "i:1",
    bytea_larger: "i:2",
    bytea_smaller: "i:2",
    bytea_sortsupport: "i:1",
    bytea_string_agg_finalfn: "i:1",
    bytea_string_agg_transfn: "i:3",
    byteacat: "i:2",
    byteacmp: "i:2",
    byteaeq: "i:2",
    byteage: "i:2",
    byteagt: "i:2",
    byteain: "i:1",
    byteale: "i:2",
    bytealike: "i:2",
    bytealt: "i:2",
    byteane: "i:2",
    byteanlike: "i:2",
    byteaout: "i:1",
    bytearecv: "i:1",
    byteasend: "i:1",
    cardinality: "i:1",
    casefold: "i:1",
    cash_cmp: "i:2",
    cash_div_cash: "i:2",
    cash_div_flt4: "i:2",
    cash_div_flt8: "i:2",
    cash_div_int2: "i:2",
    cash_div_int4: "i:2",
    cash_div_int8: "i:2",
    cash_eq: "i:2",
    cash_ge: "i:2",
    cash_gt: "i:2",
    cash_in: "s:1",
    cash_le: "i:2",
    cash_lt: "i:2",
    cash_mi: "i:2",
    cash_mul_flt4: "i:2",
    cash_mul_flt8: "i:2",
    cash_mul_int2: "i:2",
    cash_mul_int4: "i:2",
    cash_mul_int8: "i:2",
    cash_ne: "i:2",
    cash_out: "s:1",
    cash_pl: "i:2",
    cash_recv: "i:1",
    cash_send: "i:1",
    cash_words: "i:1",
    cashlarger: "i:2",
    cashsmaller: "i:2",
    cbrt: "i:1",
    ceil: "i:1",
    ceiling: "i:1",
    center: "i:1",
    char: "i:1",
    char_length: "i:1",
    character_length: "i:1",
    chareq: "i:2",
    charge: "i:2",
    chargt: "i:2",
    charin: "i:1",
    charle: "i:2",
    charlt: "i:2",
    charne: "i:2",
    charout: "i:1",
    charrecv: "i:1",
    charsend: "i:1",
    chr: "i:1",
    cideq: "i:2",
    cidin: "i:1",
    cidout: "i:1",
    cidr: "i:1",
    cidr_in: "i:1",
    cidr_out: "i:1",
    cidr_recv: "i:1",
    cidr_send: "i:1",
    cidrecv: "i:1",
    cidsend: "i:1",
    circle: "i:1-2",
    circle_above: "i:2",
    circle_add_pt: "i:2",
    circle_below: "i:2",
    circle_center: "i:1",
    circle_contain: "i:2",
    circle_contain_pt: "i:2",
    circle_contained: "i:2",
    circle_distance: "i:2",
    circle_div_pt: "i:2",
    circle_eq: "i:2",
    circle_ge: "i:2",
    circle_gt: "i:2",
    circle_in: "i:1",
    circle_le: "i:2",
    circle_left: "i:2",
    circle_lt: "i:2",
    circle_mul_pt: "i:2",
    circle_ne: "i:2",
    circle_out: "i:1",
    circle_overabove: "i:2",
    circle_overbelow: "i:2",
    circle_overlap: "i:2",
    circle_overleft: "i:2",
    circle_overright: "i:2",
    circle_recv: "i:1",
    circle_right: "i:2",
    circle_same: "i:2",
    circle_send: "i:1",
    circle_sub_pt: "i:2",
    clock_timestamp: "v:0",
    close_ls: "i:2",
    close_lseg: "i:2",
    close_pb: "i:2",
    close_pl: "i:2",
    close_ps: "i:2",
    close_sb: "i:2",
    col_description: "s:2",
    concat: "s:0+",
    concat_ws: "s:1+",
    contjoinsel: "s:5",
    contsel: "s:4",
    convert: "s:3",
    convert_from: "s:2",
    convert_to: "s:2",
    corr: "i:2",
    cos: "i:1",
    cosd: "i:1",
    cosh: "i:1",
    cot: "i:1",
    cotd: "i:1",
    count: "i:0-1",
    covar_pop: "i:2",
    covar_samp: "i:2",
    crc32: "i:1",
    crc32c: "i:1",
    crypt: "i:2",
    cstring_in: "i:1",
    cstring_out: "i:1",
    cstring_recv: "s:1",
    cstring_send: "s:1",
    cume_dist: "i:0+",
    cume_dist_final: "i:1+",
    current_database: "s:0",
    current_query: "v:0",
    current_schema: "s:0",
    current_schemas: "s:1",
    current_setting: "s:1-2",
    current_user: "s:0",
    currtid2: "v:2",
    currval: "v:1",
    cursor_to_xml: "v:5",
    cursor_to_xmlschema: "v:4",
    database_to_xml: "s:3",
    database_to_xml_and_xmlschema: "s:3",
    database_to_xmlschema: "s:3",
    date: "is:1",
    date_add: "is:2-3",
    date_bin: "i:3",
    date_cmp: "i:2",
    date_cmp_timestamp: "i:2",
    date_cmp_timestamptz: "s:2",
    date_eq: "i:2",
    date_eq_timestamp: "i:2",
    date_eq_timestamptz: "s:2",
    date_ge: "i:2",
    date_ge_timestamp: "i:2",
    date_ge_timestamptz: "s:2",
    date_gt: "i:2",
    date_gt_timestamp: "i:2",
    date_gt_timestamptz: "s:2",
    date_in: "s:1",
    date_larger: "i:2",
    date_le: "i:2",
    date_le_timestamp: "i:2",
    date_le_timestamptz: "s:2",
    date_lt: "i:2",
    date_lt_timestamp: "i:2",
    date_lt_timestamptz: "s:2",
    date_mi: "i:2",
    date_mi_interval: "i:2",
    date_mii: "i:2",
    date_ne: "i:2",
    date_ne_timestamp: "i:2",
    date_ne_timestamptz: "s:2",
    date_out: "s:1",
    date_part: "is:2",
    date_pl_interval: "i:2",
    date_pli: "i:2",
    date_recv: "i:1",
    date_send: "i:1",
    date_skipsupport: "i:1",
    date_smaller: "i:2",
    date_sortsupport: "i:1",
    date_subtract: "is:2-3",
    date_trunc: "is:2-3",
    datemultirange: "i:0+",
    daterange: "i:2-3",
    daterange_canonical: "i:1",
    daterange_subdiff: "i:2",
    datetime_pl: "i:2",
    datetimetz_pl: "i:2",
    dcbrt: "i:1",
    dearmor: "i:1",
    decode: "i:2",
    decrypt: "i:3",
    decrypt_iv: "i:4",
    degrees: "i:1",
    dense_rank: "i:0+",
    dense_rank_final: "i:1+",
    dexp: "i:1",
    diagonal: "i:1",
    diameter: "i:1",
    digest: "i:2",
    dispell_init: "i:1",
    dispell_lexize: "i:4",
    dist_bp: "i:2",
    dist_bs: "i:2",
    dist_cpoint: "i:2",
    dist_cpoly: "i:2",
    dist_lp: "i:2",
    dist_ls: "i:2",
    dist_pathp: "i:2",
    dist_pb: "i:2",
    dist_pc: "i:2",
    dist_pl: "i:2",
    dist_polyc: "i:2",
    dist_polyp: "i:2",
    dist_ppath: "i:2",
    dist_ppoly: "i:2",
    dist_ps: "i:2",
    dist_sb: "i:2",
    dist_sl: "i:2",
    dist_sp: "i:2",
    div: "i:2",
    dlog1: "i:1",
    dlog10: "i:1",
    domain_in: "s:3",
    domain_recv: "s:3",
    dpow: "i:2",
    dround: "i:1",
    dsimple_init: "i:1",
    dsimple_lexize: "i:4",
    dsnowball_init: "v:1",
    dsnowball_lexize: "v:4",
    dsqrt: "i:1",
    dsynonym_init: "i:1",
    dsynonym_lexize: "i:4",
    dtrunc: "i:1",
    elem_contained_by_multirange: "i:2",
    elem_contained_by_range: "i:2",
    elem_contained_by_range_support: "i:1",
    encode: "i:2",
    encrypt: "i:3",
    encrypt_iv: "i:4",
    enum_cmp: "i:2",
    enum_eq: "i:2",
    enum_first: "s:1",
    enum_ge: "i:2",
    enum_gt: "i:2",
    enum_in: "s:2",
    enum_larger: "i:2",
    enum_last: "s:1",
    enum_le: "i:2",
    enum_lt: "i:2",
    enum_ne: "i:2",
    enum_out: "s:1",
    enum_range: "s:1-2",
    enum_recv: "s:2",
    enum_send: "s:1",
    enum_smaller: "i:2",
    eqjoinsel: "s:5",
    eqsel: "s:4",
    erf: "i:1",
    erfc: "i:1",
    euc_cn_to_mic: "i:6",
    euc_cn_to_utf8: "i:6",
    euc_jis_2004_to_shift_jis_2004: "i:6",
    euc_jis_2004_to_utf8: "i:6",
    euc_jp_to_mic: "i:6",
    euc_jp_to_sjis: "i:6",
    euc_jp_to_utf8: "i:6",
    euc_kr_to_mic: "i:6",
    euc_kr_to_utf8: "i:6",
    euc_tw_to_big5: "i:6",
    euc_tw_to_mic: "i:6",
    euc_tw_to_utf8: "i:6",
    event_trigger_in: "i:1",
    event_trigger_out: "i:1",
    every: "i:1",
    exp: "i:1",
    extract: "is:2",
    factorial: "i:1",
    family: "i:1",
    fdw_handler_in: "i:1",
    fdw_handler_out: "i:1",
    fips_mode: "v:0",
    first_value: "i:1",
    float4: "i:1",
    float48div: "i:2",
    float48eq: "i:2",
    float48ge: "i:2",
    float48gt: "i:2",
    float48le: "i:2",
    float48lt: "i:2",
    float48mi: "i:2",
    float48mul: "i:2",
    float48ne: "i:2",
    float48pl: "i:2",
    float4_accum: "i:2",
    float4abs: "i:1",
    float4div: "i:2",
    float4eq: "i:2",
    float4ge: "i:2",
    float4gt: "i:2",
    float4in: "i:1",
    float4larger: "i:2",
    float4le: "i:2",
    float4lt: "i:2",
    float4mi: "i:2",
    float4mul: "i:2",
    float4ne: "i:2",
    float4out: "i:1",
    float4pl: "i:2",
    float4recv: "i:1",
    float4send: "i:1",
    float4smaller: "i:2",
    float4um: "i:1",
    float4up: "i:1",
    float8: "i:1",
    float84div: "i:2",
    float84eq: "i:2",
    float84ge: "i:2",
    float84gt: "i:2",
    float84le: "i:2",
    float84lt: "i:2",
    float84mi: "i:2",
    float84mul: "i:2",
    float84ne: "i:2",
    float84pl: "i:2",
    float8_accum: "i:2",
    float8_avg: "i:1",
    float8_combine: "i:2",
    float8_corr: "i:1",
    float8_covar_pop: "i:1",
    float8_covar_samp: "i:1",
    float8_regr_accum: "i:3",
    float8_regr_avgx: "i:1",
    float8_regr_avgy: "i:1",
    float8_regr_combine: "i:2",
    float8_regr_intercept: "i:1",
    float8_regr_r2: "i:1",
    float8_regr_slope: "i:1",
    float8_regr_sxx: "i:1",
    float8_regr_sxy: "i:1",
    float8_regr_syy: "i:1",
    float8_stddev_pop: "i:1",
    float8_stddev_samp: "i:1",
    float8_var_pop: "i:1",
    float8_var_samp: "i:1",
    float8abs: "i:1",
    float8div: "i:2",
    float8eq: "i:2",
    float8ge: "i:2",
    float8gt: "i:2",
    float8in: "i:1",
    float8larger: "i:2",
    float8le: "i:2",
    float8lt: "i:2",
    float8mi: "i:2",
    float8mul: "i:2",
    float8ne: "i:2",
    float8out: "i:1",
    float8pl: "i:2",
    float8recv: "i:1",
    float8send: "i:1",
    float8smaller: "i:2",
    float8um: "i:1",
    float8up: "i:1",
    floor: "i:1",
    flt4_mul_cash: "i:2",
    flt8_mul_cash: "i:2",
    fmgr_c_validator: "s:1",
    fmgr_internal_validator: "s:1",
    fmgr_sql_validator: "s:1",
    format: "s:1+",
    format_type: "s:2",
    gamma: "i:1",
    gb18030_to_utf8: "i:6",
    gbk_to_utf8: "i:6",
    gcd: "i:2",
    gen_random_bytes: "v:1",
    gen_random_uuid: "v:0",
    gen_salt: "v:1-2",
    generate_series: "is:2-4",
    generate_series_int4_support: "i:1",
    generate_series_int8_support: "i:1",
    generate_series_numeric_support: "i:1",
    generate_series_timestamp_support: "i:1",
    generate_subscripts: "i:2-3",
    get_bit: "i:2",
    get_byte: "i:2",
    get_current_ts_config: "s:0",
    getdatabaseencoding: "s:0",
    getpgusername: "s:0",
    gin_clean_pending_list: "v:1",
    gin_cmp_prefix: "i:4",
    gin_cmp_tslexeme: "i:2",
    gin_compare_jsonb: "i:2",
    gin_consistent_jsonb: "i:8",
    gin_consistent_jsonb_path: "i:8",
    gin_extract_jsonb: "i:3",
    gin_extract_jsonb_path: "i:3",
    gin_extract_jsonb_query: "i:7",
    gin_extract_jsonb_query_path: "i:7",
    gin_extract_tsquery: "i:5,7",
    gin_extract_tsvector: "i:2-3",
    gin_triconsistent_jsonb: "i:7",
    gin_triconsistent_jsonb_path: "i:7",
    gin_tsquery_consistent: "i:6,8",
    gin_tsquery_triconsistent: "i:7",
    ginarrayconsistent: "i:8",
    ginarrayextract: "i:2-3",
    ginarraytriconsistent: "i:7",
    ginhandler: "v:1",
    ginqueryarrayextract: "i:7",
    gist_box_consistent: "i:5",
    gist_box_distance: "i:5",
    gist_box_penalty: "i:3",
    gist_box_picksplit: "i:2",
    gist_box_same: "i:3",
    gist_box_union: "i:2",
    gist_circle_compress: "i:1",
    gist_circle_consistent: "i:5",
    gist_circle_distance: "i:5",
    gist_point_compress: "i:1",
    gist_point_consistent: "i:5",
    gist_point_distance: "i:5",
    gist_point_fetch: "i:1",
    gist_point_sortsupport: "i:1",
    gist_poly_compress: "i:1",
    gist_poly_consistent: "i:5",
    gist_poly_distance: "i:5",
    gist_translate_cmptype_common: "i:1",
    gisthandler: "v:1",
    gtsquery_compress: "i:1",
    gtsquery_consistent: "i:5",
    gtsquery_penalty: "i:3",
    gtsquery_picksplit: "i:2",
    gtsquery_same: "i:3",
    gtsquery_union: "i:2",
    gtsvector_compress: "i:1",
    gtsvector_consistent: "i:5",
    gtsvector_decompress: "i:1",
    gtsvector_options: "i:1",
    gtsvector_penalty: "i:3",
    gtsvector_picksplit: "i:2",
    gtsvector_same: "i:3",
    gtsvector_union: "i:2",
    gtsvectorin: "i:1",
    gtsvectorout: "i:1",
    has_any_column_privilege: "s:2-3",
    has_column_privilege: "s:3-4",
    has_database_privilege: "s:2-3",
    has_foreign_data_wrapper_privilege: "s:2-3",
    has_function_privilege: "s:2-3",
    has_language_privilege: "s:2-3",
    has_largeobject_privilege: "s:2-3",
    has_parameter_privilege: "s:2-3",
    has_schema_privilege: "s:2-3",
    has_sequence_privilege: "s:2-3",
    has_server_privilege: "s:2-3",
    has_table_privilege: "s:2-3",
    has_tablespace_privilege: "s:2-3",
    has_type_privilege: "s:2-3",
    hash_aclitem: "i:1",
    hash_aclitem_extended: "i:2",
    hash_array: "i:1",
    hash_array_extended: "i:2",
    hash_multirange: "i:1",
    hash_multirange_extended: "i:2",
    hash_numeric: "i:1",
    hash_numeric_extended: "i:2",
    hash_range: "i:1",
    hash_range_extended: "i:2",
    hash_record: "i:1",
    hash_record_extended: "i:2",
    hashbool: "i:1",
    hashboolextended: "i:2",
    hashbpchar: "i:1",
    hashbpcharextended: "i:2",
    hashbytea: "i:1",
    hashbyteaextended: "i:2",
    hashchar: "i:1",
    hashcharextended: "i:2",
    hashcid: "i:1",
    hashcidextended: "i:2",
    hashdate: "i:1",
    hashdateextended: "i:2",
    hashenum: "i:1",
    hashenumextended: "i:2",
    hashfloat4: "i:1",
    hashfloat4extended: "i:2",
    hashfloat8: "i:1",
    hashfloat8extended: "i:2",
    hashhandler: "v:1",
    hashinet: "i:1",
    hashinetextended: "i:2",
    hashint2: "i:1",
    hashint2extended: "i:2",
    hashint4: "i:1",
    hashint4extended: "i:2",
    hashint8: "i:1",
    hashint8extended: "i:2",
    hashmacaddr: "i:1",
    hashmacaddr8: "i:1",
    hashmacaddr8extended: "i:2",
    hashmacaddrextended: "i:2",
    hashname: "i:1",
    hashnameextended: "i:2",
    hashoid: "i:1",
    hashoidextended: "i:2",
    hashoidvector: "i:1",
    hashoidvectorextended: "i:2",
    hashtext: "i:1",
    hashtextextended: "i:2",
    hashtid: "i:1",
    hashtidextended: "i:2",
    hashvarlena: "i:1",
    hashvarlenaextended: "i:2",
    hashxid: "i:1",
    hashxid8: "i:1",
    hashxid8extended: "i:2",
    hashxidextended: "i:2",
    heap_tableam_handler: "v:1",
    height: "i:1",
    hmac: "i:3",
    host: "i:1",
    hostmask: "i:1",
    iclikejoinsel: "s:5",
    iclikesel: "s:4",
    icnlikejoinsel: "s:5",
    icnlikesel: "s:4",
    icregexeqjoinsel: "s:5",
    icregexeqsel: "s:4",
    icregexnejoinsel: "s:5",
    icregexnesel: "s:4",
    icu_unicode_version: "i:0",
    in_range: "is:5",
    index_am_handler_in: "i:1",
    index_am_handler_out: "i:1",
    inet_client_addr: "s:0",
    inet_client_port: "s:0",
    inet_gist_compress: "i:1",
    inet_gist_consistent: "i:5",
    inet_gist_fetch: "i:1",
    inet_gist_penalty: "i:3",
    inet_gist_picksplit: "i:2",
    inet_gist_same: "i:3",
    inet_gist_union: "i:2",
    inet_in: "i:1",
    inet_merge: "i:2",
    inet_out: "i:1",
    inet_recv: "i:1",
    inet_same_family: "i:2",
    inet_send: "i:1",
    inet_server_addr: "s:0",
    inet_server_port: "s:0",
    inet_spg_choose: "i:2",
    inet_spg_config: "i:2",
    inet_spg_inner_consistent: "i:2",
    inet_spg_leaf_consistent: "i:2",
    inet_spg_picksplit: "i:2",
    inetand: "i:2",
    inetmi: "i:2",
    inetmi_int8: "i:2",
    inetnot: "i:1",
    inetor: "i:2",
    inetpl: "i:2",
    initcap: "i:1",
    int2: "i:1",
    int24div: "i:2",
    int24eq: "i:2",
    int24ge: "i:2",
    int24gt: "i:2",
    int24le: "i:2",
    int24lt: "i:2",
    int24mi: "i:2",
    int24mul: "i:2",
    int24ne: "i:2",
    int24pl: "i:2",
    int28div: "i:2",
    int28eq: "i:2",
    int28ge: "i:2",
    int28gt: "i:2",
    int28le: "i:2",
    int28lt: "i:2",
    int28mi: "i:2",
    int28mul: "i:2",
    int28ne: "i:2",
    int28pl: "i:2",
    int2_accum: "i:2",
    int2_accum_inv: "i:2",
    int2_avg_accum: "i:2",
    int2_avg_accum_inv: "i:2",
    int2_mul_cash: "i:2",
    int2_sum: "i:2",
    int2abs: "i:1",
    int2and: "i:2",
    int2div: "i:2",
    int2eq: "i:2",
    int2ge: "i:2",
    int2gt: "i:2",
    int2in: "i:1",
    int2int4_sum: "i:1",
    int2larger: "i:2",
    int2le: "i:2",
    int2lt: "i:2",
    int2mi: "i:2",
    int2mod: "i:2",
    int2mul: "i:2",
    int2ne: "i:2",
    int2not: "i:1",
    int2or: "i:2",
    int2out: "i:1",
    int2pl: "i:2",
    int2recv: "i:1",
    int2send: "i:1",
    int2shl: "i:2",
    int2shr: "i:2",
    int2smaller: "i:2",
    int2um: "i:1",
    int2up: "i:1",
    int2vectorin: "i:1",
    int2vectorout: "i:1",
    int2vectorrecv: "i:1",
    int2vectorsend: "i:1",
    int2xor: "i:2",
    int4: "i:1",
    int42div: "i:2",
    int42eq: "i:2",
    int42ge: "i:2",
    int42gt: "i:2",
    int42le: "i:2",
    int42lt: "i:2",
    int42mi: "i:2",
    int42mul: "i:2",
    int42ne: "i:2",
    int42pl: "i:2",
    int48div: "i:2",
    int48eq: "i:2",
    int48ge: "i:2",
    int48gt: "i:2",
    int48le: "i:2",
    int48lt: "i:2",
    int48mi: "i:2",
    int48mul: "i:2",
    int48ne: "i:2",
    int48pl: "i:2",
    int4_accum: "i:2",
    int4_accum_inv: "i:2",
    int4_avg_accum: "i:2",
    int4_avg_accum_inv: "i:2",
    int4_avg_combine: "i:2",
    int4_mul_cash: "i:2",
    int4_sum: "i:2",
    int4abs: "i:1",
    int4and: "i:2",
    int4div: "i:2",
    int4eq: "i:2",
    int4ge: "i:2",
    int4gt: "i:2",
    int4in: "i:1",
    int4inc: "i:1",
    int4larger: "i:2",
    int4le: "i:2",
    int4lt: "i:2",
    int4mi: "i:2",
    int4mod: "i:2",
    int4mul: "i:2",
    int4multirange: "i:0+",
    int4ne: "i:2",
    int4not: "i:1",
    int4or: "i:2",
    int4out: "i:1",
    int4pl: "i:2",
    int4range: "i:2-3",
    int4range_canonical: "i:1",
    int4range_subdiff: "i:2",
    int4recv: "i:1",
    int4send: "i:1",
    int4shl: "i:2",
    int4shr: "i:2",
    int4smaller: "i:2",
    int4um: "i:1",
    int4up: "i:1",
    int4xor: "i:2",
    int8: "i:1",
    int82div: "i:2",
    int82eq: "i:2",
    int82ge: "i:2",
    int82gt: "i:2",
    int82le: "i:2",
    int82lt: "i:2",
    int82mi: "i:2",
    int82mul: "i:2",
    int82ne: "i:2",
    int82pl: "i:2",
    int84div: "i:2",
    int84eq: "i:2",
    int84ge: "i:2",
    int84gt: "i:2",
    int84le: "i:2",
    int84lt: "i:2",
    int84mi: "i:2",
    int84mul: "i:2",
    int84ne: "i:2",
    int84pl: "i:2",
    int8_accum: "i:2",
    int8_accum_inv: "i:2",
    int8_avg: "i:1",
    int8_avg_accum: "i:2",
    int8_avg_accum_inv: "i:2",
    int8_avg_combine: "i:2",
    int8_avg_deserialize: "i:2",
    int8_avg_serialize: "i:1",
    int8_mul_cash: "i:2",
    int8_sum: "i:2",
    int8abs: "i:1",
    int8and: "i:2",
    int8dec: "i:1",
    int8dec_any: "i:2",
    int8div: "i:2",
    int8eq: "i:2",
    int8ge: "i:2",
    int8gt: "i:2",
    int8in: "i:1",
    int8inc: "i:1",
    int8inc_any: "i:2",
    int8inc_float8_float8: "i:3",
    int8inc_support: "i:1",
    int8larger: "i:2",
    int8le: "i:2",
    int8lt: "i:2",
    int8mi: "i:2",
    int8mod: "i:2",
    int8mul: "i:2",
    int8multirange: "i:0+",
    int8ne: "i:2",
    int8not: "i:1",
    int8or: "i:2",
    int8out: "i:1",
    int8pl: "i:2",
    int8pl_inet: "i:2",
    int8range: "i:2-3",
    int8range_canonical: "i:1",
    int8range_subdiff: "i:2",
    int8recv: "i:1",
    int8send: "i:1",
    int8shl: "i:2",
    int8shr: "i:2",
    int8smaller: "i:2",
    int8um: "i:1",
    int8up: "i:1",
    int8xor: "i:2",
    integer_pl_date: "i:2",
    inter_lb: "i:2",
    inter_sb: "i:2",
    inter_sl: "i:2",
    internal_in: "i:1",
    internal_out: "i:1",
    interval: "i:1-2",
    interval_avg: "i:1",
    interval_avg_accum: "i:2",
    interval_avg_accum_inv: "i:2",
    interval_avg_combine: "i:2",
    interval_avg_deserialize: "i:2",
    interval_avg_serialize: "i:1",
    interval_cmp: "i:2",
    interval_div: "i:2",
    interval_eq: "i:2",
    interval_ge: "i:2",
    interval_gt: "i:2",
    interval_hash: "i:1",
    interval_hash_extended: "i:2",
    interval_in: "s:3",
    interval_larger: "i:2",
    interval_le: "i:2",
    interval_lt: "i:2",
    interval_mi: "i:2",
    interval_mul: "i:2",
    interval_ne: "i:2",
    interval_out: "s:1",
    interval_pl: "i:2",
    interval_pl_date: "i:2",
    interval_pl_time: "i:2",
    interval_pl_timestamp: "i:2",
    interval_pl_timestamptz: "s:2",
    interval_pl_timetz: "i:2",
    interval_recv: "i:3",
    interval_send: "i:1",
    interval_smaller: "i:2",
    interval_sum: "i:1",
    interval_support: "i:1",
    interval_um: "i:1",
    intervaltypmodin: "i:1",
    intervaltypmodout: "i:1",
    is_normalized: "i:1-2",
    isclosed: "i:1",
    isempty: "i:1",
    isfinite: "i:1",
    ishorizontal: "i:1-2",
    iso8859_1_to_utf8: "i:6",
    iso8859_to_utf8: "i:6",
    iso_to_koi8r: "i:6",
    iso_to_mic: "i:6",
    iso_to_win1251: "i:6",
    iso_to_win866: "i:6",
    isopen: "i:1",
    isparallel: "i:2",
    isperp: "i:2",
    isvertical: "i:1-2",
    johab_to_utf8: "i:6",
    json_agg: "s:1",
    json_agg_finalfn: "i:1",
    json_agg_strict: "s:1",
    json_agg_strict_transfn: "s:2",
    json_agg_transfn: "s:2",
    json_array_element: "i:2",
    json_array_element_text: "i:2",
    json_array_elements: "i:1",
    json_array_elements_text: "i:1",
    json_array_length: "i:1",
    json_build_array: "s:0+",
    json_build_object: "s:0+",
    json_each: "i:1",
    json_each_text: "i:1",
    json_extract_path: "i:1+",
    json_extract_path_text: "i:1+",
    json_in: "i:1",
    json_object: "i:1-2",
    json_object_agg: "s:2",
    json_object_agg_finalfn: "i:1",
    json_object_agg_strict: "s:2",
    json_object_agg_strict_transfn: "s:3",
    json_object_agg_transfn: "s:3",
    json_object_agg_unique: "s:2",
    json_object_agg_unique_strict: "s:2",
    json_object_agg_unique_strict_transfn: "s:3",
    json_object_agg_unique_transfn: "s:3",
    json_object_field: "i:2",
    json_object_field_text: "i:2",
    json_object_keys: "i:1",
    json_out: "i:1",
    json_populate_record: "s:2-3",
    json_populate_recordset: "s:2-3",
    json_recv: "i:1",
    json_send: "i:1",
    json_strip_nulls: "i:1-2",
    json_to_record: "s:1",
    json_to_recordset: "s:1",
    json_to_tsvector: "is:2-3",
    json_typeof: "i:1",
    jsonb_agg: "s:1",
    jsonb_agg_finalfn: "s:1",
    jsonb_agg_strict: "s:1",
    jsonb_agg_strict_transfn: "s:2",
    jsonb_agg_transfn: "s:2",
    jsonb_array_element: "i:2",
    jsonb_array_element_text: "i:2",
    jsonb_array_elements: "i:1",
    jsonb_array_elements_text: "i:1",
    jsonb_array_length: "i:1",
    jsonb_build_array: "s:0+",
    jsonb_build_object: "s:0+",
    jsonb_cmp: "i:2",
    jsonb_concat: "i:2",
    jsonb_contained: "i:2",
    jsonb_contains: "i:2",
    jsonb_delete: "i:1+",
    jsonb_delete_path: "i:2",
    jsonb_each: "i:1",
    jsonb_each_text: "i:1",
    jsonb_eq: "i:2",
    jsonb_exists: "i:2",
    jsonb_exists_all: "i:2",
    jsonb_exists_any: "i:2",
    jsonb_extract_path: "i:1+",
    jsonb_extract_path_text: "i:1+",
    jsonb_ge: "i:2",
    jsonb_gt: "i:2",
    jsonb_hash: "i:1",
    jsonb_hash_extended: "i:2",
    jsonb_in: "i:1",
    jsonb_insert: "i:3-4",
    jsonb_le: "i:2",
    jsonb_lt: "i:2",
    jsonb_ne: "i:2",
    jsonb_object: "i:1-2",
    jsonb_object_agg: "i:2",
    jsonb_object_agg_finalfn: "s:1",
    jsonb_object_agg_strict: "i:2",
    jsonb_object_agg_strict_transfn: "s:3",
    jsonb_object_agg_transfn: "s:3",
    jsonb_object_agg_unique: "i:2",
    jsonb_object_agg_unique_strict: "i:2",
    jsonb_object_agg_unique_strict_transfn: "s:3",
    jsonb_object_agg_unique_transfn: "s:3",
    jsonb_object_field: "i:2",
    jsonb_object_field_text: "i:2",
    jsonb_object_keys: "i:1",
    jsonb_out: "i:1",
    jsonb_path_exists: "i:2-4",
    jsonb_path_exists_opr: "i:2",
    jsonb_path_exists_tz: "s:2-4",
    jsonb_path_match: "i:2-4",
    jsonb_path_match_opr: "i:2",
    jsonb_path_match_tz: "s:2-4",
    jsonb_path_query: "i:2-4",
    jsonb_path_query_array: "i:2-4",
    jsonb_path_query_array_tz: "s:2-4",
    jsonb_path_query_first: "i:2-4",
    jsonb_path_query_first_tz: "s:2-4",
    jsonb_path_query_tz: "s:2-4",
    jsonb_populate_record: "s:2",
    jsonb_populate_record_valid: "s:2",
    jsonb_populate_recordset: "s:2",
    jsonb_pretty: "i:1",
    jsonb_recv: "i:1",
    jsonb_send: "i:1",
    jsonb_set: "i:3-4",
    jsonb_set_lax: "i:3-5",
    jsonb_strip_nulls: "i:1-2",
    jsonb_subscript_handler: "i:1",
    jsonb_to_record: "s:1",
    jsonb_to_recordset: "s:1",
    jsonb_to_tsvector: "is:2-3",
    jsonb_typeof: "i:1",
    jsonpath_in: "i:1",
    jsonpath_out: "i:1",
    jsonpath_recv: "i:1",
    jsonpath_send: "i:1",
    justify_days: "i:1",
    justify_hours: "i:1",
    justify_interval: "i:1",
    koi8r_to_iso: "i:6",
    koi8r_to_mic: "i:6",
    koi8r_to_utf8: "i:6",
    koi8r_to_win1251: "i:6",
    koi8r_to_win866: "i:6",
    koi8u_to_utf8: "i:6",
    lag: "i:1-3",
    language_handler_in: "i:1",
    language_handler_out: "i:1",
    last_value: "i:1",
    lastval: "v:0",
    latin1_to_mic: "i:6",
    latin2_to_mic: "i:6",
    latin2_to_win1250: "i:6",
    latin3_to_mic: "i:6",
    latin4_to_mic: "i:6",
    lcm: "i:2",
    lead: "i:1-3",
    left: "i:2",
    length: "is:1-2",
    lgamma: "i:1",
    like: "i:2",
    like_escape: "i:2",
    likejoinsel: "s:5",
    likesel: "s:4",
    line: "i:2",
    line_distance: "i:2",
    line_eq: "i:2",
    line_horizontal: "i:1",
    line_in: "i:1",
    line_interpt: "i:2",
    line_intersect: "i:2",
    line_out: "i:1",
    line_parallel: "i:2",
    line_perp: "i:2",
    line_recv: "i:1",
    line_send: "i:1",
    line_vertical: "i:1",
    ln: "i:1",
    lo_close: "v:1",
    lo_creat: "v:1",
    lo_create: "v:1",
    lo_export: "v:2",
    lo_from_bytea: "v:2",
    lo_get: "v:1,3",
    lo_import: "v:1-2",
    lo_lseek: "v:3",
    lo_lseek64: "v:3",
    lo_open: "v:2",
    lo_put: "v:3",
    lo_tell: "v:1",
    lo_tell64: "v:1",
    lo_truncate: "v:2",
    lo_truncate64: "v:2",
    lo_unlink: "v:1",
    log: "i:1-2",
    log10: "i:1",
    loread: "v:2",
    lower: "i:1",
    lower_inc: "i:1",
    lower_inf: "i:1",
    lowrite: "v:2",
    lpad: "i:2-3",
    lseg: "i:1-2",
    lseg_center: "i:1",
    lseg_distance: "i:2",
    lseg_eq: "i:2",
    lseg_ge: "i:2",
    lseg_gt: "i:2",
    lseg_horizontal: "i:1",
    lseg_in: "i:1",
    lseg_interpt: "i:2",
    lseg_intersect: "i:2",
    lseg_le: "i:2",
    lseg_length: "i:1",
    lseg_lt: "i:2",
    lseg_ne: "i:2",
    lseg_out: "i:1",
    lseg_parallel: "i:2",
    lseg_perp: "i:2",
    lseg_recv: "i:1",
    lseg_send: "i:1",
    lseg_vertical: "i:1",
    ltrim: "i:1-2",
    macaddr: "i:1",
    macaddr8: "i:1",
    macaddr8_and: "i:2",
    macaddr8_cmp: "i:2",
    macaddr8_eq: "i:2",
    macaddr8_ge: "i:2",
    macaddr8_gt: "i:2",
    macaddr8_in: "i:1",
    macaddr8_le: "i:2",
    macaddr8_lt: "i:2",
    macaddr8_ne: "i:2",
    macaddr8_not: "i:1",
    macaddr8_or: "i:2",
    macaddr8_out: "i:1",
    macaddr8_recv: "i:1",
    macaddr8_send: "i:1",
    macaddr8_set7bit: "i:1",
    macaddr_and: "i:2",
    macaddr_cmp: "i:2",
    macaddr_eq: "i:2",
    macaddr_ge: "i:2",
    macaddr_gt: "i:2",
    macaddr_in: "i:1",
    macaddr_le: "i:2",
    macaddr_lt: "i:2",
    macaddr_ne: "i:2",
    macaddr_not: "i:1",
    macaddr_or: "i:2",
    macaddr_out: "i:1",
    macaddr_recv: "i:1",
    macaddr_send: "i:1",
    macaddr_sortsupport: "i:1",
    make_date: "i:3",
    make_interval: "i:0-7",
    make_time: "i:3",
    make_timestamp: "i:6",
    make_timestamptz: "s:6-7",
    makeaclitem: "i:4",
    masklen: "i:1",
    matchingjoinsel: "s:5",
    matchingsel: "s:4",
    max: "i:1",
    md5: "i:1",
    mic_to_big5: "i:6",
    mic_to_euc_cn: "i:6",
    mic_to_euc_jp: "i:6",
    mic_to_euc_kr: "i:6",
    mic_to_euc_tw: "i:6",
    mic_to_iso: "i:6",
    mic_to_koi8r: "i:6",
    mic_to_latin1: "i:6",
    mic_to_latin2: "i:6",
    mic_to_latin3: "i:6",
    mic_to_latin4: "i:6",
    mic_to_sjis: "i:6",
    mic_to_win1250: "i:6",
    mic_to_win1251: "i:6",
    mic_to_win866: "i:6",
    min: "i:1",
    min_scale: "i:1",
    mod: "i:2",
    mode: "i:1",
    mode_final: "i:2",
    money: "s:1",
    mul_d_interval: "i:2",
    multirange: "i:1",
    multirange_adjacent_multirange: "i:2",
    multirange_adjacent_range: "i:2",
    multirange_after_multirange: "i:2",
    multirange_after_range: "i:2",
    multirange_agg_finalfn: "i:2",
    multirange_agg_transfn: "i:2",
    multirange_before_multirange: "i:2",
    multirange_before_range: "i:2",
    multirange_cmp: "i:2",
    multirange_contained_by_multirange: "i:2",
    multirange_contained_by_range: "i:2",
    multirange_contains_elem: "i:2",
    multirange_contains_multirange: "i:2",
    multirange_contains_range: "i:2",
    multirange_eq: "i:2",
    multirange_ge: "i:2",
    multirange_gist_compress: "i:1",
    multirange_gist_consistent: "i:5",
    multirange_gt: "i:2",
    multirange_in: "s:3",
    multirange_intersect: "i:2",
    multirange_intersect_agg_transfn: "i:2",
    multirange_le: "i:2",
    multirange_lt: "i:2",
    multirange_minus: "i:2",
    multirange_ne: "i:2",
    multirange_out: "s:1",
    multirange_overlaps_multirange: "i:2",
    multirange_overlaps_range: "i:2",
    multirange_overleft_multirange: "i:2",
    multirange_overleft_range: "i:2",
    multirange_overright_multirange: "i:2",
    multirange_overright_range: "i:2",
    multirange_recv: "s:3",
    multirange_send: "s:1",
    multirange_typanalyze: "s:1",
    multirange_union: "i:2",
    multirangesel: "s:4",
    mxid_age: "s:1",
    name: "i:1",
    nameconcatoid: "i:2",
    nameeq: "i:2",
    nameeqtext: "i:2",
    namege: "i:2",
    namegetext: "i:2",
    namegt: "i:2",
    namegttext: "i:2",
    nameiclike: "i:2",
    nameicnlike: "i:2",
    nameicregexeq: "i:2",
    nameicregexne: "i:2",
    namein: "i:1",
    namele: "i:2",
    nameletext: "i:2",
    namelike: "i:2",
    namelt: "i:2",
    namelttext: "i:2",
    namene: "i:2",
    namenetext: "i:2",
    namenlike: "i:2",
    nameout: "i:1",
    namerecv: "s:1",
    nameregexeq: "i:2",
    nameregexne: "i:2",
    namesend: "s:1",
    neqjoinsel: "s:5",
    neqsel: "s:4",
    netmask: "i:1",
    network: "i:1",
    network_cmp: "i:2",
    network_eq: "i:2",
    network_ge: "i:2",
    network_gt: "i:2",
    network_larger: "i:2",
    network_le: "i:2",
    network_lt: "i:2",
    network_ne: "i:2",
    network_overlap: "i:2",
    network_smaller: "i:2",
    network_sortsupport: "i:1",
    network_sub: "i:2",
    network_subeq: "i:2",
    network_subset_support: "i:1",
    network_sup: "i:2",
    network_supeq: "i:2",
    networkjoinsel: "s:5",
    networksel: "s:4",
    nextval: "v:1",
    nlikejoinsel: "s:5",
    nlikesel: "s:4",
    normalize: "i:1-2",
    notlike: "i:2",
    now: "s:0",
    npoints: "i:1",
    nth_value: "i:2",
    ntile: "i:1",
    num_nonnulls: "i:0+",
    num_nulls: "i:0+",
    numeric: "is:1-2",
    numeric_abs: "i:1",
    numeric_accum: "i:2",
    numeric_accum_inv: "i:2",
    numeric_add: "i:2",
    numeric_avg: "i:1",
    numeric_avg_accum: "i:2",
    numeric_avg_combine: "i:2",
    numeric_avg_deserialize: "i:2",
    numeric_avg_serialize: "i:1",
    numeric_cmp: "i:2",
    numeric_combine: "i:2",
    numeric_deserialize: "i:2",
    numeric_div: "i:2",
    numeric_div_trunc: "i:2",
    numeric_eq: "i:2",
    numeric_exp: "i:1",
    numeric_ge: "i:2",
    numeric_gt: "i:2",
    numeric_in: "i:3",
    numeric_inc: "i:1",
    numeric_larger: "i:2",
    numeric_le: "i:2",
    numeric_ln: "i:1",
    numeric_log: "i:2",
    numeric_lt: "i:2",
    numeric_mod: "i:2",
    numeric_mul: "i:2",
    numeric_ne: "i:2",
    numeric_out: "i:1",
    numeric_pl_pg_lsn: "i:2",
    numeric_poly_avg: "i:1",
    numeric_poly_combine: "i:2",
    numeric_poly_deserialize: "i:2",
    numeric_poly_serialize: "i:1",
    numeric_poly_stddev_pop: "i:1",
    numeric_poly_stddev_samp: "i:1",
    numeric_poly_sum: "i:1",
    numeric_poly_var_pop: "i:1",
    numeric_poly_var_samp: "i:1",
    numeric_power: "i:2",
    numeric_recv: "i:3",
    numeric_send: "i:1",
    numeric_serialize: "i:1",
    numeric_smaller: "i:2",
    numeric_sortsupport: "i:1",
    numeric_sqrt: "i:1",
    numeric_stddev_pop: "i:1",
    numeric_stddev_samp: "i:1",
    numeric_sub: "i:2",
    numeric_sum: "i:1",
    numeric_support: "i:1",
    numeric_uminus: "i:1",
    numeric_uplus: "i:1",
    numeric_var_pop: "i:1",
    numeric_var_samp: "i:1",
    numerictypmodin: "i:1",
    numerictypmodout: "i:1",
    nummultirange: "i:0+",
    numnode: "i:1",
    numrange: "i:2-3",
    numrange_subdiff: "i:2",
    obj_description: "s:1-2",
    octet_length: "i:1",
    oid: "i:1",
    oideq: "i:2",
    oidge: "i:2",
    oidgt: "i:2",
    oidin: "i:1",
    oidlarger: "i:2",
    oidle: "i:2",
    oidlt: "i:2",
    oidne: "i:2",
    oidout: "i:1",
    oidrecv: "i:1",
    oidsend: "i:1",
    oidsmaller: "i:2",
    oidvectoreq: "i:2",
    oidvectorge: "i:2",
    oidvectorgt: "i:2",
    oidvectorin: "i:1",
    oidvectorle: "i:2",
    oidvectorlt: "i:2",
    oidvectorne: "i:2",
    oidvectorout: "i:1",
    oidvectorrecv: "i:1",
    oidvectorsend: "i:1",
    oidvectortypes: "s:1",
    on_pb: "i:2",
    on_pl: "i:2",
    on_ppath: "i:2",
    on_ps: "i:2",
    on_sb: "i:2",
    on_sl: "i:2",
    ordered_set_transition: "i:2",
    ordered_set_transition_multi: "i:1+",
    overlaps: "is:4",
    overlay: "i:3-4",
    parse_ident: "i:1-2",
    path: "i:1",
    path_add: "i:2",
    path_add_pt: "i:2",
    path_contain_pt: "i:2",
    path_distance: "i:2",
    path_div_pt: "i:2",
    path_in: "i:1",
    path_inter: "i:2",
    path_length: "i:1",
    path_mul_pt: "i:2",
    path_n_eq: "i:2",
    path_n_ge: "i:2",
    path_n_gt: "i:2",
    path_n_le: "i:2",
    path_n_lt: "i:2",
    path_npoints: "i:1",
    path_out: "i:1",
    path_recv: "i:1",
    path_send: "i:1",
    path_sub_pt: "i:2",
    pclose: "i:1",
    percent_rank: "i:0+",
    percent_rank_final: "i:1+",
    percentile_cont: "i:2",
    percentile_cont_float8_final: "i:2",
    percentile_cont_float8_multi_final: "i:2",
    percentile_cont_interval_final: "i:2",
    percentile_cont_interval_multi_final: "i:2",
    percentile_disc: "i:2",
    percentile_disc_final: "i:3",
    percentile_disc_multi_final: "i:3",
    pg_advisory_lock: "v:1-2",
    pg_advisory_lock_shared: "v:1-2",
    pg_advisory_unlock: "v:1-2",
    pg_advisory_unlock_all: "v:0",
    pg_advisory_unlock_shared: "v:1-2",
    pg_advisory_xact_lock: "v:1-2",
    pg_advisory_xact_lock_shared: "v:1-2",
    pg_available_extension_versions: "s:0",
    pg_available_extensions: "s:0",
    pg_available_wal_summaries: "v:0",
    pg_backend_pid: "s:0",
    pg_backup_start: "v:1-2",
    pg_backup_stop: "v:0-1",
    pg_basetype: "s:1",
    pg_blocking_pids: "v:1",
    pg_cancel_backend: "v:1",
    pg_char_to_encoding: "s:1",
    pg_clear_attribute_stats: "v:4",
    pg_clear_relation_stats: "v:2",
    pg_client_encoding: "s:0",
    pg_collation_actual_version: "v:1",
    pg_collation_for: "s:1",
    pg_collation_is_visible: "s:1",
    pg_column_compression: "s:1",
    pg_column_is_updatable: "s:3",
    pg_column_size: "s:1",
    pg_column_toast_chunk_id: "s:1",
    pg_conf_load_time: "s:0",
    pg_config: "s:0",
    pg_control_checkpoint: "v:0",
    pg_control_init: "v:0",
    pg_control_recovery: "v:0",
    pg_control_system: "v:0",
    pg_conversion_is_visible: "s:1",
    pg_copy_logical_replication_slot: "v:2-4",
    pg_copy_physical_replication_slot: "v:2-3",
    pg_create_logical_replication_slot: "v:2-5",
    pg_create_physical_replication_slot: "v:1-3",
    pg_create_restore_point: "v:1",
    pg_current_logfile: "v:0-1",
    pg_current_snapshot: "s:0",
    pg_current_wal_flush_lsn: "v:0",
    pg_current_wal_insert_lsn: "v:0",
    pg_current_wal_lsn: "v:0",
    pg_current_xact_id: "s:0",
    pg_current_xact_id_if_assigned: "s:0",
    pg_cursor: "s:0",
    pg_database_collation_actual_version: "v:1",
    pg_database_size: "v:1",
    pg_ddl_command_in: "i:1",
    pg_ddl_command_out: "i:1",
    pg_ddl_command_recv: "i:1",
    pg_ddl_command_send: "i:1",
    pg_dependencies_in: "i:1",
    pg_dependencies_out: "i:1",
    pg_dependencies_recv: "s:1",
    pg_dependencies_send: "s:1",
    pg_describe_object: "s:3",
    pg_drop_replication_slot: "v:1",
    pg_encoding_max_length: "i:1",
    pg_encoding_to_char: "s:1",
    pg_event_trigger_ddl_commands: "s:0",
    pg_event_trigger_dropped_objects: "s:0",
    pg_event_trigger_table_rewrite_oid: "s:0",
    pg_event_trigger_table_rewrite_reason: "s:0",
    pg_export_snapshot: "v:0",
    pg_extension_config_dump: "v:2",
    pg_extension_update_paths: "s:1",
    pg_filenode_relation: "s:2",
    pg_function_is_visible: "s:1",
    pg_get_acl: "s:3",
    pg_get_aios: "v:0",
    pg_get_backend_memory_contexts: "v:0",
    pg_get_catalog_foreign_keys: "s:0",
    pg_get_constraintdef: "s:1-2",
    pg_get_expr: "s:2-3",
    pg_get_function_arg_default: "s:2",
    pg_get_function_arguments: "s:1",
    pg_get_function_identity_arguments: "s:1",
    pg_get_function_result: "s:1",
    pg_get_function_sqlbody: "s:1",
    pg_get_functiondef: "s:1",
    pg_get_indexdef: "s:1,3",
    pg_get_keywords: "s:0",
    pg_get_loaded_modules: "v:0",
    pg_get_multixact_members: "v:1",
    pg_get_object_address: "s:3",
    pg_get_partition_constraintdef: "s:1",
    pg_get_partkeydef: "s:1",
    pg_get_publication_tables: "s:0+",
    pg_get_replica_identity_index: "s:1",
    pg_get_replication_slots: "s:0",
    pg_get_ruledef: "s:1-2",
    pg_get_sequence_data: "v:1",
    pg_get_serial_sequence: "s:2",
    pg_get_shmem_allocations: "v:0",
    pg_get_shmem_allocations_numa: "v:0",
    pg_get_statisticsobjdef: "s:1",
    pg_get_statisticsobjdef_columns: "s:1",
    pg_get_statisticsobjdef_expressions: "s:1",
    pg_get_triggerdef: "s:1-2",
    pg_get_userbyid: "s:1",
    pg_get_viewdef: "s:1-2",
    pg_get_wait_events: "v:0",
    pg_get_wal_replay_pause_state: "v:0",
    pg_get_wal_resource_managers: "v:0",
    pg_get_wal_summarizer_state: "v:0",
    pg_has_role: "s:2-3",
    pg_hba_file_rules: "v:0",
    pg_ident_file_mappings: "v:0",
    pg_identify_object: "s:3",
    pg_identify_object_as_address: "s:3",
    pg_import_system_collations: "v:1",
    pg_index_column_has_property: "s:3",
    pg_index_has_property: "s:2",
    pg_indexam_has_property: "s:2",
    pg_indexam_progress_phasename: "i:2",
    pg_indexes_size: "v:1",
    pg_input_error_info: "s:2",
    pg_input_is_valid: "s:2",
    pg_is_in_recovery: "v:0",
    pg_is_other_temp_schema: "s:1",
    pg_is_wal_replay_paused: "v:0",
    pg_isolation_test_session_is_blocked: "v:2",
    pg_jit_available: "v:0",
    pg_last_committed_xact: "v:0",
    pg_last_wal_receive_lsn: "v:0",
    pg_last_wal_replay_lsn: "v:0",
    pg_last_xact_replay_timestamp: "v:0",
    pg_listening_channels: "s:0",
    pg_lock_status: "v:0",
    pg_log_backend_memory_contexts: "v:1",
    pg_log_standby_snapshot: "v:0",
    pg_logical_emit_message: "v:3-4",
    pg_logical_slot_get_binary_changes: "v:2+",
    pg_logical_slot_get_changes: "v:2+",
    pg_logical_slot_peek_binary_changes: "v:2+",
    pg_logical_slot_peek_changes: "v:2+",
    pg_ls_archive_statusdir: "v:0",
    pg_ls_dir: "v:1,3",
    pg_ls_logdir: "v:0",
    pg_ls_logicalmapdir: "v:0",
    pg_ls_logicalsnapdir: "v:0",
    pg_ls_replslotdir: "v:1",
    pg_ls_summariesdir: "v:0",
    pg_ls_tmpdir: "v:0-1",
    pg_ls_waldir: "v:0",
    pg_lsn: "i:1",
    pg_lsn_cmp: "i:2",
    pg_lsn_eq: "i:2",
    pg_lsn_ge: "i:2",
    pg_lsn_gt: "i:2",
    pg_lsn_hash: "i:1",
    pg_lsn_hash_extended: "i:2",
    pg_lsn_in: "i:1",
    pg_lsn_larger: "i:2",
    pg_lsn_le: "i:2",
    pg_lsn_lt: "i:2",
    pg_lsn_mi: "i:2",
    pg_lsn_mii: "i:2",
    pg_lsn_ne: "i:2",
    pg_lsn_out: "i:1",
    pg_lsn_pli: "i:2",
    pg_lsn_recv: "i:1",
    pg_lsn_send: "i:1",
    pg_lsn_smaller: "i:2",
    pg_mcv_list_in: "i:1",
    pg_mcv_list_items: "s:1",
    pg_mcv_list_out: "i:1",
    pg_mcv_list_recv: "s:1",
    pg_mcv_list_send: "s:1",
    pg_my_temp_schema: "s:0",
    pg_ndistinct_in: "i:1",
    pg_ndistinct_out: "i:1",
    pg_ndistinct_recv: "s:1",
    pg_ndistinct_send: "s:1",
    pg_nextoid: "v:3",
    pg_node_tree_in: "i:1",
    pg_node_tree_out: "i:1",
    pg_node_tree_recv: "s:1",
    pg_node_tree_send: "s:1",
    pg_notification_queue_usage: "v:0",
    pg_notify: "v:2",
    pg_numa_available: "s:0",
    pg_opclass_is_visible: "s:1",
    pg_operator_is_visible: "s:1",
    pg_opfamily_is_visible: "s:1",
    pg_options_to_table: "s:1",
    pg_partition_ancestors: "v:1",
    pg_partition_root: "i:1",
    pg_partition_tree: "v:1",
    pg_postmaster_start_time: "s:0",
    pg_prepared_statement: "s:0",
    pg_prepared_xact: "v:0",
    pg_promote: "v:0-2",
    pg_read_binary_file: "v:1-4",
    pg_read_file: "v:1-4",
    pg_relation_filenode: "s:1",
    pg_relation_filepath: "s:1",
    pg_relation_is_publishable: "s:1",
    pg_relation_is_updatable: "s:2",
    pg_relation_size: "v:1-2",
    pg_reload_conf: "v:0",
    pg_replication_origin_advance: "v:2",
    pg_replication_origin_create: "v:1",
    pg_replication_origin_drop: "v:1",
    pg_replication_origin_oid: "s:1",
    pg_replication_origin_progress: "v:2",
    pg_replication_origin_session_is_setup: "v:0",
    pg_replication_origin_session_progress: "v:1",
    pg_replication_origin_session_reset: "v:0",
    pg_replication_origin_session_setup: "v:1",
    pg_replication_origin_xact_reset: "v:0",
    pg_replication_origin_xact_setup: "v:2",
    pg_replication_slot_advance: "v:2",
    pg_restore_attribute_stats: "v:0+",
    pg_restore_relation_stats: "v:0+",
    pg_rotate_logfile: "v:0",
    pg_safe_snapshot_blocking_pids: "v:1",
    pg_sequence_last_value: "v:1",
    pg_sequence_parameters: "s:1",
    pg_settings_get_flags: "s:1",
    pg_show_all_file_settings: "v:0",
    pg_show_all_settings: "s:0",
    pg_show_replication_origin_status: "v:0",
    pg_size_bytes: "i:1",
    pg_size_pretty: "i:1",
    pg_sleep: "v:1",
    pg_sleep_for: "v:1",
    pg_sleep_until: "v:1",
    pg_snapshot_in: "i:1",
    pg_snapshot_out: "i:1",
    pg_snapshot_recv: "i:1",
    pg_snapshot_send: "i:1",
    pg_snapshot_xip: "i:1",
    pg_snapshot_xmax: "i:1",
    pg_snapshot_xmin: "i:1",
    pg_split_walfile_name: "s:1",
    pg_stat_clear_snapshot: "v:0",
    pg_stat_file: "v:1-2",
    pg_stat_force_next_flush: "v:0",
    pg_stat_get_activity: "s:1",
    pg_stat_get_analyze_count: "s:1",
    pg_stat_get_archiver: "s:0",
    pg_stat_get_autoanalyze_count: "s:1",
    pg_stat_get_autovacuum_count: "s:1",
    pg_stat_get_backend_activity: "s:1",
    pg_stat_get_backend_activity_start: "s:1",
    pg_stat_get_backend_client_addr: "s:1",
    pg_stat_get_backend_client_port: "s:1",
    pg_stat_get_backend_dbid: "s:1",
    pg_stat_get_backend_idset: "s:0",
    pg_stat_get_backend_io: "v:1",
    pg_stat_get_backend_pid: "s:1",
    pg_stat_get_backend_start: "s:1",
    pg_stat_get_backend_subxact: "s:1",
    pg_stat_get_backend_userid: "s:1",
    pg_stat_get_backend_wait_event: "s:1",
    pg_stat_get_backend_wait_event_type: "s:1",
    pg_stat_get_backend_wal: "v:1",
    pg_stat_get_backend_xact_start: "s:1",
    pg_stat_get_bgwriter_buf_written_clean: "s:0",
    pg_stat_get_bgwriter_maxwritten_clean: "s:0",
    pg_stat_get_bgwriter_stat_reset_time: "s:0",
    pg_stat_get_blocks_fetched: "s:1",
    pg_stat_get_blocks_hit: "s:1",
    pg_stat_get_buf_alloc: "s:0",
    pg_stat_get_checkpointer_buffers_written: "s:0",
    pg_stat_get_checkpointer_num_performed: "s:0",
    pg_stat_get_checkpointer_num_requested: "s:0",
    pg_stat_get_checkpointer_num_timed: "s:0",
    pg_stat_get_checkpointer_restartpoints_performed: "s:0",
    pg_stat_get_checkpointer_restartpoints_requested: "s:0",
    pg_stat_get_checkpointer_restartpoints_timed: "s:0",
    pg_stat_get_checkpointer_slru_written: "s:0",
    pg_stat_get_checkpointer_stat_reset_time: "s:0",
    pg_stat_get_checkpointer_sync_time: "s:0",
    pg_stat_get_checkpointer_write_time: "s:0",
    pg_stat_get_db_active_time: "s:1",
    pg_stat_get_db_blk_read_time: "s:1",
    pg_stat_get_db_blk_write_time: "s:1",
    pg_stat_get_db_blocks_fetched: "s:1",
    pg_stat_get_db_blocks_hit: "s:1",
    pg_stat_get_db_checksum_failures: "s:1",
    pg_stat_get_db_checksum_last_failure: "s:1",
    pg_stat_get_db_conflict_all: "s:1",
    pg_stat_get_db_conflict_bufferpin: "s:1",
    pg_stat_get_db_conflict_lock: "s:1",
    pg_stat_get_db_conflict_logicalslot: "s:1",
    pg_stat_get_db_conflict_snapshot: "s:1",
    pg_stat_get_db_conflict_startup_deadlock: "s:1",
    pg_stat_get_db_conflict_tablespace: "s:1",
    pg_stat_get_db_deadlocks: "s:1",
    pg_stat_get_db_idle_in_transaction_time: "s:1",
    pg_stat_get_db_numbackends: "s:1",
    pg_stat_get_db_parallel_workers_launched: "s:1",
    pg_stat_get_db_parallel_workers_to_launch: "s:1",
    pg_stat_get_db_session_time: "s:1",
    pg_stat_get_db_sessions: "s:1",
    pg_stat_get_db_sessions_abandoned: "s:1",
    pg_stat_get_db_sessions_fatal: "s:1",
    pg_stat_get_db_sessions_killed: "s:1",
    pg_stat_get_db_stat_reset_time: "s:1",
    pg_stat_get_db_temp_bytes: "s:1",
    pg_stat_get_db_temp_files: "s:1",
    pg_stat_get_db_tuples_deleted: "s:1",
    pg_stat_get_db_tuples_fetched: "s:1",
    pg_stat_get_db_tuples_inserted: "s:1",
    pg_stat_get_db_tuples_returned: "s:1",
    pg_stat_get_db_tuples_updated: "s:1",
    pg_stat_get_db_xact_commit: "s:1",
    pg_stat_get_db_xact_rollback: "s:1",
    pg_stat_get_dead_tuples: "s:1",
    pg_stat_get_function_calls: "s:1",
    pg_stat_get_function_self_time: "s:1",
    pg_stat_get_function_total_time: "s:1",
    pg_stat_get_ins_since_vacuum: "s:1",
    pg_stat_get_io: "v:0",
    pg_stat_get_last_analyze_time: "s:1",
    pg_stat_get_last_autoanalyze_time: "s:1",
    pg_stat_get_last_autovacuum_time: "s:1",
    pg_stat_get_last_vacuum_time: "s:1",
    pg_stat_get_lastscan: "s:1",
    pg_stat_get_live_tuples: "s:1",
    pg_stat_get_mod_since_analyze: "s:1",
    pg_stat_get_numscans: "s:1",
    pg_stat_get_progress_info: "s:1",
    pg_stat_get_recovery_prefetch: "v:0",
    pg_stat_get_replication_slot: "s:1",
    pg_stat_get_slru: "s:0",
    pg_stat_get_snapshot_timestamp: "s:0",
    pg_stat_get_subscription: "s:1",
    pg_stat_get_subscription_stats: "s:1",
    pg_stat_get_total_analyze_time: "s:1",
    pg_stat_get_total_autoanalyze_time: "s:1",
    pg_stat_get_total_autovacuum_time: "s:1",
    pg_stat_get_total_vacuum_time: "s:1",
    pg_stat_get_tuples_deleted: "s:1",
    pg_stat_get_tuples_fetched: "s:1",
    pg_stat_get_tuples_hot_updated: "s:1",
    pg_stat_get_tuples_inserted: "s:1",
    pg_stat_get_tuples_newpage_updated: "s:1",
    pg_stat_get_tuples_returned: "s:1",
    pg_stat_get_tuples_updated: "s:1",
    pg_stat_get_vacuum_count: "s:1",
    pg_stat_get_wal: "s:0",
    pg_stat_get_wal_receiver: "s:0",
    pg_stat_get_wal_senders: "s:0",
    pg_stat_get_xact_blocks_fetched: "v:1",
    pg_stat_get_xact_blocks_hit: "v:1",
    pg_stat_get_xact_function_calls: "v:1",
    pg_stat_get_xact_function_self_time: "v:1",
    pg_stat_get_xact_function_total_time: "v:1",
    pg_stat_get_xact_numscans: "v:1",
    pg_stat_get_xact_tuples_deleted: "v:1",
    pg_stat_get_xact_tuples_fetched: "v:1",
    pg_stat_get_xact_tuples_hot_updated: "v:1",
    pg_stat_get_xact_tuples_inserted: "v:1",
    pg_stat_get_xact_tuples_newpage_updated: "v:1",
    pg_stat_get_xact_tuples_returned: "v:1",
    pg_stat_get_xact_tuples_updated: "v:1",
    pg_stat_have_stats: "v:3",
    pg_stat_reset: "v:0",
    pg_stat_reset_backend_stats: "v:1",
    pg_stat_reset_replication_slot: "v:1",
    pg_stat_reset_shared: "v:0-1",
    pg_stat_reset_single_function_counters: "v:1",
    pg_stat_reset_single_table_counters: "v:1",
    pg_stat_reset_slru: "v:0-1",
    pg_stat_reset_subscription_stats: "v:1",
    pg_statistics_obj_is_visible: "s:1",
    pg_stop_making_pinned_objects: "v:0",
    pg_switch_wal: "v:0",
    pg_sync_replication_slots: "v:0",
    pg_table_is_visible: "s:1",
    pg_table_size: "v:1",
    pg_tablespace_databases: "s:1",
    pg_tablespace_location: "s:1",
    pg_tablespace_size: "v:1",
    pg_terminate_backend: "v:1-2",
    pg_timezone_abbrevs_abbrevs: "s:0",
    pg_timezone_abbrevs_zone: "s:0",
    pg_timezone_names: "s:0",
    pg_total_relation_size: "v:1",
    pg_trigger_depth: "s:0",
    pg_try_advisory_lock: "v:1-2",
    pg_try_advisory_lock_shared: "v:1-2",
    pg_try_advisory_xact_lock: "v:1-2",
    pg_try_advisory_xact_lock_shared: "v:1-2",
    pg_ts_config_is_visible: "s:1",
    pg_ts_dict_is_visible: "s:1",
    pg_ts_parser_is_visible: "s:1",
    pg_ts_template_is_visible: "s:1",
    pg_type_is_visible: "s:1",
    pg_typeof: "s:1",
    pg_visible_in_snapshot: "i:2",
    pg_wal_lsn_diff: "i:2",
    pg_wal_replay_pause: "v:0",
    pg_wal_replay_resume: "v:0",
    pg_wal_summary_contents: "v:3",
    pg_walfile_name: "i:1",
    pg_walfile_name_offset: "i:1",
    pg_xact_commit_timestamp: "v:1",
    pg_xact_commit_timestamp_origin: "v:1",
    pg_xact_status: "v:1",
    pgp_armor_headers: "i:1",
    pgp_key_id: "i:1",
    pgp_pub_decrypt: "i:2-4",
    pgp_pub_decrypt_bytea: "i:2-4",
    pgp_pub_encrypt: "v:2-3",
    pgp_pub_encrypt_bytea: "v:2-3",
    pgp_sym_decrypt: "i:2-3",
    pgp_sym_decrypt_bytea: "i:2-3",
    pgp_sym_encrypt: "v:2-3",
    pgp_sym_encrypt_bytea: "v:2-3",
    phraseto_tsquery: "is:1-2",
    pi: "i:0",
    plainto_tsquery: "is:1-2",
    plpgsql_call_handler: "v:0",
    plpgsql_inline_handler: "v:1",
    plpgsql_validator: "v:1",
    point: "i:1-2",
    point_above: "i:2",
    point_add: "i:2",
    point_below: "i:2",
    point_distance: "i:2",
    point_div: "i:2",
    point_eq: "i:2",
    point_horiz: "i:2",
    point_in: "i:1",
    point_left: "i:2",
    point_mul: "i:2",
    point_ne: "i:2",
    point_out: "i:1",
    point_recv: "i:1",
    point_right: "i:2",
    point_send: "i:1",
    point_sub: "i:2",
    point_vert: "i:2",
    poly_above: "i:2",
    poly_below: "i:2",
    poly_center: "i:1",
    poly_contain: "i:2",
    poly_contain_pt: "i:2",
    poly_contained: "i:2",
    poly_distance: "i:2",
    poly_in: "i:1",
    poly_left: "i:2",
    poly_npoints: "i:1",
    poly_out: "i:1",
    poly_overabove: "i:2",
    poly_overbelow: "i:2",
    poly_overlap: "i:2",
    poly_overleft: "i:2",
    poly_overright: "i:2",
    poly_recv: "i:1",
    poly_right: "i:2",
    poly_same: "i:2",
    poly_send: "i:1",
    polygon: "i:1-2",
    popen: "i:1",
    position: "i:2",
    positionjoinsel: "s:5",
    positionsel: "s:4",
    postgresql_fdw_validator: "i:2",
    pow: "i:2",
    power: "i:2",
    prefixjoinsel: "s:5",
    prefixsel: "s:4",
    prsd_end: "i:1",
    prsd_headline: "i:3",
    prsd_lextype: "i:1",
    prsd_nexttoken: "i:3",
    prsd_start: "i:2",
    pt_contained_circle: "i:2",
    pt_contained_poly: "i:2",
    query_to_xml: "v:4",
    query_to_xml_and_xmlschema: "v:4",
    query_to_xmlschema: "v:4",
    querytree: "i:1",
    quote_ident: "i:1",
    quote_literal: "is:1",
    quote_nullable: "is:1",
    radians: "i:1",
    radius: "i:1",
    random: "v:0,2",
    random_normal: "v:0-2",
    range_adjacent: "i:2",
    range_adjacent_multirange: "i:2",
    range_after: "i:2",
    range_after_multirange: "i:2",
    range_agg: "i:1",
    range_agg_finalfn: "i:2",
    range_agg_transfn: "i:2",
    range_before: "i:2",
    range_before_multirange: "i:2",
    range_cmp: "i:2",
    range_contained_by: "i:2",
    range_contained_by_multirange: "i:2",
    range_contains: "i:2",
    range_contains_elem: "i:2",
    range_contains_elem_support: "i:1",
    range_contains_multirange: "i:2",
    range_eq: "i:2",
    range_ge: "i:2",
    range_gist_consistent: "i:5",
    range_gist_penalty: "i:3",
    range_gist_picksplit: "i:2",
    range_gist_same: "i:3",
    range_gist_union: "i:2",
    range_gt: "i:2",
    range_in: "s:3",
    range_intersect: "i:2",
    range_intersect_agg: "i:1",
    range_intersect_agg_transfn: "i:2",
    range_le: "i:2",
    range_lt: "i:2",
    range_merge: "i:1-2",
    range_minus: "i:2",
    range_ne: "i:2",
    range_out: "s:1",
    range_overlaps: "i:2",
    range_overlaps_multirange: "i:2",
    range_overleft: "i:2",
    range_overleft_multirange: "i:2",
    range_overright: "i:2",
    range_overright_multirange: "i:2",
    range_recv: "s:3",
    range_send: "s:1",
    range_sortsupport: "i:1",
    range_typanalyze: "s:1",
    range_union: "i:2",
    rangesel: "s:4",
    rank: "i:0+",
    rank_final: "i:1+",
    raw_array_subscript_handler: "i:1",
    record_eq: "i:2",
    record_ge: "i:2",
    record_gt: "i:2",
    record_image_eq: "i:2",
    record_image_ge: "i:2",
    record_image_gt: "i:2",
    record_image_le: "i:2",
    record_image_lt: "i:2",
    record_image_ne: "i:2",
    record_in: "s:3",
    record_larger: "i:2",
    record_le: "i:2",
    record_lt: "i:2",
    record_ne: "i:2",
    record_out: "s:1",
    record_recv: "s:3",
    record_send: "s:1",
    record_smaller: "i:2",
    regclass: "s:1",
    regclassin: "s:1",
    regclassout: "s:1",
    regclassrecv: "i:1",
    regclasssend: "i:1",
    regcollationin: "s:1",
    regcollationout: "s:1",
    regcollationrecv: "i:1",
    regcollationsend: "i:1",
    regconfigin: "s:1",
    regconfigout: "s:1",
    regconfigrecv: "i:1",
    regconfigsend: "i:1",
    regdictionaryin: "s:1",
    regdictionaryout: "s:1",
    regdictionaryrecv: "i:1",
    regdictionarysend: "i:1",
    regexeqjoinsel: "s:5",
    regexeqsel: "s:4",
    regexnejoinsel: "s:5",
    regexnesel: "s:4",
    regexp_count: "i:2-4",
    regexp_instr: "i:2-7",
    regexp_like: "i:2-3",
    regexp_match: "i:2-3",
    regexp_matches: "i:2-3",
    regexp_replace: "i:3-6",
    regexp_split_to_array: "i:2-3",
    regexp_split_to_table: "i:2-3",
    regexp_substr: "i:2-6",
    regnamespacein: "s:1",
    regnamespaceout: "s:1",
    regnamespacerecv: "i:1",
    regnamespacesend: "i:1",
    regoperatorin: "s:1",
    regoperatorout: "s:1",
    regoperatorrecv: "i:1",
    regoperatorsend: "i:1",
    regoperin: "s:1",
    regoperout: "s:1",
    regoperrecv: "i:1",
    regopersend: "i:1",
    regprocedurein: "s:1",
    regprocedureout: "s:1",
    regprocedurerecv: "i:1",
    regproceduresend: "i:1",
    regprocin: "s:1",
    regprocout: "s:1",
    regprocrecv: "i:1",
    regprocsend: "i:1",
    regr_avgx: "i:2",
    regr_avgy: "i:2",
    regr_count: "i:2",
    regr_intercept: "i:2",
    regr_r2: "i:2",
    regr_slope: "i:2",
    regr_sxx: "i:2",
    regr_sxy: "i:2",
    regr_syy: "i:2",
    regrolein: "s:1",
    regroleout: "s:1",
    regrolerecv: "i:1",
    regrolesend: "i:1",
    regtypein: "s:1",
    regtypeout: "s:1",
    regtyperecv: "i:1",
    regtypesend: "i:1",
    repeat: "i:2",
    replace: "i:3",
    reverse: "i:1",
    right: "i:2",
    round: "i:1-2",
    row_number: "i:0",
    row_security_active: "s:1",
    row_to_json: "s:1-2",
    rpad: "i:2-3",
    rtrim: "i:1-2",
    satisfies_hash_partition: "i:3+",
    scalargejoinsel: "s:5",
    scalargesel: "s:4",
    scalargtjoinsel: "s:5",
    scalargtsel: "s:4",
    scalarlejoinsel: "s:5",
    scalarlesel: "s:4",
    scalarltjoinsel: "s:5",
    scalarltsel: "s:4",
    scale: "i:1",
    schema_to_xml: "s:4",
    schema_to_xml_and_xmlschema: "s:4",
    schema_to_xmlschema: "s:4",
    session_user: "s:0",
    set_bit: "i:3",
    set_byte: "i:3",
    set_config: "v:3",
    set_masklen: "i:2",
    setseed: "v:1",
    setval: "v:2-3",
    setweight: "i:2-3",
    sha224: "i:1",
    sha256: "i:1",
    sha384: "i:1",
    sha512: "i:1",
    shell_in: "i:1",
    shell_out: "i:1",
    shift_jis_2004_to_euc_jis_2004: "i:6",
    shift_jis_2004_to_utf8: "i:6",
    shobj_description: "s:2",
    sign: "i:1",
    similar_escape: "i:2",
    similar_to_escape: "i:1-2",
    sin: "i:1",
    sind: "i:1",
    sinh: "i:1",
    sjis_to_euc_jp: "i:6",
    sjis_to_mic: "i:6",
    sjis_to_utf8: "i:6",
    slope: "i:2",
    spg_bbox_quad_config: "i:2",
    spg_box_quad_choose: "i:2",
    spg_box_quad_config: "i:2",
    spg_box_quad_inner_consistent: "i:2",
    spg_box_quad_leaf_consistent: "i:2",
    spg_box_quad_picksplit: "i:2",
    spg_kd_choose: "i:2",
    spg_kd_config: "i:2",
    spg_kd_inner_consistent: "i:2",
    spg_kd_picksplit: "i:2",
    spg_poly_quad_compress: "i:1",
    spg_quad_choose: "i:2",
    spg_quad_config: "i:2",
    spg_quad_inner_consistent: "i:2",
    spg_quad_leaf_consistent: "i:2",
    spg_quad_picksplit: "i:2",
    spg_range_quad_choose: "i:2",
    spg_range_quad_config: "i:2",
    spg_range_quad_inner_consistent: "i:2",
    spg_range_quad_leaf_consistent: "i:2",
    spg_range_quad_picksplit: "i:2",
    spg_text_choose: "i:2",
    spg_text_config: "i:2",
    spg_text_inner_consistent: "i:2",
    spg_text_leaf_consistent: "i:2",
    spg_text_picksplit: "i:2",
    spghandler: "v:1",
    split_part: "i:3",
    sqrt: "i:1",
    starts_with: "i:2",
    statement_timestamp: "s:0",
    stddev: "i:1",
    stddev_pop: "i:1",
    stddev_samp: "i:1",
    string_agg: "i:2",
    string_agg_combine: "i:2",
    string_agg_deserialize: "i:2",
    string_agg_finalfn: "i:1",
    string_agg_serialize: "i:1",
    string_agg_transfn: "i:3",
    string_to_array: "i:2-3",
    string_to_table: "i:2-3",
    strip: "i:1",
    strpos: "i:2",
    substr: "i:2-3",
    substring: "i:2-3",
    sum: "i:1",
    suppress_redundant_updates_trigger: "v:0",
    system: "v:1",
    system_user: "s:0",
    table_am_handler_in: "i:1",
    table_am_handler_out: "i:1",
    table_to_xml: "s:4",
    table_to_xml_and_xmlschema: "s:4",
    table_to_xmlschema: "s:4",
    tan: "i:1",
    tand: "i:1",
    tanh: "i:1",
    text: "i:1",
    text_ge: "i:2",
    text_gt: "i:2",
    text_larger: "i:2",
    text_le: "i:2",
    text_lt: "i:2",
    text_pattern_ge: "i:2",
    text_pattern_gt: "i:2",
    text_pattern_le: "i:2",
    text_pattern_lt: "i:2",
    text_smaller: "i:2",
    text_starts_with_support: "i:1",
    textanycat: "s:2",
    textcat: "i:2",
    texteq: "i:2",
    texteqname: "i:2",
    textgename: "i:2",
    textgtname: "i:2",
    texticlike: "i:2",
    texticlike_support: "i:1",
    texticnlike: "i:2",
    texticregexeq: "i:2",
    texticregexeq_support: "i:1",
    texticregexne: "i:2",
    textin: "i:1",
    textlen: "i:1",
    textlename: "i:2",
    textlike: "i:2",
    textlike_support: "i:1",
    textltname: "i:2",
    textne: "i:2",
    textnename: "i:2",
    textnlike: "i:2",
    textout: "i:1",
    textrecv: "s:1",
    textregexeq: "i:2",
    textregexeq_support: "i:1",
    textregexne: "i:2",
    textsend: "s:1",
    thesaurus_init: "i:1",
    thesaurus_lexize: "i:4",
    tideq: "i:2",
    tidge: "i:2",
    tidgt: "i:2",
    tidin: "i:1",
    tidlarger: "i:2",
    tidle: "i:2",
    tidlt: "i:2",
    tidne: "i:2",
    tidout: "i:1",
    tidrecv: "i:1",
    tidsend: "i:1",
    tidsmaller: "i:2",
    time: "is:1-2",
    time_cmp: "i:2",
    time_eq: "i:2",
    time_ge: "i:2",
    time_gt: "i:2",
    time_hash: "i:1",
    time_hash_extended: "i:2",
    time_in: "s:3",
    time_larger: "i:2",
    time_le: "i:2",
    time_lt: "i:2",
    time_mi_interval: "i:2",
    time_mi_time: "i:2",
    time_ne: "i:2",
    time_out: "i:1",
    time_pl_interval: "i:2",
    time_recv: "i:3",
    time_send: "i:1",
    time_smaller: "i:2",
    time_support: "i:1",
    timedate_pl: "i:2",
    timeofday: "v:0",
    timestamp: "is:1-2",
    timestamp_cmp: "i:2",
    timestamp_cmp_date: "i:2",
    timestamp_cmp_timestamptz: "s:2",
    timestamp_eq: "i:2",
    timestamp_eq_date: "i:2",
    timestamp_eq_timestamptz: "s:2",
    timestamp_ge: "i:2",
    timestamp_ge_date: "i:2",
    timestamp_ge_timestamptz: "s:2",
    timestamp_gt: "i:2",
    timestamp_gt_date: "i:2",
    timestamp_gt_timestamptz: "s:2",
    timestamp_hash: "i:1",
    timestamp_hash_extended: "i:2",
    timestamp_in: "s:3",
    timestamp_larger: "i:2",
    timestamp_le: "i:2",
    timestamp_le_date: "i:2",
    timestamp_le_timestamptz: "s:2",
    timestamp_lt: "i:2",
    timestamp_lt_date: "i:2",
    timestamp_lt_timestamptz: "s:2",
    timestamp_mi: "i:2",
    timestamp_mi_interval: "i:2",
    timestamp_ne: "i:2",
    timestamp_ne_date: "i:2",
    timestamp_ne_timestamptz: "s:2",
    timestamp_out: "s:1",
    timestamp_pl_interval: "i:2",
    timestamp_recv: "i:3",
    timestamp_send: "i:1",
    timestamp_skipsupport: "i:1",
    timestamp_smaller: "i:2",
    timestamp_sortsupport: "i:1",
    timestamp_support: "i:1",
    timestamptypmodin: "i:1",
    timestamptypmodout: "i:1",
    timestamptz: "is:1-2",
    timestamptz_cmp: "i:2",
    timestamptz_cmp_date: "s:2",
    timestamptz_cmp_timestamp: "s:2",
    timestamptz_eq: "i:2",
    timestamptz_eq_date: "s:2",
    timestamptz_eq_timestamp: "s:2",
    timestamptz_ge: "i:2",
    timestamptz_ge_date: "s:2",
    timestamptz_ge_timestamp: "s:2",
    timestamptz_gt: "i:2",
    timestamptz_gt_date: "s:2",
    timestamptz_gt_timestamp: "s:2",
    timestamptz_hash: "i:1",
    timestamptz_hash_extended: "i:2",
    timestamptz_in: "s:3",
    timestamptz_larger: "i:2",
    timestamptz_le: "i:2",
    timestamptz_le_date: "s:2",
    timestamptz_le_timestamp: "s:2",
    timestamptz_lt: "i:2",
    timestamptz_lt_date: "s:2",
    timestamptz_lt_timestamp: "s:2",
    timestamptz_mi: "i:2",
    timestamptz_mi_interval: "s:2",
    timestamptz_ne: "i:2",
    timestamptz_ne_date: "s:2",
    timestamptz_ne_timestamp: "s:2",
    timestamptz_out: "s:1",
    timestamptz_pl_interval: "s:2",
    timestamptz_recv: "i:3",
    timestamptz_send: "i:1",
    timestamptz_smaller: "i:2",
    timestamptztypmodin: "i:1",
    timestamptztypmodout: "i:1",
    timetypmodin: "i:1",
    timetypmodout: "i:1",
    timetz: "is:1-2",
    timetz_cmp: "i:2",
    timetz_eq: "i:2",
    timetz_ge: "i:2",
    timetz_gt: "i:2",
    timetz_hash: "i:1",
    timetz_hash_extended: "i:2",
    timetz_in: "s:3",
    timetz_larger: "i:2",
    timetz_le: "i:2",
    timetz_lt: "i:2",
    timetz_mi_interval: "i:2",
    timetz_ne: "i:2",
    timetz_out: "i:1",
    timetz_pl_interval: "i:2",
    timetz_recv: "i:3",
    timetz_send: "i:1",
    timetz_smaller: "i:2",
    timetzdate_pl: "i:2",
    timetztypmodin: "i:1",
    timetztypmodout: "i:1",
    timezone: "is:1-2",
    to_ascii: "i:1-2",
    to_bin: "i:1",
    to_char: "s:2",
    to_date: "s:2",
    to_hex: "i:1",
    to_json: "s:1",
    to_jsonb: "s:1",
    to_number: "s:2",
    to_oct: "i:1",
    to_regclass: "s:1",
    to_regcollation: "s:1",
    to_regnamespace: "s:1",
    to_regoper: "s:1",
    to_regoperator: "s:1",
    to_regproc: "s:1",
    to_regprocedure: "s:1",
    to_regrole: "s:1",
    to_regtype: "s:1",
    to_regtypemod: "s:1",
    to_timestamp: "is:1-2",
    to_tsquery: "is:1-2",
    to_tsvector: "is:1-2",
    transaction_timestamp: "s:0",
    translate: "i:3",
    trigger_in: "i:1",
    trigger_out: "i:1",
    trim_array: "i:2",
    trim_scale: "i:1",
    trunc: "i:1-2",
    ts_debug: "s:1-2",
    ts_delete: "i:2",
    ts_filter: "i:2",
    ts_headline: "is:2-4",
    ts_lexize: "i:2",
    ts_match_qv: "i:2",
    ts_match_tq: "s:2",
    ts_match_tt: "s:2",
    ts_match_vq: "i:2",
    ts_parse: "is:2",
    ts_rank: "i:2-4",
    ts_rank_cd: "i:2-4",
    ts_rewrite: "iv:2-3",
    ts_stat: "v:1-2",
    ts_token_type: "is:1",
    ts_typanalyze: "s:1",
    tsm_handler_in: "i:1",
    tsm_handler_out: "i:1",
    tsmatchjoinsel: "s:5",
    tsmatchsel: "s:4",
    tsmultirange: "i:0+",
    tsq_mcontained: "i:2",
    tsq_mcontains: "i:2",
    tsquery_and: "i:2",
    tsquery_cmp: "i:2",
    tsquery_eq: "i:2",
    tsquery_ge: "i:2",
    tsquery_gt: "i:2",
    tsquery_le: "i:2",
    tsquery_lt: "i:2",
    tsquery_ne: "i:2",
    tsquery_not: "i:1",
    tsquery_or: "i:2",
    tsquery_phrase: "i:2-3",
    tsqueryin: "i:1",
    tsqueryout: "i:1",
    tsqueryrecv: "i:1",
    tsquerysend: "i:1",
    tsrange: "i:2-3",
    tsrange_subdiff: "i:2",
    tstzmultirange: "i:0+",
    tstzrange: "i:2-3",
    tstzrange_subdiff: "i:2",
    tsvector_cmp: "i:2",
    tsvector_concat: "i:2",
    tsvector_eq: "i:2",
    tsvector_ge: "i:2",
    tsvector_gt: "i:2",
    tsvector_le: "i:2",
    tsvector_lt: "i:2",
    tsvector_ne: "i:2",
    tsvector_to_array: "i:1",
    tsvector_update_trigger: "v:0",
    tsvector_update_trigger_column: "v:0",
    tsvectorin: "i:1",
    tsvectorout: "i:1",
    tsvectorrecv: "i:1",
    tsvectorsend: "i:1",
    txid_current: "s:0",
    txid_current_if_assigned: "s:0",
    txid_current_snapshot: "s:0",
    txid_snapshot_in: "i:1",
    txid_snapshot_out: "i:1",
    txid_snapshot_recv: "i:1",
    txid_snapshot_send: "i:1",
    txid_snapshot_xip: "i:1",
    txid_snapshot_xmax: "i:1",
    txid_snapshot_xmin: "i:1",
    txid_status: "v:1",
    txid_visible_in_snapshot: "i:2",
    uhc_to_utf8: "i:6",
    unicode_assigned: "i:1",
    unicode_version: "i:0",
    unique_key_recheck: "v:0",
    unistr: "i:1",
    unknownin: "i:1",
    unknownout: "i:1",
    unknownrecv: "i:1",
    unknownsend: "i:1",
    unnest: "i:1",
    upper: "i:1",
    upper_inc: "i:1",
    upper_inf: "i:1",
    utf8_to_big5: "i:6",
    utf8_to_euc_cn: "i:6",
    utf8_to_euc_jis_2004: "i:6",
    utf8_to_euc_jp: "i:6",
    utf8_to_euc_kr: "i:6",
    utf8_to_euc_tw: "i:6",
    utf8_to_gb18030: "i:6",
    utf8_to_gbk: "i:6",
    utf8_to_iso8859: "i:6",
    utf8_to_iso8859_1: "i:6",
    utf8_to_johab: "i:6",
    utf8_to_koi8r: "i:6",
    utf8_to_koi8u: "i:6",
    utf8_to_shift_jis_2004: "i:6",
    utf8_to_sjis: "i:6",
    utf8_to_uhc: "i:6",
    utf8_to_win: "i:6",
    uuid_cmp: "i:2",
    uuid_eq: "i:2",
    uuid_extract_timestamp: "i:1",
    uuid_extract_version: "i:1",
    uuid_ge: "i:2",
    uuid_generate_v1: "v:0",
    uuid_generate_v1mc: "v:0",
    uuid_generate_v3: "i:2",
    uuid_generate_v4: "v:0",
    uuid_generate_v5: "i:2",
    uuid_gt: "i:2",
    uuid_hash: "i:1",
    uuid_hash_extended: "i:2",
    uuid_in: "i:1",
    uuid_le: "i:2",
    uuid_lt: "i:2",
    uuid_ne: "i:2",
    uuid_nil: "i:0",
    uuid_ns_dns: "i:0",
    uuid_ns_oid: "i:0",
    uuid_ns_url: "i:0",
    uuid_ns_x500: "i:0",
    uuid_out: "i:1",
    uuid_recv: "i:1",
    uuid_send: "i:1",
    uuid_skipsupport: "i:1",
    uuid_sortsupport: "i:1",
    uuidv4: "v:0",
    uuidv7: "v:0-1",
    var_pop: "i:1",
    var_samp: "i:1",
    varbit: "i:3",
    varbit_in: "i:3",
    varbit_out: "i:1",
    varbit_recv: "i:3",
    varbit_send: "i:1",
    varbit_support: "i:1",
    varbitcmp: "i:2",
    varbiteq: "i:2",
    varbitge: "i:2",
    varbitgt: "i:2",
    varbitle: "i:2",
    varbitlt: "i:2",
    varbitne: "i:2",
    varbittypmodin: "i:1",
    varbittypmodout: "i:1",
    varchar: "i:1,3",
    varchar_support: "i:1",
    varcharin: "i:3",
    varcharout: "i:1",
    varcharrecv: "s:3",
    varcharsend: "s:1",
    varchartypmodin: "i:1",
    varchartypmodout: "i:1",
    variance: "i:1",
    version: "s:0",
    void_in: "i:1",
    void_out: "i:1",
    void_recv: "i:1",
    void_send: "i:1",
    websearch_to_tsquery: "is:1-2",
    width: "i:1",
    width_bucket: "i:2,4",
    win1250_to_latin2: "i:6",
    win1250_to_mic: "i:6",
    win1251_to_iso: "i:6",
    win1251_to_koi8r: "i:6",
    win1251_to_mic: "i:6",
    win1251_to_win866: "i:6",
    win866_to_iso: "i:6",
    win866_to_koi8r: "i:6",
    win866_to_mic: "i:6",
    win866_to_win1251: "i:6",
    win_to_utf8: "i:6",
    window_cume_dist_support: "i:1",
    window_dense_rank_support: "i:1",
    window_ntile_support: "i:1",
    window_percent_rank_support: "i:1",
    window_rank_support: "i:1",
    window_row_number_support: "i:1",
    xid: "i:1",
    xid8_larger: "i:2",
    xid8_smaller: "i:2",
    xid8cmp: "i:2",
    xid8eq: "i:2",
    xid8ge: "i:2",
    xid8gt: "i:2",
    xid8in: "i:1",
    xid8le: "i:2",
    xid8lt: "i:2",
    xid8ne: "i:2",
    xid8out: "i:1",
    xid8recv: "i:1",
    xid8send: "i:1",
    xideq: "i:2",
    xideqint4: "i:2",
    xidin: "i:1",
    xidneq: "i:2",
    xidneqint4: "i:2",
    xidout: "i:1",
    xidrecv: "i:1",
    xidsend: "i:1",
    xml: "s:1",
    xml_in: "s:1",
    xml_is_well_formed: "s:1",
    xml_is_well_formed_content: "i:1",
    xml_is_well_formed_document: "i:1",
    xml_out: "i:1",
    xml_recv: "s:1",
    xml_send: "s:1",
    xmlagg: "i:1",
    xmlcomment: "i:1",
    xmlconcat2: "i:2",
    xmlexists: "i:2",
    xmltext: "i:1",
    xmlvalidate: "i:2",
    xpath: "i:2-3",
    xpath_exists: "i:2-3"
  }
};

// src/dialects/postgres/util.ts
var FUNCTIONS = pg_volatility_default.functions;
var RANK = { immutable: 0, stable: 1, volatile: 2 };
var max = (a, b) => RANK[a] >= RANK[b] ? a : b;
function str3(n) {
  return n?.String?.sval;
}
function names(list) {
  return (list ?? []).map(str3).filter((s) => s !== void 0);
}
function takesArgs(spec, n) {
  for (const part of spec.split(",")) {
    const m = /^(\d+)(?:(\+)|-(\d+))?$/.exec(part);
    if (!m) return true;
    const lo = Number(m[1]);
    const hi = m[2] ? Infinity : m[3] ? Number(m[3]) : lo;
    if (n >= lo && n <= hi) return true;
  }
  return false;
}
function builtinVolatility(name, nargs) {
  const entry = FUNCTIONS[name] ?? FUNCTIONS[name.toLowerCase()];
  if (!entry) return void 0;
  const [v = "", arity] = entry.split(":");
  if (nargs !== void 0 && arity && !takesArgs(arity, nargs)) return void 0;
  if (v.includes("v")) return "volatile";
  if (v.includes("s")) return "stable";
  return "immutable";
}
function resolveCall(call, userFunctions) {
  const fn = names(call.funcname);
  const name = fn[fn.length - 1] ?? "?";
  const nargs = call.args?.length ?? 0;
  return { name, nargs, volatility: userFunctions?.get(name) ?? builtinVolatility(name, nargs) };
}
function volatility(expr, userFunctions) {
  let result = "immutable";
  const stack = [expr];
  while (stack.length && result !== "volatile") {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "FuncCall") {
        result = max(result, resolveCall(value, userFunctions).volatility ?? "volatile");
        stack.push(value.args);
      } else if (key === "SQLValueFunction") {
        result = max(result, "stable");
      } else if (key === "SubLink") {
        result = "volatile";
      } else if (key === "NextValueExpr") {
        result = "volatile";
      } else {
        stack.push(value);
      }
    }
  }
  return result;
}
function unknownCalls(expr, userFunctions) {
  const out = [];
  const stack = [expr];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i][1]);
    for (const [key, value] of entries) {
      if (key !== "FuncCall") continue;
      const { name, nargs: n, volatility: known } = resolveCall(value, userFunctions);
      if (known) continue;
      const label = builtinVolatility(name) ? `${name}() with ${n} argument${n === 1 ? "" : "s"}` : `${name}()`;
      if (!out.includes(label)) out.push(label);
    }
  }
  return out;
}
function displayTable(rel) {
  if (rel === void 0) return "?";
  if (typeof rel === "string") return rel.startsWith(`${DEFAULT_SCHEMA}.`) ? rel.slice(DEFAULT_SCHEMA.length + 1) : rel;
  return rel.schemaname && rel.schemaname !== DEFAULT_SCHEMA ? `${rel.schemaname}.${rel.relname}` : rel.relname ?? "?";
}
function alterCmds(ast) {
  return (ast?.cmds ?? []).map((c) => c.AlterTableCmd).filter(Boolean);
}
function columnConstraints(def) {
  return (def?.constraints ?? []).map((c) => c.Constraint).filter(Boolean);
}
var SAFE_IDENT = /^[a-z_][a-z0-9_$]*$/;
var RESERVED = new Set(
  "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric system_user table then to trailing true union unique user using variadic when where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose".split(
    " "
  )
);
function quoteIdent(name) {
  if (SAFE_IDENT.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}
function quoteRel(rel) {
  if (typeof rel === "string") {
    const i = rel.indexOf(".");
    const schema = i >= 0 ? rel.slice(0, i) : void 0;
    const name = i >= 0 ? rel.slice(i + 1) : rel;
    return schema && schema !== DEFAULT_SCHEMA ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
  }
  return rel.schemaname ? `${quoteIdent(rel.schemaname)}.${quoteIdent(rel.relname ?? "")}` : quoteIdent(rel.relname ?? "");
}
function quoteLiteral(value) {
  return `'${value.replace(/'/g, "''")}'`;
}
var LOCKS = {
  AccessShareLock: { blocksReads: false, blocksWrites: false },
  RowShareLock: { blocksReads: false, blocksWrites: false },
  RowExclusiveLock: { blocksReads: false, blocksWrites: false },
  ShareUpdateExclusiveLock: { blocksReads: false, blocksWrites: false },
  ShareLock: { blocksReads: false, blocksWrites: true },
  ShareRowExclusiveLock: { blocksReads: false, blocksWrites: true },
  ExclusiveLock: { blocksReads: false, blocksWrites: true },
  AccessExclusiveLock: { blocksReads: true, blocksWrites: true }
};
var LOCK_MODES = Object.keys(LOCKS);
function lockStrength(mode) {
  return LOCK_MODES.indexOf(mode);
}
var locatedCache = /* @__PURE__ */ new WeakMap();
function firstLocation(node) {
  if (!node || typeof node !== "object") return void 0;
  if (Array.isArray(node)) {
    for (const n of node) {
      const l = firstLocation(n);
      if (l !== void 0) return l;
    }
    return void 0;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === "location" && typeof v === "number" && v >= 0) return v;
    const l = firstLocation(v);
    if (l !== void 0) return l;
  }
  return void 0;
}
function located(stmt) {
  let l = locatedCache.get(stmt);
  if (l !== void 0) return l;
  l = null;
  try {
    let delta = treeOffset(stmt.ast);
    if (delta === void 0) {
      const again = parseSync(stmt.text).stmts?.[0]?.stmt?.[stmt.kind];
      const a = firstLocation(stmt.ast);
      const b = firstLocation(again);
      delta = a !== void 0 && b !== void 0 ? a - b : 0;
    }
    const bytes = Buffer.from(stmt.text, "utf8");
    const tokens = (scanSync(stmt.text).tokens ?? []).map((t) => {
      const text = bytes.subarray(t.start, t.end).toString("utf8");
      return {
        start: t.start,
        end: t.end,
        text,
        upper: text.toUpperCase(),
        keyword: t.keywordKind > 0
      };
    });
    l = { delta, tokens, bytes };
  } catch {
    l = null;
  }
  locatedCache.set(stmt, l);
  return l;
}
var COLUMN_EXPR_STOPS = /* @__PURE__ */ new Set([
  "NOT",
  "NULL",
  "CONSTRAINT",
  "PRIMARY",
  "UNIQUE",
  "REFERENCES",
  "CHECK",
  "DEFAULT",
  "COLLATE",
  "GENERATED",
  "DEFERRABLE",
  "INITIALLY"
]);
function exprSql(stmt, location, opts = {}) {
  const l = located(stmt);
  if (!l || location === void 0 || location < 0) return void 0;
  const at = location - l.delta;
  let i = l.tokens.findIndex((t) => t.start >= at);
  if (i < 0) return void 0;
  if (opts.after) {
    const k = l.tokens.findIndex((t, j2) => j2 >= i && t.keyword && t.upper === opts.after);
    if (k < 0) return void 0;
    i = k + 1;
  }
  while (i < l.tokens.length && opts.skip?.includes(l.tokens[i].upper)) i++;
  const stops = opts.stops ?? COLUMN_EXPR_STOPS;
  let depth = 0;
  let j = i;
  for (; j < l.tokens.length; j++) {
    const t = l.tokens[j];
    if (t.text === "(" || t.text === "[") depth++;
    else if (t.text === ")" || t.text === "]") {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (t.text === "," || t.text === ";")) break;
    else if (depth === 0 && j > i && t.keyword && stops.has(t.upper) && !(t.upper === "NOT" && l.tokens[j - 1]?.upper === "IS"))
      break;
  }
  if (j <= i) return void 0;
  return l.bytes.subarray(l.tokens[i].start, l.tokens[j - 1].end).toString("utf8");
}
function clauseSql(stmt, keyword, stops = []) {
  const l = located(stmt);
  if (!l) return void 0;
  let depth = 0;
  let start = -1;
  let end = l.tokens.length;
  for (let j = 0; j < l.tokens.length; j++) {
    const t = l.tokens[j];
    if (t.text === "(" || t.text === "[") depth++;
    else if (t.text === ")" || t.text === "]") depth--;
    else if (depth === 0 && t.keyword) {
      if (start < 0 && t.upper === keyword) start = j + 1;
      else if (start >= 0 && stops.includes(t.upper)) {
        end = j;
        break;
      }
    }
  }
  if (start < 0 || start >= end) return void 0;
  return l.bytes.subarray(l.tokens[start].start, l.tokens[end - 1].end).toString("utf8");
}
function columnRefs(expr) {
  const out = [];
  const visit = (node) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === "ColumnRef") {
        const f = names(value.fields);
        if (f.length) out.push(f[f.length - 1]);
      } else visit(value);
    }
  };
  visit(expr);
  return out;
}
function sameTransaction(statements, from, to, toInTransaction) {
  if (!toInTransaction) return false;
  for (let i = from + 1; i < to; i++) if (statements[i]?.kind === "TransactionStmt") return false;
  return true;
}
function addColumnRewrite(def, env) {
  const cons = columnConstraints(def);
  const gen = cons.find((c) => c.contype === "CONSTR_GENERATED");
  if (gen && gen.generated_kind !== "v") return { reason: "generated", expr: gen.raw_expr };
  if (cons.some((c) => c.contype === "CONSTR_IDENTITY")) return { reason: "identity" };
  const typeNames = names(def.typeName?.names);
  const typeName = typeNames[typeNames.length - 1] ?? "";
  if (typeNames.length === 1 && /^(small|big)?serial[248]?$/.test(typeName)) return { reason: "serial" };
  const dflt = cons.find((c) => c.contype === "CONSTR_DEFAULT")?.raw_expr;
  const isNull = !!dflt?.A_Const?.isnull;
  if (dflt && !isNull) {
    if (volatility(dflt, env.functions) === "volatile")
      return { reason: "volatile-default", expr: dflt, unknown: unknownCalls(dflt, env.functions) };
    if (env.pgVersion < 11) return { reason: "pre-11-default", expr: dflt };
  }
  const domainKey = typeNames.length > 1 ? `${typeNames[typeNames.length - 2]}.${typeName}` : `${DEFAULT_SCHEMA}.${typeName}`;
  const domain = env.domains?.get(domainKey);
  if (domain && (domain.hasCheck || domain.notNull)) return { reason: "domain-constraint", domain: typeName };
  return void 0;
}
function addColumnStatement(statements, stmt, rel, column) {
  const key = `${rel.schemaname ?? DEFAULT_SCHEMA}.${rel.relname ?? ""}`;
  for (let i = stmt.index - 1; i >= 0; i--) {
    const s = statements[i];
    if (s.kind !== "AlterTableStmt" || !s.ast.relation) continue;
    if (`${s.ast.relation.schemaname ?? DEFAULT_SCHEMA}.${s.ast.relation.relname ?? ""}` !== key) continue;
    if (alterCmds(s.ast).some((c) => c.subtype === "AT_AddColumn" && c.def?.ColumnDef?.colname === column)) return s;
  }
  return void 0;
}
function isFreshColumn(ctx, stmt, rel, column) {
  if (ctx.isNewColumn(rel, column)) return true;
  if (ctx.table(rel)) return false;
  return !!addColumnStatement(ctx.statements, stmt, rel, column);
}
function freshConstraintColumns(ctx, stmt, con, addedHere) {
  const cols = con.contype === "CONSTR_FOREIGN" ? names(con.fk_attrs) : [...names(con.keys), ...names(con.including)];
  return cols.filter((c) => addedHere.has(c) || isFreshColumn(ctx, stmt, stmt.ast.relation, c));
}
function altersExistingTable(ast, ctx) {
  return (!ast.objtype || ast.objtype === "OBJECT_TABLE") && !ctx.isNewTable(ast.relation);
}
function addedConstraints(ctx, stmt, opts = {}) {
  const ast = stmt.ast;
  if (!altersExistingTable(ast, ctx)) return [];
  const out = [];
  const addedHere = /* @__PURE__ */ new Set();
  for (const cmd of alterCmds(ast)) {
    if (cmd.subtype === "AT_AddColumn") {
      const def = cmd.def?.ColumnDef;
      if (!def?.colname) continue;
      if (cmd.missing_ok && ctx.column?.(ast.relation, def.colname))
        continue;
      addedHere.add(def.colname);
      if (opts.inline)
        for (const con of columnConstraints(def)) out.push({ con, fresh: [def.colname], column: def.colname });
    } else if (cmd.subtype === "AT_AddConstraint" && cmd.def?.Constraint) {
      out.push({ con: cmd.def.Constraint, fresh: freshConstraintColumns(ctx, stmt, cmd.def.Constraint, addedHere) });
    }
  }
  return out;
}
function checkImpliesNotNull(expr, column) {
  if (expr?.NullTest) {
    const t = expr.NullTest;
    const f = names(t.arg?.ColumnRef?.fields);
    return t.nulltesttype === "IS_NOT_NULL" && f[f.length - 1] === column;
  }
  if (expr?.BoolExpr?.boolop === "AND_EXPR")
    return (expr.BoolExpr.args ?? []).some((a) => checkImpliesNotNull(a, column));
  return false;
}
function notNullProvingCheck(table, column) {
  for (const c of table?.constraints.values() ?? []) {
    if (c.type === "check" && c.validated && checkImpliesNotNull(c.expr, column)) return c.name;
  }
  return void 0;
}
function shortSql(sql, max2 = 80) {
  const flat = sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max2 ? `${flat.slice(0, max2 - 1).trimEnd()}\u2026` : flat;
}
function mergeIssues(issues, label) {
  if (issues.length < 2) return issues;
  const [first, ...rest] = issues;
  const names2 = rest.map(label);
  const shown = names2.length > 5 ? [...names2.slice(0, 5), `${names2.length - 5} more`] : names2;
  return [
    {
      ...first,
      message: `${first.message} The same statement does the same for ${shown.join(", ")}.`,
      data: { ...first.data, all: issues.map((i) => i.data ?? {}) }
    }
  ];
}
var firstIndexCache = /* @__PURE__ */ new WeakMap();
var lastEventCache = /* @__PURE__ */ new WeakMap();
function lastEventBefore(statements, before, key, eventsOf) {
  let byFn = lastEventCache.get(statements);
  if (!byFn) lastEventCache.set(statements, byFn = /* @__PURE__ */ new Map());
  let index = byFn.get(eventsOf);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (let i = 0; i < statements.length; i++) {
      for (const [k, v] of eventsOf(statements[i]) ?? []) {
        let e2 = index.get(k);
        if (!e2) index.set(k, e2 = { at: [], values: [] });
        if (e2.at[e2.at.length - 1] === i) e2.values[e2.values.length - 1] = v;
        else {
          e2.at.push(i);
          e2.values.push(v);
        }
      }
    }
    byFn.set(eventsOf, index);
  }
  const e = index.get(key);
  if (!e) return void 0;
  let lo = 0;
  let hi = e.at.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (e.at[mid] < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? e.values[lo - 1] : void 0;
}
function keysBefore(statements, before, keysOf) {
  let byFn = firstIndexCache.get(statements);
  if (!byFn) firstIndexCache.set(statements, byFn = /* @__PURE__ */ new Map());
  let first = byFn.get(keysOf);
  if (!first) {
    first = /* @__PURE__ */ new Map();
    for (let i = 0; i < statements.length; i++)
      for (const k of keysOf(statements[i]) ?? []) if (!first.has(k)) first.set(k, i);
    byFn.set(keysOf, first);
  }
  const seen = first;
  return { has: (key) => (seen.get(key) ?? Infinity) < before };
}

// src/dialects/postgres/outside.ts
var FILE_FUNCTIONS = /* @__PURE__ */ new Set([
  "pg_read_file",
  "pg_read_binary_file",
  "pg_stat_file",
  "pg_ls_dir",
  "pg_ls_logdir",
  "pg_ls_waldir",
  "pg_ls_tmpdir",
  "pg_ls_archive_statusdir",
  "pg_ls_logicalmapdir",
  "pg_ls_logicalsnapdir",
  "pg_ls_replslotdir",
  "lo_import",
  "lo_export",
  // adminpack
  "pg_file_write",
  "pg_file_rename",
  "pg_file_unlink",
  "pg_file_sync",
  "pg_logdir_ls"
]);
var CLUSTER_FUNCTIONS = /* @__PURE__ */ new Set([
  "pg_terminate_backend",
  "pg_cancel_backend",
  "pg_reload_conf",
  "pg_rotate_logfile",
  "pg_promote",
  "pg_switch_wal",
  "pg_create_restore_point",
  "pg_create_physical_replication_slot",
  "pg_create_logical_replication_slot",
  "pg_drop_replication_slot"
]);
var OUTSIDE_EXTENSIONS = {
  dblink: "connection",
  postgres_fdw: "connection",
  file_fdw: "server-file",
  adminpack: "server-file",
  plpythonu: "program",
  plpython2u: "program",
  plpython3u: "program",
  plperlu: "program",
  pltclu: "program",
  plsh: "program"
};
var NATIVE_LANGUAGES = /* @__PURE__ */ new Set([
  "c",
  "internal",
  "plpythonu",
  "plpython2u",
  "plpython3u",
  "plperlu",
  "pltclu",
  "plsh"
]);
var FILE_FN = `pg_read_file|pg_read_binary_file|pg_stat_file|pg_ls_\\w+|lo_import|lo_export|pg_file_\\w+|pg_logdir_ls`;
var BODY_PATTERNS = [
  [
    /\bcopy\b[^;]*?\bprogram\b/i,
    {
      category: "program",
      what: "COPY \u2026 PROGRAM in a function body",
      why: "runs a shell command on the database server"
    }
  ],
  [
    /\bcopy\b[^;]*?\b(?:from|to)\b(?!\s*(?:stdin|stdout)\b)/i,
    {
      category: "server-file",
      what: "COPY to or from a file in a function body",
      why: "reads or writes a file on the database server"
    }
  ],
  [
    new RegExp(`\\b(?:${FILE_FN})\\s*\\(`, "i"),
    {
      category: "server-file",
      what: "a server file function in a function body",
      why: "reads or writes files on the database server"
    }
  ],
  [
    /\bdblink\w*\s*\(/i,
    { category: "connection", what: "dblink in a function body", why: "connects to another database or server" }
  ],
  [
    /\b(?:create|alter|drop)\s+(?:role|group|user(?!\s+mapping\b))\b/i,
    {
      category: "role",
      what: "CREATE/ALTER/DROP ROLE in a function body",
      why: "changes roles, which belong to the whole server and outlive any one database"
    }
  ]
];
function lastName(funcname) {
  const parts = (funcname ?? []).map((n) => n?.String?.sval).filter((s) => typeof s === "string");
  return (parts.at(-1) ?? "").toLowerCase();
}
function defElem(list, name) {
  return (list ?? []).find((d) => d?.DefElem?.defname === name)?.DefElem?.arg;
}
function bodyText(stmt) {
  const list = stmt.kind === "DoStmt" ? stmt.ast?.args : stmt.ast?.options;
  const as = defElem(list, "as");
  if (typeof as?.String?.sval === "string") return as.String.sval;
  return (as?.List?.items ?? []).map((i) => i?.String?.sval).filter((s) => typeof s === "string").join("\n");
}
function walkCalls(node, out) {
  if (Array.isArray(node)) {
    for (const n of node) walkCalls(n, out);
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "FuncCall") {
      const name = lastName(value?.funcname);
      if (FILE_FUNCTIONS.has(name))
        out.push({ category: "server-file", what: `${name}()`, why: "reads or writes files on the database server" });
      else if (name.startsWith("dblink"))
        out.push({ category: "connection", what: `${name}()`, why: "connects to another database or server" });
      else if (CLUSTER_FUNCTIONS.has(name))
        out.push({
          category: "cluster",
          what: `${name}()`,
          why: "acts on the whole server (other sessions, its configuration or replication)"
        });
    }
    walkCalls(value, out);
  }
}
function byStatement(stmt) {
  const a = stmt.ast ?? {};
  const role = (what) => ({
    category: "role",
    what,
    why: "changes roles, which belong to the whole server and outlive any one database"
  });
  const database = (what) => ({
    category: "database",
    what,
    why: "acts on a whole database, not on objects inside the one the migration runs in"
  });
  switch (stmt.kind) {
    case "CopyStmt":
      if (a.is_program)
        return {
          category: "program",
          what: `COPY \u2026 ${a.is_from ? "FROM" : "TO"} PROGRAM`,
          why: "runs a shell command on the database server"
        };
      if (typeof a.filename === "string")
        return {
          category: "server-file",
          what: `COPY \u2026 ${a.is_from ? "FROM" : "TO"} '${a.filename}'`,
          why: `${a.is_from ? "reads" : "writes"} a file on the database server`
        };
      return void 0;
    case "CreatedbStmt":
      return database("CREATE DATABASE");
    case "DropdbStmt":
      return database("DROP DATABASE");
    case "AlterDatabaseStmt":
    case "AlterDatabaseSetStmt":
    case "AlterDatabaseRefreshCollStmt":
      return database("ALTER DATABASE");
    case "AlterSystemStmt":
      return { category: "cluster", what: "ALTER SYSTEM", why: "rewrites the server's configuration file" };
    case "LoadStmt":
      return { category: "program", what: "LOAD", why: "loads a shared library file into the server" };
    case "CreateTableSpaceStmt":
    case "DropTableSpaceStmt":
    case "AlterTableSpaceOptionsStmt":
      return {
        category: "cluster",
        what: stmt.kind === "CreateTableSpaceStmt" ? "CREATE TABLESPACE" : stmt.kind === "DropTableSpaceStmt" ? "DROP TABLESPACE" : "ALTER TABLESPACE",
        why: "changes a tablespace, a directory on the server's disk shared by every database"
      };
    case "CreateRoleStmt": {
      const t = a.stmt_type === "ROLESTMT_USER" ? "USER" : a.stmt_type === "ROLESTMT_GROUP" ? "GROUP" : "ROLE";
      return role(`CREATE ${t}`);
    }
    case "AlterRoleStmt":
    case "AlterRoleSetStmt":
      return role("ALTER ROLE");
    case "DropRoleStmt":
      return role("DROP ROLE");
    case "GrantRoleStmt":
      return role(a.is_grant === false ? "REVOKE role membership" : "GRANT role membership");
    case "RenameStmt":
      if (a.renameType === "OBJECT_ROLE") return role("ALTER ROLE \u2026 RENAME");
      if (a.renameType === "OBJECT_DATABASE") return database("ALTER DATABASE \u2026 RENAME");
      if (a.renameType === "OBJECT_TABLESPACE")
        return {
          category: "cluster",
          what: "ALTER TABLESPACE \u2026 RENAME",
          why: "changes a tablespace, shared by every database"
        };
      return void 0;
    case "AlterOwnerStmt":
      if (a.objectType === "OBJECT_DATABASE") return database("ALTER DATABASE \u2026 OWNER");
      if (a.objectType === "OBJECT_TABLESPACE")
        return {
          category: "cluster",
          what: "ALTER TABLESPACE \u2026 OWNER",
          why: "changes a tablespace, shared by every database"
        };
      return void 0;
    case "CreateForeignServerStmt":
    case "AlterForeignServerStmt":
      return { category: "connection", what: "a foreign server", why: "makes the database connect to another server" };
    case "CreateUserMappingStmt":
    case "AlterUserMappingStmt":
      return {
        category: "connection",
        what: "a user mapping",
        why: "stores credentials for connecting to another server"
      };
    case "CreateFdwStmt":
    case "AlterFdwStmt":
      return {
        category: "connection",
        what: "a foreign-data wrapper",
        why: "lets the database reach other servers or files"
      };
    case "ImportForeignSchemaStmt":
      return { category: "connection", what: "IMPORT FOREIGN SCHEMA", why: "connects to another server" };
    case "CreateSubscriptionStmt":
    case "AlterSubscriptionStmt":
      return { category: "connection", what: "a subscription", why: "connects to another server to replicate from it" };
    case "CreateExtensionStmt": {
      const name = String(a.extname ?? "").toLowerCase();
      const category = OUTSIDE_EXTENSIONS[name];
      if (!category) return void 0;
      const why = category === "program" ? "uses an untrusted language, whose code runs with the database server\u2019s operating-system rights" : category === "server-file" ? "reads or writes files on the database server" : "connects to other databases or servers";
      return { category, what: `CREATE EXTENSION ${name}`, why };
    }
    case "CreatePLangStmt":
      return {
        category: "program",
        what: "CREATE LANGUAGE",
        why: "loads a procedural language handler (native code) into the server"
      };
    default:
      return void 0;
  }
}
function outsideReach(stmt) {
  const known = reached.get(stmt);
  if (known) return known;
  const result = classify(stmt);
  reached.set(stmt, result);
  return result;
}
var reached = /* @__PURE__ */ new WeakMap();
function classify(stmt) {
  const out = [];
  const own = byStatement(stmt);
  if (own) out.push(own);
  if (stmt.kind === "CreateFunctionStmt" || stmt.kind === "DoStmt") {
    const list = stmt.kind === "DoStmt" ? stmt.ast?.args : stmt.ast?.options;
    const lang = String(defElem(list, "language")?.String?.sval ?? "").toLowerCase();
    if (NATIVE_LANGUAGES.has(lang))
      out.push({
        category: "program",
        what: `LANGUAGE ${lang}`,
        why: lang === "c" || lang === "internal" ? "runs native code inside the database server" : "uses an untrusted language, whose code runs with the database server\u2019s operating-system rights"
      });
    const body = bodyText(stmt);
    for (const [re, reach] of BODY_PATTERNS) if (re.test(body)) out.push(reach);
  }
  if (stmt.text === void 0 || /pg_|lo_|dblink|u&/i.test(stmt.text)) walkCalls(stmt.ast, out);
  const order = ["program", "server-file", "connection", "database", "cluster", "role"];
  const seen = /* @__PURE__ */ new Set();
  return out.filter((r) => !seen.has(`${r.category}/${r.what}`) && seen.add(`${r.category}/${r.what}`)).sort((x, y) => order.indexOf(x.category) - order.indexOf(y.category));
}

// src/dialects/postgres/transaction.ts
var KINDS = {
  TRANS_STMT_BEGIN: "begin",
  TRANS_STMT_START: "begin",
  TRANS_STMT_COMMIT: "commit",
  TRANS_STMT_ROLLBACK: "rollback",
  TRANS_STMT_PREPARE: "prepare",
  TRANS_STMT_SAVEPOINT: "savepoint",
  TRANS_STMT_RELEASE: "release",
  TRANS_STMT_ROLLBACK_TO: "rollback-to"
};
function txKind(stmt) {
  if (stmt.kind !== "TransactionStmt") return void 0;
  return KINDS[stmt.ast?.kind] ?? "other";
}
function chained(stmt) {
  return !!stmt.ast?.chain;
}

export {
  typeRef,
  typeToSql,
  sameType,
  DEFAULT_SCHEMA,
  relKey,
  qualifiedKey,
  stringList,
  Catalog,
  splitSql,
  countStatements,
  simplify,
  loadParser,
  parseSync,
  scanSync,
  parsePlPgSQLSync,
  parseMigration,
  parseSql,
  str3 as str,
  names,
  volatility,
  displayTable,
  alterCmds,
  columnConstraints,
  quoteIdent,
  quoteRel,
  quoteLiteral,
  LOCKS,
  LOCK_MODES,
  lockStrength,
  COLUMN_EXPR_STOPS,
  exprSql,
  clauseSql,
  columnRefs,
  sameTransaction,
  addColumnRewrite,
  addColumnStatement,
  isFreshColumn,
  freshConstraintColumns,
  altersExistingTable,
  addedConstraints,
  checkImpliesNotNull,
  notNullProvingCheck,
  shortSql,
  mergeIssues,
  lastEventBefore,
  keysBefore,
  outsideReach,
  txKind,
  chained
};
