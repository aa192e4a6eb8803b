import { SaxesParser, type SaxesTagNS } from "saxes";

/** WordprocessingML's namespaces: transitional (what Word and LibreOffice write) and strict. */
const W = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** An element as the walkers see it: its local name when it is a w: element ("" otherwise), and its w: attributes. */
export interface Element {
  /** Local name of a w: element, or "" for elements of other namespaces. */
  readonly name: string;
  /** `mc:Fallback` (its content repeats the `mc:Choice` before it). */
  readonly fallback: boolean;
  readonly attr: (local: string) => string | undefined;
  /** Any attribute by local name, whatever its namespace (relationship parts use none). */
  readonly plain: (local: string) => string | undefined;
}

export interface XmlHandlers {
  readonly open: (e: Element) => void;
  readonly close: (e: Element) => void;
  readonly text?: (text: string) => void;
}

/** Decode an XML part: a UTF-16 byte-order mark means UTF-16, anything else is read as UTF-8. */
export const decodeXml = (bytes: Uint8Array): string => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
};

const element = (tag: SaxesTagNS): Element => {
  const name = W.has(tag.uri) ? tag.local : "";
  const attrs = Object.values(tag.attributes);
  return {
    name,
    fallback: tag.uri === MC && tag.local === "Fallback",
    attr: (local) => attrs.find((a) => a.local === local && W.has(a.uri))?.value,
    plain: (local) => attrs.find((a) => a.local === local)?.value,
  };
};

/**
 * Walk an XML part with saxes (strict, namespace-aware, streaming: linear time, and no entity
 * expansion beyond XML's own). Returns an error message when the XML is not well formed.
 */
export const walkXml = (bytes: Uint8Array, handlers: XmlHandlers): string | undefined => {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: Element[] = [];
  parser.on("opentag", (tag) => {
    const e = element(tag);
    stack.push(e);
    handlers.open(e);
  });
  parser.on("closetag", () => {
    const e = stack.pop();
    if (e !== undefined) handlers.close(e);
  });
  if (handlers.text !== undefined) parser.on("text", handlers.text);
  try {
    parser.write(decodeXml(bytes)).close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
