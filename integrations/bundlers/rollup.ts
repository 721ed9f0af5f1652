/** ts-autotrace for Rollup: `plugins: [autotrace()]` in rollup.config.mjs. */
import { autotrace } from "./unplugin";

export type { AutotraceOptions } from "../options";
export default autotrace.rollup;
