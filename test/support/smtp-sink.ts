import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { createMailTransport, type MailTransport } from '../../src/mail/transports.ts';

/**
 * A real SMTP server in-process for the file's tests (STARTTLS off: smtp-server's own certificate
 * has expired), with what it received and a pooled transport to it. Started before the tests,
 * closed after them.
 */
export function useSmtpSink(): { received: { to: string[]; raw: Buffer }[]; transport: () => MailTransport } {
  const received: { to: string[]; raw: Buffer }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  let transport: MailTransport | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    transport?.close();
    await new Promise<void>((resolve) => server.close(resolve));
  });
  return {
    received,
    transport: () => {
      if (!transport) throw new Error('the SMTP sink starts before the tests');
      return transport;
    },
  };
}
