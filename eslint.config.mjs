import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/** A no-restricted-imports pattern refusing every `@/<folder>` import of the folders named. */
function layer(why, folders) {
  return { regex: `^@/(${folders.join("|")})(/|$)`, message: `${why}: it may not import from ${folders.map((f) => f + "/").join(", ")} (decision 026).` };
}

const config = [
  ...nextVitals,
  ...nextTs,
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
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [layer("server/ is imported by app/ and components/, not the other way", ["app", "components"])] }] },
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
    },
  },
  // CommonJS config files (Next and Tailwind load them with require).
  { files: ["*.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  { ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
