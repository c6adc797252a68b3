/**
 * The Emscripten factory inside libpg-query (`wasm/libpg-query.js`). zerodown
 * drives it directly instead of through libpg-query's `index.js`, which starts a
 * second module instance as soon as it is imported and copies strings in and
 * out of WebAssembly memory with slow JavaScript loops.
 */
declare module 'libpg-query/wasm/libpg-query.js' {
  export interface PgQueryWasm {
    HEAPU8: Uint8Array;
    _malloc(size: number): number;
    _free(ptr: number): void;
    /** returns a pointer to `PgQueryParseResult { char* parse_tree; char* stderr_buffer; PgQueryError* error; }` */
    _wasm_parse_query_raw(queryPtr: number): number;
    _wasm_free_parse_result(resultPtr: number): void;
    /** returns a pointer to a NUL-terminated string: JSON on success, an error message otherwise */
    _wasm_parse_plpgsql(queryPtr: number): number;
    /** returns a pointer to a NUL-terminated string: JSON tokens on success, an error message otherwise */
    _wasm_scan(queryPtr: number): number;
    _wasm_free_string(ptr: number): void;
    UTF8ToString(ptr: number): string;
  }
  const factory: (moduleArg?: Record<string, unknown>) => Promise<PgQueryWasm>;
  export default factory;
}
