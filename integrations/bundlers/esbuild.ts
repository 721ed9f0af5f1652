/** ts-autotrace for esbuild: `plugins: [autotrace()]` in the build() options. */
import { autotrace } from "./unplugin";

export type { AutotraceOptions } from "../options";
export default autotrace.esbuild;
