import { ensureEmulatorJar } from './lib/dynamodb-local';

// Lets CI (and anyone offline later) fetch the emulator up front rather than on the first test run.
console.log(`DynamoDB Local ready in ${ensureEmulatorJar((line) => console.log(line))}`);
