window.deriveSearch = {"shards":["search-index-1.js"]};
