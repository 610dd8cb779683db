import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

/** A no-restricted-imports pattern refusing every `@/<folder>` import of the folders named. */
function layer(why, folders) {
  return { regex: `^@/(${folders.join("|")})(/|$)`, message: `${why}: it may not import from ${folders.map((f) => f + "/").join(", ")} (decision 026).` };
}

// A server action's request can fail (network down, server gone, or a page from before an update):
// reach() turns that into a refusal the form shows.
const REACH_ACTIONS = [
  "error",
  {
    selector: 'CallExpression[callee.name=/Action$/]:not(CallExpression[callee.name="reach"] > CallExpression)',
    message: "Call a server action inside reach() (components/ui/reach.ts), so a failed request shows as a refusal instead of rejecting unhandled.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  // Rules that read the types: promises left floating or handed where nothing awaits them, awaits
  // of non-promises, assertions that assert nothing, values that flow in as `any`.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // React ignores what an event handler returns, so an async onClick or onSubmit is the usual
      // way to write one; everywhere else a promise where a void callback is expected is refused.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // An async function without an await is often one that must return a promise (an async
      // generator, a callback typed so); the forgotten await it is meant to find is what
      // no-floating-promises reports.
      "@typescript-eslint/require-await": "off",
    },
  },
  // Tests read JSON bodies, which are `any`, and assert on them; and they reject with odd values
  // on purpose, to see how the code under test describes them.
  {
    files: ["**/*.test.ts", "e2e/**/*.ts", "tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/prefer-promise-reject-errors": "off",
    },
  },
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers import downwards only: lib (pure) <- db <- server <- app and components (decision 026).
  // Tests may cross a layer: db's command tests drive the server's guard as well.
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [layer("lib/ is pure code", ["db", "server", "app", "components"])] }] },
  },
  {
    files: ["db/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [layer("db/ sits below the server layer", ["server", "app", "components"])] }] },
  },
  {
    files: ["db/**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [layer("db/ sits below the server layer", ["app", "components"])] }] },
  },
  {
    files: ["server/**/*.{ts,tsx}"],
    ignores: ["server/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [layer("server/ is imported by app/ and components/, not the other way", ["app", "components"])] },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/db(/|$)",
              allowTypeImports: true,
              message: "components/ reach the database through server/ (pages, actions); from db/ they may take types only (import type).",
            },
          ],
        },
      ],
      "no-restricted-syntax": REACH_ACTIONS,
    },
  },
  // Client code in app/ (error pages today) calls actions the same way.
  { files: ["app/**/*.tsx"], rules: { "no-restricted-syntax": REACH_ACTIONS } },
  // CommonJS config files (Next and Tailwind load them with require).
  { files: ["*.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  { ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
