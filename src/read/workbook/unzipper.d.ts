// The one part of unzipper used here: opening a zip by its central directory, from its file or its bytes (the tests read an entry whole).
declare module 'unzipper' {
  const unzipper: {
    Open: {
      file(path: string): Promise<{ files: { path: string; stream(): NodeJS.ReadableStream; buffer(): Promise<Buffer> }[] }>;
      buffer(bytes: Buffer): Promise<{ files: { path: string; stream(): NodeJS.ReadableStream; buffer(): Promise<Buffer> }[] }>;
    };
  };
  export default unzipper;
}
