"""validate step of the pipeline."""
