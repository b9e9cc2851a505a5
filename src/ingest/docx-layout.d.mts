export interface DocxLine { text: string; page: 1; size?: number; bold?: boolean; gapBefore?: boolean }
export interface RunProps { bold?: boolean; size?: number }
export function readStyles(xml: string | undefined): { styles: Map<string, RunProps>; defaults: RunProps };
export function readDocx(documentXml: string, stylesXml: string | undefined): { text: string; lines: DocxLine[] };
export function decodeEntities(s: string): string;
