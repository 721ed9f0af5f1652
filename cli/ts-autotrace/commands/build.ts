/** `build`: tspc for package.json scripts, minus its crash on TypeScript 7 and its silent untraced builds. */
import { type Command } from "../command";
import {
  noTransformerApiMessage,
  hasTransformerApi,
} from "../../../transformer/engine/typescript-api";
import { projectArgument, projectFolder } from "../build/tsc-args";
import { exitLikeTspc, runTspc } from "../build/run-tspc";
import {
  findToolchain,
  majorOf,
  missingTsPatchMessage,
  tspcPath,
  type InstalledPackage,
} from "../build/toolchain";
import { untracedBuildWarning } from "../build/untraced-build";
import { InputError, paletteFor } from "../terminal";

export const buildCommand: Command = {
  name: "build",
  summary: "build with ts-patch's tspc (use it in package.json scripts in place of `tspc`)",
  help: `Usage: npx ts-autotrace build [tsc/tspc arguments...]

Runs ts-patch's tspc on this Node with every argument unchanged (-p, --watch,
--noEmit, ...) and exits with its exit code. Put it in package.json scripts
where \`tspc\` was. Before starting tspc it checks, from the -p/--project
folder (else the current one), what tspc would run:
  - TypeScript 7 (no transformer API, so tspc crashes with a stack trace):
    one line naming the version, its folder and the supported paths; exit 1.
  - ts-patch not installed: one line with the npm command; exit 1.
  - the tsconfig.json tspc builds (read by that TypeScript, "extends"
    followed) without { "transform": "ts-autotrace/transformer" } in
    compilerOptions.plugins: one warning line, then it builds anyway.

Options (the only ones it reads; tspc gets them all):
  -p, --project <path>  tsconfig.json (or its folder) that tspc builds
  -h, --help            show this help (\`npx tspc --help\` lists tsc's options)

Exit codes: tspc's own (0 built, 1 or 2 errors in the code); 1 TypeScript 7
or a missing TypeScript or ts-patch. A signal that ends tspc ends this too.
`,
  options: {},
  positionals: { min: 0, max: Number.POSITIVE_INFINITY },
  passThrough: true,
  async run(args, io) {
    const tscArgs = args.positionals;
    const project = projectArgument(tscArgs);
    const projectDir = projectFolder(io.cwd, project);
    const { typescript, typescripts, tsPatch } = findToolchain(projectDir);
    const typescript7 = typescripts.find((found) => majorOf(found) >= 7);
    if (typescript7) throw new InputError(noApiMessage(typescript7));
    if (!tsPatch) throw new InputError(missingTsPatchMessage(projectDir, typescript));
    const compiler = loadCompiler(typescript);
    if (!hasTransformerApi(compiler)) throw new InputError(noApiMessage(typescript));
    const warning = untracedBuildWarning(compiler, io.cwd, project);
    if (warning) io.stderr.write(`${paletteFor(io.stderr, io.env).yellow("warning")} ${warning}\n`);
    return exitLikeTspc(await runTspc(tspcPath(tsPatch), tscArgs, io.cwd));
  },
};

function noApiMessage(typescript: InstalledPackage): string {
  return noTransformerApiMessage(`TypeScript ${typescript.version} (${typescript.dir})`);
}

/** The compiler behind the version already checked; a broken install counts as no API. */
function loadCompiler(typescript: InstalledPackage): unknown {
  try {
    // The path is the project's, known only at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(typescript.dir) as unknown;
  } catch {
    return undefined;
  }
}
