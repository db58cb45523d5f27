"""package step of the pipeline."""
