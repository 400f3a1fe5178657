/**
 * The WPS online list entry (publish.xml): the address WPS loads the add-in from. One place writes it, for the
 * build (WPS_BASE_URL) and for a province's kit (its --base-url + /wps), so both say it alike, escaped for XML.
 */
const xmlAttr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `xml` (src/wps/publish.xml or a built copy) with its `<jspluginonline>` entry pointing at `base` + "/". */
export function withOnlineUrl(xml: string, base: string): string {
  return xml.replace(/(<jspluginonline\b[^>]*\burl=")[^"]*(")/, (_m, a: string, b: string) => `${a}${xmlAttr(`${base.replace(/\/+$/, '')}/`)}${b}`);
}
