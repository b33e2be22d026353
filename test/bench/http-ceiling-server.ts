/**
 * The HTTP ceiling of this machine for the command bench: the same Fastify the server runs on,
 * alone in its own process, answering the bench's two command routes with what any route must do
 * — parse the JSON body, answer JSON — and nothing else (no Nest, no auth, no validation, no
 * store). Loaded by the same undici client as the server, so the client's own CPU is in both.
 * Prints `ceiling: http://127.0.0.1:<port>/` once listening.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/api/cases', async (request, reply) => {
  void request.body;
  return reply.status(201).send({ caseId: randomUUID(), status: 'received' });
});
app.post('/api/cases/:caseId/accept', async (request) => {
  void request.body;
  return { caseId: (request.params as { caseId: string }).caseId, status: 'accepted' };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`ceiling: ${address}/\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
