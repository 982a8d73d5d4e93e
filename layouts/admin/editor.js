// Loaded after sveltia-cms.js, from the site itself: what the CMS needs to suit this site.
const script = document.currentScript;

// The preview wears the site's own stylesheet, so an editor sees roughly what parents will see; an
// article (event, announcement, achievement, information page, the home text) is laid out as on its
// page: its title and its text in the site's own elements, not the list of every field.
CMS.registerPreviewStyle(script.dataset.style);
const Article = ({ entry, widgetFor }) =>
  h("main", null, h("article", null, h("h1", null, entry.getIn(["data", "title"]) || ""),
    h("div", { className: "prose" }, widgetFor("body"))));
for (const name of script.dataset.articles.split(" ")) CMS.registerPreviewTemplate(name, Article);

// `start` and `end` as the content contract writes them: a date alone for an all-day event
// (`2027-02-13`), or a date and a time in the site's zone (`2027-02-13 09:00`). The CMS's own date-time
// picker always writes a time. A value the two inputs cannot show stays as written until the editor
// changes it, so opening and saving an item keeps its dates.
const WHEN = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?$/;
const When = createClass({
  render() {
    const { value, field, forID, classNameWrapper, onChange } = this.props;
    const found = WHEN.exec(String(value ?? "").trim());
    const day = found ? found[1] : "";
    const time = found && found[2] ? `${found[2].padStart(2, "0")}:${found[3]}` : "";
    const write = (newDay, newTime) => onChange(newDay && newTime ? `${newDay} ${newTime}` : newDay);
    return h("div", { className: "when" },
      h("input", { type: "date", id: forID, className: classNameWrapper, value: day, max: "9999-12-31",
                   "aria-labelledby": `${forID}-label`, onChange: (event) => write(event.target.value, time) }),
      h("label", null, h("span", null, field.get("time_label")),
        h("input", { type: "time", className: classNameWrapper, value: time, disabled: !day,
                     onChange: (event) => write(day, event.target.value) })),
      day && !time ? h("span", { className: "all-day" }, field.get("all_day_label")) : null);
  },
});
const WhenPreview = ({ value, field }) =>
  h("p", null, WHEN.exec(String(value ?? "").trim())?.[2] === undefined && value ? `${value} (${field.get("all_day_label")})` : value || "");
CMS.registerFieldType("when", When, WhenPreview);

// The CMS's icons come in a font it would fetch from a CDN, which this page's CSP refuses; the same
// font from the npm package is served beside this script. A face added here wins over the CSS one.
const icons = new FontFace("Material Symbols Outlined", `url(${new URL("material-symbols-outlined.woff2", script.src)})`,
  { style: "normal", weight: "100 700", display: "block" });
document.fonts.add(icons);
icons.load();

// The CMS forbids zooming (maximum-scale=1 in its viewport tag); an editor who needs larger text may zoom.
const allowZoom = () => {
  for (const tag of document.querySelectorAll('meta[name="viewport"]')) {
    const content = tag.getAttribute("content") || "";
    const allowed = content.split(",").map((part) => part.trim()).filter((part) => !part.startsWith("maximum-scale"));
    if (allowed.join(", ") !== content) tag.setAttribute("content", allowed.join(", "));
  }
};
new MutationObserver(allowZoom).observe(document.head, { childList: true, subtree: true, attributes: true });
allowZoom();
