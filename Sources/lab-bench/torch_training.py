"""Training throughput of PyTorch (CPU, float64) on the same work as NNLab's Trainer and
numpy_training.py: a 64-256-256-10 ReLU MLP on the standardized digits, softmax cross-entropy,
minibatches of 64 shuffled every epoch, Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8), plus one
inference pass over the training set per epoch. THREADS intra-op threads. Prints the median
samples per second over 3 runs of EPOCHS epochs; exits 1 when torch is not importable.

usage: python3 torch_training.py DIGITS.csv.gz EPOCHS THREADS
"""
import gzip
import sys
import time

import numpy as np

try:
    import torch
except Exception:
    sys.exit(1)


def load(path):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    x, y = data[:, :64], data[:, 64].astype(int)
    std = x.std(axis=0)
    std[std == 0] = 1
    return torch.from_numpy((x - x.mean(axis=0)) / std), torch.from_numpy(y)


def train(x, y, epochs, seed):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(64, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256),
                                torch.nn.ReLU(), torch.nn.Linear(256, 10)).double()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = len(y)
    for _ in range(epochs):
        order = torch.randperm(n)
        for start in range(0, n, 64):
            idx = order[start:start + 64]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            if not torch.isfinite(loss):
                raise SystemExit("diverged")
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            (model(x).argmax(dim=1) == y).double().mean()


def main():
    path, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    x, y = load(path)
    rates = []
    for run in range(3):
        start = time.perf_counter()
        train(x, y, epochs, run)
        rates.append(epochs * len(y) / (time.perf_counter() - start))
    print(sorted(rates)[1])


if __name__ == "__main__":
    main()
