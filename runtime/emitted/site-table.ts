/** `site()`: run once per traced function at module load. */
import {
  ATTR_CODE_FILE_PATH,
  ATTR_CODE_FUNCTION_NAME,
  ATTR_CODE_LINE_NUMBER,
} from "../shared/attribute-names";
import type { CallSiteSpec, FileArguments, SiteFactory } from "../../contract";
import type { CallSite } from "./prepared-site";
import { componentParts } from "../components/component-site";
import { describeError } from "../shared/describe-error";
import { state } from "../shared/state";
import { countTracedFunction } from "../api/untraced-warning";
import { warnOnce } from "../shared/warnings";

/**
 * Precomputes everything about a traced function that does not change per
 * call. Returns `undefined` (calls then run untraced) rather than throwing,
 * because a throw here would break the import of the program's module.
 */
export function site(spec: CallSiteSpec): CallSite | undefined {
  try {
    registerServiceName(spec.service);
    const built = buildSite(spec);
    countTracedFunction();
    return built;
  } catch (error) {
    warnOnce(
      `site:${describeError(error)}`,
      `a traced function could not be prepared (${describeError(error)}); it runs untraced`,
    );
    return undefined;
  }
}

function buildSite(spec: CallSiteSpec): CallSite {
  const parts = componentParts(spec);
  // code.* last: they describe the code itself, a rule must not overwrite them.
  const attributes = Object.freeze({
    ...parts.attributes,
    [ATTR_CODE_FUNCTION_NAME]: spec.function,
    [ATTR_CODE_FILE_PATH]: spec.file,
    [ATTR_CODE_LINE_NUMBER]: spec.line,
  });
  return Object.freeze({
    name: spec.name,
    label: spec.function,
    key: `${spec.file}:${spec.line}:${spec.function}`,
    attributes,
    startOptions: Object.freeze(
      parts.kind === undefined ? { attributes } : { attributes, kind: parts.kind },
    ),
    argKeys: spec.args === undefined ? undefined : Object.freeze(spec.args.map((n) => `args.${n}`)),
    result: parts.capture?.endReads !== undefined,
    capture: parts.capture,
    nameOf: parts.nameOf,
    thresholdMs: spec.thresholdMs,
    followPromises: spec.followPromises !== false,
  });
}

/** The config's serviceName; the first one registered wins (see settings/precedence.ts). */
function registerServiceName(service: string | undefined): void {
  if (state.siteServiceName === undefined && typeof service === "string" && service !== "") {
    state.siteServiceName = service;
  }
}

/**
 * `file(path, service)`: the emitted code's compact way to declare the sites
 * of one file. Like `site()`, a site that cannot be prepared is undefined
 * (its calls run untraced), never an exception at module load.
 */
export function file(...[path, service]: FileArguments): SiteFactory<CallSite> {
  return (name, line, options, args, functionName) =>
    site({
      ...options,
      service,
      file: path,
      name,
      line,
      function: functionName ?? name,
      args: args ?? undefined,
    });
}
