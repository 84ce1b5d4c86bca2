/*
 * A throwaway self-signed TLS certificate for the local test sites (the website probe's and the browser pass's),
 * made with openssl at test time so no key is ever committed. Valid one day, for the names given.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `subjectAltNames` in openssl's form, e.g. ['DNS:localhost', 'IP:127.0.0.1']; the first one's name is the CN. */
export function selfSignedCertificate(subjectAltNames: readonly string[]): { key: string; cert: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-test-cert-'));
    try {
        const key = path.join(dir, 'key.pem');
        const cert = path.join(dir, 'cert.pem');
        const commonName = subjectAltNames[0].replace(/^[A-Z]+:/, '');
        execFileSync(
            'openssl',
            [
                'req',
                '-x509',
                '-newkey',
                'rsa:2048',
                '-nodes',
                '-keyout',
                key,
                '-out',
                cert,
                '-days',
                '1',
                '-subj',
                `/CN=${commonName}`,
                '-addext',
                `subjectAltName=${subjectAltNames.join(',')}`
            ],
            { stdio: 'ignore' }
        );
        return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
