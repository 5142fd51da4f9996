// A client as an integrator would write one: its types generated from Casus's OpenAPI
// document (openapi-typescript), its calls through openapi-fetch, compiled by tsc in strict
// mode, so that a document that does not describe what the server answers fails to build
// or to run. Run by .ci/openapi-client against a server with the demo data.
//
// usage: node report.js BASE_URL WOONOVERLAST_TOKEN ANALIST_TOKEN
import createClient from "openapi-fetch";
import type { paths } from "./casus.js";

const [base, teamToken, analistToken] = process.argv.slice(2);

function fail(what: string): never {
  console.error("openapi client: " + what);
  process.exit(1);
}

const team = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${teamToken}` } });
const analist = createClient<paths>({
  baseUrl: base,
  headers: { Authorization: `Bearer ${analistToken}` },
});

const report = await analist.GET("/api/v1/reports/woonoverlast/{year}", {
  params: { path: { year: 2024 } },
});
if (!report.data) fail("no Tabel 5.1: " + JSON.stringify(report.error));
// The route answers JSON, CSV, text or HTML (format=); without format= it is JSON.
if (typeof report.data === "string") fail("Tabel 5.1 came as text, not JSON");
const totals = report.data.totals;
if (totals.total !== 210) fail(`Tabel 5.1 2024 totals ${totals.total}, not 210`);
console.log(`${report.data.title} ${report.data.year}: ${totals.total} casussen in ${report.data.rows.length} wijken`);

const created = await team.POST("/api/v1/cases", {
  body: {
    kind: "woonoverlast",
    district: "Meerzicht",
    housing_type: "corporatie",
    reported_on: "2025-11-04",
    categories: ["geluid"],
    summary: "Vanuit de gegenereerde client",
  },
});
if (!created.data) fail("no casus registered: " + JSON.stringify(created.error));
const id: number = created.data.id;

const moved = await team.POST("/api/v1/cases/{id}/transitions", {
  params: { path: { id } },
  body: { to: "lopend", on: "2025-11-05" },
});
if (moved.data?.state !== "lopend") fail("the transition did not answer the casus as lopend");

const missing = await team.GET("/api/v1/cases/{id}", { params: { path: { id: 999999 } } });
if (missing.response.status !== 404 || !missing.error) fail("a missing casus is not a 404 problem");
console.log(`casus ${id} registered and moved to ${moved.data.state}; a missing one: ${missing.error.title}`);
