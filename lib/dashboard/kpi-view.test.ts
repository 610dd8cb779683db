import { describe, expect, it } from "vitest";
import { buildKpis } from "./series";
import { kpiView, sparklinePoints } from "./kpi-view";

const metric = (key: string, unit: "count" | "percent" | "usd", direction: "up" | "down" | "neutral") => ({ key, label: key, section: "s", unit, direction });

describe("kpiView", () => {
  it("prints the figure, the change since the last year with a value, and a coloured badge", () => {
    const [kpi] = buildKpis(
      [metric("peacekeepers", "count", "up")],
      [
        { metricKey: "peacekeepers", year: 2021, value: 74_892, qualifier: null },
        { metricKey: "peacekeepers", year: 2023, value: 76_000, qualifier: "over" },
      ],
      2023,
    );
    const view = kpiView(kpi!, 2023);
    expect(view).toMatchObject({
      figure: "over 76,000",
      badge: { tone: "good", arrow: "increase", text: "+1,108 (+1.5%)", since: 2021 },
      previous: "2021: 74,892 · wording changed",
      lone: null,
    });
    expect(view.trend).toMatchObject({ firstYear: 2021, lastYear: 2023, text: "from 74,892 in 2021 to over 76,000 in 2023; no value in 2022" });
  });

  it("names the year compared with when it is not the year before, and says which way is good", () => {
    const [kpi] = buildKpis(
      [metric("fatalities", "count", "down")],
      [
        { metricKey: "fatalities", year: 2020, value: 100, qualifier: null },
        { metricKey: "fatalities", year: 2023, value: 80, qualifier: null },
      ],
      2023,
    );
    expect(kpiView(kpi!, 2023)).toMatchObject({ badge: { tone: "good", since: 2020, vs: "vs 2020" }, direction: "Lower is better", seriesBreak: null });
    const [yearBefore] = buildKpis(
      [metric("fatalities", "count", "neutral")],
      [
        { metricKey: "fatalities", year: 2022, value: 100, qualifier: null },
        { metricKey: "fatalities", year: 2023, value: 80, qualifier: null },
      ],
      2023,
    );
    expect(kpiView(yearBefore!, 2023)).toMatchObject({ badge: { vs: null }, direction: null });
  });

  it("shows a change across a series break as neutral, with the break's note", () => {
    const [kpi] = buildKpis(
      [metric("grave", "count", "down")],
      [
        { metricKey: "grave", year: 2022, value: 27_180, qualifier: null },
        { metricKey: "grave", year: 2023, value: 33_000, qualifier: null },
      ],
      2023,
    );
    const breaks = [{ metricKey: "grave", year: 2023, note: "monitored and reported, not only verified" }];
    expect(kpiView(kpi!, 2023, breaks)).toMatchObject({
      badge: { tone: "neutral", arrow: "increase" },
      seriesBreak: "monitored and reported, not only verified",
    });
    expect(kpiView(kpi!, 2023)).toMatchObject({ badge: { tone: "bad" }, seriesBreak: null });
  });

  it("says what is missing when the year or the history has no value", () => {
    const [empty, lone, onlyThisYear] = buildKpis(
      [metric("a", "usd", "up"), metric("b", "percent", "down"), metric("c", "count", "neutral")],
      [
        { metricKey: "b", year: 2021, value: 43, qualifier: null },
        { metricKey: "c", year: 2023, value: 5, qualifier: null },
      ],
      2023,
    );
    expect(kpiView(empty!, 2023)).toMatchObject({ figure: null, badge: null, trend: null, lone: "No values yet" });
    expect(kpiView(lone!, 2023)).toMatchObject({ figure: null, badge: null, trend: null, lone: "Only 2021 has a value" });
    expect(kpiView(onlyThisYear!, 2023)).toMatchObject({ figure: "5", previous: "No earlier year to compare with", trend: null, lone: null });
  });

  it("says what it leaves out when later years hold values", () => {
    const values = [
      { metricKey: "b", year: 2019, value: 40, qualifier: null },
      { metricKey: "b", year: 2023, value: 43, qualifier: null },
      { metricKey: "c", year: 2023, value: 5, qualifier: null },
    ];
    const [b, c] = buildKpis([metric("b", "percent", "down"), metric("c", "count", "neutral")], values, 2021);
    expect(kpiView(b!, 2021)).toMatchObject({ figure: null, trend: null, lone: "Only 2019 has a value up to 2021" });
    expect(kpiView(c!, 2021)).toMatchObject({ figure: null, trend: null, lone: "First value in 2023" });
  });
});

describe("sparklinePoints", () => {
  it("spans the height between the lowest and highest value, with the shape's edges outside the view", () => {
    expect(sparklinePoints([0, 50, 100])).toEqual({ width: 8, points: "-2,34 -2,30 0,30 4,16 8,2 10,2 10,34" });
  });

  it("draws a flat series at mid-height", () => {
    expect(sparklinePoints([7, 7])).toEqual({ width: 4, points: "-2,34 -2,16 0,16 4,16 6,16 6,34" });
  });
});
