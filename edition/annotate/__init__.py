"""annotate step of the pipeline."""
