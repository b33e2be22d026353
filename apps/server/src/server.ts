import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';

export interface ServerOptions {
  port: number;
  host?: string;
}

export async function createServer(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  return app;
}

export async function startServer(options: ServerOptions): Promise<NestFastifyApplication> {
  const app = await createServer();
  await app.listen(options.port, options.host ?? '0.0.0.0');
  return app;
}
