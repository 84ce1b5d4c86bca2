// Registers expect(...).toBeAccessible() (axe-core rules of the sa11y base preset) for LWC tests.
const { setup } = require('@sa11y/jest');

setup();
