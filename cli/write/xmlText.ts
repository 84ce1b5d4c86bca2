/*
 * XML 1.0 cannot carry most C0 control characters even escaped; a stray one in a metadata label would
 * make the whole JUnit file unparseable. XMLBuilder escapes markup characters, this removes the rest.
 */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlSafe(text: string): string {
    return text.replace(INVALID_XML_CHARS, '');
}
