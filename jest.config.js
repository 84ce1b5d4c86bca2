const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const fs = require('node:fs');
const path = require('node:path');

/**
 * The probe's HTML parser, parse5, must resolve to a CommonJS build under Jest. parse5 7 ships one (its `require`
 * export); parse5 8 is an ES module only. While the shared node_modules holds parse5 8 at the top (outside the lock
 * file), point Jest at the parse5 7 CommonJS build that jsdom carries; once package.json pins parse5 7 this maps
 * nothing.
 */
function parse5CommonJs() {
    try {
        const top = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules/parse5/package.json'), 'utf8'));
        const nested = path.join(__dirname, 'node_modules/jsdom/node_modules/parse5/dist/cjs/index.js');
        const hasRequire = top.exports && top.exports['.'] && top.exports['.'].require;
        return !hasRequire && fs.existsSync(nested) ? { '^parse5$': nested } : {};
    } catch {
        return {};
    }
}

// Two projects: LWC components and engine modules (jsdom, LWC transform) and the CLI (node).
const shared = {
    ...jestConfig,
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/build/'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/build/'],
    testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts']
};

module.exports = {
    // only TS sources count for coverage; compiled .js (if any) are build artefacts
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', 'cli/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
    coverageReporters: ['text-summary', 'lcov'],
    projects: [
        {
            ...shared,
            displayName: 'lwc',
            roots: ['<rootDir>/force-app'],
            setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/jest.sa11y.setup.js']
        },
        {
            ...shared,
            displayName: 'cli',
            testEnvironment: 'node',
            roots: ['<rootDir>/cli', '<rootDir>/test'],
            // Plain TypeScript for Node: the LWC transform would turn class fields into component wiring, and
            // the LWC setup file needs a DOM.
            setupFilesAfterEnv: [],
            snapshotSerializers: [],
            moduleNameMapper: parse5CommonJs(),
            transform: {
                '^.+\\.ts$': [
                    'babel-jest',
                    {
                        babelrc: false,
                        configFile: false,
                        presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
                        plugins: ['@babel/plugin-transform-modules-commonjs']
                    }
                ]
            }
        }
    ]
};
