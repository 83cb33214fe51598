import { assertJava, ensureEmulatorJar } from '../../scripts/lib/dynamodb-local';

/**
 * Before any DynamoDB test file runs: check Java and fetch the emulator once, so a missing JDK is one clear error and
 * workers never race to unpack the jar. Each worker starts its own emulator (./dynamodb-environment.ts).
 */
export default function globalSetup(): void {
  if (process.env.DYNAMODB_ENDPOINT) return;
  assertJava();
  ensureEmulatorJar((line) => process.stderr.write(`${line}\n`));
}
