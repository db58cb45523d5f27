"""transform step of the pipeline."""

#: Image formats a browser shows: these are copied into the site beside the pages (html.site_images finds them);
#: a graphic in another format keeps its description only.
WEB_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"})
