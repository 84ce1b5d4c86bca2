#!/usr/bin/env node
// A stand-in for the Salesforce CLI in test/release.test.ts: answers `sf config get target-dev-hub --json` with
// FAKE_SF_DEFAULT_HUB (none when unset) and `sf org display --json` as authorised only when FAKE_SF_AUTHORISED=1.
// Appends every call to FAKE_SF_LOG. Shapes as the CLI prints them with --json ({ status, result } / { status, message }).
const fs = require('node:fs');

const args = process.argv.slice(2);
if (process.env.FAKE_SF_LOG) fs.appendFileSync(process.env.FAKE_SF_LOG, `sf ${args.join(' ')}\n`);
const print = (value) => process.stdout.write(JSON.stringify(value));

if (args[0] === 'config' && args[1] === 'get') {
    const hub = process.env.FAKE_SF_DEFAULT_HUB;
    print({ status: 0, result: hub ? [{ name: 'target-dev-hub', value: hub, success: true }] : [] });
} else if (args[0] === 'org' && args[1] === 'display') {
    if (process.env.FAKE_SF_AUTHORISED === '1') {
        print({ status: 0, result: { username: 'hub@example.com', connectedStatus: 'Connected' } });
    } else {
        const alias = args[args.indexOf('--target-org') + 1];
        print({ status: 1, name: 'NoAuthInfoFound', message: `No authorization information found for ${alias}.` });
        process.exit(1);
    }
} else {
    process.exit(0);
}
