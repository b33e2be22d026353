/**
 * A gRPC server that speaks EventStoreDB's client protocol over an in-memory log: a test
 * fixture for the EventStoreDB adapter, not a database. See README.md for what it implements
 * and every EventStoreDB behaviour it assumes.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { appendHandler } from './append-handler.js';
import { batchAppendHandler } from './batch-append-handler.js';
import type { ElectionRefusal, FixtureContext, StreamsMethod } from './fixture-context.js';
import { InMemoryLog } from './in-memory-log.js';
import { featuresGrpc, featuresPb, streamsGrpc } from './proto.js';
import { readHandler } from './read-handler.js';

export interface EsdbFixtureOptions {
  /** 0 (the default) picks a free port; restarts keep whichever port was bound. */
  readonly port?: number;
  readonly host?: string;
  /** EventStoreDB ≥ 21.10 advertises Streams.BatchAppend, and the client then appends through it. */
  readonly advertiseBatchAppend?: boolean;
  /** EventStoreDB's `MaxAppendSize`, 1 MiB by default. */
  readonly maxAppendSize?: number;
  readonly serverVersion?: string;
}

const ONE_MIB = 1024 * 1024;

export class EsdbFixtureServer {
  /** Survives stop() and restart(), as EventStoreDB's data directory does. */
  readonly log = new InMemoryLog();
  private server: Server | undefined;
  private boundPort: number;
  private latencyMs = 0;
  private refusals: ElectionRefusal[] = [];
  private readonly calls: Record<StreamsMethod, number> = { read: 0, append: 0, batchAppend: 0 };
  private readonly context: FixtureContext;

  private constructor(private readonly options: EsdbFixtureOptions) {
    this.boundPort = options.port ?? 0;
    this.context = {
      log: this.log,
      maxAppendSize: options.maxAppendSize ?? ONE_MIB,
      beforeReply: () => (this.latencyMs > 0 ? sleep(this.latencyMs) : Promise.resolve()),
      called: (method) => (this.calls[method] += 1),
      takeRefusal: () => this.refusals.shift(),
    };
    // A fresh EventStoreDB writes system records before any client event.
    this.writeEvent('$$$scavenges', '$metadata', { $maxAge: 2592000 });
    this.writeEvent('$$$stats-fixture', '$metadata', { $maxAge: 86400 });
  }

  static async start(options: EsdbFixtureOptions = {}): Promise<EsdbFixtureServer> {
    const fixture = new EsdbFixtureServer(options);
    await fixture.restart();
    return fixture;
  }

  get port(): number {
    return this.boundPort;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** The single-node, insecure connection string the adapter is given. */
  get connectionString(): string {
    return `esdb://${this.host}:${this.boundPort}?tls=false`;
  }

  /** How often each Streams method was called since the fixture started. */
  callCounts(): Readonly<Record<StreamsMethod, number>> {
    return { ...this.calls };
  }

  /** The next `count` batch appends are refused as during an election, and not written. */
  refuseAppends(refusal: ElectionRefusal, count = 1): void {
    for (let i = 0; i < count; i++) this.refusals.push(refusal);
  }

  /** Delays every read and write by `ms` before it is processed (0 turns it off). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * Writes one JSON event straight into the log, as another client (or, for `$` types,
   * EventStoreDB's own subsystems) would, even while the server is stopped.
   */
  writeEvent(streamName: string, type: string, data: unknown = {}): void {
    this.log.append(streamName, { kind: 'any' }, [
      {
        id: randomUUID(),
        type,
        contentType: 'application/json',
        data: Buffer.from(JSON.stringify(data)),
        customMetadata: new Uint8Array(),
      },
    ]);
  }

  /** Goes away abruptly, as a killed node does: open calls are cut, the port stops listening. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.forceShutdown();
  }

  /** Listens again on the same port, with the same log. */
  async restart(): Promise<void> {
    if (this.server) return;
    const server = new Server();
    server.addService(featuresGrpc.ServerFeaturesService, { getSupportedMethods: this.supportedMethods() });
    server.addService(streamsGrpc.StreamsService, {
      read: readHandler(this.context),
      append: appendHandler(this.context),
      batchAppend: batchAppendHandler(this.context),
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${this.host}:${this.boundPort}`, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
  }

  private get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  /** What EventStoreDB reports: lower-cased service and method names, with their features. */
  private supportedMethods() {
    const methods = [
      ['event_store.client.streams.streams', 'read', ['position', 'events']],
      ['event_store.client.streams.streams', 'append', []],
      ...(this.options.advertiseBatchAppend === false
        ? []
        : [['event_store.client.streams.streams', 'batchappend', ['deadline_duration']] as const]),
      ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
    ] as const;
    const response = new featuresPb.SupportedMethods().setEventStoreServerVersion(
      this.options.serverVersion ?? '24.10.0',
    );
    for (const [service, method, features] of methods) {
      response.addMethods(
        new featuresPb.SupportedMethod()
          .setServiceName(service)
          .setMethodName(method)
          .setFeaturesList([...features]),
      );
    }
    return (_call: unknown, callback: (error: null, value: typeof response) => void) =>
      callback(null, response);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
