import { createServer, type Server, type Socket } from 'node:net';
import { freeLoopbackPort, startDynamoDbLocal } from '../../../scripts/lib/dynamodb-local';

/*
 * The emulator's own start-up, which tests, `npm start` and the benchmarks all go through. A full bench run once lost
 * a case because the port chosen for its emulator was the one the case before had just let go: DynamoDB Local failed
 * to bind, and its JVM lived on without listening until the start timed out.
 */
describe('starting DynamoDB Local', () => {
  it('never hands out the same free port twice in one process', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 40; i++) ports.push(await freeLoopbackPort());

    expect(new Set(ports).size).toBe(ports.length);
  });

  describe('on a port something else holds', () => {
    let holder: Server;
    let port: number;
    const sockets: Socket[] = [];
    const ownEndpoint = process.env.DYNAMODB_ENDPOINT;
    beforeAll(async () => {
      port = await freeLoopbackPort();
      // It takes connections and never answers, as another service on the port would.
      holder = createServer((socket) => {
        sockets.push(socket);
        socket.on('error', () => {});
      });
      await new Promise<void>((listening) => holder.listen(port, '0.0.0.0', listening));
      // This file's emulator came from the jest environment; these tests start their own.
      delete process.env.DYNAMODB_ENDPOINT;
    });
    afterAll(async () => {
      process.env.DYNAMODB_ENDPOINT = ownEndpoint;
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => holder.close(closed));
    });

    it('says the port is taken as soon as the emulator says so, instead of waiting for it to answer', async () => {
      const started = startDynamoDbLocal({ inMemory: true, port, readyTimeoutMs: 120_000 });

      await expect(started).rejects.toThrow(`DynamoDB Local could not listen at http://127.0.0.1:${port}`);
    });
  });
});
