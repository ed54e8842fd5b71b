"""Write a GGUF with the default model's architecture and size, and random weights.

For speed measurements where the real weights cannot be copied (a lent GPU machine,
``bench/gpu_check.sh``): llama.cpp's speed depends on the shapes and tensor types, not on
the values. The default layout is Qwen2.5-Coder-1.5B-Instruct Q4_K_M, as the installed
default model has it (read from its header): architecture qwen2, 28 blocks, n_embd 1536,
n_ff 8960, 12 heads, 2 KV heads, vocabulary 151,936, context 32,768, RoPE base 1e6, RMS
epsilon 1e-6; token_embd Q4_K, output Q6_K, attn_v and ffn_down Q6_K on 14 of the 28 blocks
and Q4_K elsewhere, other matrices Q4_K, norms and biases F32: the same 339 tensors, names,
shapes and types as the real file, 1,111,370,240 bytes of weights.

Random quantised blocks are valid blocks: random 4- or 6-bit codes under fixed small
scales, so every weight is finite and about +-0.05, and generation never meets NaN logits.

The tokenizer: ``--vocab FILE`` copies one from a GGUF (tokens, types, merges, its
pre-tokenizer; llama.cpp's source ships ``models/ggml-vocab-qwen2.gguf``, the real Qwen2
vocabulary, so prompts have the real token counts). Without it a synthetic byte-level BPE
("gpt2") vocabulary of the right size is written: the 256 byte tokens, a few hundred merges
of common English words, filler merges, and Qwen's special tokens (``<|im_start|>``,
``<|im_end|>``, ...); it loads and round-trips any text, but English costs about a token
per character instead of per word.

    python bench/gguf_random.py /tmp/qwen2-random.gguf                          # the default model's layout
    python bench/gguf_random.py /tmp/q.gguf --vocab vendor/llama.cpp/models/ggml-vocab-qwen2.gguf
    python bench/gguf_random.py /tmp/tiny.gguf --tiny                           # 2 blocks, n_embd 64, vocab 512
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK_K = 256  # values per k-quant super-block
Q4_K_BYTES, Q6_K_BYTES = 144, 210


@dataclass(frozen=True)
class Config:
    """A qwen2 model's shape."""

    blocks: int = 28
    embd: int = 1536
    ff: int = 8960
    heads: int = 12
    kv_heads: int = 2
    vocab: int = 151_936
    context: int = 32_768
    rope_base: float = 1_000_000.0
    rms_eps: float = 1e-6
    weights: str = "q4_k_m"
    """``q4_k_m`` (the default model's mix; n_embd and n_ff must be multiples of 256), ``f16`` or ``f32``."""

    @property
    def head_dim(self) -> int:
        return self.embd // self.heads

    @property
    def kv_dim(self) -> int:
        return self.head_dim * self.kv_heads


DEFAULT = Config()
TINY = Config(blocks=2, embd=64, ff=128, heads=4, kv_heads=2, vocab=512, context=2048, weights="f16")

# Blocks whose attn_v and ffn_down are Q6_K in the default model's Q4_K_M file (its header says so).
DEFAULT_Q6_BLOCKS = frozenset({0, 1, 5, 6, 7, 8, 9, 10, 13, 16, 19, 21, 24, 27})

QWEN_SPECIALS = (
    "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|object_ref_start|>", "<|object_ref_end|>", "<|box_start|>",
    "<|box_end|>", "<|quad_start|>", "<|quad_end|>", "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>",
    "<|image_pad|>", "<|video_pad|>", "<tool_call>", "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>",
    "<|fim_suffix|>", "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>",
)
QWEN_PADS = 271  # [PAD151665] ... [PAD151935]: the default vocabulary's unused rows

