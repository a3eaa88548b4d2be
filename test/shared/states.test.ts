import { isStateCode, STATE_CODE_PATTERN, StateStatus, stateByCode, STATES } from "../../shared/states";

describe("states", () => {
  it("lists exactly 193 Member States and 2 observer States", () => {
    expect(STATES.filter((state) => state.status === StateStatus.member)).toHaveLength(193);
    expect(STATES.filter((state) => state.status === StateStatus.observer)).toHaveLength(2);
    expect(STATES).toHaveLength(195);
  });

  it("gives every state a unique code that matches the pattern", () => {
    for (const state of STATES) expect(state.code).toMatch(STATE_CODE_PATTERN);
    expect(new Set(STATES.map((state) => state.code)).size).toBe(STATES.length);
  });

  it("gives every state a unique name", () => {
    expect(new Set(STATES.map((state) => state.name)).size).toBe(STATES.length);
  });

  it("keeps the states sorted by name", () => {
    const names = STATES.map((state) => state.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it.each([
    ["CUB", "Cuba", StateStatus.member],
    ["SLV", "El Salvador", StateStatus.member],
    ["UZB", "Uzbekistan", StateStatus.member],
    ["VAT", "Holy See", StateStatus.observer],
    ["PSE", "State of Palestine", StateStatus.observer],
  ])("holds %s as %s with status %s", (code, name, status) => {
    expect(stateByCode(code)).toEqual({ code, name, status });
  });

  it.each([
    ["DEU", "Germany"],
    ["CHE", "Switzerland"],
    ["GBR", "United Kingdom of Great Britain and Northern Ireland"],
    ["USA", "United States of America"],
    ["PRK", "Democratic People's Republic of Korea"],
    ["KOR", "Republic of Korea"],
    ["COD", "Democratic Republic of the Congo"],
    ["COG", "Congo"],
    ["LAO", "Lao People's Democratic Republic"],
    ["FSM", "Micronesia (Federated States of)"],
    ["TLS", "Timor-Leste"],
    ["SSD", "South Sudan"],
    ["MKD", "North Macedonia"],
    ["SWZ", "Eswatini"],
    ["CPV", "Cabo Verde"],
    ["CZE", "Czechia"],
    ["CIV", "Côte d'Ivoire"],
    ["TUR", "Türkiye"],
    ["BOL", "Bolivia (Plurinational State of)"],
  ])("names the state with code %s %s", (code, name) => {
    expect(stateByCode(code).name).toBe(name);
    expect(stateByCode(code).status).toBe(StateStatus.member);
  });

  it("recognises the code of a listed state", () => {
    expect(isStateCode("CUB")).toBe(true);
  });

  it("rejects a code that names no state", () => {
    expect(isStateCode("XXX")).toBe(false);
  });

  it("rejects a lower-case code", () => {
    expect(isStateCode("cub")).toBe(false);
  });

  it("throws a RangeError naming an unknown code", () => {
    expect(() => stateByCode("ZZZ")).toThrow(RangeError);
    expect(() => stateByCode("ZZZ")).toThrow(/ZZZ/);
  });
});
