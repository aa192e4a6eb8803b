import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { type ModelName, toJsonSchema } from "../../../src/model/json-schema.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Whether a value is valid by a model's exported JSON Schema (as the Java or Python side checks it). */
export const validByJsonSchema = (name: ModelName, value: unknown): boolean => addFormats(new Ajv2020({ strict: true })).compile(toJsonSchema(name))(value) as boolean;
