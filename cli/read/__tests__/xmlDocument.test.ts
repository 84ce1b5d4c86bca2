import {
    bool,
    child,
    children,
    listPathSet,
    num,
    parseXmlDocument,
    rootElementLine,
    text,
    texts
} from '../xmlDocument';

const LISTS = listPathSet('ServicePresenceStatus', ['channels', 'channels.channel']);

function parseOk(xml: string, lists: ReadonlySet<string> = LISTS) {
    const outcome = parseXmlDocument(xml, lists);
    if (!outcome.ok) throw new Error(`expected ${xml} to parse: ${outcome.message}`);
    return outcome.doc;
}

describe('parseXmlDocument', () => {
    it('keeps values as written: numbers, ids and booleans stay strings until a reader converts them', () => {
        const doc = parseOk(
            '<QueueRoutingConfig><capacityWeight>1.0</capacityWeight><overflow>00Gg5000006o1dNEAQ</overflow>' +
                '<isAttributeBased>false</isAttributeBased></QueueRoutingConfig>'
        );
        expect(doc.root).toBe('QueueRoutingConfig');
        expect(doc.node).toEqual({ capacityWeight: '1.0', overflow: '00Gg5000006o1dNEAQ', isAttributeBased: 'false' });
        expect(num(doc.node, 'capacityWeight')).toBe(1);
        expect(bool(doc.node, 'isAttributeBased')).toBe(false);
    });

    it('makes declared list elements arrays even with a single entry', () => {
        const doc = parseOk(
            '<ServicePresenceStatus><channels><channel>sfdc_livemessage</channel></channels></ServicePresenceStatus>'
        );
        expect(Array.isArray(doc.node.channels)).toBe(true);
        expect(children(doc.node, 'channels').flatMap((c) => texts(c, 'channel'))).toEqual(['sfdc_livemessage']);
    });

    it('drops xsi:nil elements so they read as absent', () => {
        const doc = parseOk(
            '<ServiceChannel xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><label>Chat</label>' +
                '<relatedEntityType xsi:nil="true"/></ServiceChannel>'
        );
        expect(text(doc.node, 'relatedEntityType')).toBeUndefined();
        expect('relatedEntityType' in doc.node).toBe(false);
    });

    it('ignores comments, including commented-out elements', () => {
        const doc = parseOk(
            '<?xml version="1.0"?>\n<!-- header -->\n<PermissionSet>\n<!-- <label>Old</label> -->\n<label>New</label>\n</PermissionSet>'
        );
        expect(doc.node).toEqual({ label: 'New' });
    });

    it('reads prettier-formatted tags with line breaks inside them', () => {
        const doc = parseOk(
            '<MessagingChannel>\n    <response\n    >You&apos;ve opted out.</response>\n    <setupReference\n        >Meridian_Customer_Portal_Assistant</setupReference>\n</MessagingChannel>'
        );
        expect(text(doc.node, 'response')).toBe("You've opted out.");
        expect(text(doc.node, 'setupReference')).toBe('Meridian_Customer_Portal_Assistant');
    });

    it('reports malformed XML with the line where it breaks', () => {
        const outcome = parseXmlDocument('<?xml version="1.0"?>\n<Queue>\n  <name>Support</nme>\n</Queue>', LISTS);
        expect(outcome).toEqual({ ok: false, message: expect.stringContaining('malformed XML'), line: 3 });
    });

    it('rejects a file with no element or with two root elements', () => {
        expect(parseXmlDocument('', LISTS).ok).toBe(false);
        expect(parseXmlDocument('<a/><b/>', LISTS)).toEqual({
            ok: false,
            message: 'expected one root element, found 2: a, b',
            line: 1
        });
    });

    it('treats an empty root as an empty document', () => {
        expect(parseOk('<FlowDefinition xmlns="http://soap.sforce.com/2006/04/metadata"/>').node).toEqual({});
    });
});

describe('rootElementLine', () => {
    it('skips the declaration and leading comments', () => {
        expect(rootElementLine('<?xml version="1.0"?>\n<!-- note\n spanning -->\n<LiveMessageSettings/>')).toBe(4);
        expect(rootElementLine('<Flow/>')).toBe(1);
        expect(rootElementLine('no markup')).toBe(1);
    });
});

describe('accessors', () => {
    it('are total: absent, empty and wrong-shaped values read as undefined or empty', () => {
        const node = { empty: '', nested: { a: 'x' }, many: ['1', '2'] };
        expect(text(node, 'missing')).toBeUndefined();
        expect(text(node, 'empty')).toBeUndefined();
        expect(text(node, 'nested')).toBeUndefined();
        expect(text(node, 'many')).toBe('1');
        expect(child(node, 'many')).toBeUndefined();
        expect(children(undefined, 'x')).toEqual([]);
        expect(bool({ v: 'yes' }, 'v')).toBeUndefined();
        expect(num({ v: 'n/a' }, 'v')).toBeUndefined();
        expect(texts(node, 'many')).toEqual(['1', '2']);
    });
});
