/**
 * Lets routes declare zod schemas (from types/) as their Fastify schemas: requests are validated
 * with zod (Chinese messages from the shared schemas) and the OpenAPI document is generated from
 * the same schemas, so there is one source of truth per shape.
 */
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import { withOperationId } from './operation-ids';

// zod's own Chinese messages for every check a schema gives no message of its own (an unknown
// option, a malformed UUID, a missing field): no English reaches a caller.
z.config(z.locales.zhCN());

function isZod(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && 'safeParse' in value;
}

export function useZodSchemas(app: FastifyInstance) {
  app.setValidatorCompiler(({ schema }) => {
    if (!isZod(schema)) return (data: unknown) => ({ value: data });
    return (data: unknown) => {
      const result = schema.safeParse(data);
      if (result.success) return { value: result.data };
      const issue = result.error.issues[0];
      const error = new Error(issue.message) as Error & { validation: unknown };
      error.validation = result.error.issues;
      return { error };
    };
  });
  // Answers are typed in TypeScript and their zod schemas only document them (/openapi.json;
  // test/server/openapi.test.ts checks real answers against it): serialized as plain JSON, never
  // validated or filtered per request, so no field is ever dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

/** For @fastify/swagger: turns zod schemas of a route into JSON Schema, and names the operation. */
export function zodToOpenApi({
  schema,
  url,
  route,
}: {
  schema: FastifySchema;
  url: string;
  route?: { method: string | string[] };
}) {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'response' && value && typeof value === 'object') {
      out.response = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([status, s]) => [
          status,
          isZod(s) ? zodToJsonSchema(s, 'output') : s,
        ]),
      );
    } else out[key] = convert(value);
  }
  // Every operation's refusals share one shape: described once, for each operation without its own.
  const responses = (out.response ?? {}) as Record<string, unknown>;
  if (!Object.keys(responses).some((code) => /^[45]/.test(code))) {
    out.response = { ...responses, '4XX': ERROR_RESPONSE, '5XX': ERROR_RESPONSE };
  }
  return { schema: route ? withOperationId(out as FastifySchema, route.method, url) : (out as FastifySchema), url };
}

/** A success answer without a body (204), as a route's `response` entry describes it. */
export function noContent(description: string) {
  return { description, type: 'null' as const };
}

/** The error shape of every refusal (types/api.ts ApiErrorBody). */
const ERROR_RESPONSE = {
  description: 'Refused: a stable code and a Chinese message fit for the screen (retryAfterSeconds when rate limited).',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['validation_error'] },
        message: { type: 'string', examples: ['税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号）'] },
        retryAfterSeconds: { type: 'integer' },
      },
    },
  },
};

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema: `input` for what is sent, `output` for answers. */
export function zodToJsonSchema(value: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(value, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  // zod leaves a schema's examples out of its input form when a field transforms; they are inputs here.
  const examples = z.globalRegistry.get(value)?.examples;
  if (examples && !json.examples) json.examples = examples;
  return json;
}

function convert(value: unknown): unknown {
  return isZod(value) ? zodToJsonSchema(value, 'input') : value;
}
