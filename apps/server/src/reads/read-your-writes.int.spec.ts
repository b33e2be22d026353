import { ModulesContainer } from '@nestjs/core';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { openForTests } from '../../../../test/support/open-for-tests.js';
import { call, login } from '../../test/support/http.js';
import { startTestServer } from '../../test/support/test-server.js';
import { COMMAND_CONTROLLERS } from '../cases/command-routes.js';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor.js';

const interceptorsOf = (target: object): unknown[] =>
  (Reflect.getMetadata(INTERCEPTORS_METADATA, target) ?? []) as unknown[];

describe('read-your-writes on every read, not on the command routes', () => {
  const server = openForTests('all', () => startTestServer({ readWaitMs: 200 }));

  it('puts the interceptor on every controller with a GET route, once, and no interceptor on the command routes', () => {
    const controllers = [...server.app.get(ModulesContainer).values()].flatMap((m) =>
      [...m.controllers.values()].map((wrapper) => wrapper.metatype as { prototype: object }),
    );
    expect(controllers.length).toBeGreaterThan(COMMAND_CONTROLLERS.length);
    for (const controller of controllers) {
      const proto = controller.prototype as Record<string, unknown>;
      const methods = Object.getOwnPropertyNames(proto)
        .map((name) => proto[name])
        .filter((method): method is object => typeof method === 'function' && method !== controller);
      const reads = methods.some((method) =>
        [RequestMethod.GET, RequestMethod.ALL].includes(Reflect.getMetadata(METHOD_METADATA, method)),
      );
      const commands = COMMAND_CONTROLLERS.includes(controller as never);
      expect({ controller, reads: reads && commands }).toEqual({ controller, reads: false });
      const own = interceptorsOf(controller).filter((i) => i === ReadYourWritesInterceptor);
      expect({ controller, own: own.length }).toEqual({ controller, own: commands ? 0 : 1 });
      if (commands) for (const method of methods) expect(interceptorsOf(method)).toEqual([]);
    }
  });

  it('waits on a read of the auth module too: GET /api/auth/me?minPosition= beyond the log answers 503', async () => {
    const token = await login(server.base, 'clerk1');
    expect((await call(server.base, 'GET', '/api/auth/me?minPosition=0', { token })).status).toBe(200);
    const beyond = await call(server.base, 'GET', '/api/auth/me?minPosition=1000000', { token });
    expect(beyond.status).toBe(503);
    expect(beyond.body).toMatchObject({ type: '/problems/read-models-behind', status: 503 });
  });
});
