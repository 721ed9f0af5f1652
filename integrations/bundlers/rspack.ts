/** ts-autotrace for Rspack: `plugins: [autotrace()]` in rspack.config.js. */
import { autotrace } from "./unplugin";

export type { AutotraceOptions } from "../options";
export default autotrace.rspack;
