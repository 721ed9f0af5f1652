/** The part of @elastic/mockotlpserver's module API the tests use (it ships no typings). */
declare module "@elastic/mockotlpserver" {
  export interface MockOtlpServerOptions {
    logLevel?: string;
    services?: ("http" | "grpc" | "ui")[];
    httpHostname?: string;
    httpPort?: number;
    grpcHostname?: string;
    grpcPort?: number;
    /** The decoded ExportTraceServiceRequest of each request. */
    onTrace?: (request: unknown) => void;
  }

  export class MockOtlpServer {
    constructor(options?: MockOtlpServerOptions);
    /** e.g. `http://127.0.0.1:40123/`, set by start(). */
    httpUrl: string | null;
    grpcUrl: string | null;
    start(): Promise<void>;
    close(): Promise<void>;
  }
}
