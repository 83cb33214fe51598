import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An SNS-compatible HTTP endpoint on loopback, for testing the SNS adapter through the REAL SDK. @aws-sdk/client-sns
 * 3.x speaks the awsQuery protocol: a form-encoded POST (`Action=Publish&PhoneNumber=…&Message=…&
 * MessageAttributes.entry.N.Name=…&MessageAttributes.entry.N.Value.DataType=…&…Value.StringValue=…`) answered with
 * XML. It can be told to answer the next requests with throttling (400 Throttling) or a 500.
 */

export interface PublishedSms {
  phoneNumber: string;
  message: string;
  attributes: Record<string, { dataType: string; stringValue: string }>;
  messageId: string;
}

export type Fault = 'throttle' | 'error500';

export interface SnsEndpoint {
  endpoint: string;
  published: PublishedSms[];
  /** Every request seen, including refused ones. */
  requests: number;
  /** Answer the next `times` Publish requests with this fault. */
  failNext(fault: Fault, times?: number): void;
  close(): Promise<void>;
}

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

function errorXml(type: string, code: string, message: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}

export function parsePublish(form: URLSearchParams): Omit<PublishedSms, 'messageId'> {
  const attributes: PublishedSms['attributes'] = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const prefix = `MessageAttributes.entry.${n}`;
    attributes[form.get(`${prefix}.Name`)!] = {
      dataType: form.get(`${prefix}.Value.DataType`) ?? '',
      stringValue: form.get(`${prefix}.Value.StringValue`) ?? '',
    };
  }
  return { phoneNumber: form.get('PhoneNumber') ?? '', message: form.get('Message') ?? '', attributes };
}

export async function startSnsEndpoint(): Promise<SnsEndpoint> {
  const faults: Fault[] = [];
  const state: SnsEndpoint = {
    endpoint: '',
    published: [],
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
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      response.setHeader('content-type', 'text/xml');
      if (form.get('Action') !== 'Publish') {
        response.statusCode = 400;
        response.end(errorXml('Sender', 'InvalidAction', 'Only Publish is emulated'));
        return;
      }
      const fault = faults.shift();
      if (fault === 'throttle') {
        response.statusCode = 400;
        response.end(errorXml('Sender', 'Throttling', 'Rate exceeded'));
        return;
      }
      if (fault === 'error500') {
        response.statusCode = 500;
        response.end(errorXml('Receiver', 'InternalError', 'Internal failure'));
        return;
      }
      const messageId = randomUUID();
      state.published.push({ ...parsePublish(form), messageId });
      response.statusCode = 200;
      response.end(
        `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
