export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
  hasEOL?: boolean;
}
export interface Run { text: string; x0: number; x1: number; y: number; size: number; font: string; bold?: boolean }
/** pdf.js's textContent.styles entry; fontName / bold / italic / black come from patches/pdfjs-dist+*.patch. */
export interface PdfTextStyle { fontFamily?: string; fontName?: string; bold?: boolean; italic?: boolean; black?: boolean }
export interface Row { y: number; size: number; runs: Run[] }
export interface Cell { text: string; x0: number; x1: number; y: number; size: number; font: string; row: number; boldChars?: number }
export interface LayoutLine {
  text: string;
  x: number;
  y: number;
  size: number;
  font: string;
  gapBefore: boolean;
  /** Its first cell is set in a bold face (and the page's body text is not). */
  bold?: boolean;
  side?: boolean;
  /** The outermost column cut of comparable columns this line sits in: gutter x, and which side. */
  column?: { at: number; right: boolean };
}
export interface LayoutPage { number: number; width: number; height: number; lines: LayoutLine[] }
export function normaliseItemText(raw: string): string;
export function toRuns(items: PdfTextItem[], pageHeight: number, styles?: Record<string, PdfTextStyle>): Run[];
export function isBoldFont(style: PdfTextStyle | undefined): boolean;
export function toRows(runs: Run[]): Row[];
export function toCells(row: Row, rowIndex: number): Cell[];
export function readingOrder(cells: Cell[], depth?: number, pageHeight?: number, edges?: number[]): Cell[];
export function columnCut(cells: Cell[], region: { x0: number; x1: number }, edges?: number[]): { left: Cell[]; right: Cell[]; at: number } | null;
export function horizontalGaps(cells: Cell[], minGap: number): { at: number; width: number }[];
export function toLines(ordered: Cell[], pageWidth: number): (Cell & { cells: number; x1: number })[];
export function readPage(items: PdfTextItem[], pageWidth: number, pageHeight: number, styles?: Record<string, PdfTextStyle>): LayoutLine[];
export function dropRunningLines(pages: LayoutPage[]): LayoutPage[];
export function linesToText(pages: LayoutPage[]): string;
export function markRunningSidebars(pages: LayoutPage[]): LayoutPage[];
export function documentLines(pages: LayoutPage[]): (LayoutLine & { page: number; side?: boolean })[];
export function isSectionHeading(text: string): boolean;
