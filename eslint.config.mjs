// @ts-check
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "fixtures/**",
      "test/cli/projects/**",
      "examples/**/dist/**",
      ".tmp/**",
      "test/exporters/jaeger-receiver/gen/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // `import x = require()` is how a CommonJS build gets a plain module object.
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
    },
  },
);
