"""The seeded synthetic sequence task of week 5: digit words to digits ("three one four" -> "314").

Everything is generated from a seed, so every student has the same data and nothing is downloaded.
Training, validation and test sequences are disjoint; the `long` split holds sequences longer than any
training sequence.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
PAD, SOS, EOS = "<pad>", "<sos>", "<eos>"


class Vocab:
    """Tokens <-> integer ids. Id 0 is always the padding token."""

    def __init__(self, tokens, specials=(PAD,)):
        self.itos = list(specials) + [t for t in tokens if t not in specials]
        self.stoi = {t: i for i, t in enumerate(self.itos)}

    def __len__(self) -> int:
        return len(self.itos)

    def __getitem__(self, token: str) -> int:
        return self.stoi[token]

    def encode(self, tokens) -> list[int]:
        return [self.stoi[t] for t in tokens]

    def decode(self, ids, stop_at_eos: bool = True) -> list[str]:
        out = []
        for i in ids:
            token = self.itos[int(i)]
            if stop_at_eos and token == EOS:
                break
            if token not in (PAD, SOS):
                out.append(token)
        return out


SRC_VOCAB = Vocab(WORDS, specials=(PAD,))
TGT_VOCAB = Vocab([str(d) for d in range(10)], specials=(PAD, SOS, EOS))


@dataclass
class Split:
    """One split: `src` (N, S) word ids, `tgt` (N, T) digit ids ending in <eos>, both padded with 0."""
    src: "object"
    tgt: "object"
    src_lengths: "object"
    digits: list

    def __len__(self) -> int:
        return len(self.digits)

    def text(self, i: int) -> tuple[str, str]:
        """The i-th example as (source words, target digits)."""
        return " ".join(WORDS[d] for d in self.digits[i]), "".join(str(d) for d in self.digits[i])


@dataclass
class DigitWords:
    train: Split
    val: Split
    long: Split
    min_len: int
    max_len: int
    src_vocab: Vocab = SRC_VOCAB
    tgt_vocab: Vocab = TGT_VOCAB

    def __repr__(self) -> str:
        return (f"DigitWords: {len(self.train):,} training, {len(self.val):,} validation sequences of "
                f"{self.min_len} to {self.max_len} digits (disjoint); {len(self.long):,} longer ones of "
                f"{self.max_len + 1} to {self.max_len + 2} digits")


def pad(seqs, value: int = 0):
    """Lists of ids -> LongTensor (N, longest), padded with `value` on the right."""
    import torch

    longest = max(len(s) for s in seqs)
    out = torch.full((len(seqs), longest), value, dtype=torch.long)
    for i, s in enumerate(seqs):
        out[i, :len(s)] = torch.as_tensor(s, dtype=torch.long)
    return out


def _split(digit_lists) -> Split:
    import torch

    src = pad([SRC_VOCAB.encode([WORDS[d] for d in ds]) for ds in digit_lists])
    tgt = pad([TGT_VOCAB.encode([str(d) for d in ds] + [EOS]) for ds in digit_lists])
    return Split(src, tgt, torch.tensor([len(ds) for ds in digit_lists]), [list(ds) for ds in digit_lists])


def _unique(rng, n: int, lengths, taken: set) -> list:
    out = []
    while len(out) < n:
        length = int(rng.choice(lengths))
        ds = tuple(int(d) for d in rng.integers(0, 10, size=length))
        if ds not in taken:
            taken.add(ds)
            out.append(ds)
    return out


def make_digit_words(n_train: int = 8000, n_val: int = 1000, n_long: int = 500, min_len: int = 1,
                     max_len: int = 8, seed: int = 0) -> DigitWords:
    """The task from a seed: train/val/long splits, no sequence in two splits."""
    rng = np.random.default_rng(seed)
    taken: set = set()
    lengths = np.arange(min_len, max_len + 1)
    train = _unique(rng, n_train, lengths, taken)
    val = _unique(rng, n_val, lengths, taken)
    long = _unique(rng, n_long, np.arange(max_len + 1, max_len + 3), taken)
    return DigitWords(_split(train), _split(val), _split(long), min_len, max_len)


def batches(split: Split, batch_size: int, shuffle: bool = True, seed: int = 0):
    """Yield (src, tgt) mini-batches, trimmed to the longest sequence in the batch."""
    import torch

    n = len(split)
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed)) if shuffle else torch.arange(n)
    for start in range(0, n, batch_size):
        idx = order[start:start + batch_size]
        src, tgt = split.src[idx], split.tgt[idx]
        src = src[:, :int((src != 0).sum(1).max())]
        tgt = tgt[:, :int((tgt != 0).sum(1).max())]
        yield src, tgt


def exact_match(predicted, target, eos: int = TGT_VOCAB[EOS]) -> float:
    """Fraction of rows whose tokens up to (and including) the first <eos> equal the target's."""
    def cut(row):
        row = [int(t) for t in row]
        return row[:row.index(eos) + 1] if eos in row else row
    predicted, target = predicted.tolist(), target.tolist()
    hits = sum(cut(p) == cut(t) for p, t in zip(predicted, target))
    return hits / max(len(target), 1)
