"""Trials per second of a straightforward numpy loop training the search lab's default net.

The same work as one trial of `lab search`: a 64-32-10 ReLU MLP (Kaiming-normal hidden weights,
a 0.1-gain Xavier output layer, zero biases), softmax cross-entropy, SGD with momentum 0.9 and L2
weight decay (v = mu v - lr (g + wd w); w += v, on every weight and bias, as NNLab's options apply
decay to every parameter the optimizer updates), 20 epochs of 32-digit minibatches shuffled every
epoch on 1077 digits, and after every epoch a forward pass over the training and the 360
validation digits for the accuracy history. float64. Prints trials per second over `trials`
trials with log-uniform learning rates in [1e-5, 1e-2] and weight decays in [1e-6, 1e-1].
"""
import gzip
import sys
import time

import numpy as np


def load(path):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    return data[:, :64], data[:, 64].astype(int)


def forward(params, x):
    w1, b1, w2, b2 = params
    z1 = x @ w1 + b1
    h1 = np.maximum(z1, 0)
    return z1, h1, h1 @ w2 + b2


def evaluate(params, x, y):
    s = forward(params, x)[2]
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return (s.argmax(axis=1) == y).mean(), -logp[np.arange(len(y)), y].mean()


def trial(x, y, xv, yv, lr, wd, rng, epochs=20, batch=32):
    params = [rng.standard_normal((64, 32)) * np.sqrt(2 / 64), np.zeros(32),
              rng.standard_normal((32, 10)) * 0.1 * np.sqrt(2 / 42), np.zeros(10)]
    velocity = [np.zeros_like(p) for p in params]
    n = len(y)
    best = 0
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = x[idx], y[idx]
            z1, h1, s = forward(params, xb)
            s = s - s.max(axis=1, keepdims=True)
            p = np.exp(s)
            p /= p.sum(axis=1, keepdims=True)
            ds = p
            ds[np.arange(len(yb)), yb] -= 1
            ds /= len(yb)
            dw2, db2 = h1.T @ ds, ds.sum(axis=0)
            dh1 = ds @ params[2].T * (z1 > 0)
            dw1, db1 = xb.T @ dh1, dh1.sum(axis=0)
            for i, g in enumerate([dw1, db1, dw2, db2]):
                velocity[i] = 0.9 * velocity[i] - lr * (g + wd * params[i])
                params[i] += velocity[i]
        evaluate(params, x, y)
        best = max(best, evaluate(params, xv, yv)[0])
    return best


def main():
    x, y = load(sys.argv[1])
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    rng = np.random.default_rng(0)
    order = rng.permutation(len(y))
    train, val = order[:1077], order[1077:1437]
    mean = x[train].mean(axis=0)
    sigma = (x[train] - mean).std()
    x = (x - mean) / sigma
    start = time.perf_counter()
    for _ in range(trials):
        lr = 10 ** rng.uniform(-5, -2)
        wd = 10 ** rng.uniform(-6, -1)
        trial(x[train], y[train], x[val], y[val], lr, wd, rng)
    print(trials / (time.perf_counter() - start))


if __name__ == "__main__":
    main()
