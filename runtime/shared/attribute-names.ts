/* Folder runtime/shared/: What every part of the runtime uses: the one per-process state, the
 * runtime's lines on stderr, describing thrown values, and fixed names. */
/**
 * The stable OpenTelemetry semantic-convention names the runtime writes.
 * Spelled out here so that importing the runtime does not load the whole
 * @opentelemetry/semantic-conventions package (about 12 ms); a test checks
 * them against that package.
 */
export const ATTR_CODE_FUNCTION_NAME = "code.function.name";
export const ATTR_CODE_FILE_PATH = "code.file.path";
export const ATTR_CODE_LINE_NUMBER = "code.line.number";
export const ATTR_SERVICE_NAME = "service.name";
export const ATTR_SERVICE_VERSION = "service.version";
