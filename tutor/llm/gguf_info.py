"""Read what a model file is before any native library touches it.

A native loader handed a truncated, foreign or unsupported file may abort or
crash the whole process; reading the header ourselves first turns those cases
into a :class:`ModelError` a person can act on. Only the header, the metadata
scalars and the tensor table are read (arrays are skipped), so this takes
milliseconds even for a 1 GB file with a 150,000-token vocabulary.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, field
from pathlib import Path

from tutor.errors import ModelError

# Little-endian magics of the pre-GGUF "GGML" family (ggml, ggmf, ggjt) that ctransformers reads.
LEGACY_MAGICS = {0x67676D6C: "ggml", 0x67676D66: "ggmf", 0x67676A74: "ggjt"}
_MAX_STRING = 1 << 26  # a metadata string longer than 64 MB means the file is corrupt


@dataclass(frozen=True)
class ModelFileInfo:
    """What the header of a model file says."""

    path: Path
    format: str
    """``gguf`` or a legacy GGML magic (``ggml``, ``ggmf``, ``ggjt``)."""
    version: int
    size: int
    metadata: dict = field(default_factory=dict, repr=False)
    """Scalar and string metadata; arrays appear as ``("array", length)``."""
    data_end: int = 0
    """Byte offset where the last tensor ends (GGUF only): the file must be at least this long."""
    tensor_count: int = 0
    tensor_types: frozenset[str] = frozenset()
    """GGML type names of the tensors (``F32``, ``Q4_K``, …)."""

    @property
    def architecture(self) -> str | None:
        return self.metadata.get("general.architecture")

    @property
    def tokenizer_model(self) -> str | None:
        """``llama`` (SentencePiece), ``gpt2`` (byte-level BPE), ``bert``, …"""
        return self.metadata.get("tokenizer.ggml.model")

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    @property
    def block_count(self) -> int | None:
        """Transformer blocks (``<arch>.block_count``); llama.cpp offloads these plus the output layer."""
        arch = self.architecture
        value = self.metadata.get(f"{arch}.block_count") if arch else None
        return int(value) if value is not None else None

    @property
    def trained_context(self) -> int | None:
        arch = self.architecture
        value = self.metadata.get(f"{arch}.context_length") if arch else None
        return int(value) if value is not None else None

    def describe(self) -> str:
        if self.format != "gguf":
            return f"legacy {self.format} v{self.version}, {self.size:,} bytes"
        return (
            f"GGUF v{self.version}, architecture {self.architecture}, tokenizer {self.tokenizer_model}, "
            f"{self.tensor_count} tensors, {self.size:,} bytes"
        )


class _Cursor:
    def __init__(self, buf, path: Path):
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, n: int) -> bytes:
        end = self.pos + n
        if n < 0 or end > len(self.buf):
            raise ModelError(
                f"{self.path} is truncated or corrupt: its header runs past the end of the file "
                f"({len(self.buf):,} bytes); delete it and install it again"
            )
        out = self.buf[self.pos : end]
        self.pos = end
        return out

    def skip_strings(self, n: int) -> None:
        # Length-prefixed strings, walked without copying: vocabularies hold 150,000 of them.
        buf, pos, end, unpack_from = self.buf, self.pos, len(self.buf), struct.unpack_from
        try:
            for _ in range(n):
                pos += 8 + unpack_from("<Q", buf, pos)[0]
        except struct.error:
            pos = end + 1
        if pos > end:
            self.take(pos - self.pos)  # raises the truncation error
        self.pos = pos

    def unpack(self, fmt: str):
        return struct.unpack_from("<" + fmt, self.take(struct.calcsize("<" + fmt)))[0]

    def string(self) -> str:
        n = self.unpack("Q")
        if n > _MAX_STRING:
            raise ModelError(f"{self.path} is corrupt: a metadata string claims {n:,} bytes")
        return self.take(n).decode("utf-8", errors="replace")


def read_model_info(path: Path | str) -> ModelFileInfo:
    """Read a GGUF (or legacy GGML) header; raise ModelError for anything unusable.

    Raises ModelError if the file is missing, empty, not a model file, or
    shorter than its own tensor table says (a truncated download).
    """
    import gguf  # the format's constants: value types and quantisation block sizes

    path = Path(path)
    if not path.exists():
        raise ModelError(
            f"no model file at {path}; install one with `tutor model install default` or set TUTOR_MODEL_PATH"
        )
    if not path.is_file():
        raise ModelError(f"{path} is not a file; TUTOR_MODEL_PATH must name a .gguf file")
    size = path.stat().st_size
    if size < 8:
        raise ModelError(f"{path} is empty or truncated ({size} bytes), not a model file")
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        cur = _Cursor(buf, path)
        magic = cur.unpack("I")
        if magic in LEGACY_MAGICS:
            version = cur.unpack("I") if LEGACY_MAGICS[magic] != "ggml" else 0
            return ModelFileInfo(path=path, format=LEGACY_MAGICS[magic], version=version, size=size)
        if magic != gguf.GGUF_MAGIC:
            raise ModelError(f"{path} is not a GGUF model file (it starts with {bytes(buf[:4])!r}, not b'GGUF')")
        version = cur.unpack("I")
        if version not in (1, 2, 3):
            raise ModelError(f"{path} says it is GGUF version {version}, which no supported runtime reads")
        count_fmt = "I" if version == 1 else "Q"
        n_tensors, n_kv = cur.unpack(count_fmt), cur.unpack(count_fmt)
        if n_tensors > 1_000_000 or n_kv > 1_000_000:
            raise ModelError(f"{path} is corrupt: it claims {n_tensors:,} tensors and {n_kv:,} metadata keys")
        metadata: dict = {}
        for _ in range(n_kv):
            key = cur.string()
            metadata[key] = _read_value(cur, cur.unpack("I"), gguf)
        alignment = int(metadata.get("general.alignment", 32)) or 32
        tensor_end = 0
        types: set[str] = set()
        for _ in range(n_tensors):
            cur.string()
            n_dims = cur.unpack("I")
            if n_dims > 8:
                raise ModelError(f"{path} is corrupt: a tensor claims {n_dims} dimensions")
            n_elements = 1
            for _ in range(n_dims):
                n_elements *= cur.unpack("Q")
            ggml_type, offset = cur.unpack("I"), cur.unpack("Q")
            try:
                block, type_size = gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType(ggml_type)]
            except (ValueError, KeyError):
                raise ModelError(f"{path} uses tensor type {ggml_type}, unknown to this version of gguf") from None
            types.add(gguf.GGMLQuantizationType(ggml_type).name)
            tensor_end = max(tensor_end, offset + n_elements // block * type_size)
        data_start = -(-cur.pos // alignment) * alignment
    data_end = data_start + tensor_end
    if size < data_end:
        raise ModelError(
            f"{path} is truncated: it has {size:,} bytes but its tensors need {data_end:,}; "
            "delete it and install it again"
        )
    return ModelFileInfo(
        path=path, format="gguf", version=version, size=size, metadata=metadata, data_end=data_end,
        tensor_count=n_tensors, tensor_types=frozenset(types),
    )


_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}


def _read_value(cur: _Cursor, vtype: int, gguf):
    if vtype in _SCALARS:
        return cur.unpack(_SCALARS[vtype])
    if vtype == gguf.GGUFValueType.STRING:
        return cur.string()
    if vtype == gguf.GGUFValueType.ARRAY:
        item_type, n = cur.unpack("I"), cur.unpack("Q")
        if item_type in _SCALARS:
            cur.take(n * struct.calcsize("<" + _SCALARS[item_type]))
        elif item_type == gguf.GGUFValueType.STRING:
            cur.skip_strings(n)
        else:
            for _ in range(n):
                _read_value(cur, item_type, gguf)
        return ("array", n)
    raise ModelError(f"{cur.path} is corrupt: unknown metadata value type {vtype}")
