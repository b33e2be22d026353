import { installBodyDepthLimit } from './problem/body-depth-limit.js';
import { Metrics } from './metrics/metrics.js';
import { FRAMEWORK_ERROR_OPTIONS, installUrlLengthLimit } from './problem/framework-errors.js';
import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@one-window/event-store';
import { cacheValidationMetadata, type Clock, systemClock } from '@one-window/shared';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { ServerConfig } from './config/server-config.js';
import { defaultConsoleDir, serveConsole } from './console/console-assets.js';
import { ClosingFastifyAdapter } from './lifecycle/closing-fastify-adapter.js';
import { createLogger, requestId } from './logging/logger.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { setupOpenApi } from './openapi.js';
import { RequestValidationPipe } from './problem/request-validation.pipe.js';
import { openEventStore } from './store/open-event-store.js';
import { useSecurityHeaders } from './http/security-headers.js';

export interface ServerOptions {
  readonly config: ServerConfig;
  /** A store the caller opened and will close; by default the server opens the configured one and closes it on shutdown. */
  readonly eventStore?: EventStore;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export async function createServer(options: ServerOptions): Promise<NestFastifyApplication> {
  cacheValidationMetadata();
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const eventStore = options.eventStore ?? (await openEventStore(config));
  const adapter = new ClosingFastifyAdapter({
    loggerInstance: logger,
    genReqId: requestId,
    bodyLimit: config.bodyLimitBytes,
    ...FRAMEWORK_ERROR_OPTIONS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      config,
      clock: options.clock ?? systemClock,
      logger,
      eventStore,
      ownsEventStore: options.eventStore === undefined,
    }),
    adapter,
    { logger: new PinoNestLogger(logger) },
  );
  adapter.installClosingHook();
  // The API speaks JSON only: a text/plain body is 415, not a string that fails validation (ADR 12).
  adapter.getInstance().removeContentTypeParser('text/plain');
  installBodyDepthLimit(adapter.getInstance());
  // Streamed file uploads (POST /api/blobs, ADR 16): parts are read by the route, never buffered.
  await app.register(fastifyMultipart, { limits: { fileSize: config.blobs.maxFileBytes + 1 } });
  installUrlLengthLimit(adapter.getInstance());
  app.get(Metrics).instrument(adapter.getInstance());
  await useSecurityHeaders(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, _payload, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
  app.useGlobalPipes(new RequestValidationPipe());
  setupOpenApi(app);
  const consoleDir = config.consoleDir ?? defaultConsoleDir();
  if (consoleDir) serveConsole(app, consoleDir);
  app.enableShutdownHooks();
  return app;
}

export async function startServer(options: ServerOptions): Promise<NestFastifyApplication> {
  const app = await createServer(options);
  await app.listen(options.config.port, options.config.host);
  return app;
}
