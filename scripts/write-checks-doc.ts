/* Rewrites docs/checks.md from the check catalog (`npm run docs:checks`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatCatalogMarkdown } from '../cli/write/formatCatalog';

const target = path.resolve(__dirname, '..', 'docs', 'checks.md');
fs.writeFileSync(target, formatCatalogMarkdown(), 'utf8');
console.log(`docs:checks: wrote ${path.relative(process.cwd(), target)}`);
