import { describe, expect, it } from "vitest";
import {
  alignSeries,
  buildKpis,
  defaultDashboardYear,
  deltaTone,
  describeSeries,
  describeTrend,
  groupKpis,
  hasConsecutiveValues,
  yearRanges,
  previousWithValue,
  sectionCompleteness,
  yearsWithData,
  type KpiMetric,
  type YearPoint,
} from "./series";

const p = (year: number, value: number | null, qualifier: YearPoint["qualifier"] = null): YearPoint => ({ year, value, qualifier });

describe("defaultDashboardYear", () => {
  it("skips a newer year that holds only a few early figures", () => {
    const years = [
      { year: 2024, valueCount: 2 },
      { year: 2023, valueCount: 50 },
      { year: 2022, valueCount: 6 },
    ];
    expect(defaultDashboardYear(years)).toBe(2023);
  });

  it("takes the newest year once it is at least half as full as the fullest", () => {
    expect(
      defaultDashboardYear([
        { year: 2023, valueCount: 50 },
        { year: 2024, valueCount: 25 },
      ]),
    ).toBe(2024);
    expect(
      defaultDashboardYear([
        { year: 2023, valueCount: 50 },
        { year: 2024, valueCount: 24 },
      ]),
    ).toBe(2023);
  });

  it("is null when no year has a value", () => {
    expect(defaultDashboardYear([])).toBeNull();
    expect(defaultDashboardYear([{ year: 2030, valueCount: 0 }])).toBeNull();
  });
});

describe("previousWithValue", () => {
  const points = [p(2018, 70), p(2020, 64), p(2021, null), p(2023, 74)];

  it("skips years without a value instead of comparing with zero", () => {
    expect(previousWithValue(points, 2023)).toEqual(p(2020, 64));
  });

  it("looks only at earlier years, in any input order", () => {
    expect(previousWithValue([...points].reverse(), 2020)).toEqual(p(2018, 70));
    expect(previousWithValue(points, 2018)).toBeNull();
  });
});

describe("alignSeries", () => {
  it("puts null (a gap), not 0, in years without a value, ascending", () => {
    expect(alignSeries([2020, 2018, 2019], [p(2018, 5), p(2020, 0), p(2019, null)])).toEqual([
      { year: 2018, value: 5 },
      { year: 2019, value: null },
      { year: 2020, value: 0 },
    ]);
  });

  it("knows when a line can join two neighbouring years", () => {
    expect(hasConsecutiveValues([p(2022, 1), p(2023, 2)])).toBe(true);
    expect(hasConsecutiveValues([p(2020, 1), p(2021, null), p(2022, 2)])).toBe(false);
    expect(hasConsecutiveValues([p(2023, 40)])).toBe(false);
  });

  it("lists the years with data", () => {
    expect(yearsWithData([p(2022, 1), p(2019, null), p(2018, 3), p(2022, 2)])).toEqual([2018, 2022]);
  });
});

describe("deltaTone", () => {
  it("colours by the metric's direction, arrows by the figure", () => {
    expect(deltaTone("up", 5)).toEqual({ deltaType: "increase", tone: "good" });
    expect(deltaTone("up", -5)).toEqual({ deltaType: "decrease", tone: "bad" });
    expect(deltaTone("down", -5)).toEqual({ deltaType: "decrease", tone: "good" });
    expect(deltaTone("down", 5)).toEqual({ deltaType: "increase", tone: "bad" });
    expect(deltaTone("neutral", 5)).toEqual({ deltaType: "increase", tone: "neutral" });
  });

  it("shows no change as unchanged and neutral", () => {
    expect(deltaTone("up", 0)).toEqual({ deltaType: "unchanged", tone: "neutral" });
    expect(deltaTone("down", null)).toEqual({ deltaType: "unchanged", tone: "neutral" });
  });
});

