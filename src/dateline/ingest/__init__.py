"""Stage `ingest`: paths, folders and stdin -> `RawDoc`s, or a clear reason why not."""

from dateline.ingest.text import MAX_BYTES, IngestError, decode_text, list_inputs, read_input, read_paths

__all__ = ["MAX_BYTES", "IngestError", "decode_text", "list_inputs", "read_input", "read_paths"]
