// The editor's preview wears the site's own stylesheet, so it looks roughly like the published page.
CMS.registerPreviewStyle(document.currentScript.dataset.style);
