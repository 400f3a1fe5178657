/** Types of ./build-cli.js (plain JavaScript, so it runs on a bare `node` during install). */
export declare const LIB: string;
export declare function buildCli(): Promise<void>;
