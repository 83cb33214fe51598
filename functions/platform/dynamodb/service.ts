import type { DataStore } from './client';

/** Every ElectroDB entity shares this service name, so keys read `$linkwork#…` in the table. */
export const SERVICE = 'linkwork';

export type EntityConfig = { table: string; client: DataStore['documentClient'] };

export function entityConfig(store: DataStore): EntityConfig {
  return { table: store.tableName, client: store.documentClient };
}
