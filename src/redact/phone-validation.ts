// The part of phone redaction that needs libphonenumber-js and its metadata (a third of the
// capture side's bundle). It is a bundle of its own (dist/phone-validation.js) that phones.ts
// loads when a text first holds a phone-shaped number, so most sessions never load it.
export { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
