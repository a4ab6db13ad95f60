"""Training throughput of a straightforward numpy MLP, for `make bench` to compare against.

The same work as NNLab's Trainer on the digits: a 64-256-256-10 ReLU MLP, softmax cross-entropy,
minibatches of 64 shuffled every epoch, Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8) on every
weight and bias, float64, plus one inference pass over the training set per epoch for the
accuracy history. Prints the median samples per second over 3 runs of `epochs` epochs.
"""
import gzip
import sys
import time

import numpy as np


def load(path):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    x, y = data[:, :64], data[:, 64].astype(int)
    std = x.std(axis=0)
    std[std == 0] = 1
    return (x - x.mean(axis=0)) / std, y


def train(x, y, epochs, rng):
    sizes = [64, 256, 256, 10]
    params = []
    for i in range(3):
        params.append(rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(2 / sizes[i]))
        params.append(np.zeros(sizes[i + 1]))
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    t = 0
    n = len(y)
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, 64):
            idx = order[start:start + 64]
            xb, yb = x[idx], y[idx]
            w1, b1, w2, b2, w3, b3 = params
            z1 = xb @ w1 + b1
            h1 = np.maximum(z1, 0)
            z2 = h1 @ w2 + b2
            h2 = np.maximum(z2, 0)
            s = h2 @ w3 + b3
            s = s - s.max(axis=1, keepdims=True)
            p = np.exp(s)
            p /= p.sum(axis=1, keepdims=True)
            loss = -np.log(p[np.arange(len(yb)), yb]).mean()
            if not np.isfinite(loss):
                raise SystemExit("diverged")
            ds = p
            ds[np.arange(len(yb)), yb] -= 1
            ds /= len(yb)
            dw3, db3 = h2.T @ ds, ds.sum(axis=0)
            dh2 = ds @ w3.T * (z2 > 0)
            dw2, db2 = h1.T @ dh2, dh2.sum(axis=0)
            dh1 = dh2 @ w2.T * (z1 > 0)
            dw1, db1 = xb.T @ dh1, dh1.sum(axis=0)
            t += 1
            for i, g in enumerate([dw1, db1, dw2, db2, dw3, db3]):
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                mhat = m[i] / (1 - 0.9 ** t)
                vhat = v[i] / (1 - 0.999 ** t)
                params[i] -= 1e-3 * mhat / (np.sqrt(vhat) + 1e-8)
        w1, b1, w2, b2, w3, b3 = params
        scores = np.maximum(np.maximum(x @ w1 + b1, 0) @ w2 + b2, 0) @ w3 + b3
        (scores.argmax(axis=1) == y).mean()


def main():
    path, epochs = sys.argv[1], int(sys.argv[2])
    x, y = load(path)
    rates = []
    for run in range(3):
        rng = np.random.default_rng(run)
        start = time.perf_counter()
        train(x, y, epochs, rng)
        rates.append(epochs * len(y) / (time.perf_counter() - start))
    print(sorted(rates)[1])


if __name__ == "__main__":
    main()
