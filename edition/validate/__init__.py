"""validate step of the pipeline: RELAX NG + Schematron, one line per problem.

Public API: :func:`edition_files`, :func:`validate_files`, :class:`Problem`.
"""

from .problems import Problem
from .relaxng import SchemaError
from .run import edition_files, validate_files

__all__ = ["Problem", "SchemaError", "edition_files", "validate_files"]
