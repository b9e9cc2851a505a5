export declare const STARTED: "jobwise:task-started";
export declare function taskStarted(ticket: number): void;
