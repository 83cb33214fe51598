/**
 * Writes functions/shared/uk-phone-metadata.json: libphonenumber-js's full ("max") metadata for calling code +44 only
 * (GB and the Crown Dependencies that share it: Guernsey, Jersey, Isle of Man), for `functions/shared/phone.ts`.
 *
 *   npm run -s phone:metadata
 *
 * Why a slice: the full metadata adds about 195 KB to the GraphQL bundle and the "min" set about 120 KB, past that
 * bundle's size budget; the +44 slice with the library's core adds about 43 KB and keeps every number type (MOBILE,
 * PERSONAL_NUMBER, PAGER, FIXED_LINE…). test/unit/shared/phone.test.ts fails when the committed slice differs from the
 * installed library's, so an upgrade of libphonenumber-js cannot leave it stale: run this script and commit.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MetadataJson } from 'libphonenumber-js/core';
import fullMetadata from 'libphonenumber-js/max/metadata';

export const UK_PHONE_METADATA_FILE = resolve(__dirname, '..', 'functions', 'shared', 'uk-phone-metadata.json');
const UK_CALLING_CODE = '44';

/** The part of libphonenumber-js metadata that numbers starting +44 use, in the library's own format. */
export function ukPhoneMetadata(full: MetadataJson = fullMetadata): MetadataJson {
  const countries = full.country_calling_codes[UK_CALLING_CODE];
  if (!countries?.includes('GB')) throw new Error('libphonenumber-js metadata has no +44 numbering plan for GB');
  return {
    version: full.version,
    country_calling_codes: { [UK_CALLING_CODE]: countries },
    countries: Object.fromEntries(countries.map((country) => [country, full.countries[country]])),
    nonGeographic: {},
  };
}

if (require.main === module) {
  writeFileSync(UK_PHONE_METADATA_FILE, `${JSON.stringify(ukPhoneMetadata())}\n`);
  // Written the way `npm run lint` expects it, so the generated file passes the same checks as the rest.
  execFileSync('npx', ['biome', 'format', '--write', UK_PHONE_METADATA_FILE], { stdio: 'inherit' });
  console.log(`wrote ${UK_PHONE_METADATA_FILE}`);
}
