import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An AWS End User Messaging SMS (pinpoint-sms-voice-v2) endpoint on loopback, for testing the adapter through the
 * REAL SDK. The API speaks awsJson1_0: a POST whose `x-amz-target` header names the operation
 * (`PinpointSMSVoiceV2.SendTextMessage`) with a JSON body, answered with JSON; errors carry `__type`. It can be told
 * to answer the next requests with throttling (400 ThrottlingException), a 500 or a validation refusal.
 */

export interface SentText {
  target: string;
  request: Record<string, unknown>;
  messageId: string;
}

export type SmsVoiceFault = 'throttle' | 'error500' | 'validation';

export interface SmsVoiceEndpoint {
  endpoint: string;
  sent: SentText[];
  requests: number;
  failNext(fault: SmsVoiceFault, times?: number): void;
  close(): Promise<void>;
}

const FAULTS: Record<SmsVoiceFault, [number, string, string]> = {
  throttle: [400, 'ThrottlingException', 'Rate exceeded'],
  error500: [500, 'InternalServerException', 'Internal failure'],
  validation: [400, 'ValidationException', 'Invalid destination'],
};

export async function startSmsVoiceEndpoint(): Promise<SmsVoiceEndpoint> {
  const faults: SmsVoiceFault[] = [];
  const state: SmsVoiceEndpoint = {
    endpoint: '',
    sent: [],
    requests: 0,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.requests++;
      const target = String(request.headers['x-amz-target'] ?? '');
      response.setHeader('content-type', 'application/x-amz-json-1.0');
      const fail = (status: number, type: string, message: string) => {
        response.statusCode = status;
        response.setHeader('x-amzn-errortype', type);
        response.end(JSON.stringify({ __type: type, message }));
      };
      if (target !== 'PinpointSMSVoiceV2.SendTextMessage') return fail(400, 'UnknownOperationException', target);
      const fault = faults.shift();
      if (fault) return fail(...FAULTS[fault]);
      const messageId = randomUUID();
      state.sent.push({ target, request: JSON.parse(Buffer.concat(chunks).toString('utf8')), messageId });
      response.statusCode = 200;
      response.end(JSON.stringify({ MessageId: messageId }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
