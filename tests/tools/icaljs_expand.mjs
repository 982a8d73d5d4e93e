// Expand every VEVENT of the .ics files named on the command line with Mozilla's ical.js (the
// parser Thunderbird uses) and print {file: [[uid, start], ...]} as JSON: a timed start in UTC
// ("2026-07-20T00:00:00Z"), an all-day start as its date ("2026-12-21"). Used by tests/test_readers.py.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const result = {};
for (const file of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const starts = [];
  for (const component of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    const iterator = event.iterator();
    for (let next = iterator.next(), count = 0; next && count < 5000; next = iterator.next(), count++) {
      const start = next.isDate ? next.toString() : next.toJSDate().toISOString().replace(".000Z", "Z");
      starts.push([event.uid, start]);
      if (!event.isRecurring()) break;
    }
  }
  result[file] = starts;
}
process.stdout.write(JSON.stringify(result));
