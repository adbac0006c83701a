// ESLint (flat config) with typescript-eslint; `npm run lint` runs it and `tsc --noEmit`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "bot/web/**", ".bench/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // Mocha's `this.timeout()` needs function expressions; non-null assertions on fixtures are fine in tests.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
