export interface DocxLine { text: string; page: 1; size?: number; bold?: boolean; gapBefore?: boolean }
export interface RunProps { bold?: boolean; size?: number; numId?: string; ilvl?: string }
/** numId → ilvl → what the level draws. */
export function readNumbering(xml: string | undefined): Map<string, Map<string, "bullet" | "number" | "none">>;
export function readStyles(xml: string | undefined): { styles: Map<string, RunProps>; defaults: RunProps };
export function readDocx(documentXml: string, stylesXml: string | undefined, numberingXml?: string): { text: string; lines: DocxLine[] };
export function decodeEntities(s: string): string;
