export function createEld(): {
  instance: {
    detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
  };
  loadData(data: unknown): string;
};
