/** The product version, the same in the CLI, the SARIF driver and the Action (a test checks package.json agrees). */
export const VERSION = '0.1.0';
