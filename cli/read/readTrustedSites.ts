/* CORS allowlist entries (CorsWhitelistOrigin) and CSP Trusted Sites (CspTrustedSite). */
import type { CorsEntry, CspTrustedSite } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { required } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { bool, text } from './xmlDocument';

export const CORS_WHITELIST_ORIGIN: TypeSpec<CorsEntry> = {
    type: 'CorsWhitelistOrigin',
    directory: 'corsWhitelistOrigins',
    suffix: 'corsWhitelistOrigin',
    root: 'CorsWhitelistOrigin',
    lists: new Set(),
    read: ({ name, doc, source }) => [
        { developerName: name, urlPattern: required(text(doc.node, 'urlPattern'), 'urlPattern', doc.line), source }
    ]
};

export const CSP_TRUSTED_SITE: TypeSpec<CspTrustedSite> = {
    type: 'CspTrustedSite',
    directory: 'cspTrustedSites',
    suffix: 'cspTrustedSite',
    root: 'CspTrustedSite',
    lists: new Set(),
    read: ({ name, doc, source }) => {
        const node = doc.node;
        return [
            {
                developerName: name,
                endpointUrl: required(text(node, 'endpointUrl'), 'endpointUrl', doc.line),
                // The Metadata API default when the element is absent.
                isActive: bool(node, 'isActive') ?? true,
                context: text(node, 'context'),
                isApplicableToConnectSrc: bool(node, 'isApplicableToConnectSrc'),
                isApplicableToFrameSrc: bool(node, 'isApplicableToFrameSrc'),
                isApplicableToImgSrc: bool(node, 'isApplicableToImgSrc'),
                isApplicableToStyleSrc: bool(node, 'isApplicableToStyleSrc'),
                isApplicableToFontSrc: bool(node, 'isApplicableToFontSrc'),
                isApplicableToMediaSrc: bool(node, 'isApplicableToMediaSrc'),
                source
            }
        ];
    }
};
