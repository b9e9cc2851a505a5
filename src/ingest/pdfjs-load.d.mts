// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadPdfjs(): Promise<any>;
