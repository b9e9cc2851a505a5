// A File whose bytes live in shared memory: what http/multipart.ts hands the resolvers for an upload
// its worker parsed. upload-bytes.ts reads it without a copy; the extraction worker reads the same memory.
export class SharedFile extends Blob {
  readonly name: string;
  readonly lastModified = Date.now();
  readonly webkitRelativePath = "";
  readonly #bytes: Uint8Array;
  readonly #type: string;
  constructor(bytes: Uint8Array, name: string, type: string) {
    super([]);
    this.#bytes = bytes;
    this.name = name;
    this.#type = type;
  }
  /** The file's bytes, in shared memory: not to be written to. */
  get sharedBytes(): Uint8Array {
    return this.#bytes;
  }
  override get size(): number {
    return this.#bytes.byteLength;
  }
  override get type(): string {
    return this.#type;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#bytes.slice();
  }
  override async text(): Promise<string> {
    return new TextDecoder().decode(this.#bytes);
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new Blob([this.#bytes.slice()]).stream();
  }
  override slice(start?: number, end?: number, type?: string): Blob {
    return new Blob([this.#bytes.slice(start, end)], { type });
  }
}

