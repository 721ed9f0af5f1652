// @ts-check
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      // Fixture inputs are test data; their span assertions (spans.ts) are test code.
      "fixtures/**/*",
      "!fixtures/*/",
      "!fixtures/*/spans.ts",
      "test/cli/projects/**",
      "examples/**/dist/**",
      ".tmp/**",
      "test/exporters/jaeger-receiver/gen/**",
    ],
  },
  ...tseslint.configs.recommended,
  ...boundaryRules(),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // `import x = require()` is how a CommonJS build gets a plain module object.
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
    },
  },
);

/**
 * The build-time/run-time boundary: transformer/ and runtime/ meet only in
 * contract/, so the runtime never loads TypeScript or transformer code and
 * the transformer never depends on the runtime's internals.
 */
function boundaryRules() {
  const fix = "share it through contract/ (the one module both sides import)";
  const transformer = {
    regex: "(^|/)transformer(/|$)",
    message: `the runtime must not import the transformer: ${fix}.`,
  };
  const typescript = {
    regex: "^typescript(/|$)",
    message: "the runtime must not load TypeScript: it runs in the user's program.",
  };
  const runtime = {
    regex: "(^|/)runtime(/|$)|^ts-autotrace$",
    message: `the transformer must not import the runtime: ${fix}.`,
  };
  const anything = {
    regex: ".",
    message: "contract/ imports nothing, so both sides can load it at no cost.",
  };
  return [
    boundary(["runtime/**/*.ts", "runtime/**/*.mjs"], [transformer, typescript]),
    boundary(["transformer/**/*.ts"], [runtime]),
    boundary(["contract/**/*.ts"], [anything]),
  ];
}

/** Forbids the patterns in `import`, `import =`, `export from`, `require()` and `import()`. */
function boundary(files, patterns) {
  const syntax = patterns.flatMap(({ regex, message }) => {
    const literal = `/${regex.replaceAll("/", "\\/")}/`; // esquery ends a regex at a bare "/"
    return [
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${literal}]`, message },
      { selector: `ImportExpression[source.value=${literal}]`, message },
    ];
  });
  return {
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
      "no-restricted-syntax": ["error", ...syntax],
    },
  };
}
