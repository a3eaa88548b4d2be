import { median, percentile, summary } from "../../bench/stats";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
  });

  it("reports NaN, not zero, for an empty sample", () => {
    expect(summary([]).p99).toBeNaN();
    expect(summary([]).count).toBe(0);
  });
});
