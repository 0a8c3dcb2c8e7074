// eld's detector factory is not in the package's export map; we load it by path so that
// we can feed it our six-language profile (see scripts/build-language-profile.ts).
declare module '#eld-detector' {
  export function createEld(): {
    instance: { detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean } };
    loadData(data: unknown): string;
  };
}
