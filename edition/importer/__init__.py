"""importer step of the pipeline."""
