import { FastifyAdapter } from '@nestjs/platform-fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem/problem-details.js';

/**
 * Fastify, answering requests that arrive while the server shuts down with a problem-details 503
 * and Retry-After (Nest's own `return503OnClosing` answers in Fastify's error shape).
 */
export class ClosingFastifyAdapter extends FastifyAdapter {
  private closing = false;

  installClosingHook(): void {
    this.getInstance().addHook('onRequest', (request, reply, done) => {
      if (!this.closing) return done();
      void reply
        .code(503)
        .header('connection', 'close')
        .header('retry-after', '5')
        .type(PROBLEM_CONTENT_TYPE)
        .send({
          type: problemType('shutting-down'),
          title: 'Try again shortly',
          titleZh: '服务正在停止',
          status: 503,
          detail: 'The server is restarting; send the request again in a few seconds.',
          detailZh: '服务正在重启，请几秒后再发送请求。',
          retryAfter: 5,
          requestId: request.id,
        });
    });
  }

  override beforeClose(): void {
    this.closing = true;
    super.beforeClose();
  }
}
