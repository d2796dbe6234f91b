// ical.js is an ES module; Jest loads its CommonJS build (its "require" export), typed as the module.
type IcalModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' } });

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build of an ES module, see above
export const ICAL = require('ical.js') as IcalModule['default'];
