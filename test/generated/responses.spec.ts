// Every response the specs document, for every operation, comes back from the generated clients
// with its status, body and headers; isUnexpected is true exactly for x-ms-error-response codes,
// `default`, and codes the spec does not declare. The types of those responses are checked at
// compile time below (npm run typecheck covers this file).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PathUncheckedResponse } from "@azure-rest/core-client";
import nock from "nock";
import { isUnexpected as isUnexpectedArr } from "../../src/generated/remoteRendering";
import type {
  ConversionListOutput,
  ConversionOutput,
  ConversionStatusOutput,
  ErrorModelOutput,
  ErrorResponseOutput,
  CreateConversion as RemoteRenderingCreateConversion,
  CreateSession as RemoteRenderingCreateSession,
  ListConversions as RemoteRenderingListConversions,
  ListSessions as RemoteRenderingListSessions,
  StopSession as RemoteRenderingStopSession,
  SessionPropertiesOutput,
  SessionSizeOutput,
  SessionsListOutput,
} from "../../src/generated/remoteRendering";
import { isUnexpected as isUnexpectedSts } from "../../src/generated/sts";
import type {
  GetToken200Response,
  GetTokenDefaultResponse,
  StsTokenResponseMessageOutput,
} from "../../src/generated/sts";
import * as clients from "./testClients";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type ResponseOf<F extends (...args: never[]) => PromiseLike<unknown>> = Awaited<ReturnType<F>>;
type BodiesOf<R extends { status: string; body: unknown }> = {
  [S in R["status"]]: Extract<R, { status: S }>["body"];
};
type HeaderOf<R, S extends string, H extends string> =
  Extract<R, { status: S }> extends { headers: infer T }
    ? T extends Record<H, infer V>
      ? V
      : T extends Partial<Record<H, infer V>>
        ? V | undefined
        : never
    : never;

type CreateConversion = ResponseOf<RemoteRenderingCreateConversion["put"]>;
type GetConversion = ResponseOf<RemoteRenderingCreateConversion["get"]>;
type ListConversions = ResponseOf<RemoteRenderingListConversions["get"]>;
type CreateSession = ResponseOf<RemoteRenderingCreateSession["put"]>;
type GetSession = ResponseOf<RemoteRenderingCreateSession["get"]>;
type UpdateSession = ResponseOf<RemoteRenderingCreateSession["patch"]>;
type StopSession = ResponseOf<RemoteRenderingStopSession["post"]>;
type ListSessions = ResponseOf<RemoteRenderingListSessions["get"]>;
type C = ConversionOutput;
type S = SessionPropertiesOutput;
type E = ErrorResponseOutput;

export type ResponseTypeChecks = [
  Expect<
    Equal<
      BodiesOf<CreateConversion>,
      { 200: C; 201: C; 400: E; 401: unknown; 403: unknown; 409: E; 429: unknown; 500: E }
    >
  >,
  Expect<
    Equal<BodiesOf<GetConversion>, { 200: C; 401: unknown; 403: unknown; 404: unknown; 429: unknown; 500: E }>
  >,
  Expect<
    Equal<
      BodiesOf<ListConversions>,
      { 200: ConversionListOutput; 401: unknown; 403: unknown; 429: unknown; 500: E }
    >
  >,
  Expect<
    Equal<
      BodiesOf<CreateSession>,
      { 200: S; 201: S; 400: E; 401: unknown; 403: unknown; 409: E; 429: unknown; 500: E }
    >
  >,
  Expect<
    Equal<BodiesOf<GetSession>, { 200: S; 401: unknown; 403: unknown; 404: unknown; 429: unknown; 500: E }>
  >,
  Expect<
    Equal<
      BodiesOf<UpdateSession>,
      { 200: S; 401: unknown; 403: unknown; 404: unknown; 422: E; 429: unknown; 500: E }
    >
  >,
  Expect<
    Equal<
      BodiesOf<StopSession>,
      { 204: unknown; 401: unknown; 403: unknown; 404: unknown; 429: unknown; 500: E }
    >
  >,
  Expect<
    Equal<
      BodiesOf<ListSessions>,
      { 200: SessionsListOutput; 401: unknown; 403: unknown; 429: unknown; 500: E }
    >
  >,
  Expect<Equal<GetToken200Response["body"], StsTokenResponseMessageOutput>>,
  Expect<Equal<GetTokenDefaultResponse["status"], string>>,
  Expect<Equal<HeaderOf<CreateConversion, "201", "ms-cv">, string | undefined>>,
  Expect<Equal<HeaderOf<GetConversion, "200", "retry-after">, number | undefined>>,
  Expect<Equal<HeaderOf<CreateSession, "429", "retry-after">, number | undefined>>,
  Expect<Equal<HeaderOf<StopSession, "401", "www-authenticate">, string | undefined>>,
  Expect<Equal<SessionPropertiesOutput["error"], ErrorModelOutput | null | undefined>>,
  Expect<Equal<ConversionOutput["error"], ErrorModelOutput | null>>,
  Expect<Equal<SessionPropertiesOutput["size"], SessionSizeOutput>>,
];

// Extensible enums take values the spec does not list (the service once returned an unlisted size).
export const unlistedSize: SessionSizeOutput = "Huge";
export const unlistedStatus: ConversionStatusOutput = "Paused";

interface SpecResponse {
  readonly "x-ms-error-response"?: boolean;
  readonly schema?: { readonly $ref: string };
  readonly headers?: Readonly<Record<string, unknown>>;
}

interface SpecOperation {
  readonly operationId: string;
  readonly responses: Readonly<Record<string, SpecResponse>>;
}

