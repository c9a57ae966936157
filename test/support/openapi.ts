/**
 * Reads /openapi.json as an integrator would: which operation a request is, and whether an answer
 * is what the document says (JSON Schema 2020-12, OpenAPI 3.1's dialect, checked with Ajv).
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Answers are read loosely here: the document is what is being checked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Operation {
  method: string;
  /** As in the document: /api/v1/flows/{flowId} */
  path: string;
  operationId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  op: any;
}

export function operationsOf(doc: Json): Operation[] {
  return Object.entries<Record<string, Json>>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({
      method,
      path,
      operationId: item[method].operationId,
      op: item[method],
    })),
  );
}

/** One validator per document: which operation a call was, and what is wrong with its answer. */
export function answerChecker(doc: Json) {
  // strict off: the document's schemas carry OpenAPI's own annotations (example) besides JSON Schema's.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<object, ValidateFunction>();
  const validatorOf = (schema: object) => {
    let v = compiled.get(schema);
    if (!v) compiled.set(schema, (v = ajv.compile(schema)));
    return v;
  };
  const operations = operationsOf(doc).map((o) => ({
    ...o,
    // Literal segments before parameters: /admins/me is not /admins/{id}.
    pattern: new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literal: o.path.replace(/\{[^}]+\}/g, '').length,
  }));

  /** The operation a request is (query left out), or undefined. */
  function operationFor(method: string, url: string): Operation | undefined {
    const path = url.split('?')[0];
    return operations
      .filter((o) => o.method === method.toLowerCase() && o.pattern.test(path))
      .sort((a, b) => b.literal - a.literal)[0];
  }

  /** What is wrong with `body` as the documented JSON answer of the operation for `status`. */
  function problems(operation: Operation, status: number, body: unknown): string[] {
    const response = operation.op.responses?.[String(status)];
    if (!response) return [`${status} is not a documented answer`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === null || body === '' ? [] : [`${status} answers a body the document does not describe`];
    const validate = validatorOf(schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** Whether a value is what a schema of the document says (for its examples). */
  function fits(schema: object, value: unknown): string[] {
    const validate = validatorOf(schema);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  }

  return { operationFor, problems, fits };
}
