// The one part of unzipper used here: opening a zip by its central directory.
declare module 'unzipper' {
  const unzipper: {
    Open: { file(path: string): Promise<{ files: { path: string; stream(): NodeJS.ReadableStream }[] }> };
  };
  export default unzipper;
}
