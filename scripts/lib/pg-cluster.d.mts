export interface Cluster {
  port: number;
  adminUrl: string;
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startCluster(options?: { log?: (line: string) => void }): Promise<Cluster>;
