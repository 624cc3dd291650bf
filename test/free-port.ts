// A port for a server a test or bench starts as a child process.
import net from 'node:net';

/** A TCP port on 127.0.0.1 that was free when asked: the system picks it and the probe is closed again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