describe("buildKpis", () => {
  const metrics: KpiMetric[] = [
    { key: "peacekeepers_total", label: "Total peacekeepers", section: "peacekeeping", unit: "count", direction: "neutral" },
    { key: "pda_countries", label: "PDA countries", section: "conflict_prevention", unit: "count", direction: "up" },
    { key: "absent", label: "Absent", section: "peacekeeping", unit: "count", direction: "up" },
  ];
  const values = [
    { metricKey: "peacekeepers_total", ...p(2022, 74892) },
    { metricKey: "peacekeepers_total", ...p(2023, 76000, "over") },
    { metricKey: "pda_countries", ...p(2018, 70) },
    { metricKey: "pda_countries", ...p(2020, 64) },
    { metricKey: "pda_countries", ...p(2023, 74) },
  ];

  it("compares with the previous year that has a value, with the comparison's rounding", () => {
    const [total, pda, absent] = buildKpis(metrics, values, 2023);
    expect(total).toMatchObject({ current: p(2023, 76000, "over"), previous: p(2022, 74892), change: { delta: 1108, deltaPct: 1.5, qualifierChanged: true } });
    expect(pda).toMatchObject({ previous: p(2020, 64), change: { delta: 10, deltaPct: 15.6 } });
    expect(pda!.trend.map((t) => t.year)).toEqual([2018, 2020, 2023]);
    expect(absent).toMatchObject({ current: null, previous: null, change: null, trend: [] });
  });

  it("draws the trend up to the chosen year: a view of 2020 knows nothing of 2023", () => {
    const [total, pda] = buildKpis(metrics, values, 2020);
    expect(pda!.trend.map((t) => t.year)).toEqual([2018, 2020]);
    expect(total!.trend).toEqual([]);
  });

  it("has no change for the first year with a value", () => {
    const [, pda] = buildKpis(metrics, values, 2018);
    expect(pda).toMatchObject({ current: p(2018, 70), previous: null, change: null });
  });

  it("counts per section what is filled and names what is missing", () => {
    const kpis = buildKpis(metrics, values, 2022);
    expect(sectionCompleteness([{ key: "peacekeeping" }, { key: "conflict_prevention" }, { key: "empty" }], kpis)).toEqual([
      { section: "peacekeeping", filled: 1, total: 2, missing: [{ key: "absent", label: "Absent" }] },
      { section: "conflict_prevention", filled: 0, total: 1, missing: [{ key: "pda_countries", label: "PDA countries" }] },
    ]);
  });
});

describe("describeSeries", () => {
  it("names every value with its year and the gaps as ranges", () => {
    const points = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({
      year,
      text: year === 2022 ? "74,892" : year === 2023 ? "over 76,000" : null,
    }));
    expect(describeSeries("Total peacekeepers", points)).toBe("Total peacekeepers: 74,892 in 2022, over 76,000 in 2023; no value in 2018–2021, 2024.");
  });

  it("says so when there is nothing to show", () => {
    expect(describeSeries("X", [{ year: 2020, text: null }])).toBe("X: no values yet.");
    expect(yearRanges([2020, 2018, 2019, 2024])).toBe("2018–2020, 2024");
  });
});

describe("describeTrend", () => {
  const point = (year: number, value: number) => ({ year, value, text: value.toLocaleString("en-US") });

  it("names the ends, and the extremes only when they lie between", () => {
    expect(describeTrend([point(2020, 10), point(2021, 50), point(2022, 5), point(2023, 20)])).toBe(
      "from 10 in 2020 to 20 in 2023; highest 50 in 2021; lowest 5 in 2022",
    );
    expect(describeTrend([point(2020, 10), point(2021, 15), point(2022, 20)])).toBe("from 10 in 2020 to 20 in 2022");
  });

  it("says which years in the span have no value, and sorts the points by year", () => {
    expect(describeTrend([point(2024, 3), point(2018, 1), point(2019, 2)])).toBe("from 1 in 2018 to 3 in 2024; no value in 2020–2023");
  });

  it("words a lone value and an empty series", () => {
    expect(describeTrend([point(2023, 7)])).toBe("with only 7 in 2023");
    expect(describeTrend([])).toBe("with no values yet");
  });
});

describe("groupKpis", () => {
  const kpi = (key: string, section: string) => ({
    metric: { key, label: key, section, unit: "count" as const, direction: "up" as const },
    current: null,
    previous: null,
    change: null,
    trend: [],
    firstLaterYear: null,
  });
  const kpis = [...Array.from({ length: 5 }, (_, i) => kpi(`a${i}`, "a")), kpi("b0", "b")];
  const sections = [{ key: "b" }, { key: "a" }, { key: "empty" }];

  it("caps each section when all are shown, keeping catalogue order and the section order given", () => {
    const groups = groupKpis(sections, kpis, { perSection: 3, oneSection: false });
    expect(groups.map((g) => [g.section, g.shown.map((k) => k.metric.key), g.total])).toEqual([
      ["b", ["b0"], 1],
      ["a", ["a0", "a1", "a2"], 5],
    ]);
  });

  it("shows every card of a single chosen section", () => {
    const [group] = groupKpis([{ key: "a" }], kpis, { perSection: 3, oneSection: true });
    expect(group?.shown).toHaveLength(5);
  });
});
