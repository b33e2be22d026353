import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Undefined when a container engine answers; otherwise why not, in one line. Looks for a socket
 * or DOCKER_HOST first, so that a machine without any engine is told at once, with no timeouts.
 * (The real-EventStoreDB and MinIO specs both ask it.)
 */
export async function whyNoContainerRuntime(): Promise<string | undefined> {
  const uid = process.getuid?.() ?? 0;
  const sockets = [
    '/var/run/docker.sock',
    join(homedir(), '.docker/run/docker.sock'),
    join(homedir(), '.docker/desktop/docker.sock'),
    `/run/user/${uid}/docker.sock`,
    `/run/user/${uid}/podman/podman.sock`,
    '/run/podman/podman.sock',
  ];
  const properties = join(homedir(), '.testcontainers.properties');
  const configured =
    process.env.DOCKER_HOST !== undefined ||
    (existsSync(properties) && /docker\.host\s*=/.test(readFileSync(properties, 'utf8')));
  if (!configured && !sockets.some((socket) => existsSync(socket))) {
    return 'DOCKER_HOST is unset and no Docker or Podman socket exists';
  }
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the engine did not answer within 10 s')), 10_000);
    });
    await Promise.race([getContainerRuntimeClient(), timeout]).finally(() => clearTimeout(timer));
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
  }
}
