"""Training throughput of a straightforward numpy loop doing `lab babysit`'s good run.

The same work as BabysitLab's watched training on the digits: a 64-64-64-10 ReLU MLP (Kaiming
normal), softmax cross-entropy, L2 lambda 1e-3 on the weights (0.5 lambda |W|^2), minibatches of
32 shuffled every epoch, SGD with momentum 0.9 at lr 0.01 (v = mu v - lr g, x += v), the
update-to-weight ratio |dW|/|W| of every weight matrix at every step, and an evaluation of the
training and validation sets after every epoch, float64. The training set has the lab's size
(1079 of the 1797 digits; 359 validation). Prints the median samples per second over 3 runs.
"""
import gzip
import sys
import time

import numpy as np


def load(path):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    x, y = data[:, :64], data[:, 64].astype(int)
    x = x - x[:1079].mean(axis=0)
    return x / x[:1079].std(), y


def scores(params, x):
    h = x
    for i in range(0, len(params) - 2, 2):
        h = np.maximum(h @ params[i] + params[i + 1], 0)
    return h @ params[-2] + params[-1]


def evaluate(params, x, y):
    s = scores(params, x)
    s = s - s.max(axis=1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=1, keepdims=True)
    return -np.log(p[np.arange(len(y)), y]).mean(), (s.argmax(axis=1) == y).mean()


def train(x, y, xv, yv, epochs, rng, lam=1e-3, lr=0.01, mu=0.9, batch=32):
    sizes = [64, 64, 64, 10]
    params = []
    for i in range(3):
        params.append(rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(2 / sizes[i]))
        params.append(np.zeros(sizes[i + 1]))
    velocity = [np.zeros_like(p) for p in params]
    ratios = []
    n = len(y)
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
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
            penalty = 0.5 * lam * sum((w * w).sum() for w in (w1, w2, w3))
            if not np.isfinite(loss + penalty):
                raise SystemExit("diverged")
            ds = p
            ds[np.arange(len(yb)), yb] -= 1
            ds /= len(yb)
            dw3, db3 = h2.T @ ds, ds.sum(axis=0)
            dh2 = ds @ w3.T * (z2 > 0)
            dw2, db2 = h1.T @ dh2, dh2.sum(axis=0)
            dh1 = dh2 @ w2.T * (z1 > 0)
            dw1, db1 = xb.T @ dh1, dh1.sum(axis=0)
            grads = [dw1 + lam * w1, db1, dw2 + lam * w2, db2, dw3 + lam * w3, db3]
            step = []
            for i, g in enumerate(grads):
                old = params[i].copy() if i % 2 == 0 else None
                velocity[i] = mu * velocity[i] - lr * g
                params[i] = params[i] + velocity[i]
                if old is not None:
                    step.append(np.linalg.norm(params[i] - old) / np.linalg.norm(old))
            ratios.append(step)
        evaluate(params, x, y)
        evaluate(params, xv, yv)
    return ratios


def main():
    path, epochs = sys.argv[1], int(sys.argv[2])
    x, y = load(path)
    x, xv, y, yv = x[:1079], x[1079:1438], y[:1079], y[1079:1438]
    rates = []
    for run in range(3):
        rng = np.random.default_rng(run)
        start = time.perf_counter()
        train(x, y, xv, yv, epochs, rng)
        rates.append(epochs * len(y) / (time.perf_counter() - start))
    print(sorted(rates)[1])


if __name__ == "__main__":
    main()