function operationsOf(file: string): SpecOperation[] {
  const spec = JSON.parse(readFileSync(path.join(clients.repositoryRoot, "swagger", file), "utf8")) as {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  return Object.values(spec.paths).flatMap((methods) => Object.values(methods));
}

const samples: Readonly<Record<string, unknown>> = {
  "#/definitions/conversion": clients.conversionBody,
  "#/definitions/conversion_list": { conversions: [clients.conversionBody] },
  "#/definitions/session_properties": clients.sessionBody,
  "#/definitions/sessions_list": { sessions: [clients.sessionBody] },
  "#/definitions/error_response": clients.errorBody,
  "#/definitions/StsTokenResponseMessage": clients.tokenBody,
};

const headerSamples: Readonly<Record<string, string>> = {
  "MS-CV": "response-cv.0",
  "Retry-After": "7",
  "WWW-Authenticate": 'Bearer error="invalid_token"',
};

type Send = () => PromiseLike<PathUncheckedResponse>;
/** The overloads want one operation's response union; the table below mixes operations. */
const isUnexpected = isUnexpectedArr as (response: PathUncheckedResponse) => boolean;
const arr = clients.remoteRenderingClient();
const conversion = arr.path("/accounts/{account_id}/conversions/{conversion_id}", clients.accountId, "c1");
const session = arr.path("/accounts/{account_id}/sessions/{session_id}", clients.accountId, "s1");
const senders: Readonly<Record<string, readonly [string, Send]>> = {
  RemoteRendering_CreateConversion: [
    "PUT /conversions/c1",
    () => conversion.put({ body: clients.conversionSettings }),
  ],
  RemoteRendering_GetConversion: ["GET /conversions/c1", () => conversion.get()],
  RemoteRendering_ListConversions: [
    "GET /conversions",
    () => arr.path("/accounts/{account_id}/conversions", clients.accountId).get(),
  ],
  RemoteRendering_CreateSession: [
    "PUT /sessions/s1",
    () => session.put({ body: { maxLeaseTimeMinutes: 5, size: "Premium" } }),
  ],
  RemoteRendering_GetSession: ["GET /sessions/s1", () => session.get()],
  RemoteRendering_UpdateSession: [
    "PATCH /sessions/s1",
    () => session.patch({ body: { maxLeaseTimeMinutes: 6 } }),
  ],
  RemoteRendering_StopSession: [
    "POST /sessions/s1/:stop",
    () => arr.path("/accounts/{account_id}/sessions/{session_id}/:stop", clients.accountId, "s1").post(),
  ],
  RemoteRendering_ListSessions: [
    "GET /sessions",
    () => arr.path("/accounts/{account_id}/sessions", clients.accountId).get(),
  ],
};

async function reply(host: string, route: string, status: number, response: SpecResponse | undefined) {
  const [method, suffix] = route.split(" ") as [string, string];
  const routePath = host === clients.stsEndpoint ? suffix : `/accounts/${clients.accountId}${suffix}`;
  const body = response?.schema === undefined ? undefined : samples[response.schema.$ref];
  assert.ok(
    response?.schema === undefined || body !== undefined,
    `no sample body for ${response?.schema?.$ref}`,
  );
  const headers = Object.fromEntries(
    Object.keys(response?.headers ?? {}).map((name) => [name, headerSamples[name] ?? "x"]),
  );
  nock(host)
    .intercept(routePath, method)
    .query(true)
    .reply(status, body === undefined ? "" : JSON.stringify(body), {
      ...headers,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    });
  return body;
}

describe("generated clients: documented responses and isUnexpected", function () {
  afterEach(function () {
    nock.cleanAll();
  });

  const arrOperations = operationsOf("remote-rendering.json");

  it("covers the 8 Remote Rendering operations of the spec", function () {
    assert.deepEqual(
      arrOperations.map((operation) => operation.operationId).sort(),
      Object.keys(senders).sort(),
    );
  });

  for (const operation of arrOperations) {
    it(`${operation.operationId}: each documented status, plus an undocumented 418`, async function () {
      const [route, send] = senders[operation.operationId] as readonly [string, Send];
      for (const [code, response] of [...Object.entries(operation.responses), ["418", undefined] as const]) {
        const body = await reply(clients.endpoint, route, Number(code), response);
        const result = await send();
        assert.equal(result.status, code);
        const expectedUnexpected = response === undefined || response["x-ms-error-response"] === true;
        assert.equal(isUnexpected(result), expectedUnexpected, `isUnexpected for ${code}`);
        if (body !== undefined) {
          assert.deepEqual(result.body, body, `body of ${code}`);
        }
        for (const name of Object.keys(response?.headers ?? {})) {
          assert.equal(result.headers[name.toLowerCase()], headerSamples[name], `${name} of ${code}`);
        }
      }
    });
  }

  it("GetToken: each documented status, `default` (as 503), plus an undocumented 418", async function () {
    const [getToken] = operationsOf("sts.json");
    assert.ok(getToken !== undefined && getToken.operationId === "GetToken");
    const sts = clients.stsClient();
    const send = () => sts.path("/Accounts/{accountId}/token", clients.accountId).get();
    const entries = Object.entries(getToken.responses).map(([code, response]) =>
      code === "default" ? (["503", response] as const) : ([code, response] as const),
    );
    for (const [code, response] of [...entries, ["418", undefined] as const]) {
      const body = await reply(
        clients.stsEndpoint,
        `GET /Accounts/${clients.accountId}/token`,
        Number(code),
        response,
      );
      const result = await send();
      assert.equal(result.status, code);
      assert.equal(isUnexpectedSts(result), code !== "200", `isUnexpected for ${code}`);
      if (body !== undefined) {
        assert.deepEqual(result.body, body);
      }
    }
  });
});
