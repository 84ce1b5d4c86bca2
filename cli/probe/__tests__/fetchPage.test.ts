/*
 * Network failures in plain words, with what to do — the cases the local test site cannot stage offline (a DNS
 * failure, an unreachable network, an expired or mismatched certificate). cli/__tests__/probe.test.ts covers the
 * rest against real servers.
 */
import { describeNetworkError } from '../fetchPage';

const url = new URL('https://www.acme.example/help');
const failure = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('describeNetworkError', () => {
    it.each([
        ['ENOTFOUND', /DNS lookup failed: the host www\.acme\.example was not found/, /spelling/],
        ['EAI_AGAIN', /DNS lookup failed/, /spelling/],
        ['ECONNREFUSED', /connection to www\.acme\.example:443 was refused/, /site is up/],
        ['EHOSTUNREACH', /cannot be reached from this machine/, /proxy or firewall/],
        ['CERT_HAS_EXPIRED', /TLS error: the certificate has expired/, /--insecure/],
        ['ERR_TLS_CERT_ALTNAME_INVALID', /not valid for this host name/, /trusted authority/]
    ])('%s', (code, message, hint) => {
        const problem = describeNetworkError(failure(code), url, 20_000);
        expect(problem.message).toMatch(message);
        expect(problem.hint).toMatch(hint);
        expect(problem.message).not.toMatch(/\n\s+at /);
    });

    it('says a timeout in seconds and how to give more time', () => {
        const problem = describeNetworkError(Object.assign(new Error('aborted'), { name: 'TimeoutError' }), url, 5_000);
        expect(problem.message).toBe('no complete answer within 5 s (timeout)');
        expect(problem.hint).toContain('--timeout');
    });

    it('keeps an unknown failure as one line without a stack trace', () => {
        const problem = describeNetworkError(new Error('socket hang up'), url, 20_000);
        expect(problem.message).toBe('the request failed: socket hang up');
    });
});
