// Validates JSON documents against a JSON Schema (draft 2020-12) with Ajv.
// Usage: node schema-check.js SCHEMA DOC.json...   Prints one line per problem; exit 1 if any.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require(path.join(__dirname, "..", "..", ".cache", "ajv", "node_modules", "ajv", "dist", "2020"));

const [schemaPath, ...docs] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const doc of docs) {
  if (!validate(JSON.parse(fs.readFileSync(doc, "utf8")))) {
    failed += 1;
    for (const error of validate.errors) {
      console.log(`${doc}: ${error.instancePath || "/"} ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
