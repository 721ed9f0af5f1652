/**
 * The tracer's instrumentation scope. The version is a constant rather than a
 * read of package.json because the file sits at a different depth in the
 * source tree and in dist/; a test keeps it equal to package.json.
 */
export const TRACER_NAME = "ts-autotrace";
export const TRACER_VERSION = "0.1.0";
