// Tracing: every public method of RemoteRenderingClient opens a span named
// RemoteRenderingClient.<method> in the Microsoft.MixedReality namespace, with the package's name and
// version, and the HTTP spans of the pipeline are its children. Recorded with a test instrumenter
// against the emulator.
import assert from "node:assert/strict";
import {
  useInstrumenter,
  type Instrumenter,
  type InstrumenterSpanOptions,
  type TracingContext,
  type TracingSpan,
} from "@azure/core-tracing";
import { AzureKeyCredential, RemoteRenderingClient } from "../../src/index";
import { DEFAULT_EMULATOR_ACCOUNT, startEmulator, type RunningEmulator } from "../../src/emulator/index";

/** An immutable key-value context, as core-tracing's instrumenters hand out. */
class MapContext implements TracingContext {
  constructor(private readonly values: ReadonlyMap<symbol, unknown> = new Map()) {}
  getValue(key: symbol): unknown {
    return this.values.get(key);
  }
  setValue(key: symbol, value: unknown): TracingContext {
    return new MapContext(new Map(this.values).set(key, value));
  }
  deleteValue(key: symbol): TracingContext {
    const values = new Map(this.values);
    values.delete(key);
    return new MapContext(values);
  }
}

interface RecordedSpan {
  name: string;
  parent: string | undefined;
  packageName: string | undefined;
  packageVersion: string | undefined;
  attributes: Record<string, unknown>;
  status: string | undefined;
  ended: boolean;
}

/** Records every span; the span object itself is the key of its record in the context. */
function recordingInstrumenter(spans: RecordedSpan[]): Instrumenter {
  const spanKey = Symbol.for("@azure/core-tracing span");
  const records = new WeakMap<object, RecordedSpan>();
  return {
    startSpan(name: string, options: InstrumenterSpanOptions) {
      const parentSpan = options.tracingContext?.getValue(spanKey) as object | undefined;
      const record: RecordedSpan = {
        name,
        parent: parentSpan === undefined ? undefined : records.get(parentSpan)?.name,
        packageName: options.packageName,
        packageVersion: options.packageVersion,
        attributes: {},
        status: undefined,
        ended: false,
      };
      spans.push(record);
      const span: TracingSpan = {
        setAttribute: (key, value) => void (record.attributes[key] = value),
        setStatus: (status) => void (record.status = status.status),
        end: () => void (record.ended = true),
        recordException: () => undefined,
        isRecording: () => true,
      };
      records.set(span, record);
      const tracingContext = (options.tracingContext ?? new MapContext()).setValue(spanKey, span);
      return { span, tracingContext };
    },
    withContext: (_context, callback, ...args) => callback(...args),
    parseTraceparentHeader: () => undefined,
    createRequestHeaders: () => ({}),
  };
}

const quietInstrumenter: Instrumenter = {
  startSpan: () => ({
    span: {
      setAttribute: () => undefined,
      setStatus: () => undefined,
      end: () => undefined,
      recordException: () => undefined,
      isRecording: () => false,
    },
    tracingContext: new MapContext(),
  }),
  withContext: (_context, callback, ...args) => callback(...args),
  parseTraceparentHeader: () => undefined,
  createRequestHeaders: () => ({}),
};

describe("tracing", () => {
  let emulator: RunningEmulator;
  let client: RemoteRenderingClient;
  const spans: RecordedSpan[] = [];

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      logger: false,
      sessionStartupInSeconds: { Standard: 1 },
      conversionPhasesInSeconds: { notStarted: 1, running: 1 },
    });
    client = new RemoteRenderingClient(
      emulator.url,
      DEFAULT_EMULATOR_ACCOUNT.accountId,
      "emulator.mixedreality.azure.com",
      new AzureKeyCredential(DEFAULT_EMULATOR_ACCOUNT.accountKey),
      { allowInsecureConnection: true, authenticationEndpointUrl: emulator.url },
    );
    useInstrumenter(recordingInstrumenter(spans));
  });
  after(async () => {
    useInstrumenter(quietInstrumenter);
    await emulator.close();
  });
  beforeEach(() => {
    spans.length = 0;
  });

  /** The client's own spans, in order, and the names of the HTTP spans under each. */
  function clientSpans(): Array<{ name: string; children: string[] }> {
    return spans
      .filter((span) => span.name.startsWith("RemoteRenderingClient."))
      .map((span) => ({
        name: span.name,
        children: [
          ...new Set(spans.filter((child) => child.parent === span.name).map((child) => child.name)),
        ],
      }));
  }

  it("opens one span per call, in Microsoft.MixedReality, with the package's name and version", async () => {
    const poller = client.beginSession(
      "traced",
      { maxLeaseTimeInMinutes: 5, size: "Standard" },
      { intervalInMs: 100 },
    );
    await poller.pollUntilDone();
    await client.getSession("traced");
    await client.updateSession("traced", { maxLeaseTimeInMinutes: 10 });
    for await (const page of client.listSessions().byPage()) assert.ok(Array.isArray(page));
    await client.endSession("traced");
    const names = clientSpans().map((span) => span.name);
    assert.deepEqual(names, [
      "RemoteRenderingClient.beginSession",
      "RemoteRenderingClient.getSession",
      "RemoteRenderingClient.updateSession",
      "RemoteRenderingClient.listSessions",
      "RemoteRenderingClient.endSession",
    ]);
    for (const span of spans.filter((s) => s.name.startsWith("RemoteRenderingClient."))) {
      assert.equal(span.attributes["az.namespace"], "Microsoft.MixedReality", span.name);
      assert.equal(span.packageName, "remote-rendering-client");
      assert.match(span.packageVersion ?? "", /^\d+\.\d+\.\d+/);
      assert.equal(span.status, "success", span.name);
      assert.ok(span.ended, `${span.name} ended`);
    }
    for (const span of clientSpans()) {
      assert.ok(
        span.children.some((child) => /^HTTP (GET|PUT|PATCH|POST)$/.test(child)),
        `${span.name} has the HTTP spans of its requests as children: ${JSON.stringify(span.children)}`,
      );
    }
  });

  it("spans conversions and marks a failed call as an error", async () => {
    const settings = {
      inputSettings: {
        storageContainerUrl: "https://mystorage.blob.core.windows.net/input",
        relativeInputAssetPath: "box.fbx",
        storageContainerReadListSas: "sv=1&sig=x",
      },
      outputSettings: {
        storageContainerUrl: "https://mystorage.blob.core.windows.net/output",
        storageContainerWriteSas: "sv=1&sig=y",
      },
    };
    const poller = client.beginConversion("traced-conversion", settings, { intervalInMs: 100 });
    await poller.pollUntilDone();
    await client.getConversion("traced-conversion");
    for await (const conversion of client.listConversions()) assert.ok(conversion.conversionId);
    await assert.rejects(client.getConversion("missing-conversion"), { statusCode: 404 });
    assert.deepEqual(
      clientSpans().map((span) => span.name),
      [
        "RemoteRenderingClient.beginConversion",
        "RemoteRenderingClient.getConversion",
        "RemoteRenderingClient.listConversions",
        "RemoteRenderingClient.getConversion",
      ],
    );
    const failed = spans.filter((span) => span.name === "RemoteRenderingClient.getConversion")[1];
    assert.equal(failed?.status, "error");
  });
});