# ChatML, as Qwen2.5 formats a conversation without tools.
CHAT_TEMPLATE = (
    "{%- if messages[0]['role'] == 'system' %}"
    "{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}"
    "{%- else %}"
    "{{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- for message in messages %}"
    "{%- if not (message['role'] == 'system' and loop.first) %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)

WORDS = (
    "the of and to a in is that for it as with be on not this are by at from or an what how many much each "
    "total left more less than times equals sum difference product quotient number numbers answer step first "
    "then next so we you your can has have was were will one two three four five six seven eight nine ten "
    "half third quarter fraction fractions decimal percent ratio rate area perimeter volume length width height "
    "price cost dollars cents buys gives shares students class bus buses hours minutes per all some left check "
    "solve equation value unit units work show explain because since if there are x y answer program print"
).split()


def bytes_to_unicode() -> list[str]:
    """GPT-2's byte-level alphabet: the character each byte 0-255 is written as in a BPE vocabulary."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    chars = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in chars:
            chars[b] = chr(256 + extra)
            extra += 1
    return [chars[b] for b in range(256)]


def synthetic_vocab(size: int) -> dict:
    """A byte-level BPE vocabulary of ``size`` tokens that llama.cpp loads (see the module docstring)."""
    pads = QWEN_PADS if size == DEFAULT.vocab else 0
    normal = size - len(QWEN_SPECIALS) - pads
    byte_chars = bytes_to_unicode()
    if normal < len(byte_chars):
        raise SystemExit(f"a vocabulary of {size} tokens is too small: it needs {len(byte_chars) + len(QWEN_SPECIALS)}")
    tokens = list(byte_chars)
    seen = set(tokens)
    merges: list[str] = []

    def merge(left: str, right: str) -> None:
        if len(tokens) < normal and left + right not in seen:
            merges.append(f"{left} {right}")
            tokens.append(left + right)
            seen.add(left + right)

    space = byte_chars[ord(" ")]
    for word in WORDS:  # a chain of merges per word, with and without its leading space: "Ġ t", "Ġt h", "Ġth e"
        for text in (space + word, word):
            for i in range(1, len(text)):
                merge(text[:i], text[i])
    letters = [c for c in byte_chars if c.isalpha() and c.isascii()]
    i = len(byte_chars)
    while len(tokens) < normal:  # fillers: the merged tokens in turn, each extended by every letter
        for c in letters:
            merge(tokens[i], c)
        i += 1
    types = [1] * normal + [3] * len(QWEN_SPECIALS) + [5] * pads  # NORMAL, CONTROL, UNUSED
    tokens += list(QWEN_SPECIALS) + [f"[PAD{normal + len(QWEN_SPECIALS) + i}]" for i in range(pads)]
    return {"tokens": tokens, "types": types, "merges": merges, "pre": "qwen2", "chat_template": CHAT_TEMPLATE}


def vocab_from(path: Path) -> dict:
    """Tokens, types, merges, pre-tokenizer (and chat template, if any) of a gpt2-type GGUF vocabulary."""
    import gguf

    reader = gguf.GGUFReader(str(path))

    def field(name: str):
        return reader.fields.get(name)

    def strings(name: str) -> list[str]:
        f = field(name)
        return [bytes(f.parts[i]).decode("utf-8") for i in f.data] if f is not None else []

    def scalar_string(name: str) -> str | None:
        f = field(name)
        return bytes(f.parts[f.data[0]]).decode("utf-8") if f is not None else None

    model = scalar_string("tokenizer.ggml.model")
    if model != "gpt2":
        raise SystemExit(f"{path}: tokenizer {model!r}; only byte-level BPE (gpt2) vocabularies are supported")
    types_field = field("tokenizer.ggml.token_type")
    template = scalar_string("tokenizer.chat_template") or ""
    return {
        "tokens": strings("tokenizer.ggml.tokens"),
        "types": [int(types_field.parts[i][0]) for i in types_field.data],
        "merges": strings("tokenizer.ggml.merges"),
        "pre": scalar_string("tokenizer.ggml.pre") or "default",
        "chat_template": template if "<|im_start|>" in template else CHAT_TEMPLATE,  # ChatML, or ours
    }


def _q4_k(rows: int, cols: int, rng: np.random.Generator) -> np.ndarray:
    """Random Q4_K rows: every sub-block's scale and min are 1, d = 0.05 / 7.5 and dmin = 7.5 d, so each
    weight is d * (q - 7.5), q a random 4-bit code: finite and within +-0.05."""
    blocks = rng.integers(0, 256, size=(rows, cols // QK_K, Q4_K_BYTES), dtype=np.uint8)
    d = np.float16(0.05 / 7.5)
    blocks[..., 0:2] = np.frombuffer(d.tobytes(), np.uint8)
    blocks[..., 2:4] = np.frombuffer(np.float16(7.5 * float(d)).tobytes(), np.uint8)
    blocks[..., 4:12] = 1  # 6-bit scales and mins of sub-blocks 0-3
    blocks[..., 12:16] = 0x11  # sub-blocks 4-7: low nibble scale 1, high nibble min 1
    return blocks.reshape(rows, -1)


def _q6_k(rows: int, cols: int, rng: np.random.Generator) -> np.ndarray:
    """Random Q6_K rows: scales 1 and d = 0.05 / 32, so each weight is d * (q - 32) for a random 6-bit q."""
    blocks = rng.integers(0, 256, size=(rows, cols // QK_K, Q6_K_BYTES), dtype=np.uint8)
    blocks[..., 192:208] = 1  # int8 scales
    blocks[..., 208:210] = np.frombuffer(np.float16(0.05 / 32).tobytes(), np.uint8)
    return blocks.reshape(rows, -1)


def layout(config: Config) -> list[tuple[str, int, int, str]]:
    """The tensors of the model: (name, rows, columns, GGML type); vectors have 1 row.

    Q4_K_M as the default model's file has it: token_embd Q4_K, output Q6_K, attn_v and ffn_down Q6_K on some
    blocks (the file's own choice for 28 blocks, llama.cpp's ``use_more_bits`` rule otherwise), the other
    matrices Q4_K; norms and biases F32.
    """
    if config.weights in ("f16", "f32"):
        matrix = embd = out = wide = config.weights.upper()
        q6: frozenset[int] = frozenset()
    elif config.weights == "q4_k_m":
        if config.embd % QK_K or config.ff % QK_K:
            raise SystemExit(f"q4_k_m needs n_embd and n_ff to be multiples of {QK_K}; use --weights f16")
        matrix, embd, out, wide = "Q4_K", "Q4_K", "Q6_K", "Q6_K"
        n = config.blocks
        q6 = DEFAULT_Q6_BLOCKS if n == DEFAULT.blocks else frozenset(
            i for i in range(n) if i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2)
    else:
        raise SystemExit(f"weights {config.weights!r}: use q4_k_m, f16 or f32")
    e, kv, ff = config.embd, config.kv_dim, config.ff
    tensors = [("token_embd.weight", config.vocab, e, embd), ("output_norm.weight", 1, e, "F32"),
               ("output.weight", config.vocab, e, out)]
    for i in range(config.blocks):
        b, v = f"blk.{i}", wide if i in q6 else matrix
        tensors += [
            (f"{b}.attn_norm.weight", 1, e, "F32"),
            (f"{b}.attn_q.weight", e, e, matrix), (f"{b}.attn_q.bias", 1, e, "F32"),
            (f"{b}.attn_k.weight", kv, e, matrix), (f"{b}.attn_k.bias", 1, kv, "F32"),
            (f"{b}.attn_v.weight", kv, e, v), (f"{b}.attn_v.bias", 1, kv, "F32"),
            (f"{b}.attn_output.weight", e, e, matrix),
            (f"{b}.ffn_norm.weight", 1, e, "F32"),
            (f"{b}.ffn_gate.weight", ff, e, matrix), (f"{b}.ffn_up.weight", ff, e, matrix),
            (f"{b}.ffn_down.weight", e, ff, v),
        ]
    return tensors


def tensor_bytes(rows: int, cols: int, kind: str) -> int:
    """Bytes of one tensor's data."""
    per_block = {"Q4_K": (QK_K, Q4_K_BYTES), "Q6_K": (QK_K, Q6_K_BYTES), "F16": (1, 2), "F32": (1, 4)}[kind]
    return rows * cols // per_block[0] * per_block[1]


def write_random_gguf(path: Path | str, config: Config = DEFAULT, vocab: Path | None = None, seed: int = 0,
                      log=print) -> Path:
    """Write the model to ``path``; returns it. ``vocab``: a GGUF to copy the tokenizer from."""
    import gguf

    path = Path(path)
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    tok = vocab_from(vocab) if vocab else synthetic_vocab(config.vocab)
    if len(tok["tokens"]) != config.vocab:
        log(f"vocabulary from {vocab}: {len(tok['tokens'])} tokens (the shape says {config.vocab}; using the file's)")
        config = dataclasses.replace(config, vocab=len(tok["tokens"]))

    writer = gguf.GGUFWriter(str(path), "qwen2")
    writer.add_name(f"random weights, {config.blocks} blocks, n_embd {config.embd} ({config.weights})")
    writer.add_context_length(config.context)
    writer.add_embedding_length(config.embd)
    writer.add_block_count(config.blocks)
    writer.add_feed_forward_length(config.ff)
    writer.add_head_count(config.heads)
    writer.add_head_count_kv(config.kv_heads)
    writer.add_rope_freq_base(config.rope_base)
    writer.add_layer_norm_rms_eps(config.rms_eps)
    writer.add_file_type({"q4_k_m": 15, "f16": 1, "f32": 0}[config.weights])
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre(tok["pre"])
    writer.add_token_list(tok["tokens"])
    writer.add_token_types(tok["types"])
    writer.add_token_merges(tok["merges"])
    ids = {t: i for i, t in enumerate(tok["tokens"])}
    end_of_text = ids.get("<|endoftext|>", 0)
    writer.add_bos_token_id(end_of_text)
    writer.add_eos_token_id(ids.get("<|im_end|>", end_of_text))
    writer.add_pad_token_id(end_of_text)
    writer.add_add_bos_token(False)
    writer.add_chat_template(tok["chat_template"])

    made: dict[tuple, np.ndarray] = {}  # one random array per (shape, type), shared by every block

    def data(rows: int, cols: int, kind: str) -> np.ndarray:
        key = (rows, cols, kind)
        if key not in made:
            if kind == "Q4_K":
                made[key] = _q4_k(rows, cols, rng)
            elif kind == "Q6_K":
                made[key] = _q6_k(rows, cols, rng)
            else:
                made[key] = (rng.standard_normal((rows, cols), dtype=np.float32) * 0.02).astype(
                    np.float16 if kind == "F16" else np.float32)
        return made[key]

    for name, rows, cols, kind in layout(config):
        if name.endswith("norm.weight"):
            writer.add_tensor(name, np.ones(cols, np.float32))
        elif name.endswith(".bias"):
            writer.add_tensor(name, data(1, cols, "F32")[0])
        elif kind in ("Q4_K", "Q6_K"):
            writer.add_tensor(name, data(rows, cols, kind), raw_dtype=getattr(gguf.GGMLQuantizationType, kind))
        else:
            writer.add_tensor(name, data(rows, cols, kind))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    log(f"wrote {path}: qwen2, {config.blocks} blocks, n_embd {config.embd}, n_ff {config.ff}, "
        f"{config.heads}/{config.kv_heads} heads, vocabulary {config.vocab} "
        f"({'from ' + str(vocab) if vocab else 'synthetic'}), {config.weights}, {path.stat().st_size:,} bytes "
        f"in {time.perf_counter() - started:.1f} s")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="the GGUF file to write")
    ap.add_argument("--tiny", action="store_true", help="2 blocks, n_embd 64, n_ff 128, vocabulary 512, f16")
    ap.add_argument("--vocab", type=Path, help="copy the tokenizer from this GGUF (its size wins)")
    ap.add_argument("--weights", choices=("q4_k_m", "f16", "f32"), help="tensor types (default: q4_k_m; --tiny: f16)")
    for name in ("blocks", "embd", "ff", "heads", "kv-heads", "context"):
        ap.add_argument(f"--{name}", type=int)
    ap.add_argument("--vocab-size", type=int, help="tokens of the synthetic vocabulary")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    config = TINY if args.tiny else DEFAULT
    changes = {k: v for k, v in {"blocks": args.blocks, "embd": args.embd, "ff": args.ff, "heads": args.heads,
                                  "kv_heads": args.kv_heads, "context": args.context, "vocab": args.vocab_size,
                                  "weights": args.weights}.items() if v is not None}
    write_random_gguf(args.out, dataclasses.replace(config, **changes), vocab=args.vocab, seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
