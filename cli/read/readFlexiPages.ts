/* FlexiPage: the record page's object and type, and every component placed on it. */
import type { FlexiPage } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { TypeSpec } from './typeSpec';
import { isNode, listPathSet, text, type XmlValue } from './xmlDocument';

const ROOT = 'FlexiPage';

export const FLEXI_PAGE: TypeSpec<FlexiPage> = {
    type: 'FlexiPage',
    directory: 'flexipages',
    suffix: 'flexipage',
    root: ROOT,
    lists: listPathSet(ROOT, ['flexiPageRegions', 'flexiPageRegions.itemInstances']),
    read: ({ name, doc, source }) => [
        {
            name,
            sobjectType: text(doc.node, 'sobjectType'),
            type: text(doc.node, 'type'),
            components: componentNames(doc.node),
            source
        }
    ]
};

/**
 * Component names anywhere in the page, first appearance first, each once. Components sit in
 * regions, in facets and inside tabs, at varying depth, so the whole tree is walked.
 */
export function componentNames(value: XmlValue): string[] {
    const names = new Set<string>();
    const visit = (v: XmlValue | undefined): void => {
        if (Array.isArray(v)) {
            v.forEach(visit);
        } else if (isNode(v)) {
            for (const [key, inner] of Object.entries(v)) {
                if (key === 'componentName' && typeof inner === 'string' && inner !== '') names.add(inner);
                else visit(inner);
            }
        }
    };
    visit(value);
    return [...names];
}
