import { Kind } from 'graphql';
import * as documents from './generated/graphql';

/**
 * Operation name → the sha256 (bare hex, as Apollo Server's `queryHash`) codegen gave its document. Read from the
 * `__meta__.hash` client-preset embeds in each generated document, so it can never disagree with the manifest.
 */
export const TRUSTED_HASHES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(documents).flatMap((value) => {
    const document = value as {
      __meta__?: { hash?: string };
      definitions?: readonly { kind: string; name?: { value: string } }[];
    };
    const hash = document?.__meta__?.hash;
    const operation = document?.definitions?.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (!hash || !operation?.name) return [];
    return [[operation.name.value, hash.replace(/^sha256:/, '')]];
  }),
);
