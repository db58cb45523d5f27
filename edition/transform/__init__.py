"""transform step of the pipeline."""
