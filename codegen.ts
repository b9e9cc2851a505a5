import type { CodegenConfig } from "@graphql-codegen/cli";

// Types the tests' operations against the committed schema.graphql (npm run codegen).
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["tests/**/*.ts", "!tests/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "tests/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        scalars: { DateTime: "string", PartialDate: "string", File: "File", ID: "string" },
        enumsAsTypes: true,
      },
    },
  },
};
export default config;
