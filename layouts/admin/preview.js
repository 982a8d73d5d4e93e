// Loaded after sveltia-cms.js, from the site itself.
const script = document.currentScript;
// The editor's preview wears the site's own stylesheet, so it looks roughly like the published page.
CMS.registerPreviewStyle(script.dataset.style);
// The CMS's icons come in a font it would fetch from a CDN, which this page's CSP refuses; the same
// font from the npm package is served beside this script. A face added here wins over the CSS one.
const icons = new FontFace("Material Symbols Outlined", `url(${new URL("material-symbols-outlined.woff2", script.src)})`,
  { style: "normal", weight: "100 700", display: "block" });
document.fonts.add(icons);
icons.load();
