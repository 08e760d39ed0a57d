"""Stage `ingest`: files, folders and stdin in any common news format -> `RawDoc`s, or why not."""

from dateline.ingest.readers import (
    documents_and_errors,
    iter_documents,
    read_documents,
    read_member,
    read_paths,
)
from dateline.ingest.records import parse_field_options
from dateline.ingest.sniff import FORMATS, sniff
from dateline.ingest.text import MAX_BYTES, IngestError, decode_text, document_error, list_inputs, read_input

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "IngestError",
    "decode_text",
    "document_error",
    "documents_and_errors",
    "iter_documents",
    "list_inputs",
    "parse_field_options",
    "read_documents",
    "read_input",
    "read_member",
    "read_paths",
    "sniff",
]
