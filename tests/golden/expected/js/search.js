// Search page only: asks the Pagefind index for the words in ?q= and lists the pages found.
const form = document.querySelector(".search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const base = form.dataset.base;

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  status.textContent = form.dataset.loading;
  const pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ baseUrl: base });
  // A large site's index is cut into bundles (sitegen/models/urls.py, search_bundles): the first is the one imported.
  const merged = (form.dataset.merge || "").split(" ").filter(Boolean);
  await Promise.all(merged.map((path) => pagefind.mergeIndex(path, { baseUrl: base })));
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  status.textContent = results.length
    ? form.dataset.count.replace("{count}", String(search.results.length))
    : form.dataset.none;
  for (const result of results) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    heading.className = "h3";
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    const excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt; // Pagefind escapes the page text and adds only <mark>
    item.append(heading, excerpt);
    list.append(item);
  }
}

const query = new URLSearchParams(location.search).get("q") || "";
input.value = query;
// An index that does not load (a bundle missing from a half-published site, no connection) says so.
run(query).catch(() => { status.textContent = form.dataset.failed; });
