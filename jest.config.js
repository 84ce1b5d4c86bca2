const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

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
            // .js too: the engine's vendored content-security-policy-parser is an ES module
            transform: {
                '^.+\\.[jt]s$': [
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
