/* Test helper: throwaway metadata folders written from XML strings. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created: string[] = [];

/** Writes `files` (relative path → content) under a new temp folder and returns the folder. */
export function metadataFolder(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-read-'));
    created.push(root);
    for (const [relative, content] of Object.entries(files)) {
        const target = path.join(root, relative);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
    }
    return root;
}

/** Removes every folder `metadataFolder` made; call from afterAll. */
export function removeMetadataFolders(): void {
    for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A metadata file as Salesforce writes it: declaration, namespaced root, 4-space indented body. */
export function metadataXml(root: string, body: string): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<${root} xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
        body.trim(),
        `</${root}>`,
        ''
    ].join('\n');
}

/** Source-format path under the default package directory. */
export const SRC = 'force-app/main/default';
