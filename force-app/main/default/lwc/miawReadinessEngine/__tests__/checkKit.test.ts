import { fail, pass } from '../checkKit';
import { recordSetupPath } from '../setupPaths';

describe('result Setup links', () => {
    it('link a finding on an org record straight to its Setup page', () => {
        const r = fail('CH-06', 'Route_Web_Chat', 'no recordId', 'add it', {
            location: { recordId: '300Hs00000A1b2cIAB' }
        });
        expect(r.setupPath).toBe('/lightning/setup/Flows/page?address=%2F300Hs00000A1b2cIAB');
    });

    it('link permission sets and queues to their record pages', () => {
        expect(recordSetupPath('0PSHs000001AbCdOAK')).toBe(
            '/lightning/setup/PermSets/page?address=%2F0PSHs000001AbCdOAK'
        );
        expect(recordSetupPath('00GHs000002XyZaMAK')).toBe(
            '/lightning/setup/Queues/page?address=%2Fp%2Fown%2FQueue%2Fd%3Fid%3D00GHs000002XyZaMAK'
        );
    });

    it('fall back to the catalog page for metadata files and records without a verified page', () => {
        expect(pass('CH-06', 'Route_Web_Chat', 'ok', { location: { file: 'flows/x.flow-meta.xml' } }).setupPath).toBe(
            '/lightning/setup/Flows/home'
        );
        expect(recordSetupPath('0MjHs0000000001AAA')).toBeUndefined();
    });

    it('keep an explicit Setup path over the derived one', () => {
        const r = fail('RT-02', 'Q', 'm', 'f', {
            setupPath: '/lightning/setup/Queues/home',
            location: { recordId: '300Hs00000A1b2cIAB' }
        });
        expect(r.setupPath).toBe('/lightning/setup/Queues/home');
    });
});
