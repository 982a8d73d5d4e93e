// Loaded after sveltia-cms.js, from the site itself: what the CMS needs to suit this site.
const script = document.currentScript;

// The preview wears the site's own stylesheet, so an editor sees roughly what parents will see.
CMS.registerPreviewStyle(script.dataset.style);

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
