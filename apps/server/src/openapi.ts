import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentFields } from './openapi-fields.js';

/** The OpenAPI document at /api/docs-json, browsable at /api/docs. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('One Window API')
    .setDescription(
      'One-window case handling for government service halls: one command per transition, ' +
        'problem-details errors (RFC 9457), Idempotency-Key on every command, ?minPosition= on reads.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  documentFields();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
}
