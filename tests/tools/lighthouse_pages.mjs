// Lighthouse (the mobile preset) on several pages, one after another, in this one Node process with one
// Chromium: what `lighthouse URL` does once per page, without starting Node, Lighthouse and Chromium again for
// each. Used by tests/test_quality.py, which gives the request as a JSON argument:
//
//   {"pages": [[name, url], ...], "chromePath": ..., "chromeFlags": [...], "flags": {...Lighthouse flags},
//    "cpuSlowdown": 4, "hostIndex": 1000, "retryBelow": {"performance": 0.95}, "reports": folder}
//
// and reads one JSON list on stdout, a result per page: {name, url, runs, report}, the report being the parts
// of Lighthouse's that the test reads (scores, audits, environment, throttling settings); the whole report of
// each run is saved as <reports>/<name>-<run>.json.
//
// Each page is gathered (loaded and recorded) and then audited with a CPU slowdown that follows the
// BenchmarkIndex Lighthouse measured as the load began: cpuSlowdown * min(1, BenchmarkIndex / hostIndex), at
// least 1. The slowdown only enters the simulation that Lighthouse makes from the unthrottled recording, so it
// may be set after the load: this is `lighthouse -G` then `lighthouse -A --throttling.cpuSlowdownMultiplier=...`
// without the artifacts' round trip through the disk (navigation() of lighthouse/core/index.js is these two
// calls, navigationGather and Runner.audit). A page whose score in a category of `retryBelow` misses is gathered
// and audited once more, and that run's report stands.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { navigationGather } from "lighthouse/core/gather/navigation-runner.js";
import { Runner } from "lighthouse/core/runner.js";

const request = JSON.parse(process.argv[2]);

function cpuSlowdown(benchmarkIndex) {
  const slowdown = request.cpuSlowdown * Math.min(1, benchmarkIndex / request.hostIndex);
  return Math.round(Math.max(1, slowdown) * 100) / 100;
}

async function run(url, port) {
  const flags = { ...request.flags, port };
  const { artifacts, runnerOptions } = await navigationGather(undefined, url, { flags });
  const { resolvedConfig } = runnerOptions;
  const throttling = {
    ...resolvedConfig.settings.throttling,
    cpuSlowdownMultiplier: cpuSlowdown(artifacts.BenchmarkIndex),
  };
  // The audits check that the settings they get are those of the gathering: both carry the new slowdown.
  const settings = { ...resolvedConfig.settings, throttling };
  artifacts.settings = settings;
  // A new cache, as `lighthouse -A` starts with: nothing computed with the preset's slowdown is reused.
  const result = await Runner.audit(artifacts, { resolvedConfig: { ...resolvedConfig, settings }, computedCache: new Map() });
  return result.lhr;
}

// The parts of a report the test reads: scores with their audits, what cost points, and the run's environment.
function essentials(lhr) {
  const audits = {};
  for (const [id, audit] of Object.entries(lhr.audits)) {
    const items = Array.isArray(audit.details?.items) ? audit.details.items.slice(0, 5) : [];
    const shown = items.map(item => ({
      node: item.node && { selector: item.node.selector, snippet: item.node.snippet },
      url: item.url, source: item.source, description: item.description,
    }));
    audits[id] = { title: audit.title, score: audit.score, displayValue: audit.displayValue, details: { items: shown } };
  }
  const categories = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    categories[id] = {
      score: category.score,
      auditRefs: category.auditRefs.map(({ id, weight, group }) => ({ id, weight, group })),
    };
  }
  return {
    runtimeError: lhr.runtimeError,
    runWarnings: lhr.runWarnings,
    environment: { benchmarkIndex: lhr.environment.benchmarkIndex },
    configSettings: { throttling: lhr.configSettings.throttling },
    categories,
    audits,
  };
}

function misses(lhr) {
  return Object.entries(request.retryBelow).some(([id, target]) => (lhr.categories[id]?.score ?? 0) < target);
}

mkdirSync(request.reports, { recursive: true });
const chrome = await chromeLauncher.launch({
  chromePath: request.chromePath, chromeFlags: request.chromeFlags, logLevel: "silent",
});
const results = [];
try {
  for (const [name, url] of request.pages) { // one at a time: each run measures the CPU it gets
    let lhr;
    let runs = 0;
    do {
      runs += 1;
      lhr = await run(url, chrome.port);
      writeFileSync(join(request.reports, `${name.replaceAll(" ", "-")}-${runs}.json`), JSON.stringify(lhr));
    } while (runs < 2 && !lhr.runtimeError && misses(lhr));
    results.push({ name, url, runs, report: essentials(lhr) });
  }
} finally {
  chrome.kill();
}
// Lighthouse's connections to Chromium keep Node running for seconds after the last page: exit once the results
// are written.
process.stdout.write(JSON.stringify(results), () => process.exit(0));
