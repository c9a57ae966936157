/**
 * A schema-driven fuzz suite over every operation of /openapi.json (fast-check): path parameters,
 * query and body are drawn from each operation's own schemas, with hostile values mixed in at
 * every level (NUL, lone surrogates, bidi controls, huge and wrong-typed values, broken JSON,
 * malformed percent-encoding, a missing or wrong token). Whatever comes in, the server answers
 * no 5xx, and every 4xx has the contract shape `{ error: { code, message } }` with a Chinese
 * message. At least FUZZ_CASES cases in all, spread evenly over the operations.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suiteServer } from '../support/server';
import { addAccount, bureauPerson, member, tenantWithEnterprise, type Member, type World } from '../support/etax';

const FUZZ_CASES = 10_000;
const CHINESE = /[\u4e00-\u9fff]/;

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: Schema }[];
  body?: Schema;
}

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\uffff\ufffe',
  '\u202e反转',
  '   ',
  "'; drop table tenants; --",
  '<script>alert(1)</script>',
  '%00',
  '../../etc/passwd',
  '1e309',
  '-0',
  'x'.repeat(5_000),
  '中'.repeat(300),
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Any JSON-ish value, hostile strings included. */
const anything = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: false }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53, [], {}) },
);

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      /* a pattern fast-check cannot draw from: plain strings */
    }
  }
  const maxLength = Math.min(Number(schema.maxLength ?? 40), 80);
  const minLength = Math.min(Number(schema.minLength ?? 0), maxLength);
  return fc.string({ minLength, maxLength });
}

/** Values the schema allows, with a hostile one at any position now and then. */
function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anything;
  const valid = validOf(schema, depth);
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: anything });
}

function validOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -1000), max: Number(schema.maximum ?? 1_000_000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items as Schema, depth + 1), { maxLength: 4 });
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const extra =
        schema.additionalProperties && typeof schema.additionalProperties === 'object'
          ? fc.dictionary(fc.string({ maxLength: 20 }), fromSchema(schema.additionalProperties as Schema, depth + 1), {
              maxKeys: 3,
            })
          : fc.constant({});
      const known = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(s, depth + 1)])),
        { requiredKeys: required.filter((k) => k in properties) },
      );
      return fc.tuple(extra, known).map(([a, b]) => ({ ...a, ...b }));
    }
    default:
      return anything;
  }
}

/** Percent-encodes as UTF-8; lone surrogates become the malformed bytes a raw client could send. */
function encodeSegment(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) out += '%ED%A0%80';
    else out += encodeURIComponent(ch);
  }
  return out;
}

function operationsOf(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters ?? []) as Operation['params']).filter((p) => p.in === 'path' || p.in === 'query');
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
      ops.push({ method: method.toUpperCase(), path, params, body: content?.['application/json']?.schema });
    }
  }
  return ops;
}

describe('#fuzz (every operation of /openapi.json)', () => {
  const server = suiteServer();
  let world: World;
  let alice: Member;
  let accountId: string;

  before(async () => {
    world = await tenantWithEnterprise(server);
    alice = await member(server, world);
    accountId = await addAccount(server, alice.token, world.enterpriseId, await bureauPerson(server, world.taxId));
  });

  it(`should answer ${FUZZ_CASES}+ generated requests with no 5xx and every error in the contract shape`, async () => {
    const doc = (await server.call('GET', '/openapi.json')).body;
    const ops = operationsOf(doc);
    assert.ok(ops.length >= 50, `only ${ops.length} operations in /openapi.json`);
    const perOperation = Math.ceil(FUZZ_CASES / ops.length);
    const known = [world.tenantId, world.enterpriseId, accountId, world.taxId];
    const pathValue = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...known) },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0) },
      { weight: 1, arbitrary: fc.constantFrom('%ED%A0%80', '%FF', '%', '%zz') },
    );
    // Each operation has a member of its own: signing out or leaving the tenant ends only theirs.
    const auth = (path: string, token: string) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.constant(path.startsWith('/ops/') ? server.opsToken : token) },
        { weight: 1, arbitrary: fc.constantFrom(undefined, 'wrong-token', '\u00ff'.repeat(3)) },
      );
    const statuses = new Map<number, number>();
    let cases = 0;

    for (const op of ops) {
      const pathArbs = op.params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue] as const);
      const queryArbs = op.params
        .filter((p) => p.in === 'query')
        .map((p) => [p.name, fc.option(fromSchema(p.schema), { nil: undefined })] as const);
      const body = op.body
        ? fc.oneof(
            { weight: 6, arbitrary: fromSchema(op.body).map((v) => JSON.stringify(v) ?? 'null') },
            { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,', '"\\u0000"', '{"__proto__":{"x":1}}', '') },
          )
        : fc.constant(undefined);
      const request = fc.record({
        path: fc.record(Object.fromEntries(pathArbs)),
        query: fc.record(Object.fromEntries(queryArbs)),
        body,
        token: auth(op.path, (await member(server, world)).token),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          cases++;
          let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            const value = (r.path as Record<string, unknown>)[name];
            // Known ids and the %-sequences go in as they are; the rest percent-encoded.
            return typeof value === 'string' && (known.includes(value) || value.startsWith('%'))
              ? value
              : encodeSegment(value);
          });
          const query = Object.entries(r.query as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${k}=${encodeSegment(v)}`);
          if (query.length) url += `?${query.join('&')}`;
          const res = await fetch(server.url + url, {
            method: op.method,
            headers: {
              // Callers from everywhere: the failure limits (http/limits.ts) see many addresses.
              'x-forwarded-for': `10.${cases % 256}.${(cases >> 8) % 256}.${1 + (cases % 250)}`,
              ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...(r.token ? { authorization: `Bearer ${r.token}` } : {}),
            },
            body: r.body,
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const what = `${op.method} ${url.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
          assert.ok(res.status < 500, what);
          if (res.status >= 400) {
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            assert.deepEqual(Object.keys(parsed), ['error'], what);
            assert.equal(typeof parsed.error?.code, 'string', what);
            assert.equal(typeof parsed.error?.message, 'string', what);
            assert.match(parsed.error?.message as string, CHINESE, what);
          }
        }),
        { numRuns: perOperation, endOnFailure: true },
      );
    }
    console.log(
      `fuzz: ${cases} cases over ${ops.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    assert.ok(cases >= FUZZ_CASES);
  });
});
